import { expect } from "@playwright/test";
import { readDatabase } from "./database";
import type { Persona, Session } from "./personas";
import { actionFormState, actionNamed, actionOutcome, bodyText, postAction, sameOriginHeaders, type ActionFields } from "./requests";

/**
 * Records of the agency `jccq` that other callers must never reach: an application with an event on its
 * timeline, a review case, a report draft and a ledger upload waiting for confirmation. The agency's clerk
 * makes them through the same server actions the forms use (so these calls are also the proof that a
 * direct call with an allowed role works). Every text is a marker searched for in other callers' answers.
 */

export const PROBE_AGENCY = { code: "jccq", name: "晋城市城区人民政府办公室" } as const;
export const PROBE_YEAR = "2025";

export const PROBE = {
  applicantName: "越权探针甲",
  idNumber: "140502197708150358",
  phone: "13700009876",
  address: "探针省探针市越权路9号",
  description: "越权探针请求公开某份会议纪要",
  reviewReference: "（2025）越权探针复字第7号",
  reviewNotes: "越权探针复议备注",
  draftOverview: "越权探针年度报告概述草稿",
  importedApplicant: "越权探针导入人",
} as const;

/** The probe applicant's personal data as typed: never in an answer to a caller outside the agency. */
export const PROBE_PERSONAL_DATA = [PROBE.applicantName, PROBE.idNumber, PROBE.phone, PROBE.address, PROBE.description];
/** What the masked forms keep (「140502********0358」, 「137****9876」): only the agency's staff and the audit trail show them. */
export const PROBE_MASKED_TAILS = [`*${PROBE.idNumber.slice(-4)}`, `*${PROBE.phone.slice(-4)}`];

/**
 * What of the probe applicant each persona must never be shown: the agency's staff may see everything;
 * the auditor the masked forms the audit trail keeps; everyone else nothing at all.
 */
export const NEVER_SHOWN: Record<Persona, readonly string[]> = {
  clerk: [],
  reviewer: [],
  auditor: PROBE_PERSONAL_DATA,
  anonymous: [...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS],
  admin: [...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS],
  otherAgency: [...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS],
  disabled: [...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS],
  locked: [...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS],
};

export function personalDataIn(body: string, persona: Persona): string[] {
  return NEVER_SHOWN[persona].filter((value) => body.includes(value));
}

export type ProbeRecords = {
  applicationId: string;
  eventId: string;
  reviewCaseId: string;
  importId: string;
  /** A user of the agency, for the admin's user page. */
  userId: string;
  /** An account with a second factor (the auditor's), for the admin's reset of it. */
  secondFactorUserId: string;
};

async function run(caller: Session, baseURL: string, name: string, pageValues: Record<string, string>, fields: ActionFields): Promise<void> {
  const response = await postAction(caller.request, actionNamed(name), pageValues, fields, sameOriginHeaders(baseURL));
  const state = actionFormState(await bodyText(response));
  // Saved: the form's success state, or the page the action sends the caller on to.
  expect(state?.status === "error" ? state.fieldErrors : actionOutcome(response), name).toEqual(expect.stringMatching(/^(ran|→\/staff\/)/));
}

function one<T>(sql: string, ...values: unknown[]): T | undefined {
  return readDatabase((database) => database.prepare(sql).get(...values) as T | undefined);
}

const agencyId = () => one<{ id: number }>("SELECT id FROM agencies WHERE code = ?", PROBE_AGENCY.code)?.id;

const OTHER_AGENCY_APPLICANT = "他机构自己的申请人";

/** An application and a review case of the other agency's own, which walking the ids must find. */
export async function ensureOtherAgencyRecords(otherAgency: Session, baseURL: string): Promise<void> {
  if (!one("SELECT id FROM applications WHERE applicant_name = ?", OTHER_AGENCY_APPLICANT)) {
    await run(otherAgency, baseURL, "registerApplicationAction", {}, {
      channel: "in_person",
      arrivedOn: "2025-05-06",
      receivedOn: "",
      applicantType: "natural_person",
      applicantName: OTHER_AGENCY_APPLICANT,
      description: "他机构自己的申请",
      formWanted: "paper",
    });
  }
  if (!one("SELECT id FROM review_cases WHERE reference = ?", OTHER_AGENCY_APPLICANT)) {
    await run(otherAgency, baseURL, "createReviewCaseAction", {}, { kind: "reconsideration", filedOn: "2025-07-02", reference: OTHER_AGENCY_APPLICANT });
  }
}

