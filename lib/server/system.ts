import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sqlite, writeTransaction } from "@/db/client";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";
import { seedDemoData, type DemoCredential } from "./demo";

/** Operations only the system user (the CLI, the start script) may run; no signed-in role passes. */
const SYSTEM_ONLY = [] as const;

export { DEMO_AGENCY, DEMO_DEPARTMENT } from "./demo";

/** The demo accounts with their generated passwords and the agency each works in (null: admin, auditor). */
export type DemoCredentials = DemoCredential[];

/**
 * On an empty database, creates the demo data (lib/server/demo: two agencies, one account per role
 * plus the department's clerk, a ledger since 2021, review cases, published reports) and returns the
 * accounts with their generated passwords, once, for printing. Returns null when the database already
 * holds anything. All or nothing: it runs as one transaction.
 */
export async function ensureDemoData(): Promise<DemoCredentials | null> {
  await requireActor({ roles: SYSTEM_ONLY });
  return seedDemoData();
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
