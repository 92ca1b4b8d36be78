import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isNull } from "drizzle-orm";
import { closeDatabase, openDatabaseFile, sqlite, writeTransaction } from "@/db/client";
import { verifyAuditChainOf } from "@/db/audit-chain";
import { sessions } from "@/db/schema";
import { describeChainReport } from "@/lib/audit/chain";
import { env } from "@/lib/env";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";
import {
  assertNotInUse,
  auditHead,
  checkCopy,
  checkForeignKeys,
  checkHeader,
  checkIntegrity,
  fsyncDirectory,
  fsyncFile,
  keptDatabaseName,
  removeDatabaseFiles,
  replaceDatabase,
  type AuditHead,
} from "./internal/database-files";

/** Operations only the system user (the CLI) may run; no signed-in role passes. */
const SYSTEM_ONLY = [] as const;

/** The largest page count SQLite's backup step takes: the whole database in one step. */
const ALL_PAGES = 0x7fffffff;

export type BackupResult = { file: string; bytes: number; auditHead: AuditHead };

/**
 * An online copy through SQLite's backup API, consistent while the server keeps writing: the whole database
 * is copied in one step inside one read transaction, so the copy is the database as of one moment (WAL lets
 * writers go on meanwhile). Copied in several steps, a write from another connection between two steps
 * would restart the copy, and under a steady load it might never finish. The copy is checked
 * (integrity_check, foreign_key_check, the audit trail up to the moment's last entry) and only then given
 * its name, so an interrupted backup never leaves a file that looks like one.
 */
export async function backupDatabase(target: string): Promise<BackupResult> {
  const actor = await requireActor({ roles: SYSTEM_ONLY });
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`目标文件已存在：${file}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  // Opening the app's own connection first brings the database up to date (migrations, the audit chain).
  const databaseFile = sqlite().name;
  const source = new Database(databaseFile, { fileMustExist: true });
  let head: AuditHead;
  try {
    source.exec("BEGIN");
    head = auditHead(source);
    await source.backup(partial, { progress: () => ALL_PAGES });
    source.exec("COMMIT");
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  } finally {
    source.close();
  }
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const problem = checkIntegrity(copy) ?? checkForeignKeys(copy);
      if (problem) throw new Error(`备份未完成：${problem}`);
      if (JSON.stringify(auditHead(copy)) !== JSON.stringify(head)) throw new Error("备份未完成：副本的审计日志与数据库不一致");
    } finally {
      copy.close();
    }
    // The copy holds password hashes, second-factor secrets and live session ids: for its owner's eyes only.
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    fs.renameSync(partial, file);
    fsyncDirectory(path.dirname(file));
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
  const bytes = fs.statSync(file).size;
  const upTo = head ? `，含审计日志至第 ${head.id} 条` : "";
  writeTransaction((tx) => recordAudit(tx, actor, { action: "system.backup", entity: "database", detail: `备份到 ${file}（${bytes} 字节${upTo}）` }));
  return { file, bytes, auditHead: head };
}

export type RestoreResult = { from: string; database: string; kept: string | null; auditEntries: number };

/**
 * Replaces the configured database with a backup, refusing anything that is not a sound database of this
 * app: not SQLite, cut short, failing integrity_check or foreign_key_check, from a newer version of the app,
 * or with an audit trail whose hash chain is broken. The backup is copied next to the database and checked
 * there, migrated (an older backup is brought up to date), given a `system.restore` audit entry and every
 * session of it ended (nobody carries on in a session the restore brought back), and only then renamed
 * into place. The old database stays beside it as `<file>.before-restore-<time>`. Refused while anything
 * has the database open: stop the server first.
 */
export async function restoreDatabase(source: string): Promise<RestoreResult> {
  const actor = await requireActor({ roles: SYSTEM_ONLY });
  const from = path.resolve(source);
  const target = path.resolve(env().databasePath);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new Error(`找不到备份文件：${from}`);
  if (fs.existsSync(target) && fs.realpathSync(from) === fs.realpathSync(target)) throw new Error("备份文件就是当前数据库本身");
  const refusal = (problem: string) => new Error(`无法恢复 ${from}：${problem}`);
  const headerProblem = checkHeader(from);
  if (headerProblem) throw refusal(headerProblem);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) {
    throw refusal(`旁边有尚未并入的 ${from}-wal（文件正被使用或未正常关闭）。请用 backup 命令备份，或先用 sqlite3 打开并关闭它一次`);
  }
  // This process's own connection would count as a user of the database.
  closeDatabase();
  assertNotInUse(target);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const prepared = `${target}.restoring-${process.pid}`;
  removeDatabaseFiles(prepared);
  const now = new Date();
  const kept = fs.existsSync(target) ? keptDatabaseName(target, now) : null;
  try {
    fs.copyFileSync(from, prepared);
    const copyProblem = checkCopy(prepared);
    if (copyProblem) throw refusal(copyProblem);
    const { sqlite: connection, db } = openDatabaseFile(prepared);
    let auditEntries: number;
    try {
      const chain = await verifyAuditChainOf(connection);
      if (!chain.ok) throw refusal(`审计日志被改动过。${describeChainReport(chain)}`);
      db.transaction(
        (tx) => {
          tx.update(sessions).set({ endedAt: now.toISOString() }).where(isNull(sessions.endedAt)).run();
          recordAudit(tx, actor, { action: "system.restore", entity: "database", detail: `从 ${from} 恢复（含审计日志至第 ${chain.head?.id ?? 0} 条）${kept ? `；恢复前的数据库另存为 ${kept}` : ""}` });
        },
        { behavior: "immediate" },
      );
      auditEntries = chain.entries + 1;
      connection.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      connection.close();
    }
    fsyncFile(prepared);
    replaceDatabase(target, prepared, kept);
    return { from, database: target, kept, auditEntries };
  } finally {
    removeDatabaseFiles(prepared);
  }
}
