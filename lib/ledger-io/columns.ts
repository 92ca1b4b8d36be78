/**
 * The ledger file's columns (interfaces.md §2–§3): the twelve the import reads, in the order the export
 * writes them, then the four computed ones only the export writes (the import accepts and ignores them,
 * so an export can be imported again unchanged).
 */
export const LEDGER_COLUMNS = [
  { key: "number", header: "编号", required: false },
  { key: "receivedOn", header: "收到日期", required: true },
  { key: "channel", header: "申请方式", required: false },
  { key: "applicantType", header: "申请人类型", required: true },
  { key: "applicantName", header: "申请人", required: true },
  { key: "idNumber", header: "证件号码", required: false },
  { key: "phone", header: "联系电话", required: false },
  { key: "address", header: "通讯地址", required: false },
  { key: "description", header: "申请内容", required: true },
  { key: "outcome", header: "办理结果", required: false },
  { key: "concludedOn", header: "办结日期", required: false },
  { key: "notes", header: "备注", required: false },
] as const;

export type LedgerColumnKey = (typeof LEDGER_COLUMNS)[number]["key"];
export type LedgerHeader = (typeof LEDGER_COLUMNS)[number]["header"];

export const COMPUTED_COLUMNS = [
  { key: "status", header: "状态" },
  { key: "replyDueOn", header: "答复期限" },
  { key: "dueNote", header: "期限说明" },
  { key: "overdue", header: "是否逾期" },
] as const;

export type ComputedColumnKey = (typeof COMPUTED_COLUMNS)[number]["key"];
export type ExportHeader = LedgerHeader | (typeof COMPUTED_COLUMNS)[number]["header"];

export const IMPORT_HEADERS: readonly LedgerHeader[] = LEDGER_COLUMNS.map((column) => column.header);
export const EXPORT_HEADERS: readonly ExportHeader[] = [...IMPORT_HEADERS, ...COMPUTED_COLUMNS.map((column) => column.header)];
export const REQUIRED_HEADERS: readonly LedgerHeader[] = LEDGER_COLUMNS.filter((column) => column.required).map((column) => column.header);

export const HEADER_OF: Record<LedgerColumnKey | ComputedColumnKey, ExportHeader> = Object.fromEntries(
  [...LEDGER_COLUMNS, ...COMPUTED_COLUMNS].map((column) => [column.key, column.header]),
) as Record<LedgerColumnKey | ComputedColumnKey, ExportHeader>;

const KEY_OF_HEADER = new Map<string, LedgerColumnKey | ComputedColumnKey>([...LEDGER_COLUMNS, ...COMPUTED_COLUMNS].map((column) => [column.header, column.key]));

/** Spaces (also full-width and non-breaking) and a BOM around a header are not part of it. */
export function normalizeHeader(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/[\s\u3000\u00A0]+/g, "");
}

export function columnKeyOfHeader(header: string): LedgerColumnKey | ComputedColumnKey | undefined {
  return KEY_OF_HEADER.get(normalizeHeader(header));
}

export function isComputedColumn(key: LedgerColumnKey | ComputedColumnKey): key is ComputedColumnKey {
  return COMPUTED_COLUMNS.some((column) => column.key === key);
}

/** 备注 of the template's example rows: such rows are skipped on import (and said so), never written. */
export const EXAMPLE_NOTE = "示例，导入前请删除";

export function isExampleNote(note: string): boolean {
  return note.replace(/[\s,，]/g, "") === EXAMPLE_NOTE.replace(/[\s,，]/g, "");
}
