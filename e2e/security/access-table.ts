import type { ProbeRecords } from "./records";
import { PROBE_AGENCY, PROBE_YEAR } from "./records";
import type { Outcome } from "./requests";
import { PUBLIC_AGENCY, PUBLIC_YEAR } from "../canaries";

/**
 * Who gets what: the one table of expected answers for every page, route handler and server action of
 * the build (e2e/security/matrix.spec.ts). A route or action the build has and this table lacks fails
 * the test, and so does an entry the build no longer has.
 *
 * Outcomes: a status (200, 404); `→/login` for a redirect. A server action lists its callers instead; posted
 * an empty form, it answers them `ran` (it got past the checks of who may call it and refused the input, so
 * nothing is written), `→/login` anyone without a live session, and 404 everyone else.
 * The `clerk` and `reviewer` are of the agency the probe records belong to (e2e/security/records.ts);
 * `otherAgency` is a reviewer of another agency. A user whose account was disabled or locked while signed in
 * must get exactly what `anonymous` gets: every row's `anonymous` column is their expectation too.
 */

export type Expected = Record<"anonymous" | "admin" | "clerk" | "reviewer" | "auditor" | "otherAgency", Outcome>;
type Row = Expected & {
  /** Values for the dynamic segments, from the probe records and the seeded public reports. */
  fill?: (records: ProbeRecords) => Record<string, string>;
  query?: string;
};

const LOGIN = "→/login";

/** Open to everyone, signed in or not. */
const PUBLIC: Expected = { anonymous: 200, admin: 200, clerk: 200, reviewer: 200, auditor: 200, otherAgency: 200 };
const NOWHERE: Expected = { anonymous: 404, admin: 404, clerk: 404, reviewer: 404, auditor: 404, otherAgency: 404 };
/** Any signed-in user, for their own account. */
const SIGNED_IN: Expected = { anonymous: LOGIN, admin: 200, clerk: 200, reviewer: 200, auditor: 200, otherAgency: 200 };
const ADMIN: Expected = { anonymous: LOGIN, admin: 200, clerk: 404, reviewer: 404, auditor: 404, otherAgency: 404 };
const AUDITOR: Expected = { anonymous: LOGIN, admin: 404, clerk: 404, reviewer: 404, auditor: 200, otherAgency: 404 };
/** Staff of any agency, each seeing their own agency's ledger and reports. */
const STAFF: Expected = { anonymous: LOGIN, admin: 404, clerk: 200, reviewer: 200, auditor: 404, otherAgency: 200 };
/** One record of the probe agency: its own staff only. */
const AGENCY_RECORD: Expected = { ...STAFF, otherAgency: 404 };
/** A ledger upload waiting for confirmation: only the clerk who uploaded it (docs/decisions/006). */
const UPLOADER: Expected = { ...AGENCY_RECORD, reviewer: 404 };

/** A signed-in persona that a server action may let through. */
export type Caller = Exclude<keyof Expected, "anonymous">;
export type ActionRow = {
  /** Whose calls the action runs (each on their own agency's records); everyone else is refused. */
  callers: readonly Caller[];
  /** What its callers get for an empty form when that is not `ran`. */
  emptyForm?: Outcome;
  /** For an action on one record: who may act on a record of the probe agency (the rest get 404). */
  onProbeRecord?: readonly Caller[];
};
const ADMIN_ACTION: ActionRow = { callers: ["admin"] };
/** On the caller's own account: anyone signed in. */
const OWN_ACCOUNT_ACTION: ActionRow = { callers: ["admin", "clerk", "reviewer", "auditor", "otherAgency"] };
/** An empty form names no user, so even the admin is told there is no such user. */
const ADMIN_ACTION_ON_USER: ActionRow = { ...ADMIN_ACTION, emptyForm: 404 };
/** Ledger and report actions: staff of any agency, each on their own agency's records. */
const STAFF_ACTION: ActionRow = { callers: ["clerk", "reviewer", "otherAgency"] };
/** On one application or review case: the staff of its agency. */
const STAFF_RECORD_ACTION: ActionRow = { ...STAFF_ACTION, onProbeRecord: ["clerk", "reviewer"] };
/** On a waiting upload: only the clerk who uploaded it; an empty form names no upload, so even the callers get 404. */
const UPLOAD_ACTION: ActionRow = { ...STAFF_ACTION, emptyForm: 404, onProbeRecord: ["clerk"] };
const REVIEWER_ACTION: ActionRow = { callers: ["reviewer", "otherAgency"] };

