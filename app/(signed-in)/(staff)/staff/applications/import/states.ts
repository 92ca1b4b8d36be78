import type { LedgerImportState } from "@/db/schema";

export const IMPORT_STATE_LABELS: Record<LedgerImportState, string> = {
  checking: "正在检查",
  checked: "已检查，待确认",
  importing: "正在导入",
  imported: "已导入",
  failed: "处理失败",
};
