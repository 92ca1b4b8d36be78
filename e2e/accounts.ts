import fs from "node:fs";
import path from "node:path";

export const E2E_DIR = path.resolve(".e2e");
export const ACCOUNTS_FILE = path.join(E2E_DIR, "accounts.json");

/**
 * Accounts the test server creates with generated passwords: no fixed password exists anywhere. Admin
 * and auditor accounts get the second factor their role requires, with a generated secret written
 * beside the password (`totpSecret`), unless marked `unenrolled`.
 */
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
  // The review-case register (e2e/review-cases.spec.ts): its own agency, so no other test's table 四 moves.
  caseclerk: { role: "clerk", agencyCode: "e2e-cases", displayName: "案件经办人" },
  // The second factor (e2e/second-factor.spec.ts): a clerk who enrols on the page, an admin who must enrol first.
  tfaclerk: { role: "clerk", agencyCode: "jccq", displayName: "二次验证经办人" },
  tfaadmin: { role: "admin", agencyCode: null, displayName: "待绑定的管理员", unenrolled: true },
  // Admins and auditors of their own for spec files that sign in once: a code is accepted once per account and
  // 30-second step, so specs sharing one account wait for each other's steps.
  headersadmin: { role: "admin", agencyCode: null, displayName: "响应头测试管理员" },
  xssadmin: { role: "admin", agencyCode: null, displayName: "注入测试管理员" },
  xssauditor: { role: "auditor", agencyCode: null, displayName: "注入测试审计员" },
  chainauditor: { role: "auditor", agencyCode: null, displayName: "审计链测试审计员" },
  a11yadmin: { role: "admin", agencyCode: null, displayName: "无障碍测试管理员" },
  a11yauditor: { role: "auditor", agencyCode: null, displayName: "无障碍测试审计员" },
  // The security suite (e2e/security): a user of another agency, and sessions that a disable or a lockout must end.
  secother: { role: "reviewer", agencyCode: "other", displayName: "他机构审核人" },
  secdisabled: { role: "clerk", agencyCode: "jccq", displayName: "会话中被停用" },
  seclocked: { role: "clerk", agencyCode: "jccq", displayName: "会话中被锁定" },
} as const;

export type AccountName = keyof typeof ACCOUNT_SPECS;
export type Accounts = Record<AccountName, { username: string; password: string; totpSecret?: string }>;

export function readAccounts(): Accounts {
  return JSON.parse(fs.readFileSync(ACCOUNTS_FILE, "utf8")) as Accounts;
}
