import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { and, eq, lt, notInArray } from "drizzle-orm";
import { z } from "zod";
import { db, writeTransaction } from "@/db/client";
import { ledgerImports, type LedgerImportState } from "@/db/schema";
import { todayInChina } from "@/lib/calendar";
import { env } from "@/lib/env";
import { IMPORT_HEADERS } from "@/lib/ledger-io/columns";
import { previewLedgerRows } from "@/lib/ledger-io/preview";
import type { TextEncoding } from "@/lib/ledger-io/read-csv";
import { readLedgerFile, type LedgerFileFormat, type LedgerFileSource, type SkippedRow } from "@/lib/ledger-io/read-ledger-file";
import { bufferSource } from "@/lib/ledger-io/source";
import type { ImportIssue } from "@/lib/ledger-io/validate-row";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor, type Actor, type UserActor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";
import { agencyOfActor } from "./internal/agency-scope";
import { loadWorkingCalendar } from "./internal/calendar";
import { applyImport, planImport, type ApplyResult } from "./internal/ledger-import";
import { withSearchIndexDeferred } from "./internal/search-index";
import type { Db } from "@/db/client";

/** What an import did, or would do: the same for the CLI, the web preview and the audit trail. */
export type ImportSummary = {
  fileName: string;
  format: LedgerFileFormat | null;
  encoding: TextEncoding | null;
  /** Data rows (not empty, the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: SkippedRow[];
  /** Every problem; any at all and nothing is written. */
  issues: ImportIssue[];
  /** Worth knowing, not in the way (a conclusion kept that the file leaves empty). */
  warnings: ImportIssue[];
  updatedRows: number[];
  unchangedRows: number[];
  written: boolean;
  /** Tracking numbers given to the first and last application created. */
  firstCreated: string | null;
  lastCreated: string | null;
};

const MB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

/** Refused before a byte is read (GONGKAI_IMPORT_MAX_MB). */
function refuseTooLarge(size: number): void {
  const max = env().importMaxBytes;
  if (size > max) throw new InputError({ file: `文件有 ${megabytes(size)} MB，超过了导入上限 ${megabytes(max)} MB（由 GONGKAI_IMPORT_MAX_MB 设定）` });
}

function byRow(a: ImportIssue, b: ImportIssue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

type Scope = { actor: Actor; agencyId: number };

/**
 * Reads the whole file (streaming), checks every row, then checks the rows against the ledger and, unless
 * it is a dry run or anything is wrong, writes them all in one transaction with one audit entry. `inWrite`
 * runs inside that transaction (the web import marks its upload as imported there).
 */
async function processFile(
  scope: Scope,
  source: LedgerFileSource,
  options: { dryRun: boolean; onProgress?: (rows: number) => void | Promise<void>; inWrite?: (tx: Db, summary: ImportSummary) => void; importId?: string },
): Promise<ImportSummary> {
  const fileName = path.basename(source.name);
  const read = await readLedgerFile(source, { today: todayInChina(), onProgress: options.onProgress });
  const summarize = (plan: ReturnType<typeof planImport>, applied: ApplyResult | null): ImportSummary => ({
    fileName,
    format: read.format,
    encoding: read.encoding,
    rows: read.rowCount,
    created: applied ? applied.created : plan.rows.filter((row) => row.kind === "create").length,
    updated: applied ? applied.updated : plan.rows.filter((row) => row.kind === "update").length,
    unchanged: applied ? applied.unchanged : plan.rows.filter((row) => row.kind === "unchanged").length,
    skipped: read.skipped,
    issues: [...read.issues, ...plan.issues].sort(byRow),
    warnings: plan.warnings,
    updatedRows: plan.rows.filter((row) => row.kind === "update").map((row) => row.record.row),
    unchangedRows: plan.rows.filter((row) => row.kind === "unchanged").map((row) => row.record.row),
    written: applied !== null,
    firstCreated: applied?.firstCreated ?? null,
    lastCreated: applied?.lastCreated ?? null,
  });

  if (options.dryRun || read.issues.length > 0) {
    const reader = db();
    return summarize(planImport(reader, scope.agencyId, read.records, { calendar: loadWorkingCalendar(reader), fileName }), null);
  }
  return writeTransaction((tx) => {
    const calendar = loadWorkingCalendar(tx);
    const plan = planImport(tx, scope.agencyId, read.records, { calendar, fileName });
    if (plan.issues.length > 0) return summarize(plan, null);
    const now = new Date().toISOString();
    const applied = withSearchIndexDeferred(tx, () => applyImport({ tx, agencyId: scope.agencyId, actor: scope.actor, calendar, now, fileName }, plan));
    const summary = summarize(plan, applied);
    recordAudit(tx, scope.actor, {
      action: "application.import",
      entity: "ledger_import",
      entityId: options.importId ?? null,
      agencyId: scope.agencyId,
      after: {
        fileName,
        format: summary.format,
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        skipped: summary.skipped.length,
        firstCreated: summary.firstCreated,
        lastCreated: summary.lastCreated,
        updatedApplications: applied.updatedNumbers,
      },
      detail: `台账导入：${fileName}`,
    });
    options.inWrite?.(tx, summary);
    return summary;
  });
}

async function importScope(agencyCode?: string): Promise<Scope> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  return { actor, agencyId: agencyOfActor(db(), actor, agencyCode).id };
}