/** The answer to an empty form: callers get `ran` (a form error) or the row's `emptyForm`; the rest are refused. */
export function emptyFormOutcome(row: ActionRow, persona: keyof Expected): Outcome {
  if (persona === "anonymous") return LOGIN;
  return row.callers.includes(persona) ? (row.emptyForm ?? "ran") : 404;
}

const publicReport = { agency: PUBLIC_AGENCY.code, year: String(PUBLIC_YEAR) };

export const PAGES: Record<string, Row> = {
  "/": PUBLIC,
  "/login": PUBLIC,
  "/_not-found": NOWHERE,
  "/_global-error": NOWHERE,
  "/start": { anonymous: LOGIN, admin: "→/admin/users", clerk: "→/staff", reviewer: "→/staff", auditor: "→/audit", otherAgency: "→/staff" },
  "/account/password": SIGNED_IN,
  "/account/security": SIGNED_IN,
  "/admin/agencies": ADMIN,
  "/admin/agencies/new": ADMIN,
  "/admin/agencies/[code]": { ...ADMIN, fill: () => ({ code: PROBE_AGENCY.code }) },
  "/admin/calendar": ADMIN,
  "/admin/users": ADMIN,
  "/admin/users/new": ADMIN,
  "/admin/users/[id]": { ...ADMIN, fill: (records) => ({ id: records.userId }) },
  "/audit": AUDITOR,
  "/staff": STAFF,
  "/staff/applications": STAFF,
  "/staff/applications/new": STAFF,
  "/staff/applications/[id]": { ...AGENCY_RECORD, fill: (records) => ({ id: records.applicationId }) },
  "/staff/applications/[id]/edit": { ...AGENCY_RECORD, fill: (records) => ({ id: records.applicationId }) },
  "/staff/applications/import": STAFF,
  "/staff/applications/import/[importId]": { ...UPLOADER, fill: (records) => ({ importId: records.importId }) },
  "/staff/reports": STAFF,
  "/staff/reports/[year]": { ...STAFF, fill: () => ({ year: PROBE_YEAR }) },
  "/staff/reports/[year]/cell": { ...STAFF, fill: () => ({ year: PROBE_YEAR }), query: "row=received&column=total" },
  "/staff/reports/[year]/historical": { ...STAFF, fill: () => ({ year: PROBE_YEAR }) },
  "/staff/reports/[year]/review-cell": { ...STAFF, fill: () => ({ year: PROBE_YEAR }), query: "group=reconsideration&column=total" },
  "/staff/reports/reviews": STAFF,
  "/staff/reports/reviews/[id]": { ...AGENCY_RECORD, fill: (records) => ({ id: records.reviewCaseId }) },
  "/reports/[agency]": { ...PUBLIC, fill: () => ({ agency: publicReport.agency }) },
  "/reports/[agency]/[year]": { ...PUBLIC, fill: () => publicReport },
  "/reports/[agency]/[year]/v/[version]": { ...PUBLIC, fill: () => ({ ...publicReport, version: "1" }) },
};

/** The dynamic segments of a page, filled as the table says (also where a server action is posted). */
export function pageValues(pattern: string, records: ProbeRecords): Record<string, string> {
  return PAGES[pattern]?.fill?.(records) ?? {};
}

