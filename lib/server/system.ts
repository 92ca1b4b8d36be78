import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db, sqlite, writeTransaction } from "@/db/client";
import { agencies, users, type Role } from "@/db/schema";
import { requireActor } from "./actor";
import { createAgency } from "./agencies";
import { recordAudit } from "./audit-write";
import { createUser } from "./users";

/** Operations only the system user (the CLI, the start script) may run; no signed-in role passes. */
const SYSTEM_ONLY = [] as const;

export const DEMO_AGENCY = { code: "jccq", name: "晋城市城区人民政府办公室" } as const;

const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; agencyCode: string | null }[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", agencyCode: null },
  { username: "clerk", displayName: "王经办", role: "clerk", agencyCode: DEMO_AGENCY.code },
  { username: "reviewer", displayName: "李主任", role: "reviewer", agencyCode: DEMO_AGENCY.code },
  { username: "auditor", displayName: "赵审计", role: "auditor", agencyCode: null },
];

export type DemoCredentials = { username: string; role: Role; password: string }[];

/**
 * On an empty database, creates the demo agency and one account per role with generated passwords,
 * returned once for printing. Returns null when the database already holds anything.
 */
export async function ensureDemoData(): Promise<DemoCredentials | null> {
  await requireActor({ roles: SYSTEM_ONLY });
  const anyUser = db().select({ id: users.id }).from(users).limit(1).get();
  const anyAgency = db().select({ id: agencies.id }).from(agencies).limit(1).get();
  if (anyUser || anyAgency) return null;
  await createAgency(DEMO_AGENCY);
  const credentials: DemoCredentials = [];
  for (const account of DEMO_ACCOUNTS) {
    const { password } = await createUser(account, { mustChangePassword: false });
    credentials.push({ username: account.username, role: account.role, password });
  }
  return credentials;
}

/** An online copy through SQLite's backup API: consistent even while the server keeps writing. */
export async function backupDatabase(target: string): Promise<{ file: string; bytes: number }> {
  const actor = await requireActor({ roles: SYSTEM_ONLY });
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`目标文件已存在：${file}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sqlite().backup(file);
  const bytes = fs.statSync(file).size;
  writeTransaction((tx) => recordAudit(tx, actor, { action: "system.backup", entity: "database", detail: `备份到 ${file}（${bytes} 字节）` }));
  return { file, bytes };
}
