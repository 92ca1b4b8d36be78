import path from "node:path";
import { z } from "zod";

/**
 * All configuration comes through here, validated once. A production server without a proper
 * secret must not start: sessions signed with a guessable key can be forged.
 */
const MIN_SECRET_LENGTH = 32;

/** The largest ledger file (CSV or XLSX) an import accepts, in MiB; refused before it is read. */
export const DEFAULT_IMPORT_MAX_MB = 50;
const MAX_IMPORT_MAX_MB = 1024;
const IMPORT_MAX_MESSAGE = `GONGKAI_IMPORT_MAX_MB 应为 1 到 ${MAX_IMPORT_MAX_MB} 之间的整数（单位 MB），默认 ${DEFAULT_IMPORT_MAX_MB}`;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    GONGKAI_DB: z.string().min(1).optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL 必须是完整的网址，例如 http://localhost:3000" }).optional(),
    GONGKAI_IMPORT_MAX_MB: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === "" ? DEFAULT_IMPORT_MAX_MB : Number(value)))
      .pipe(
        z
          .number({ error: IMPORT_MAX_MESSAGE })
          .int({ error: IMPORT_MAX_MESSAGE })
          .min(1, { error: IMPORT_MAX_MESSAGE })
          .max(MAX_IMPORT_MAX_MB, { error: IMPORT_MAX_MESSAGE }),
      ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (env.NEXTAUTH_SECRET ?? "").length < MIN_SECRET_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: `生产环境必须设置 NEXTAUTH_SECRET，且不少于 ${MIN_SECRET_LENGTH} 个字符（可用 openssl rand -base64 48 生成）`,
      });
    }
  });

export type AppEnv = {
  nodeEnv: "development" | "production" | "test";
  databasePath: string;
  authSecret: string;
  /** GONGKAI_IMPORT_MAX_MB in bytes. */
  importMaxBytes: number;
  /** The app's public address (NEXTAUTH_URL), for absolute links such as the sitemap's; null when not configured. */
  publicUrl: string | null;
};

let cached: AppEnv | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`配置错误，无法启动：\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    nodeEnv: env.NODE_ENV,
    databasePath: path.resolve(/*turbopackIgnore: true*/ env.GONGKAI_DB ?? "data/gongkai.db"),
    // Development and tests get a fixed, obviously non-production key so they run without setup.
    authSecret: env.NEXTAUTH_SECRET || "gongkai-development-secret-not-for-production-use",
    importMaxBytes: env.GONGKAI_IMPORT_MAX_MB * 1024 * 1024,
    publicUrl: env.NEXTAUTH_URL ? env.NEXTAUTH_URL.replace(/\/+$/, "") : null,
  };
}

export function env(): AppEnv {
  cached ??= loadEnv();
  return cached;
}
