import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { latestMigrationTime } from "@/db/client";

/**
 * Database files as files: the checks a backup passes before it is given its name and a restore before it
 * replaces anything, and the replacement itself. Messages are Chinese, for the CLI to print as they are.
 */

/** The audit trail's last entry: what a backup contains up to. */
export type AuditHead = { id: number; hash: string | null } | null;

export function auditHead(connection: Database.Database): AuditHead {
  return (connection.prepare("select id, hash from audit_log order by id desc limit 1").get() as AuditHead | undefined) ?? null;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename is durable once the directory holding it is written out. */
export function fsyncDirectory(directory: string): void {
  const fd = fs.openSync(directory, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

export function checkIntegrity(connection: Database.Database): string | null {
  let problems: string[];
  try {
    problems = (connection.pragma("integrity_check(5)") as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    return `数据库文件已损坏（${error instanceof Error ? error.message : String(error)}）`;
  }
  if (problems.length === 1 && problems[0] === "ok") return null;
  return `数据库文件已损坏，完整性检查（integrity_check）未通过：${problems.join("；")}`;
}

export function checkForeignKeys(connection: Database.Database): string | null {
  const broken = connection.pragma("foreign_key_check") as { table: string; rowid: number | null; parent: string }[];
  const first = broken[0];
  if (!first) return null;
  return `数据库中的数据不一致，外键检查（foreign_key_check）未通过：表 ${first.table} 第 ${first.rowid} 行引用的 ${first.parent} 记录不存在（共 ${broken.length} 处）`;
}

const SQLITE_MAGIC = "SQLite format 3\0";

/** What the first 100 bytes say about the file: not SQLite at all, or cut short. */
export function checkHeader(file: string): string | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, "r");
  let read: number;
  let size: number;
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
    size = fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
  if (read < header.length || header.toString("latin1", 0, 16) !== SQLITE_MAGIC) return `不是 SQLite 数据库文件：${file}`;
  const storedPageSize = header.readUInt16BE(16);
  const pageSize = storedPageSize === 1 ? 65536 : storedPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `不是 SQLite 数据库文件（文件头无效）：${file}`;
  // The page count in the header is only current when the "valid for" number equals the change counter.
  const pageCount = header.readUInt32BE(28);
  const headerIsCurrent = header.readUInt32BE(92) === header.readUInt32BE(24);
  const expected = headerIsCurrent ? pageCount * pageSize : null;
  if (size % pageSize !== 0 || (expected !== null && size < expected)) {
    return `文件不完整（被截断）：${file} 只有 ${size} 字节${expected !== null ? `，应为 ${expected} 字节` : ""}`;
  }
  return null;
}

/** Whether the file is a database of this app, and not of a newer version of it. */
function checkMigrations(connection: Database.Database): string | null {
  const tables = connection.prepare("select name from sqlite_master where type = 'table' and name in ('__drizzle_migrations', 'audit_log')").pluck().all();
  if (tables.length !== 2) return "不是 gongkai 的数据库（没有迁移记录或审计日志）";
  const newest = connection.prepare("select max(created_at) from __drizzle_migrations").pluck().get() as number | null;
  if (newest !== null && newest > latestMigrationTime()) {
    return `数据库来自更新版本的 gongkai（其最新迁移为 ${new Date(newest).toISOString()}，本程序只认识到 ${new Date(latestMigrationTime()).toISOString()}）：请用该版本或更新的版本恢复`;
  }
  return null;
}

/** The checks that run on the untouched copy, before migrations may change anything. */
export function checkCopy(file: string): string | null {
  const connection = new Database(file, { fileMustExist: true });
  try {
    return checkIntegrity(connection) ?? checkForeignKeys(connection) ?? checkMigrations(connection);
  } finally {
    connection.close();
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

const IN_USE = "数据库正在被使用（服务是否仍在运行？）：请先停止服务，再恢复";

/**
 * A connection holding an exclusive lock on the database, or null when the file is too damaged to be
 * read. In WAL mode every connection holds a shared lock for as long as it is open, so getting the
 * exclusive one proves nobody else has the file open; holding it keeps anyone from opening it.
 */
function lockExclusively(file: string): Database.Database | null {
  const guard = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    guard.pragma("locking_mode = EXCLUSIVE");
    guard.prepare("select count(*) from sqlite_master").get();
    return guard;
  } catch (error) {
    guard.close();
    if (isBusy(error)) throw new Error(IN_USE);
    return null;
  }
}

/** Refuses early, before a long check of the backup, when the database is in use. */
export function assertNotInUse(file: string): void {
  if (fs.existsSync(file)) lockExclusively(file)?.close();
}

/** Where a restore keeps the database it replaces: beside it, named by the time of the restore. */
export function keptDatabaseName(target: string, now: Date): string {
  return `${target}.before-restore-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}

/**
 * Puts the prepared file in the database's place, keeping the old database as `kept`, under the exclusive
 * lock. Leaving WAL mode under that lock writes the WAL's content into the file and removes the -wal file,
 * so the new file cannot be paired with the old one's WAL, and closing the lock's connection afterwards
 * touches no file by name. A database too damaged to read (what a restore is for) is moved aside as it is.
 */
export function replaceDatabase(target: string, prepared: string, kept: string | null): void {
  const guard = kept ? lockExclusively(target) : null;
  try {
    if (kept && guard) {
      guard.pragma("journal_mode = DELETE");
      fs.copyFileSync(target, kept);
      fsyncFile(kept);
    } else if (kept) {
      for (const suffix of ["", "-wal"]) if (fs.existsSync(`${target}${suffix}`)) fs.renameSync(`${target}${suffix}`, `${kept}${suffix}`);
    }
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(prepared, target);
    fsyncDirectory(path.dirname(target));
  } finally {
    guard?.close();
  }
}
