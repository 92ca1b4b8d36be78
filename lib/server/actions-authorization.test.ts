import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { applicationEvents, ROLES, type Role } from "@/db/schema";
import { addDays, todayInChina } from "@/lib/calendar";
import { AccessError } from "./errors";
import { recordEvent, registerApplication } from "./ledger";
import { annualReportSchema } from "@/lib/report";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { historicalEntryValues } from "@/lib/report-workflow/historical-entry";
import { proactiveFormValues } from "@/lib/report-workflow/proactive";
import { submitReport } from "./report-drafts";
import { createReviewCase } from "./review-cases";
import { startLedgerImport } from "./ledger-import";
import { anonymous, asSession, databaseFingerprint, ensureAgency, signedInUser } from "./testing/callers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

type ServerAction = (...args: unknown[]) => Promise<unknown>;

/** Every server action of the app, found on disk, so a new one cannot be left out. */
const actionModules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");

/**
 * Who may call each action, and a valid submission that would change something if the check were
 * missing. An action missing here fails the test.
 */
const EXPECTED: Record<string, { roles: readonly Role[]; form: (ids: Ids) => Record<string, string> }> = {
  signOutAction: { roles: ROLES, form: () => ({}) },
  changePasswordAction: {
    roles: ROLES,
    form: () => ({ currentPassword: "x", newPassword: "long-enough-password", confirmPassword: "long-enough-password" }),
  },
  createUserAction: { roles: ["admin"], form: () => ({ username: "intruder", displayName: "闯入者", role: "admin", agencyCode: "" }) },
  updateUserAction: { roles: ["admin"], form: (ids) => ({ id: ids.target, displayName: "被改名", role: "admin", agencyCode: "" }) },
  setUserDisabledAction: { roles: ["admin"], form: (ids) => ({ id: ids.target, disabled: "true" }) },
  resetPasswordAction: { roles: ["admin"], form: (ids) => ({ id: ids.target }) },
  unlockUserAction: { roles: ["admin"], form: (ids) => ({ id: ids.target }) },
  resetSecondFactorAction: { roles: ["admin"], form: (ids) => ({ id: ids.target, confirm: "yes" }) },
  // One's own second factor: every role may enrol; only clerks and reviewers may switch it off.
  beginEnrollmentAction: { roles: ROLES, form: () => ({}) },
  confirmEnrollmentAction: { roles: ROLES, form: () => ({ code: "123456" }) },
  regenerateRecoveryCodesAction: { roles: ROLES, form: () => ({ code: "123456" }) },
  disableSecondFactorAction: { roles: ["clerk", "reviewer"], form: () => ({ code: "123456" }) },
  createAgencyAction: { roles: ["admin"], form: () => ({ code: "rogue", name: "冒名机构", parentCode: "" }) },
  updateAgencyAction: { roles: ["admin"], form: () => ({ code: "testagency", name: "被改名的机构", parentCode: "", active: "false" }) },
  setCalendarDayAction: { roles: ["admin"], form: () => ({ date: "2026-06-01", kind: "holiday", name: "假节日" }) },
  removeCalendarDayAction: { roles: ["admin"], form: () => ({ date: "2026-10-01" }) },
  setCalendarYearAction: { roles: ["admin"], form: () => ({ year: "2026", published: "false" }) },
  registerApplicationAction: { roles: ["clerk", "reviewer"], form: () => registration() },
  updateRegistrationAction: {
    roles: ["clerk", "reviewer"],
    form: (ids) => ({ id: ids.application, ...registration(), applicantName: "被改名的申请人", changeReason: "冒名修改" }),
  },
  recordEventAction: {
    roles: ["clerk", "reviewer"],
    form: (ids) => ({ id: ids.application, type: "consultation_sent", date: todayInChina(), party: "third_party", addressee: "某公司" }),
  },
  correctEventAction: {
    roles: ["clerk", "reviewer"],
    form: (ids) => ({ id: ids.application, correctsEventId: ids.event, withdraw: "true", correctionReason: "冒名撤销" }),
  },
  voidApplicationAction: { roles: ["clerk", "reviewer"], form: (ids) => ({ id: ids.application, reason: "冒名作废" }) },
  // The annual report (a finished year of the test agency, whose checks all pass).
  saveProactiveAction: { roles: ["clerk", "reviewer"], form: () => ({ year: "2025", ...proactiveFormValues(seed.corrected.proactive), licensing: "99" }) },
  saveSectionsAction: { roles: ["clerk", "reviewer"], form: () => ({ year: "2025", overview: "冒名改写", problems: "", other: "" }) },
  submitReportAction: { roles: ["clerk", "reviewer"], form: () => ({ year: "2025" }) },
  returnReportAction: { roles: ["clerk", "reviewer"], form: () => ({ year: String(SUBMITTED_YEAR), reason: "冒名退回" }) },
  publishReportAction: { roles: ["reviewer"], form: () => ({ year: "2025" }) },
  createReviewCaseAction: { roles: ["clerk", "reviewer"], form: () => ({ kind: "reconsideration", filedOn: todayInChina() }) },
  updateReviewCaseAction: {
    roles: ["clerk", "reviewer"],
    form: (ids) => ({ id: ids.reviewCase, kind: "reconsideration", filedOn: "2025-03-01", result: "corrected", concludedOn: "2025-06-01" }),
  },
  deleteReviewCaseAction: { roles: ["clerk", "reviewer"], form: (ids) => ({ id: ids.reviewCase, reason: "冒名删除" }) },
  importHistoricalReportAction: {
    roles: ["reviewer"],
    form: () => ({ ...historicalEntryValues(annualReportSchema.parse(seed.corrected)), agencyCode: "testagency", agencyName: "测试机构", year: "2020" }),
  },
  // The ledger import (an upload of the test agency's clerk, checked and waiting for confirmation).
  uploadLedgerImportAction: { roles: ["clerk", "reviewer"], form: () => ({ file: LEDGER_CSV }) },
  confirmLedgerImportAction: { roles: ["clerk", "reviewer"], form: (ids) => ({ id: ids.upload }) },
  discardLedgerImportAction: { roles: ["clerk", "reviewer"], form: (ids) => ({ id: ids.upload }) },
  importHistoricalJsonAction: {
    roles: ["reviewer"],
    form: () => ({ json: JSON.stringify({ ...seed.corrected, agency: { code: "testagency", name: "测试机构" }, year: 2019 }) }),
  },
};