/**
 * Imports a ledger file into the caller's agency (the system names one: the CLI), or with `dryRun` only says
 * what it would do. Problems are returned, not thrown: the summary lists every one, and then nothing is written.
 */
export async function importLedgerFile(source: LedgerFileSource, options: { agencyCode?: string; dryRun?: boolean } = {}): Promise<ImportSummary> {
  const scope = await importScope(options.agencyCode);
  refuseTooLarge(source.size);
  return processFile(scope, source, { dryRun: options.dryRun ?? false });
}

// ── On the web: upload → check in the background → preview → confirm → write in the background ──────────

/** How long an upload is kept for its confirmation. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const PREVIEW_PAGE_SIZE = 100;

/** Running checks and writes of this process, with their progress (kept in memory: a write per step would cost an fsync). */
type Jobs = Map<string, { done: Promise<void>; rowsRead: number }>;
const holder = globalThis as typeof globalThis & { __gongkaiImportJobs?: Jobs };
function jobs(): Jobs {
  holder.__gongkaiImportJobs ??= new Map();
  return holder.__gongkaiImportJobs;
}

type StoredResult = { summary?: ImportSummary; failure?: string };

function store(id: string, values: { state: LedgerImportState; result?: StoredResult; rowsRead?: number; dropContent?: boolean }, tx: Db = db()): void {
  tx.update(ledgerImports)
    .set({
      state: values.state,
      ...(values.result ? { result: JSON.stringify(values.result) } : {}),
      ...(values.rowsRead !== undefined ? { rowsRead: values.rowsRead } : {}),
      ...(values.dropContent ? { content: null } : {}),
      updatedAt: new Date().toISOString(),
    })
    .where(eq(ledgerImports.id, id))
    .run();
}

function failureMessage(error: unknown): string {
  if (error instanceof InputError) return Object.values(error.fieldErrors).join("；");
  return "处理文件时出错，未写入任何内容。请重新上传；如果再次出错，请联系管理员。";
}

/** Runs a check or a write of one upload in the background, at most one at a time per upload. */
function startJob(id: string, work: (progress: (rows: number) => void) => Promise<void>, onError: (error: unknown) => void): Promise<void> {
  const job = { done: Promise.resolve(), rowsRead: 0 };
  jobs().set(id, job);
  job.done = work((rows) => {
    job.rowsRead = rows;
  })
    .catch((error: unknown) => {
      console.error(`ledger import ${id} failed`, error);
      onError(error);
    })
    .finally(() => jobs().delete(id));
  return job.done;
}

function sourceOf(row: typeof ledgerImports.$inferSelect): LedgerFileSource {
  if (!row.content) throw new InputError({ _form: "上传的文件已不在服务器上，请重新上传" });
  return bufferSource(row.fileName, row.content);
}

function checkJob(id: string, scope: Scope): Promise<void> {
  return startJob(
    id,
    async (progress) => {
      const row = db().select().from(ledgerImports).where(eq(ledgerImports.id, id)).get();
      if (!row) return;
      const summary = await processFile(scope, sourceOf(row), { dryRun: true, onProgress: progress });
      store(id, { state: "checked", result: { summary }, rowsRead: summary.rows });
    },
    (error) => store(id, { state: "failed", result: { failure: failureMessage(error) }, dropContent: true }),
  );
}

function writeJob(id: string, scope: Scope): Promise<void> {
  return startJob(
    id,
    async (progress) => {
      const row = db().select().from(ledgerImports).where(eq(ledgerImports.id, id)).get();
      if (!row) return;
      const summary = await processFile(scope, sourceOf(row), {
        dryRun: false,
        importId: id,
        onProgress: progress,
        inWrite: (tx, written) => store(id, { state: "imported", result: { summary: written }, rowsRead: written.rows, dropContent: true }, tx),
      });
      // The ledger changed since the preview and the file no longer passes: back to the preview, nothing written.
      if (!summary.written) store(id, { state: "checked", result: { summary }, rowsRead: summary.rows });
    },
    (error) => store(id, { state: "failed", result: { failure: failureMessage(error) }, dropContent: true }),
  );
}

