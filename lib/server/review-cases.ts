import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, writeTransaction, type Db } from "@/db/client";
import { applications, reviewCases } from "@/db/schema";
import { reviewCaseDeletionSchema, reviewCaseSchema, type ReviewCaseInput, type ReviewCaseKind, type ReviewCaseResult } from "@/lib/report-workflow/review-case";
import { REVIEW_COLUMNS, REVIEW_GROUP_KEYS, type ReviewColumnKey, type ReviewGroupKey } from "@/lib/report/labels";
import { reportYearField } from "@/lib/report-workflow/numbers";
import { thisYearInChina } from "@/lib/report-workflow/workflow";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";
import { agencyOfActor } from "./internal/agency-scope";
import { reviewCellCondition } from "./internal/report-figures";

const REVIEW_COLUMN_KEYS = REVIEW_COLUMNS.map((column) => column.key);

/**
 * The register of administrative reconsideration and litigation cases about disclosure, from which
 * table 四 is counted (domain.md §4.4). Staff of the agency keep it; another agency's case answers as a
 * missing one.
 */

export type ReviewCase = {
  id: number;
  kind: ReviewCaseKind;
  trackingNumber: string | null;
  applicationId: number | null;
  reference: string | null;
  filedOn: string;
  result: ReviewCaseResult | null;
  concludedOn: string | null;
  notes: string | null;
  updatedAt: string;
};

type Row = typeof reviewCases.$inferSelect;

function withTrackingNumbers(tx: Db, rows: Row[]): ReviewCase[] {
  const numbers = new Map<number, string>();
  for (const row of rows) {
    if (row.applicationId === null || numbers.has(row.applicationId)) continue;
    const application = tx.select({ trackingNumber: applications.trackingNumber }).from(applications).where(eq(applications.id, row.applicationId)).get();
    if (application) numbers.set(row.applicationId, application.trackingNumber);
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    trackingNumber: row.applicationId === null ? null : (numbers.get(row.applicationId) ?? null),
    applicationId: row.applicationId,
    reference: row.reference,
    filedOn: row.filedOn,
    result: row.result,
    concludedOn: row.concludedOn,
    notes: row.notes,
    updatedAt: row.updatedAt,
  }));
}

/** The agency's cases, latest filed first. */
export async function listReviewCases(): Promise<ReviewCase[]> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const rows = tx.select().from(reviewCases).where(eq(reviewCases.agencyId, agency.id)).orderBy(desc(reviewCases.filedOn), desc(reviewCases.id)).all();
  return withTrackingNumbers(tx, rows);
}

const reviewCellRequest = (thisYear: number) =>
  z.object({
    year: reportYearField(thisYear),
    group: z.enum(REVIEW_GROUP_KEYS as [ReviewGroupKey, ...ReviewGroupKey[]], { error: "表四没有这一组" }),
    column: z.enum(REVIEW_COLUMN_KEYS as [ReviewColumnKey, ...ReviewColumnKey[]], { error: "表四没有这一列" }),
  });

export type ReviewCellListing = { year: number; group: ReviewGroupKey; column: ReviewColumnKey; cases: ReviewCase[] };

/** The cases counted in one cell of table 四, by the very condition that counts the cell; earliest filed first. */
export async function listReviewCasesInCell(raw: unknown): Promise<ReviewCellListing> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const request = reviewCellRequest(thisYearInChina()).parse(raw);
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const rows = tx
    .select()
    .from(reviewCases)
    .where(reviewCellCondition(agency.id, request.year, request.group, request.column))
    .orderBy(asc(reviewCases.filedOn), asc(reviewCases.id))
    .all();
  return { ...request, cases: withTrackingNumbers(tx, rows) };
}

const idSchema = z.coerce.number().int().positive();

function scopedCase(tx: Db, rawId: unknown, agencyId: number): Row {
  const id = idSchema.safeParse(rawId);
  const row = id.success ? tx.select().from(reviewCases).where(and(eq(reviewCases.id, id.data), eq(reviewCases.agencyId, agencyId))).get() : undefined;
  if (!row) deny("not_found");
  return row;
}

export async function getReviewCase(rawId: unknown): Promise<ReviewCase> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const tx = db();
  const agency = agencyOfActor(tx, actor);
  const [found] = withTrackingNumbers(tx, [scopedCase(tx, rawId, agency.id)]);
  if (!found) deny("not_found");
  return found;
}

/** The application a case is about, by tracking number, within the agency. */
function linkedApplication(tx: Db, agencyId: number, input: ReviewCaseInput): number | null {
  if (!input.trackingNumber) return null;
  const application = tx
    .select({ id: applications.id, receivedOn: applications.receivedOn })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), eq(applications.trackingNumber, input.trackingNumber)))
    .get();
  if (!application) throw new InputError({ trackingNumber: `本机关没有编号为 ${input.trackingNumber} 的申请` });
  if (input.filedOn < application.receivedOn) {
    throw new InputError({ filedOn: `申请复议或起诉的日期不能早于该申请的收到日期 ${application.receivedOn}` });
  }
  return application.id;
}

/** What the audit trail keeps of a case: no notes, which may name people. */
function auditView(row: Row) {
  return {
    kind: row.kind,
    applicationId: row.applicationId,
    reference: row.reference,
    filedOn: row.filedOn,
    result: row.result,
    concludedOn: row.concludedOn,
    hasNotes: Boolean(row.notes),
  };
}

export async function createReviewCase(raw: unknown): Promise<{ id: number }> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = reviewCaseSchema().parse(raw);
  return writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor);
    const applicationId = linkedApplication(tx, agency.id, input);
    const now = new Date().toISOString();
    const created = tx
      .insert(reviewCases)
      .values({
        agencyId: agency.id,
        kind: input.kind,
        applicationId,
        reference: input.reference,
        filedOn: input.filedOn,
        result: input.result,
        concludedOn: input.concludedOn,
        notes: input.notes,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "review_case.create", entity: "review_case", entityId: created.id, agencyId: agency.id, after: auditView(created) });
    return { id: created.id };
  });
}

export async function updateReviewCase(rawId: unknown, raw: unknown): Promise<void> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const input = reviewCaseSchema().parse(raw);
  writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor);
    const before = scopedCase(tx, rawId, agency.id);
    const applicationId = linkedApplication(tx, agency.id, input);
    tx.update(reviewCases)
      .set({
        kind: input.kind,
        applicationId,
        reference: input.reference,
        filedOn: input.filedOn,
        result: input.result,
        concludedOn: input.concludedOn,
        notes: input.notes,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(reviewCases.id, before.id))
      .run();
    const after = tx.select().from(reviewCases).where(eq(reviewCases.id, before.id)).get();
    recordAudit(tx, actor, {
      action: "review_case.update",
      entity: "review_case",
      entityId: before.id,
      agencyId: agency.id,
      before: auditView(before),
      after: after ? auditView(after) : null,
    });
  });
}

/**
 * Takes a case entered by mistake out of the register, and so out of table 四 of every report generated from now on
 * (published versions keep what they published). The audit trail keeps what the case was and why it went.
 */
export async function deleteReviewCase(rawId: unknown, raw: unknown): Promise<void> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const { reason } = reviewCaseDeletionSchema.parse(raw);
  writeTransaction((tx) => {
    const agency = agencyOfActor(tx, actor);
    const before = scopedCase(tx, rawId, agency.id);
    tx.delete(reviewCases).where(eq(reviewCases.id, before.id)).run();
    recordAudit(tx, actor, { action: "review_case.delete", entity: "review_case", entityId: before.id, agencyId: agency.id, before: auditView(before), after: null, detail: reason });
  });
}
