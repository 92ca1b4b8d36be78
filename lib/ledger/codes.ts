/** The fixed vocabularies of the ledger, with the Chinese labels staff see. */

export const CHANNELS = ["in_person", "registered_post", "ordinary_post", "online", "email", "fax", "other"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: "当面",
  registered_post: "邮寄（需签收）",
  ordinary_post: "平信",
  online: "网络",
  email: "电子邮件",
  fax: "传真",
  other: "其他",
};

export const FORMS_WANTED = ["paper", "electronic", "inspection", "other"] as const;
export type FormWanted = (typeof FORMS_WANTED)[number];
export const FORM_WANTED_LABELS: Record<FormWanted, string> = {
  paper: "纸质文本",
  electronic: "电子数据（电子邮件、光盘等）",
  inspection: "当场查阅、抄录",
  other: "其他",
};

/** The ledger's statuses, in the order the list shows them (issue: 办理中 … 已作废). */
export const LEDGER_STATUSES = ["open", "awaiting_correction", "consulting", "extended", "awaiting_fee", "concluded", "voided"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
  open: "办理中",
  awaiting_correction: "待补正",
  consulting: "征求意见中",
  extended: "已延期",
  awaiting_fee: "待缴费",
  concluded: "已办结",
  voided: "已作废",
};
/** Statuses in which the reply clock runs or stands paused: everything not closed. */
export const ACTIVE_STATUSES = ["open", "awaiting_correction", "consulting", "extended", "awaiting_fee"] as const satisfies readonly LedgerStatus[];

export const DELIVERY_LABELS = { in_person: "当面送达（申请人签收日）", post: "邮政寄送（交邮日）", electronic: "电子方式", unknown: "未注明" } as const;
/** What staff choose from when they record a reply; 未注明 only comes with an imported conclusion. */
export const RECORDED_DELIVERIES = ["in_person", "post", "electronic"] as const satisfies readonly (keyof typeof DELIVERY_LABELS)[];
export const PARTY_LABELS = { third_party: "第三方", agency: "其他机关" } as const;
