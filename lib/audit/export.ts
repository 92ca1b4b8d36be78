import { csvLine } from "@/lib/ledger-io/cells";
import { auditActionLabel } from "./schemas";

/**
 * The audit trail as CSV for archiving or review outside the system: in chain order (oldest first), every entry
 * with its hashes, so a copy can be checked against `audit verify`. Personal fields are already markers in the
 * trail itself (lib/audit/personal-fields.ts); cells a spreadsheet would run are defused as in the ledger export.
 */

export type AuditExportRow = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  agencyCode: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
  prevHash: string | null;
  hash: string | null;
};

export const AUDIT_EXPORT_HEADERS = ["序号", "时间（北京时间）", "操作人", "操作", "操作代码", "对象", "对象编号", "机构", "说明", "变更前", "变更后", "前一条哈希", "哈希"] as const;

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant as Beijing wall time, `2026-11-30 02:01:28`; anything unreadable as it is. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

export function auditExportCells(row: AuditExportRow): string[] {
  return [
    String(row.id),
    beijingTime(row.at),
    row.actorName,
    auditActionLabel(row.action),
    row.action,
    row.entity,
    row.entityId ?? "",
    row.agencyCode ?? "",
    row.detail ?? "",
    row.before ?? "",
    row.after ?? "",
    row.prevHash ?? "",
    row.hash ?? "",
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
