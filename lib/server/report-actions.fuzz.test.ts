import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { applications, reviewCases } from "@/db/schema";
import { addDays, todayInChina } from "@/lib/calendar";
import { seedReport } from "@/lib/report/fixtures";
import { PROSE_SECTION_KEYS } from "@/lib/report/labels";
import { historicalEntryValues } from "@/lib/report-workflow/historical-entry";
import { PROACTIVE_FIELDS } from "@/lib/report-workflow/proactive";
import { REVIEW_CASE_KINDS, REVIEW_CASE_RESULTS } from "@/lib/report-workflow/review-case";
import { thisYearInChina } from "@/lib/report-workflow/workflow";
import { acceptableText, formEntries, hostileFile, hostileText, numericText, type FieldValue, type FormEntries } from "@/lib/testing/hostile-input";
import { mutatedJsonText } from "@/lib/testing/json-input";
import { registerApplication } from "./ledger";
import { asSession, openSession, signedInUser } from "./testing/callers";
import { expectEveryActionWrote, fastThrowAwayDatabase, fuzzAction, oneOfCurrent, serverAction, type FuzzTally } from "./testing/fuzz-actions";
import { readBackProblems } from "./testing/read-back";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

/**
 * The annual report's server actions (table 二, the prose, submit, return, publish, the review-case register,
 * historical reports typed in or pasted as JSON), each called 10,000 times with generated forms by a reviewer of
 * the agency: none may fail with anything but a form state, a redirect or a refusal, and every draft, version and
 * case left must read back through its schema, the year page, the downloads and the public page.
 */

const RUNS = 10_000;
const today = todayInChina();
const thisYear = thisYearInChina();
const optional = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(""), arbitrary);

let reviewer: number;
let trackingNumbers: string[] = [];
let caseIds: string[] = [];