type Ids = { target: string; application: string; event: string; reviewCase: string; upload: string };

/** A ledger file that imports cleanly. */
const LEDGER_CSV = `编号,收到日期,申请人类型,申请人,申请内容\r\nAUTH-1,${todayInChina()},自然人,李四,某某文件\r\n`;

/** A year whose report the test agency has submitted, for the return action to aim at. */
const SUBMITTED_YEAR = 2024;

/** A registration the ledger accepts today. */
function registration(): Record<string, string> {
  const today = todayInChina();
  return {
    channel: "in_person",
    arrivedOn: today,
    receivedOn: "",
    applicantType: "natural_person",
    applicantName: "张三",
    idNumber: "11010519491231002X",
    phone: "13812345678",
    description: "某某文件",
    formWanted: "paper",
  };
}

function formDataOf(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return formData;
}

const actions: { name: string; file: string; run: ServerAction }[] = [];
const sessions = new Map<Role, string>();
let ids: Ids;

beforeAll(async () => {
  for (const [file, load] of Object.entries(actionModules)) {
    const exported = await load();
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.push({ name, file, run: value as ServerAction });
    }
  }
  await ensureAgency("testagency");
  const target = await signedInUser("clerk");
  for (const role of ROLES) sessions.set(role, (await signedInUser(role)).sessionId);
  // An application of the agency, with one event on its timeline, for the ledger actions to aim at.
  const application = await asSession(sessions.get("clerk") ?? null, () => registerApplication(registration()));
  const today = todayInChina();
  await asSession(sessions.get("clerk") ?? null, () =>
    recordEvent(application.id, { type: "correction_notice_sent", date: today, correctBy: addDays(today, 15) }),
  );
  const event = db().select({ id: applicationEvents.id }).from(applicationEvents).where(eq(applicationEvents.applicationId, application.id)).get();
  if (!event) throw new Error("the test event was not recorded");
  const reviewCase = await asSession(sessions.get("clerk") ?? null, () => createReviewCase({ kind: "reconsideration", filedOn: "2025-03-01" }));
  await asSession(sessions.get("clerk") ?? null, () => submitReport({ year: SUBMITTED_YEAR }));
  const upload = await asSession(sessions.get("clerk") ?? null, () => startLedgerImport(new File([LEDGER_CSV], "台账.csv", { type: "text/csv" })));
  await upload.job;
  ids = { target: String(target.userId), application: String(application.id), event: String(event.id), reviewCase: String(reviewCase.id), upload: upload.id };
});

describe("server actions", () => {
  it("are all found and all listed in the expectations", () => {
    expect(actions.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    const unlisted = actions.filter((action) => !(action.name in EXPECTED)).map((action) => `${action.file}#${action.name}`);
    expect(unlisted).toEqual([]);
  });

  it("refuse a caller without a session, and change nothing", async () => {
    for (const action of actions) {
      const expected = EXPECTED[action.name];
      if (!expected) continue;
      const before = databaseFingerprint();
      await expect(anonymous(() => action.run({ status: "idle" }, formDataOf(expected.form(ids)))), action.name).rejects.toMatchObject({
        name: "AccessError",
        reason: "unauthenticated",
      });
      expect(databaseFingerprint(), action.name).toBe(before);
    }
  });

  it("refuse every role they are not meant for, and change nothing", async () => {
    let refusals = 0;
    for (const action of actions) {
      const expected = EXPECTED[action.name];
      if (!expected) continue;
      for (const role of ROLES.filter((role) => !expected.roles.includes(role))) {
        const before = databaseFingerprint();
        const call = asSession(sessions.get(role) ?? null, () => action.run({ status: "idle" }, formDataOf(expected.form(ids))));
        await expect(call, `${action.name} as ${role}`).rejects.toBeInstanceOf(AccessError);
        expect(databaseFingerprint(), `${action.name} as ${role}`).toBe(before);
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThanOrEqual(7 * 3);
  });
});
