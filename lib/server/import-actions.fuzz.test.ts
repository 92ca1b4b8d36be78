import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { applications, ledgerImports } from "@/db/schema";
import { hostileFile, hostileText, numericText, type FieldValue, type FormEntries } from "@/lib/testing/hostile-input";
import { csvFileBytes } from "@/lib/testing/ledger-file-input";
import { signedInUser } from "./testing/callers";
import { expectEveryActionWrote, fastThrowAwayDatabase, fuzzAction, oneOfCurrent, serverAction, type FuzzTally } from "./testing/fuzz-actions";
import { readBackProblems } from "./testing/read-back";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

/**
 * The web ledger import's server actions (upload, confirm, discard), each called 10,000 times by a clerk of the
 * agency: uploads of generated CSV files (UTF-8, GB18030, neither) and of anything else in the file field,
 * confirmations and discards of the uploads made and of made-up ids. None may fail with anything but a form
 * state, a redirect or a refusal; every upload's page and every application the confirmations wrote must read back.
 */

const RUNS = 10_000;

let clerk: number;
let uploadIds: string[] = [];

const uploadId = fc.oneof({ weight: 6, arbitrary: oneOfCurrent(() => uploadIds) }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) }, { weight: 1, arbitrary: fc.oneof(hostileText, numericText) });

const ledgerFile: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ file: csvFileBytes, name: fc.constantFrom("台账.csv", "ledger.CSV", "台账.xlsx", "x"), type: fc.constantFrom("text/csv", "") }) },
  { weight: 1, arbitrary: hostileFile },
  { weight: 1, arbitrary: hostileText },
);

const FORMS: Record<string, fc.Arbitrary<FormEntries>> = {
  uploadLedgerImportAction: fc
    .tuple(fc.array(ledgerFile, { maxLength: 2 }), fc.array(fc.tuple(fc.constantFrom("id", "__proto__", "agencyId"), hostileText), { maxLength: 1 }))
    .map(([files, extra]): FormEntries => [...files.map((file): [string, FieldValue] => ["file", file]), ...extra]),
  confirmLedgerImportAction: fc.array(uploadId, { maxLength: 2 }).map((ids): FormEntries => ids.map((id) => ["id", id])),
  discardLedgerImportAction: fc.array(uploadId, { maxLength: 2 }).map((ids): FormEntries => ids.map((id) => ["id", id])),
};

function refreshUploads(): void {
  uploadIds = db().select({ id: ledgerImports.id }).from(ledgerImports).all().map((row) => row.id);
}

beforeAll(async () => {
  fastThrowAwayDatabase();
  clerk = (await signedInUser("clerk")).userId;
});

const tallies: Record<string, FuzzTally> = {};

describe("ledger import server actions under 10,000 generated forms each", () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name} never fails with a server error`, async () => {
      tallies[name] = await fuzzAction(await serverAction(name), { userId: clerk, form, numRuns: RUNS });
      refreshUploads();
      expect(tallies[name]?.runs).toBe(RUNS);
    }, 300_000);
  }

  it("left only uploads and applications that read back through the schemas and the pages", async () => {
    const written = db().select({ id: applications.id }).from(applications).all().length;
    console.info("import fuzz outcomes", JSON.stringify(tallies), "uploads left", uploadIds.length, "applications written", written);
    expect(await readBackProblems()).toEqual([]);
    expectEveryActionWrote(tallies, Object.keys(FORMS));
  }, 300_000);
});
