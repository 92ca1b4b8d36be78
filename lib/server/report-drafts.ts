import "server-only";
import type { AuditAction } from "@/lib/audit/schemas";
import { eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { agencies, reportDrafts, reportVersions } from "@/db/schema";
import { runChecks } from "@/lib/report/checks";
import { PROSE_SECTION_KEYS } from "@/lib/report/labels";
import { parseAnnualReport, type AnnualReport } from "@/lib/report/schema";
import { proactiveSchema } from "@/lib/report-workflow/proactive";
import { importOptionsSchema, publishSchema, returnSchema, sectionsSchema, thisYearInChina, yearSchema } from "@/lib/report-workflow/workflow";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";
import { agencyOfActor } from "./internal/agency-scope";
import {
  blockingChecks,
  buildDraftReport,
  draftRow,
  latestPublished,
  storedProactive,
  storedSections,
  versionNumbers,
  type AgencyRef,
  type DraftRow,
  type StoredSections,
} from "./internal/report-draft";

/**
 * Changing the annual report of the caller's agency: table 二, the prose, the workflow (submit, return,
 * publish) and historical reports. Clerks and reviewers edit; only a reviewer publishes or enters a
 * historical report, because both make a version the public sees. Every change is one transaction with
 * its audit entry; the audit keeps figures and prose, never an applicant's data.
 */

type Options = { agencyCode?: string };

const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

/** What the audit trail keeps of a draft. */
function draftAuditView(row: DraftRow | undefined) {
  if (!row) return null;
  return {
    workflow: row.workflow,
    proactive: storedProactive(row),
    sections: storedSections(row),
  };
}

/** The draft row of the year, created (empty) on first use. */
function ensureDraftRow(tx: Db, actor: Actor, agency: AgencyRef, year: number): DraftRow {
  const existing = draftRow(tx, agency.id, year);
  if (existing) return existing;
  return tx
    .insert(reportDrafts)
    .values({ agencyId: agency.id, year, workflow: "draft", updatedAt: new Date().toISOString(), updatedBy: userId(actor) })
    .returning()
    .get();
}

function refuseWhileSubmitted(row: DraftRow | undefined): void {
  if (row?.workflow === "submitted") throw new InputError({ _form: "报告已提交审核，请先退回草稿再修改" });
}

function refuseUnfinishedYear(year: number, what: string): void {
  if (year >= thisYearInChina()) throw new InputError({ _form: `${year} 年尚未结束，年度报告不能${what}` });
}

function refuseFailingChecks(report: AnnualReport, what: string): void {
  const failing = blockingChecks(report);
  if (failing.length === 0) return;
  const first = failing[0]?.message ?? "";
  throw new InputError({ _form: `还有 ${failing.length} 项校验未通过，不能${what}。${first}${failing.length > 1 ? " 等" : ""}` });
}

function audit(tx: Db, actor: Actor, agency: AgencyRef, year: number, action: AuditAction, before: unknown, after: unknown, detail?: string | null): void {
  recordAudit(tx, actor, { action, entity: "annual_report", entityId: `${agency.code}/${year}`, agencyId: agency.id, before, after, detail: detail ?? null });
}

/** Saves table 二 (nine counts and the fee amount in 万元). */
export async function saveProactive(raw: unknown, options: Options = {}): Promise<void> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = proactiveSchema().parse(raw);
  writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor, options.agencyCode);
    const before = draftRow(tx, agency.id, input.year);
    refuseWhileSubmitted(before);
    const row = ensureDraftRow(tx, actor, agency, input.year);
    tx.update(reportDrafts)
      .set({ proactive: JSON.stringify(input.proactive), updatedAt: new Date().toISOString(), updatedBy: userId(actor) })
      .where(eq(reportDrafts.id, row.id))
      .run();
    audit(tx, actor, agency, input.year, "report.proactive", draftAuditView(before), draftAuditView(draftRow(tx, agency.id, input.year)));
  });
}

