import fs from "node:fs";
import { parseAnnualReport } from "../../lib/report/schema";
import { historicalEntryValues } from "../../lib/report-workflow/historical-entry";
import { proactiveFormValues } from "../../lib/report-workflow/proactive";
import { PROBE_AGENCY, PROBE_YEAR, type ProbeRecords } from "./records";
import type { ActionFields } from "./requests";

/**
 * For every server action, a submission that would change something if its caller were let through:
 * aimed at the probe agency's records and accounts (e2e/security/records.ts). Used by the direct calls
 * of a refused caller (direct-actions.spec.ts) and by the cross-site requests of an allowed one
 * (csrf.spec.ts). An action of the build missing here fails both.
 */

type Payload = (records: ProbeRecords) => ActionFields;

/** The corrected 2022 report of the seed agency (one whose checks all pass); read from its file, as JSON modules need an import attribute here. */
const REPORT = (() => {
  const parsed = parseAnnualReport((JSON.parse(fs.readFileSync("lib/report/fixtures/jincheng-chengqu-2022.json", "utf8")) as { corrected: unknown }).corrected);
  if (!parsed.success) throw new Error("the seed report does not parse");
  return parsed.report;
})();

/** A registration the ledger accepts. */
const registration = {
  channel: "in_person",
  arrivedOn: "2025-08-04",
  receivedOn: "",
  applicantType: "natural_person",
  applicantName: "冒名申请人",
  idNumber: "11010519491231002X",
  phone: "13812345678",
  description: "冒名登记的申请",
  formWanted: "paper",
};

const LEDGER_CSV = "编号,收到日期,申请人类型,申请人,申请内容\r\nROGUE-1,2025-08-04,自然人,冒名导入人,冒名导入的申请\r\n";

export const PAYLOADS: Record<string, Payload> = {
  signOutAction: () => ({}),
  changePasswordAction: () => ({ currentPassword: "not-the-password", newPassword: "a-rogue-new-password", confirmPassword: "a-rogue-new-password" }),
  beginEnrollmentAction: () => ({}),
  confirmEnrollmentAction: () => ({ code: "123456" }),
  regenerateRecoveryCodesAction: () => ({ code: "123456" }),
  disableSecondFactorAction: () => ({ code: "123456" }),
  createUserAction: () => ({ username: "intruder", displayName: "闯入者", role: "admin", agencyCode: "" }),
  updateUserAction: (records) => ({ id: records.userId, displayName: "被改名", role: "admin", agencyCode: "" }),
  setUserDisabledAction: (records) => ({ id: records.userId, disabled: "true" }),
  resetPasswordAction: (records) => ({ id: records.userId }),
  resetSecondFactorAction: (records) => ({ id: records.secondFactorUserId, confirm: "yes" }),
  unlockUserAction: (records) => ({ id: records.userId }),
  createAgencyAction: () => ({ code: "rogue", name: "冒名机构", parentCode: "" }),
  updateAgencyAction: () => ({ code: PROBE_AGENCY.code, name: "被改名的机构", parentCode: "", active: "false" }),
  setCalendarDayAction: () => ({ date: "2026-06-01", kind: "holiday", name: "假节日" }),
  removeCalendarDayAction: () => ({ date: "2026-10-01" }),
  setCalendarYearAction: () => ({ year: "2026", published: "false" }),
  registerApplicationAction: () => registration,
  updateRegistrationAction: (records) => ({ id: records.applicationId, ...registration, arrivedOn: "2025-06-10", changeReason: "冒名修改" }),
  recordEventAction: (records) => ({ id: records.applicationId, type: "consultation_sent", date: "2025-06-12", party: "third_party", addressee: "冒名公司" }),
  correctEventAction: (records) => ({ id: records.applicationId, correctsEventId: records.eventId, withdraw: "true", correctionReason: "冒名撤销" }),
  voidApplicationAction: (records) => ({ id: records.applicationId, reason: "冒名作废" }),
  saveProactiveAction: () => ({ year: PROBE_YEAR, ...proactiveFormValues(REPORT.proactive), licensing: "99" }),
  saveSectionsAction: () => ({ year: PROBE_YEAR, overview: "冒名改写", problems: "", other: "" }),
  submitReportAction: () => ({ year: PROBE_YEAR }),
  returnReportAction: () => ({ year: PROBE_YEAR, reason: "冒名退回" }),
  publishReportAction: () => ({ year: PROBE_YEAR }),
  createReviewCaseAction: () => ({ kind: "reconsideration", filedOn: "2025-09-01", reference: "冒名案号" }),
  deleteReviewCaseAction: (records) => ({ id: records.reviewCaseId, reason: "冒名删除" }),
  updateReviewCaseAction: (records) => ({ id: records.reviewCaseId, kind: "reconsideration", filedOn: "2025-07-01", result: "corrected", concludedOn: "2025-09-01" }),
  importHistoricalReportAction: () => ({ ...historicalEntryValues({ ...REPORT, agency: PROBE_AGENCY, year: 2020 }), agencyCode: PROBE_AGENCY.code, agencyName: PROBE_AGENCY.name, year: "2020" }),
  importHistoricalJsonAction: () => ({ json: JSON.stringify({ ...REPORT, agency: PROBE_AGENCY, year: 2019 }) }),
  uploadLedgerImportAction: () => ({ file: { name: "冒名.csv", mimeType: "text/csv", buffer: Buffer.from(LEDGER_CSV, "utf8") } }),
  confirmLedgerImportAction: (records) => ({ id: records.importId }),
  discardLedgerImportAction: (records) => ({ id: records.importId }),
};

/** `app/…/actions.ts#createUserAction` → the payload for `createUserAction`. */
export function payloadFor(actionName: string): Payload | undefined {
  return PAYLOADS[actionName.split("#")[1] ?? ""];
}
