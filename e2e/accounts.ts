import fs from "node:fs";
import path from "node:path";

export const E2E_DIR = path.resolve(".e2e");
export const ACCOUNTS_FILE = path.join(E2E_DIR, "accounts.json");

/** Accounts the test server creates with generated passwords: no fixed password exists anywhere. */
export const ACCOUNT_SPECS = {
  admin: { role: "admin", agencyCode: null, displayName: "测试管理员" },
  clerk: { role: "clerk", agencyCode: "jccq", displayName: "测试经办人" },
  reviewer: { role: "reviewer", agencyCode: "jccq", displayName: "测试审核人" },
  auditor: { role: "auditor", agencyCode: null, displayName: "测试审计员" },
  locked: { role: "clerk", agencyCode: "jccq", displayName: "将被锁定" },
  disabled: { role: "clerk", agencyCode: "jccq", displayName: "将被停用" },
  signout: { role: "reviewer", agencyCode: "jccq", displayName: "退出测试" },
  ledgerclerk: { role: "clerk", agencyCode: "jccq", displayName: "台账经办人" },
  ledgerreviewer: { role: "reviewer", agencyCode: "jccq", displayName: "台账审核人" },
  otherclerk: { role: "clerk", agencyCode: "other", displayName: "另一机构经办人" },
  reportreviewer: { role: "reviewer", agencyCode: "other", displayName: "年度报告审核人" },
  // The ledger import's own agency (e2e/import.spec.ts): its ten thousand rows stay out of the other tests' lists.
  importclerk: { role: "clerk", agencyCode: "e2e-import", displayName: "导入经办人" },
} as const;

export type AccountName = keyof typeof ACCOUNT_SPECS;
export type Accounts = Record<AccountName, { username: string; password: string }>;

export function readAccounts(): Accounts {
  return JSON.parse(fs.readFileSync(ACCOUNTS_FILE, "utf8")) as Accounts;
}