/** A clerk's or reviewer's own upload; anyone else's answers as missing. */
async function ownUpload(rawId: unknown): Promise<{ actor: UserActor; scope: Scope; row: typeof ledgerImports.$inferSelect }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  if (actor.kind !== "user") throw new InputError({ _form: "网页导入只供经办人和审核人使用；命令行请用 import 命令" });
  const agencyId = agencyOfActor(db(), actor).id;
  const id = z.string().regex(/^[0-9a-f]{32}$/).safeParse(rawId);
  const row = id.success ? db().select().from(ledgerImports).where(eq(ledgerImports.id, id.data)).get() : undefined;
  if (!row || row.userId !== actor.userId || row.agencyId !== agencyId || row.expiresAt < new Date().toISOString()) deny("not_found");
  return { actor, scope: { actor, agencyId }, row };
}

/**
 * Takes an uploaded ledger file (a File from the form), keeps it for the confirmation and starts checking it.
 * The check runs in the background; `job` settles when it is done (the page shows its progress meanwhile).
 */
export async function startLedgerImport(rawFile: unknown): Promise<{ id: string; job: Promise<void> }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  if (actor.kind !== "user") throw new InputError({ _form: "网页导入只供经办人和审核人使用；命令行请用 import 命令" });
  const agencyId = agencyOfActor(db(), actor).id;
  if (!(rawFile instanceof File) || rawFile.size === 0) throw new InputError({ file: "请选择要导入的台账文件（.xlsx 或 .csv）" });
  refuseTooLarge(rawFile.size);
  const fileName = path.basename(rawFile.name || "台账").slice(-200);
  const content = Buffer.from(await rawFile.arrayBuffer());
  const id = randomBytes(16).toString("hex");
  const now = new Date();
  writeTransaction((tx) => {
    // Uploads past their time go, with the personal data in them; one that is being worked on stays.
    const busy = [...jobs().keys()];
    tx.delete(ledgerImports)
      .where(busy.length > 0 ? and(lt(ledgerImports.expiresAt, now.toISOString()), notInArray(ledgerImports.id, busy)) : lt(ledgerImports.expiresAt, now.toISOString()))
      .run();
    tx.insert(ledgerImports)
      .values({
        id,
        agencyId,
        userId: actor.userId,
        fileName,
        size: content.byteLength,
        content,
        state: "checking",
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + KEEP_MS).toISOString(),
      })
      .run();
  });
  return { id, job: checkJob(id, { actor, agencyId }) };
}

/** Writes a checked upload without problems; the write runs in the background, `job` settles when it is done. */
export async function confirmLedgerImport(rawId: unknown): Promise<{ id: string; job: Promise<void> }> {
  const { row, scope } = await ownUpload(rawId);
  const result = row.result ? (JSON.parse(row.result) as StoredResult) : {};
  if (row.state !== "checked" || jobs().has(row.id)) throw new InputError({ _form: row.state === "imported" ? "这个文件已经导入" : "文件还在处理中，请稍候" });
  if (!result.summary || result.summary.issues.length > 0) throw new InputError({ _form: "文件中有错误，不能导入：请修改后重新上传" });
  // Only one confirmation wins, even when two arrive at once.
  const claimed = writeTransaction((tx) =>
    tx.update(ledgerImports).set({ state: "importing", rowsRead: 0, updatedAt: new Date().toISOString() }).where(and(eq(ledgerImports.id, row.id), eq(ledgerImports.state, "checked"))).run(),
  );
  if (claimed.changes !== 1) throw new InputError({ _form: "文件正在导入" });
  return { id: row.id, job: writeJob(row.id, scope) };
}

/** Drops an upload that will not be imported (with the personal data in it). */
export async function discardLedgerImport(rawId: unknown): Promise<void> {
  const { row } = await ownUpload(rawId);
  if (jobs().has(row.id)) throw new InputError({ _form: "文件正在处理，完成后才能放弃" });
  writeTransaction((tx) => tx.delete(ledgerImports).where(eq(ledgerImports.id, row.id)).run());
}

export type PreviewLine = {
  row: number;
  values: string[];
  status: "create" | "update" | "unchanged" | "skipped" | "invalid";
  issues: { column: string | null; message: string }[];
  notes: string[];
};

