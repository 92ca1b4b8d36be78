import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("configuration", () => {
  it("stops a production server without a secret, with a Chinese message", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "too-short" })).toThrow(/不少于 32 个字符/);
  });

  it("accepts a long secret and resolves the database path", () => {
    const env = loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40), GONGKAI_DB: "some/where.db" });
    expect(env.authSecret).toBe("x".repeat(40));
    expect(env.databasePath.endsWith("some/where.db")).toBe(true);
  });

  it("takes the public address from NEXTAUTH_URL, without a trailing slash", () => {
    expect(loadEnv({ NODE_ENV: "development", NEXTAUTH_URL: "https://gongkai.example.gov.cn/" }).publicUrl).toBe("https://gongkai.example.gov.cn");
    expect(loadEnv({ NODE_ENV: "development" }).publicUrl).toBeNull();
  });

  it("defaults the database to data/gongkai.db outside production", () => {
    expect(loadEnv({ NODE_ENV: "development" }).databasePath.endsWith("data/gongkai.db")).toBe(true);
  });

  it("takes the import size limit in MB, 50 by default, and refuses a bad one in Chinese", () => {
    expect(loadEnv({ NODE_ENV: "development" }).importMaxBytes).toBe(50 * 1024 * 1024);
    expect(loadEnv({ NODE_ENV: "development", GONGKAI_IMPORT_MAX_MB: "8" }).importMaxBytes).toBe(8 * 1024 * 1024);
    for (const bad of ["0", "-3", "1.5", "lots", "5000"]) {
      expect(() => loadEnv({ NODE_ENV: "development", GONGKAI_IMPORT_MAX_MB: bad }), bad).toThrow(/GONGKAI_IMPORT_MAX_MB 应为 1 到 1024 之间的整数/);
    }
  });
});
