import { createHash } from "node:crypto";

/**
 * The audit trail as a hash chain: each entry's hash covers its own fields and the hash of the entry before
 * it, so changing an entry breaks its own hash, and removing one breaks the link of the entry after it.
 * The hash has no key: it shows that the trail is not as it was written, as long as the head hash (printed
 * by `audit verify` and `backup`) is also kept somewhere the database's owner cannot rewrite.
 */

/** The fields an entry's hash covers, as stored. */
export type ChainedEntry = {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  agencyId: number | null;
  before: string | null;
  after: string | null;
  detail: string | null;
};

export type StoredEntry = ChainedEntry & { prevHash: string | null; hash: string | null };

/** Named in the hashed text so a future change of the serialisation can be told apart from tampering. */
const CHAIN_FORMAT = "gongkai.audit-chain/1";

/**
 * A JSON array in a fixed order: every field is a string, an integer or null, for which JSON.stringify is
 * deterministic, and a string cannot run into the next field.
 */
export function canonicalEntry(entry: ChainedEntry, prevHash: string | null): string {
  return JSON.stringify([
    CHAIN_FORMAT,
    entry.id,
    entry.at,
    entry.actorUserId,
    entry.actorName,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.agencyId,
    entry.before,
    entry.after,
    entry.detail,
    prevHash,
  ]);
}

export function entryHash(entry: ChainedEntry, prevHash: string | null): string {
  return createHash("sha256").update(canonicalEntry(entry, prevHash), "utf8").digest("hex");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as the database will give it back. SQLite stores UTF-8, in which half of a surrogate pair has no
 * form: the driver would store bytes that read back as other characters, and the hash of what was written
 * would not be the hash of what is read. Such halves become U+FFFD before the entry is hashed and stored.
 */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

export type ChainBreakKind =
  /** The entry has no hash: it was written around the chain. */
  | "unchained"
  /** Entries are missing before this one (their ids are skipped). */
  | "missing"
  /** The entry's prev_hash is not the hash of the entry before it. */
  | "relinked"
  /** The entry's fields no longer give its hash. */
  | "altered"
  /** Entries after the last one are missing (the database issued higher ids). */
  | "missing_tail";

export type ChainBreak = {
  kind: ChainBreakKind;
  /** The entry where the chain breaks: the changed one, or the first one after removed entries. */
  entryId: number | null;
  at: string | null;
  /** For `missing` and `missing_tail`: the ids that are gone. */
  missing?: { from: number; to: number };
};

export type ChainHead = { id: number; at: string; hash: string };

export type ChainReport = { ok: true; entries: number; head: ChainHead | null } | { ok: false; entries: number; break: ChainBreak };

/**
 * Follows the chain one entry at a time, in id order, so entries can come from a database cursor in as
 * many pieces as the caller likes. `add` returns the break an entry shows (the walk ends there);
 * `finish` takes the highest id the database ever gave an entry (SQLite's AUTOINCREMENT sequence), which
 * shows entries removed from the end; null when unknown.
 */
export function chainWalker() {
  let previous: StoredEntry | null = null;
  let count = 0;
  return {
    add(entry: StoredEntry): ChainReport | null {
      const found = breakAt(entry, previous);
      if (found) return { ok: false, entries: count, break: found };
      previous = entry;
      count += 1;
      return null;
    },
    finish(lastIssuedId: number | null): ChainReport {
      const lastId = previous?.id ?? 0;
      if (lastIssuedId !== null && lastIssuedId > lastId) {
        const missing = { from: lastId + 1, to: lastIssuedId };
        return { ok: false, entries: count, break: { kind: "missing_tail", entryId: previous?.id ?? null, at: previous?.at ?? null, missing } };
      }
      const head = previous?.hash ? { id: previous.id, at: previous.at, hash: previous.hash } : null;
      return { ok: true, entries: count, head };
    },
  };
}

/** The whole walk over entries in id order; stops reading at the first break. */
export function verifyChain(entries: Iterable<StoredEntry>, lastIssuedId: number | null = null): ChainReport {
  const walker = chainWalker();
  for (const entry of entries) {
    const broken = walker.add(entry);
    if (broken) return broken;
  }
  return walker.finish(lastIssuedId);
}

function breakAt(entry: StoredEntry, previous: StoredEntry | null): ChainBreak | null {
  const at = { entryId: entry.id, at: entry.at };
  if (entry.hash === null) return { kind: "unchained", ...at };
  // Ids come from AUTOINCREMENT: a rolled-back insert gives its id back, so a skipped id is a removed entry.
  const expectedId = (previous?.id ?? 0) + 1;
  if (entry.id !== expectedId) return { kind: "missing", ...at, missing: { from: expectedId, to: entry.id - 1 } };
  if (entry.prevHash !== (previous?.hash ?? null)) return { kind: "relinked", ...at };
  if (entryHash(entry, entry.prevHash) !== entry.hash) return { kind: "altered", ...at };
  return null;
}

function beijingTime(at: string | null): string {
  if (!at) return "";
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? at : time.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** One line for the CLI and the auditor's page. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) {
    if (!report.head) return "审计链完整：审计日志为空";
    return `审计链完整：共 ${report.entries} 条，最后一条为第 ${report.head.id} 条（${beijingTime(report.head.at)}），哈希 ${report.head.hash}`;
  }
  const { kind, entryId, at, missing } = report.break;
  const where = `第 ${entryId} 条（${beijingTime(at)}）`;
  const range = missing ? (missing.from === missing.to ? `第 ${missing.from} 条` : `第 ${missing.from}–${missing.to} 条`) : "";
  switch (kind) {
    case "unchained":
      return `审计链在${where}处断开：该条没有哈希，不是经审计链写入的`;
    case "missing":
      return `审计链在${where}处断开：此前的${range}已被删除`;
    case "relinked":
      return `审计链在${where}处断开：它记录的前一条哈希与第 ${(entryId ?? 1) - 1} 条的哈希不符（其中一条被改动过）`;
    case "altered":
      return `审计链在${where}处断开：该条内容与其哈希不符（被改动过）`;
    case "missing_tail":
      return entryId === null ? `审计链断开：全部审计日志（${range}）已被删除` : `审计链在${where}之后断开：其后的${range}已被删除`;
  }
}
