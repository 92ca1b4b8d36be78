import fc from "fast-check";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { base32Encode, totp } from "@/lib/auth/totp";
import { formEntries, hostileText, numericText } from "@/lib/testing/hostile-input";
import { sealSecret } from "./internal/second-factor";
import { signedInUser } from "./testing/callers";
import { expectEveryActionWrote, fastThrowAwayDatabase, fuzzAction, oneOfCurrent, serverAction, type FuzzTally } from "./testing/fuzz-actions";
import { readBackProblems } from "./testing/read-back";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

/**
 * The second-factor actions (enrol, confirm, new recovery codes, turn off; the admin's reset), each called 10,000
 * times with generated forms by a user allowed to: none may fail with anything but a form state, a redirect or a
 * refusal, and every row left must read back. Before each call the acting account is put back in the state the
 * action starts from (an enrolment waiting for its code, or a second factor in use, with no code step used yet),
 * so the right code — which the fuzzing also types — is accepted every time, not once per 30-second step.
 */

const RUNS = 10_000;
/** The authenticator key the fuzzing's accounts hold, so it can type the right code. */
const KEY = Buffer.from("gongkai-fuzz-second-factor-key!!");
const SECRET = base32Encode(KEY);

let clerk: number;
let admin: number;
let adminRow: typeof users.$inferSelect;
let userIds: string[] = [];

type Start = "none" | "pending" | "enabled";

function putBack(userId: number, start: Start): void {
  const enabled = start === "enabled";
  db()
    .update(users)
    .set({ totpSecret: start === "none" ? null : sealSecret(SECRET, userId), totpEnabledAt: enabled ? new Date().toISOString() : null, totpLastStep: null })
    .where(eq(users.id, userId))
    .run();
  if (!enabled) db().delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}

/** The right code now, or something else: another six digits, a recovery-code look-alike, hostile text. */
const code = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).map(() => totp(KEY, Date.now())) },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{6}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{4,5}-[a-z0-9]{4,5}$/) },
  { weight: 1, arbitrary: fc.constantFrom("", " 123 456 ", "１２３４５６", "1234567", "-12345") },
  { weight: 2, arbitrary: hostileText },
);

const SPECS: Record<string, { as: () => number; start: Start; fields: () => Record<string, fc.Arbitrary<string>> }> = {
  beginEnrollmentAction: { as: () => clerk, start: "none", fields: () => ({}) },
  confirmEnrollmentAction: { as: () => clerk, start: "pending", fields: () => ({ code }) },
  regenerateRecoveryCodesAction: { as: () => clerk, start: "enabled", fields: () => ({ code }) },
  disableSecondFactorAction: { as: () => clerk, start: "enabled", fields: () => ({ code }) },
  resetSecondFactorAction: {
    as: () => admin,
    start: "enabled",
    fields: () => ({
      id: fc.oneof({ weight: 6, arbitrary: oneOfCurrent(() => userIds) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map(String) }, { weight: 1, arbitrary: numericText }),
      confirm: fc.oneof({ weight: 4, arbitrary: fc.constant("yes") }, { weight: 1, arbitrary: fc.constantFrom("", "no", "YES", "on") }, { weight: 1, arbitrary: hostileText }),
    }),
  },
};

beforeAll(async () => {
  fastThrowAwayDatabase();
  clerk = (await signedInUser("clerk")).userId;
  const created = await signedInUser("admin");
  admin = created.userId;
  for (const role of ["clerk", "reviewer", "auditor"] as const) await signedInUser(role);
  adminRow = db().select().from(users).where(eq(users.id, admin)).get() as typeof users.$inferSelect;
  userIds = db().select({ id: users.id }).from(users).all().map((row) => String(row.id));
});

/** The admin may reset its own second factor; it gets it back before the next call, as the other accounts get theirs. */
function restoreAdmin(): void {
  db().update(users).set({ totpSecret: adminRow.totpSecret, totpEnabledAt: adminRow.totpEnabledAt, totpLastStep: null }).where(eq(users.id, admin)).run();
}

const tallies: Record<string, FuzzTally> = {};

describe("second-factor server actions under 10,000 generated forms each", () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name} never fails with a server error`, async () => {
      const targets = spec.as() === admin ? userIds.map(Number).filter((id) => id !== admin) : [spec.as()];
      const reset = () => {
        for (const id of targets) putBack(id, spec.start);
        restoreAdmin();
      };
      reset();
      tallies[name] = await fuzzAction(await serverAction(name), { userId: spec.as(), form: formEntries(spec.fields()), numRuns: RUNS, afterEach: reset });
      expect(tallies[name]?.runs).toBe(RUNS);
    }, 300_000);
  }

  it("left only rows that read back through the schemas and the pages", async () => {
    console.info("second-factor fuzz outcomes", JSON.stringify(tallies));
    expect(await readBackProblems()).toEqual([]);
    expectEveryActionWrote(tallies, Object.keys(SPECS));
  }, 300_000);
});
