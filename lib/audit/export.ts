import { csvLine } from "@/lib/ledger-io/cells";
import type { StoredEntry } from "./chain";
import { auditActionLabel } from "./schemas";

/**
 * The audit trail as CSV for archiving or review outside the system: in chain order (oldest first), every field
 * the hash covers, as stored, beside its readable form, so each row's hash can be recomputed from the copy
 * (`lib/audit/chain.ts`, `entryHash`): an empty cell stands for null, and a cell that starts with `'` before
 * `= + - @`, tab or CR lost that `'` on the way out (`restoreFormula`). Personal fields are markers in the trail
 * itself, and ID and phone numbers typed into free text were blanked when recorded (lib/audit/personal-fields.ts).
 */

export type AuditExportRow = StoredEntry & { agencyCode: string | null };

export const AUDIT_EXPORT_HEADERS = [
  "序号",
  "时间（北京时间）",
  "时间（UTC，原值）",
  "操作人",
  "操作人编号",
  "操作",
  "操作代码",
  "对象",
  "对象编号",
  "机构",
  "机构内部编号",
  "说明",
  "变更前",
  "变更后",
  "前一条哈希",
  "哈希",
] as const;

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant as Beijing wall time, `2026-11-30 02:01:28`; anything unreadable as it is. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

const text = (value: string | number | null) => (value === null ? "" : String(value));

export function auditExportCells(row: AuditExportRow): string[] {
  return [
    String(row.id),
    beijingTime(row.at),
    row.at,
    row.actorName,
    text(row.actorUserId),
    auditActionLabel(row.action),
    row.action,
    row.entity,
    text(row.entityId),
    text(row.agencyCode),
    text(row.agencyId),
    text(row.detail),
    text(row.before),
    text(row.after),
    text(row.prevHash),
    text(row.hash),
  ];
}

/** UTF-8 with a BOM (Excel and WPS open it in Chinese), CRLF, streamed a batch at a time. */
export async function* auditCsv(rows: AsyncIterable<AuditExportRow>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(AUDIT_EXPORT_HEADERS)}`;
  let batch = "";
  let count = 0;
  for await (const row of rows) {
    batch += csvLine(auditExportCells(row));
    if (++count % 500 === 0) {
      yield batch;
      batch = "";
    }
  }
  if (batch) yield batch;
}
