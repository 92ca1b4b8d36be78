/** Time limits of 条例 (国务院令第711号) and 国办函〔2020〕109号, in working days. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7; // art. 30
export const REPLY_WORKING_DAYS = 20; // art. 33
export const EXTENSION_WORKING_DAYS = 20; // art. 33
export const CONSULTATION_ANSWER_WORKING_DAYS = 15; // art. 32
export const FEE_PAYMENT_WORKING_DAYS = 20; // 国办函〔2020〕109号

export const PARTY_LABELS = { third_party: "第三方", agency: "其他机关" } as const;