/**
 * Saves the prose sections 一, 五, 六, or restores one (or all) to the generated sentences. A text saved
 * unchanged from the generated one stays generated, so it keeps following the tables.
 */
export async function saveSections(raw: unknown, options: Options = {}): Promise<{ restored: boolean }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = sectionsSchema().parse(raw);
  return writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor, options.agencyCode);
    const before = draftRow(tx, agency.id, input.year);
    refuseWhileSubmitted(before);
    const { generated } = buildDraftReport(tx, agency, input.year);
    const current = storedSections(before);
    let next: StoredSections;
    if (input.restore) {
      next = input.restore === "all" ? {} : { ...current };
      if (input.restore !== "all") delete next[input.restore];
    } else {
      next = {};
      for (const key of PROSE_SECTION_KEYS) {
        const text = input[key];
        if (text !== generated[key].trim()) next[key] = text;
      }
    }
    const row = ensureDraftRow(tx, actor, agency, input.year);
    tx.update(reportDrafts)
      .set({ sections: Object.keys(next).length === 0 ? null : JSON.stringify(next), updatedAt: new Date().toISOString(), updatedBy: userId(actor) })
      .where(eq(reportDrafts.id, row.id))
      .run();
    audit(tx, actor, agency, input.year, input.restore ? "report.sections_restore" : "report.sections", draftAuditView(before), draftAuditView(draftRow(tx, agency.id, input.year)));
    return { restored: input.restore !== null };
  });
}

/** Hands the draft to the reviewer: only a finished year, and only while every error check passes. */
export async function submitReport(raw: unknown, options: Options = {}): Promise<void> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = yearSchema().parse(raw);
  writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor, options.agencyCode);
    const before = draftRow(tx, agency.id, input.year);
    if (before?.workflow === "submitted") throw new InputError({ _form: "报告已经提交" });
    refuseUnfinishedYear(input.year, "提交");
    refuseFailingChecks(buildDraftReport(tx, agency, input.year).report, "提交");
    const row = ensureDraftRow(tx, actor, agency, input.year);
    const now = new Date().toISOString();
    tx.update(reportDrafts).set({ workflow: "submitted", submittedAt: now, submittedBy: userId(actor), updatedAt: now, updatedBy: userId(actor) }).where(eq(reportDrafts.id, row.id)).run();
    audit(tx, actor, agency, input.year, "report.submit", draftAuditView(before), draftAuditView(draftRow(tx, agency.id, input.year)));
  });
}

/** Takes a submitted report back to draft, for more changes. */
export async function returnReportToDraft(raw: unknown, options: Options = {}): Promise<void> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = returnSchema().parse(raw);
  writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor, options.agencyCode);
    const before = draftRow(tx, agency.id, input.year);
    if (!before || before.workflow !== "submitted") throw new InputError({ _form: "报告不在已提交状态" });
    tx.update(reportDrafts)
      .set({ workflow: "draft", submittedAt: null, submittedBy: null, updatedAt: new Date().toISOString(), updatedBy: userId(actor) })
      .where(eq(reportDrafts.id, before.id))
      .run();
    audit(tx, actor, agency, input.year, "report.return", draftAuditView(before), draftAuditView(draftRow(tx, agency.id, input.year)), input.reason);
  });
}

export type PublishResult = { version: number };

/**
 * Publishes the draft: freezes the complete report (status "published", checks included) as the next
 * version of the year. From the second version on a 更正说明 is required. The draft then goes back to
 * draft state, keeping its content, ready for a correction.
 */
