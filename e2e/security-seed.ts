import fs from "node:fs";
import path from "node:path";
import { E2E_DIR } from "./accounts";
import { allPayloads, FORMULAS, PAYLOAD_COUNT, payload, SPECIAL } from "./xss-payloads";

/**
 * Data for the security tests, seeded through the data layer as the staff who would type it:
 *
 * - e2e/xss.spec.ts: the agency `e2e-xss` (and its parent), both named with script payloads, whose clerk and
 *   reviewer (payloads as display names) registered an application per payload of e2e/xss-payloads.ts with a
 *   payload in every free-text field, recorded, corrected and voided with payload reasons, registered review
 *   cases, wrote payload prose into the 2025 report (published twice, the correction note a payload) and this
 *   year's draft, and typed in a historical 2024 report under a payload agency name; a calendar day and year in
 *   2099 carry payloads too; a few applications hold values a spreadsheet would run as formulas.
 * - e2e/personal-data.spec.ts: the agency `e2e-privacy` with a clerk of its own, whose password it changes.
 *
 * The accounts' generated passwords go to SECURITY_ACCOUNTS_FILE. Run inside `withSource({ kind: "system" })`.
 */

export const XSS_AGENCY = "e2e-xss";
export const XSS_PARENT_AGENCY = "e2e-xss-parent";
export const PRIVACY_AGENCY = "e2e-privacy";
export const XSS_REPORT_YEAR = 2025;
export const XSS_HISTORICAL_YEAR = 2024;
export const XSS_CALENDAR_YEAR = 2099;
export const SECURITY_ACCOUNTS_FILE = path.join(E2E_DIR, "security-accounts.json");

export type SecurityAccounts = Record<"xssclerk" | "xssreviewer" | "privacyclerk", { username: string; password: string; userId: number }>;

export function readSecurityAccounts(): SecurityAccounts {
  return JSON.parse(fs.readFileSync(SECURITY_ACCOUNTS_FILE, "utf8")) as SecurityAccounts;
}

