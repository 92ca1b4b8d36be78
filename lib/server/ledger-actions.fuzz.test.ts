import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { applicationEvents, applications } from "@/db/schema";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { addDays, todayInChina } from "@/lib/calendar";
import { CHANNELS, FORMS_WANTED, RECORDED_DELIVERIES } from "@/lib/ledger/codes";
import { EVENT_TYPES } from "@/lib/ledger/event-input";
import { OUTCOME_CODES } from "@/lib/report/labels";
import { acceptableText, formEntries, hostileText, numericText, type FormEntries } from "@/lib/testing/hostile-input";
import { recordEvent, registerApplication, voidApplication } from "./ledger";
import { asSession, openSession, signedInUser } from "./testing/callers";
import { expectEveryActionWrote, fastThrowAwayDatabase, fuzzAction, oneOfCurrent, serverAction, type FuzzTally } from "./testing/fuzz-actions";
import { readBackProblems } from "./testing/read-back";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

/**
 * The ledger's server actions, each called 10,000 times by a reviewer of the agency with generated forms:
 * none may fail with anything but a form state, a redirect or a refusal, and every row they leave must read
 * back through the registration schema and the pages that show it.
 */

const RUNS = 10_000;
const today = todayInChina();
const recentDate = fc.integer({ min: 0, max: 900 }).map((days) => addDays(today, -days));
const optional = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(""), arbitrary);

let reviewer: number;
let known: { applications: string[]; events: string[]; eventPairs: string[] };

const idOf = (ids: () => string[]) => fc.oneof({ weight: 6, arbitrary: oneOfCurrent(ids) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 400 }).map(String) }, { weight: 1, arbitrary: numericText });

function registrationFields(): Record<string, fc.Arbitrary<string>> {
  return {
    channel: fc.constantFrom(...CHANNELS),
    arrivedOn: recentDate,
    receivedOn: optional(recentDate),
    receivedOnReason: optional(acceptableText({ min: 1, max: 200 })),
    applicantType: fc.constantFrom(...APPLICANT_TYPE_CODES),
    applicantName: acceptableText({ min: 1, max: 100 }),
    idNumber: fc.constantFrom("", "11010519491231002X", "140502199003071237", "91350100M000100Y43", "914403001922038216", "110105194912310021"),
    phone: fc.constantFrom("", "13812345678", "0356-2039999", "(0356)2039999转8", "+86 138 1234 5678"),
    address: optional(acceptableText({ max: 200 })),
    agentName: optional(acceptableText({ max: 100 })),
    agentPhone: fc.constantFrom("", "13900005678", "<b>1</b>"),
    description: acceptableText({ min: 1, max: 2000 }),
    formWanted: fc.constantFrom(...FORMS_WANTED),
    notes: optional(acceptableText({ max: 1000 })),
  };
}

function eventFields(): Record<string, fc.Arbitrary<string>> {
  return {
    id: idOf(() => known.applications),
    type: fc.constantFrom(...EVENT_TYPES),
    date: recentDate,
    correctBy: fc.integer({ min: 0, max: 30 }).map((days) => addDays(today, days)),
    note: optional(acceptableText({ max: 1000 })),
    party: fc.constantFrom("third_party", "agency"),
    addressee: acceptableText({ min: 1, max: 200 }),
    consultationId: idOf(() => known.events),
    lapsed: fc.constantFrom("true", "false"),
    reason: acceptableText({ min: 1, max: 1000 }),
    notifiedOn: recentDate,
    method: fc.constantFrom("per_page", "per_application"),
    pages: fc.oneof(fc.integer({ min: 1, max: 100000 }).map(String), numericText),
    deliveredOn: optional(recentDate),
    laterReplyBy: optional(fc.integer({ min: 0, max: 30 }).map((days) => addDays(today, days))),
    outcome: fc.constantFrom(...OUTCOME_CODES),
    delivery: fc.constantFrom(...RECORDED_DELIVERIES),
  };
}

/** A correction names an application and one of its events: mostly a pair that belongs together, so corrections get written. */
function correctionForm(): fc.Arbitrary<FormEntries> {
  return fc.oneof(oneOfCurrent(() => known.eventPairs), fc.constant("")).chain((pair) => {
    const [application = "", event = ""] = pair.split(":");
    return formEntries({
      ...eventFields(),
      id: fc.oneof(fc.constant(application), idOf(() => known.applications)),
      correctsEventId: fc.oneof(fc.constant(event), idOf(() => known.events)),
      correctionReason: acceptableText({ min: 2, max: 500 }),
      withdraw: fc.constantFrom("true", "false", ""),
    });
  });
}

const FORMS: Record<string, () => fc.Arbitrary<FormEntries>> = {
  registerApplicationAction: () => formEntries(registrationFields()),
  updateRegistrationAction: () => formEntries({ id: idOf(() => known.applications), ...registrationFields(), changeReason: acceptableText({ min: 2, max: 500 }) }),
  recordEventAction: () => formEntries(eventFields()),
  correctEventAction: correctionForm,
  voidApplicationAction: () => formEntries({ id: idOf(() => known.applications), reason: fc.oneof(acceptableText({ min: 2, max: 500 }), hostileText) }),
};

function refreshKnownIds(): void {
  const events = db().select({ id: applicationEvents.id, applicationId: applicationEvents.applicationId }).from(applicationEvents).all();
  known = {
    applications: db().select({ id: applications.id }).from(applications).all().map((row) => String(row.id)),
    events: events.map((row) => String(row.id)),
    eventPairs: events.map((row) => `${row.applicationId}:${row.id}`),
  };
}

beforeAll(async () => {
  fastThrowAwayDatabase();
  reviewer = (await signedInUser("reviewer")).userId;
  const session = openSession(reviewer);
  await asSession(session, async () => {
    const base = { channel: "in_person", arrivedOn: addDays(today, -20), applicantType: "natural_person", applicantName: "张三", description: "某文件", formWanted: "paper" };
    const plain = await registerApplication(base);
    const consulted = await registerApplication(base);
    await recordEvent(consulted.id, { type: "consultation_sent", date: addDays(today, -10), party: "third_party", addressee: "某公司" });
    await recordEvent(plain.id, { type: "correction_notice_sent", date: addDays(today, -15), correctBy: addDays(today, 5) });
    const voided = await registerApplication(base);
    await voidApplication(voided.id, { reason: "重复登记" });
  });
  refreshKnownIds();
});

const tallies: Record<string, FuzzTally> = {};

describe("ledger server actions under 10,000 generated forms each", () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name} never fails with a server error`, async () => {
      tallies[name] = await fuzzAction(await serverAction(name), { userId: reviewer, form: form(), numRuns: RUNS });
      refreshKnownIds();
      expect(tallies[name]?.runs).toBe(RUNS);
    }, 300_000);
  }

  it("left only rows that read back through the schemas and the pages", async () => {
    console.info("ledger fuzz outcomes", JSON.stringify(tallies), "applications", known.applications.length, "events", known.events.length);
    expect(await readBackProblems()).toEqual([]);
    expectEveryActionWrote(tallies, Object.keys(FORMS));
  }, 300_000);
});