/** Makes the records once per test server; a second call finds them. */
export async function ensureProbeRecords(clerk: Session, baseURL: string): Promise<ProbeRecords> {
  if (!one("SELECT id FROM applications WHERE applicant_name = ?", PROBE.applicantName)) {
    await run(clerk, baseURL, "registerApplicationAction", {}, {
      channel: "in_person",
      arrivedOn: "2025-06-10",
      receivedOn: "",
      applicantType: "natural_person",
      applicantName: PROBE.applicantName,
      idNumber: PROBE.idNumber,
      phone: PROBE.phone,
      address: PROBE.address,
      description: PROBE.description,
      formWanted: "paper",
    });
  }
  const application = one<{ id: number }>("SELECT id FROM applications WHERE applicant_name = ? AND agency_id = ?", PROBE.applicantName, agencyId());
  if (!application) throw new Error("the probe application was not registered");
  const applicationId = String(application.id);

  if (!one("SELECT id FROM application_events WHERE application_id = ?", application.id)) {
    await run(clerk, baseURL, "recordEventAction", { id: applicationId }, {
      id: applicationId,
      type: "correction_notice_sent",
      date: "2025-06-11",
      correctBy: "2025-06-26",
    });
  }
  if (!one("SELECT id FROM review_cases WHERE reference = ?", PROBE.reviewReference)) {
    await run(clerk, baseURL, "createReviewCaseAction", { year: PROBE_YEAR }, {
      kind: "reconsideration",
      filedOn: "2025-07-01",
      reference: PROBE.reviewReference,
      notes: PROBE.reviewNotes,
    });
  }
  if (!one("SELECT id FROM report_drafts WHERE agency_id = ? AND year = ? AND sections LIKE ?", agencyId(), Number(PROBE_YEAR), `%${PROBE.draftOverview}%`)) {
    await run(clerk, baseURL, "saveSectionsAction", { year: PROBE_YEAR }, { year: PROBE_YEAR, overview: PROBE.draftOverview, problems: "", other: "" });
  }
  let upload = one<{ id: string }>("SELECT id FROM ledger_imports WHERE agency_id = ? AND file_name = ?", agencyId(), "越权探针.csv");
  if (!upload) {
    const csv = `编号,收到日期,申请人类型,申请人,申请内容\r\nPROBE-1,2025-06-12,自然人,${PROBE.importedApplicant},越权探针导入的申请\r\n`;
    await run(clerk, baseURL, "uploadLedgerImportAction", {}, { file: { name: "越权探针.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } });
    upload = one<{ id: string }>("SELECT id FROM ledger_imports WHERE agency_id = ? AND file_name = ?", agencyId(), "越权探针.csv");
  }

  const event = one<{ id: number }>("SELECT id FROM application_events WHERE application_id = ?", application.id);
  const reviewCase = one<{ id: number }>("SELECT id FROM review_cases WHERE reference = ?", PROBE.reviewReference);
  const user = one<{ id: number }>("SELECT id FROM users WHERE agency_id = ? ORDER BY id", agencyId());
  const enrolled = one<{ id: number }>("SELECT id FROM users WHERE role = 'auditor' AND totp_enabled_at IS NOT NULL ORDER BY id");
  if (!event || !reviewCase || !upload || !user || !enrolled) throw new Error("a probe record is missing");
  return {
    applicationId,
    eventId: String(event.id),
    reviewCaseId: String(reviewCase.id),
    importId: upload.id,
    userId: String(user.id),
    secondFactorUserId: String(enrolled.id),
  };
}