export async function publishReport(raw: unknown, options: Options = {}): Promise<PublishResult> {
  const actor = await requireActor({ roles: ["reviewer"] });
  const input = publishSchema().parse(raw);
  return writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor, options.agencyCode);
    refuseUnfinishedYear(input.year, "发布");
    const { report } = buildDraftReport(tx, agency, input.year);
    refuseFailingChecks(report, "发布");
    const version = (versionNumbers(tx, agency.id, input.year)[0]?.version ?? 0) + 1;
    if (version >= 2 && !input.correctionNote) {
      throw new InputError({ correctionNote: `该年度报告已发布过，发布第 ${version} 版须填写更正说明` });
    }
    const snapshot: AnnualReport = { ...report, status: "published" };
    const now = new Date().toISOString();
    tx.insert(reportVersions)
      .values({
        agencyId: agency.id,
        year: input.year,
        version,
        historical: false,
        snapshot: JSON.stringify(snapshot),
        correctionNote: version >= 2 ? input.correctionNote : null,
        publishedAt: now,
        publishedBy: userId(actor),
      })
      .run();
    const before = draftRow(tx, agency.id, input.year);
    const row = ensureDraftRow(tx, actor, agency, input.year);
    tx.update(reportDrafts).set({ workflow: "draft", submittedAt: null, submittedBy: null, updatedAt: now, updatedBy: userId(actor) }).where(eq(reportDrafts.id, row.id)).run();
    audit(
      tx,
      actor,
      agency,
      input.year,
      "report.publish",
      draftAuditView(before),
      { version, historical: false, correctionNote: version >= 2 ? input.correctionNote : null, warnings: (report.checks ?? []).filter((check) => !check.ok).map((check) => check.where) },
      input.correctionNote,
    );
    return { version };
  });
}

export type ImportResult = { agency: { code: string; name: string }; year: number; version: number; report: AnnualReport };

/**
 * Stores a report from before the agency used gongkai, as typed, with its checks run against the year
 * before: a published error is kept and flagged, not fixed. The JSON names the agency: staff may enter
 * only their own; the system any. Refused once the year has a report published from the ledger.
 */
export async function importHistoricalReport(json: unknown, rawOptions: unknown = {}): Promise<ImportResult> {
  const actor = await requireActor({ roles: ["reviewer"] });
  const options = importOptionsSchema.parse(rawOptions);
  const parsed = parseAnnualReport(json);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const error of parsed.errors) errors[error.path || "_form"] ??= error.message;
    throw new InputError(errors);
  }
  const typed = parsed.report;
  return writeTransaction((tx) => {
    if (actor.kind === "system" && !tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, typed.agency.code)).get()) {
      throw new InputError({ "agency.code": `机构 ${typed.agency.code} 不存在，请先创建该机构` });
    }
    const agency = agencyOfActor(tx, actor, typed.agency.code);
    // Another agency's report answers as if that agency did not exist.
    if (agency.code !== typed.agency.code) deny("not_found");
    if (typed.year >= thisYearInChina()) throw new InputError({ year: "只能录入已经结束的年度的报告" });
    const existing = versionNumbers(tx, agency.id, typed.year);
    if (existing.some((row) => !row.historical)) {
      throw new InputError({ _form: `${typed.year} 年已有由台账生成并发布的报告，不能再录入历史报告` });
    }
    const version = (existing[0]?.version ?? 0) + 1;
    if (version >= 2 && !options.correctionNote) {
      throw new InputError({ correctionNote: `${typed.year} 年已有历史报告，录入第 ${version} 版须填写更正说明` });
    }
    const previous = latestPublished(tx, agency.id, typed.year - 1);
    const report: AnnualReport = { ...typed, status: "historical" };
    report.checks = runChecks(report, previous?.report ?? null);
    tx.insert(reportVersions)
      .values({
        agencyId: agency.id,
        year: typed.year,
        version,
        historical: true,
        snapshot: JSON.stringify(report),
        correctionNote: version >= 2 ? options.correctionNote : null,
        publishedAt: new Date().toISOString(),
        publishedBy: userId(actor),
      })
      .run();
    audit(tx, actor, agency, typed.year, "report.import_historical", null, {
      version,
      historical: true,
      correctionNote: version >= 2 ? options.correctionNote : null,
      failedChecks: (report.checks ?? []).filter((check) => !check.ok).map((check) => ({ id: check.id, where: check.where })),
    });
    return { agency: { code: agency.code, name: agency.name }, year: typed.year, version, report };
  });
}