export const ROUTE_HANDLERS: Record<string, Row> = {
  // next-auth's own endpoints; GET /api/auth/session tells anyone whether they are signed in.
  "/api/auth/[...nextauth]": { ...PUBLIC, fill: () => ({ nextauth: "session" }) },
  "/reports/[agency]/[year]/download/[format]": { ...PUBLIC, fill: () => ({ ...publicReport, format: "json" }) },
  "/reports/[agency]/[year]/v/[version]/download/[format]": { ...PUBLIC, fill: () => ({ ...publicReport, version: "1", format: "csv" }) },
  "/audit/export": AUDITOR,
  // For search engines: the published reports' addresses, and the staff side kept out.
  "/sitemap.xml": PUBLIC,
  "/robots.txt": PUBLIC,
  "/staff/applications/export/[format]": { ...STAFF, fill: () => ({ format: "csv" }) },
  "/staff/applications/template": STAFF,
  "/staff/reports/[year]/download/[format]": { ...STAFF, fill: () => ({ year: PROBE_YEAR, format: "json" }) },
};

/** Keyed by `file#export`, as the build's server-reference manifest names them. */
export const ACTIONS: Record<string, ActionRow> = {
  // Signing out ends whatever session there is and always lands on the sign-in page.
  "app/(signed-in)/actions.ts#signOutAction": { ...OWN_ACCOUNT_ACTION, emptyForm: LOGIN },
  "app/(signed-in)/account/password/actions.ts#changePasswordAction": OWN_ACCOUNT_ACTION,
  // Starting has no input to refuse: a caller without a second factor gets a new secret waiting for a code.
  "app/(signed-in)/account/security/actions.ts#beginEnrollmentAction": OWN_ACCOUNT_ACTION,
  "app/(signed-in)/account/security/actions.ts#confirmEnrollmentAction": OWN_ACCOUNT_ACTION,
  "app/(signed-in)/account/security/actions.ts#regenerateRecoveryCodesAction": OWN_ACCOUNT_ACTION,
  // Admins and auditors must keep theirs.
  "app/(signed-in)/account/security/actions.ts#disableSecondFactorAction": { callers: ["clerk", "reviewer", "otherAgency"] },
  "app/(signed-in)/(admin)/admin/agencies/actions.ts#createAgencyAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/agencies/actions.ts#updateAgencyAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/calendar/actions.ts#removeCalendarDayAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/calendar/actions.ts#setCalendarDayAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/calendar/actions.ts#setCalendarYearAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/users/actions.ts#createUserAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/users/actions.ts#resetPasswordAction": ADMIN_ACTION_ON_USER,
  "app/(signed-in)/(admin)/admin/users/actions.ts#resetSecondFactorAction": ADMIN_ACTION,
  "app/(signed-in)/(admin)/admin/users/actions.ts#setUserDisabledAction": ADMIN_ACTION_ON_USER,
  "app/(signed-in)/(admin)/admin/users/actions.ts#unlockUserAction": ADMIN_ACTION_ON_USER,
  "app/(signed-in)/(admin)/admin/users/actions.ts#updateUserAction": ADMIN_ACTION,
  "app/(signed-in)/(staff)/staff/applications/[id]/actions.ts#correctEventAction": STAFF_RECORD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/[id]/actions.ts#recordEventAction": STAFF_RECORD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/[id]/actions.ts#voidApplicationAction": STAFF_RECORD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/[id]/edit/actions.ts#updateRegistrationAction": STAFF_RECORD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/import/actions.ts#confirmLedgerImportAction": UPLOAD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/import/actions.ts#discardLedgerImportAction": UPLOAD_ACTION,
  "app/(signed-in)/(staff)/staff/applications/import/actions.ts#uploadLedgerImportAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/applications/new/actions.ts#registerApplicationAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/actions.ts#publishReportAction": REVIEWER_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/actions.ts#returnReportAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/actions.ts#saveProactiveAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/actions.ts#saveSectionsAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/actions.ts#submitReportAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/historical/actions.ts#importHistoricalJsonAction": REVIEWER_ACTION,
  "app/(signed-in)/(staff)/staff/reports/[year]/historical/actions.ts#importHistoricalReportAction": REVIEWER_ACTION,
  "app/(signed-in)/(staff)/staff/reports/reviews/actions.ts#createReviewCaseAction": STAFF_ACTION,
  "app/(signed-in)/(staff)/staff/reports/reviews/actions.ts#updateReviewCaseAction": STAFF_RECORD_ACTION,
  "app/(signed-in)/(staff)/staff/reports/reviews/actions.ts#deleteReviewCaseAction": STAFF_RECORD_ACTION,
};