const year = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: thisYear - 4, max: thisYear }).map(String) }, { weight: 1, arbitrary: fc.integer({ min: 2000, max: 2200 }).map(String) }, { weight: 1, arbitrary: numericText });
const count = fc.oneof({ weight: 5, arbitrary: fc.nat(500).map(String) }, { weight: 1, arbitrary: fc.constantFrom("１２", " 3 ", "0.5", "-1", "1e3", "999999999", "1000000000") }, { weight: 1, arbitrary: numericText });
const prose = fc.oneof(acceptableText({ max: 20_000 }), fc.constantFrom("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "${alert(1)}", "'\"`"));
const recentDate = fc.integer({ min: 0, max: 1500 }).map((days) => addDays(today, -days));

const FIELDS: Record<string, () => Record<string, fc.Arbitrary<string>>> = {
  saveProactiveAction: () => ({ year, ...Object.fromEntries(PROACTIVE_FIELDS.map((field) => [field.name, field.name === "feesTenThousandYuan" ? fc.oneof(count, fc.constantFrom("0.1234", "1.23456")) : count])) }),
  saveSectionsAction: () => ({ year, ...Object.fromEntries(PROSE_SECTION_KEYS.map((key) => [key, prose])), restore: fc.constantFrom("", "", "", "all", ...PROSE_SECTION_KEYS) }),
  submitReportAction: () => ({ year }),
  returnReportAction: () => ({ year, reason: optional(acceptableText({ max: 500 })) }),
  publishReportAction: () => ({ year, correctionNote: optional(acceptableText({ max: 2000 })) }),
  createReviewCaseAction: () => reviewCaseFields(),
  updateReviewCaseAction: () => ({ id: fc.oneof(oneOfCurrent(() => caseIds), numericText), ...reviewCaseFields(), returnYear: fc.oneof(year, hostileText) }),
  deleteReviewCaseAction: () => ({ id: fc.oneof(oneOfCurrent(() => caseIds), numericText), reason: optional(acceptableText({ max: 600 })), returnYear: fc.oneof(year, hostileText) }),
};

function reviewCaseFields(): Record<string, fc.Arbitrary<string>> {
  return {
    kind: fc.constantFrom(...REVIEW_CASE_KINDS),
    trackingNumber: optional(fc.oneof(oneOfCurrent(() => trackingNumbers), fc.constantFrom("2024-0001", "2024-00001", "0000-0000"))),
    reference: optional(acceptableText({ max: 100 })),
    filedOn: recentDate,
    result: fc.constantFrom("", ...REVIEW_CASE_RESULTS),
    concludedOn: optional(recentDate),
    notes: optional(acceptableText({ max: 1000 })),
  };
}

/** The cell-by-cell form of a historical report: the seed report's values, with a few fields garbled or left out. */
function historicalEntryForm(): fc.Arbitrary<FormEntries> {
  const base = { ...historicalEntryValues(seedReport("corrected")), agencyCode: "testagency", agencyName: "测试机构" };
  const names = Object.keys(base);
  const change = fc.record({ field: fc.oneof(fc.constantFrom(...names), hostileText), value: fc.oneof(count, hostileText, hostileFile, fc.constant(null)) });
  return fc.record({ year: fc.integer({ min: 2006, max: thisYear + 1 }).map(String), note: optional(acceptableText({ max: 2000 })), changes: fc.array(change, { maxLength: 6 }) }).map(({ year: typedYear, note, changes }) => {
    const values = new Map<string, FieldValue | null>(Object.entries({ ...base, year: typedYear, correctionNote: note }));
    for (const { field, value } of changes) values.set(field, value);
    return [...values].flatMap(([name, value]): FormEntries => (value === null ? [] : [[name, value]]));
  });
}

/** A report JSON pasted in: the seed report as the agency's, changed in a few places, or something else altogether. */
function historicalJsonForm(): fc.Arbitrary<FormEntries> {
  return fc.integer({ min: 2006, max: thisYear + 1 }).chain((typedYear) =>
    fc.record({ json: mutatedJsonText({ ...seedReport("corrected"), agency: { code: "testagency", name: "测试机构" }, year: typedYear }), correctionNote: optional(acceptableText({ max: 2000 })) }).map(({ json, correctionNote }): FormEntries => [["json", json], ["correctionNote", correctionNote]]),
  );
}

// Historical reports first: once the fuzzing has published a year from the ledger, that year takes no historical report.
const FORMS: Record<string, () => fc.Arbitrary<FormEntries>> = {
  importHistoricalReportAction: historicalEntryForm,
  importHistoricalJsonAction: historicalJsonForm,
  ...Object.fromEntries(Object.entries(FIELDS).map(([name, fields]) => [name, () => formEntries(fields())])),
};

function refreshKnownIds(): void {
  trackingNumbers = db().select({ trackingNumber: applications.trackingNumber }).from(applications).all().map((row) => row.trackingNumber);
  caseIds = db().select({ id: reviewCases.id }).from(reviewCases).all().map((row) => String(row.id));
}

beforeAll(async () => {
  fastThrowAwayDatabase();
  reviewer = (await signedInUser("reviewer")).userId;
  // Applications in recent years, so review cases can name them and the tables have figures.
  await asSession(openSession(reviewer), async () => {
    for (const days of [10, 400, 800]) {
      await registerApplication({ channel: "in_person", arrivedOn: addDays(today, -days), applicantType: "natural_person", applicantName: "张三", description: "某文件", formWanted: "paper" });
    }
  });
  refreshKnownIds();
});

const tallies: Record<string, FuzzTally> = {};

describe("annual report server actions under 10,000 generated forms each", () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name} never fails with a server error`, async () => {
      tallies[name] = await fuzzAction(await serverAction(name), { userId: reviewer, form: form(), numRuns: RUNS });
      refreshKnownIds();
      expect(tallies[name]?.runs).toBe(RUNS);
    }, 300_000);
  }

  it("left only rows that read back through the schemas, the year page, the downloads and the public page", async () => {
    console.info("report fuzz outcomes", JSON.stringify(tallies), "review cases", caseIds.length);
    expect(await readBackProblems()).toEqual([]);
    expectEveryActionWrote(tallies, Object.keys(FORMS));
  }, 300_000);
});