const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedSecurityData(): Promise<void> {
  const { eq } = await import("drizzle-orm");
  const { db } = await import("@/db/client");
  const { applicationEvents } = await import("@/db/schema");
  const { createAgency } = await import("@/lib/server/agencies");
  const { createUser } = await import("@/lib/server/users");
  const { signInWithPassword } = await import("@/lib/server/sign-in");
  const { asSession } = await import("@/lib/server/testing/callers");
  const { correctEvent, recordEvent, registerApplication, updateRegistration, voidApplication } = await import("@/lib/server/ledger");
  const { createReviewCase } = await import("@/lib/server/review-cases");
  const { importHistoricalReport, publishReport, returnReportToDraft, saveSections, submitReport } = await import("@/lib/server/report-drafts");
  const { setCalendarDay, setCalendarYearPublished } = await import("@/lib/server/calendar");
  const { seedReport } = await import("@/lib/report/fixtures");
  const { thisYearInChina } = await import("@/lib/report-workflow/workflow");

  await createAgency({ code: XSS_PARENT_AGENCY, name: SPECIAL.parentAgencyName });
  await createAgency({ code: XSS_AGENCY, name: SPECIAL.agencyName, parentCode: XSS_PARENT_AGENCY });
  await createAgency({ code: PRIVACY_AGENCY, name: "个人信息测试机构" });

  const accounts = {} as SecurityAccounts;
  const specs = [
    ["xssclerk", { username: "e2e-xss-clerk", displayName: SPECIAL.clerkName, role: "clerk", agencyCode: XSS_AGENCY }],
    ["xssreviewer", { username: "e2e-xss-reviewer", displayName: SPECIAL.reviewerName, role: "reviewer", agencyCode: XSS_AGENCY }],
    ["privacyclerk", { username: "e2e-privacy-clerk", displayName: "个人信息测试经办人", role: "clerk", agencyCode: PRIVACY_AGENCY }],
  ] as const;
  for (const [name, spec] of specs) {
    const { userId, password } = await createUser(spec, { mustChangePassword: false });
    accounts[name] = { username: spec.username, password, userId };
  }
  fs.writeFileSync(SECURITY_ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });

  async function sessionOf(account: { username: string; password: string }): Promise<string> {
    const signedIn = await signInWithPassword({ username: account.username, password: account.password });
    if (!signedIn.ok) throw new Error(`security seed: ${account.username} cannot sign in`);
    return signedIn.sessionId;
  }
  const clerk = await sessionOf(accounts.xssclerk);
  const reviewer = await sessionOf(accounts.xssreviewer);
  const asClerk = <T>(work: () => Promise<T>) => asSession(clerk, work);
  const asReviewer = <T>(work: () => Promise<T>) => asSession(reviewer, work);

  // One application per payload, every free-text field carrying it; then what happens to applications.
  for (let index = 0; index < PAYLOAD_COUNT; index++) {
    const arrivedOn = day(`${XSS_REPORT_YEAR}-03-03`, index * 3);
    const registration = {
      channel: "in_person",
      arrivedOn,
      receivedOn: day(arrivedOn, 1),
      receivedOnReason: payload("receivedOnReason", index, 200),
      applicantType: index % 3 === 0 ? "natural_person" : "commercial_enterprise",
      applicantName: payload("applicantName", index, 100),
      address: payload("address", index, 200),
      agentName: payload("agentName", index, 100),
      description: index === 0 ? allPayloads("description", 2000) : payload("description", index),
      notes: payload("notes", index, 1000),
      formWanted: "paper",
    };
    const { id } = await asClerk(() => registerApplication(registration));
    const received = day(arrivedOn, 1);
    const note = payload("eventNote", index, 1000);
    if (index % 4 === 0) {
      await asClerk(() => recordEvent(id, { type: "consultation_sent", date: day(received, 2), party: "third_party", addressee: payload("addressee", index, 200), note }));
      const consultation = db().select({ id: applicationEvents.id }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).get();
      await asClerk(() => correctEvent(id, { correctsEventId: String(consultation?.id), withdraw: "true", correctionReason: payload("correctionReason", index, 500) }));
    } else if (index % 4 === 1) {
      await asClerk(() => recordEvent(id, { type: "extension_requested", date: day(received, 5), reason: payload("extensionReason", index, 1000) }));
    } else if (index % 4 === 2) {
      await asClerk(() => recordEvent(id, { type: "replied", date: day(received, 10), outcome: "granted", delivery: "post", note }));
    } else {
      await asClerk(() => recordEvent(id, { type: "correction_notice_sent", date: day(received, 2), correctBy: day(received, 17), note }));
    }
    if (index % 5 === 0) await asClerk(() => updateRegistration(id, { ...registration, changeReason: payload("changeReason", index, 500) }));
    if (index === PAYLOAD_COUNT - 1) await asClerk(() => voidApplication(id, { reason: payload("voidReason", index, 500) }));
    if (index < 6) {
      await asClerk(() =>
        createReviewCase({ kind: "reconsideration", filedOn: day(received, 20), reference: payload("reviewReference", index, 100), notes: payload("reviewNotes", index, 1000) }),
      );
    }
  }
  for (const [index, formula] of FORMULAS.entries()) {
    await asClerk(() =>
      registerApplication({ channel: "online", arrivedOn: day(`${XSS_REPORT_YEAR}-09-01`, index), applicantType: "other_org", applicantName: formula, address: formula, description: formula, notes: formula, formWanted: "electronic" }),
    );
  }

  // The annual report: payload prose published twice, submitted and returned with a payload reason; a draft for this year.
  const sections = { overview: allPayloads("prose"), problems: allPayloads("prose").split("\n").reverse().join("\n"), other: payload("prose", 3) };
  await asClerk(() => saveSections({ year: String(XSS_REPORT_YEAR), ...sections }));
  await asReviewer(() => publishReport({ year: String(XSS_REPORT_YEAR) }));
  await asClerk(() => saveSections({ year: String(XSS_REPORT_YEAR), ...sections, other: payload("prose", 7) }));
  await asReviewer(() => publishReport({ year: String(XSS_REPORT_YEAR), correctionNote: payload("correctionNote", 1, 2000) }));
  await asClerk(() => submitReport({ year: String(XSS_REPORT_YEAR) }));
  await asReviewer(() => returnReportToDraft({ year: String(XSS_REPORT_YEAR), reason: SPECIAL.returnReason }));
  await asClerk(() => saveSections({ year: String(thisYearInChina()), ...sections }));
  await asReviewer(() =>
    importHistoricalReport({ ...seedReport("corrected"), agency: { code: XSS_AGENCY, name: SPECIAL.historicalAgencyName }, year: XSS_HISTORICAL_YEAR, sections, status: "historical" }),
  );

  // Far in the future, so no deadline of the other tests moves.
  await setCalendarDay({ date: `${XSS_CALENDAR_YEAR}-10-08`, kind: "holiday", name: SPECIAL.calendarName });
  await setCalendarYearPublished({ year: String(XSS_CALENDAR_YEAR), published: "true", source: SPECIAL.calendarSource });
}