export type LedgerImportView = {
  id: string;
  fileName: string;
  size: number;
  state: LedgerImportState;
  running: boolean;
  rowsRead: number;
  createdAt: string;
  expiresAt: string;
  summary: ImportSummary | null;
  failure: string | null;
  headers: readonly string[];
  preview: { page: number; pages: number; onlyErrors: boolean; lines: PreviewLine[] } | null;
};

const viewOptionsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  errors: z.enum(["1"]).optional().catch(undefined),
});

/** One upload as its page shows it: progress while it runs; afterwards the summary, every problem, a page of rows. */
export async function getLedgerImport(rawId: unknown, rawOptions: unknown = {}): Promise<LedgerImportView> {
  const { row, scope } = await ownUpload(rawId);
  const options = viewOptionsSchema.parse(rawOptions ?? {});
  let current = row;
  // A check or write cut off by a restart of the server: check again (a cut-off write wrote nothing).
  if ((current.state === "checking" || current.state === "importing") && !jobs().has(current.id) && current.content) {
    store(current.id, { state: "checking", rowsRead: 0 });
    void checkJob(current.id, scope);
    current = { ...current, state: "checking", rowsRead: 0 };
  }
  const stored = current.result ? (JSON.parse(current.result) as StoredResult) : {};
  const summary = current.state === "checking" ? null : (stored.summary ?? null);
  const running = jobs().get(current.id);
  const view: LedgerImportView = {
    id: current.id,
    fileName: current.fileName,
    size: current.size,
    state: current.state,
    running: running !== undefined,
    rowsRead: running?.rowsRead ?? current.rowsRead,
    createdAt: current.createdAt,
    expiresAt: current.expiresAt,
    summary,
    failure: stored.failure ?? null,
    headers: IMPORT_HEADERS,
    preview: null,
  };
  // A file the check could not read (a CSV quote never closed, a broken workbook) has no rows to show; reading it again would fail again.
  if (!summary || current.state !== "checked" || !current.content || summary.rows === 0) return view;

  const issuesByRow = new Map<number, ImportIssue[]>();
  for (const issue of summary.issues) if (issue.row !== null) issuesByRow.set(issue.row, [...(issuesByRow.get(issue.row) ?? []), issue]);
  const onlyErrors = options.errors === "1" && issuesByRow.size > 0;
  const total = onlyErrors ? issuesByRow.size : summary.rows;
  const pages = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
  const page = Math.min(options.page, pages);
  const selection = onlyErrors
    ? { rowNumbers: new Set([...issuesByRow.keys()].sort((a, b) => a - b).slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE)) }
    : { from: (page - 1) * PREVIEW_PAGE_SIZE, count: PREVIEW_PAGE_SIZE };
  const rows = await previewLedgerRows(sourceOf(current), selection, summary.encoding);
  const skipped = new Map(summary.skipped.map((entry) => [entry.row, entry.reason]));
  const updated = new Set(summary.updatedRows);
  const unchanged = new Set(summary.unchangedRows);
  const warnings = new Map<number, string[]>();
  for (const warning of summary.warnings) if (warning.row !== null) warnings.set(warning.row, [...(warnings.get(warning.row) ?? []), warning.message]);
  view.preview = {
    page,
    pages,
    onlyErrors,
    lines: rows.map((line) => {
      const issues = issuesByRow.get(line.row) ?? [];
      const skip = skipped.get(line.row);
      const status: PreviewLine["status"] = issues.length > 0 ? "invalid" : skip ? "skipped" : updated.has(line.row) ? "update" : unchanged.has(line.row) ? "unchanged" : "create";
      return { ...line, status, issues: issues.map(({ column, message }) => ({ column, message })), notes: [...(skip ? [skip] : []), ...(warnings.get(line.row) ?? [])] };
    }),
  };
  return view;
}

/** The caller's recent uploads (not yet expired), newest first, for the import page. */
export async function listLedgerImports(): Promise<{ id: string; fileName: string; state: LedgerImportState; createdAt: string }[]> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  if (actor.kind !== "user") return [];
  return db()
    .select({ id: ledgerImports.id, fileName: ledgerImports.fileName, state: ledgerImports.state, createdAt: ledgerImports.createdAt, expiresAt: ledgerImports.expiresAt })
    .from(ledgerImports)
    .where(eq(ledgerImports.userId, actor.userId))
    .all()
    .filter((row) => row.expiresAt >= new Date().toISOString())
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .slice(0, 10)
    .map(({ id, fileName, state, createdAt }) => ({ id, fileName, state, createdAt }));
}
