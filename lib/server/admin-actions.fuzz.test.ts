import fc from "fast-check";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { agencies, ROLES, users } from "@/db/schema";
import { addDays, todayInChina } from "@/lib/calendar";
import { acceptableText, formEntries, dateLikeText, hostileText, numericText } from "@/lib/testing/hostile-input";
import { registerApplication } from "./ledger";
import { asSession, ensureAgency, openSession, signedInUser } from "./testing/callers";
import { expectEveryActionWrote, fastThrowAwayDatabase, fuzzAction, oneOfCurrent, serverAction, type FuzzTally } from "./testing/fuzz-actions";
import { readBackProblems } from "./testing/read-back";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));
vi.mock("@/lib/auth/password", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/password")>()),
  hashPassword: (await import("./testing/cheap-password")).cheapHashPassword,
}));

/**
 * The administrator's server actions (users, agencies, the calendar) and the two every role has (changing
 * one's password, signing out), each called 10,000 times with generated forms by a user allowed to: none may
 * fail with anything but a form state, a redirect or a refusal, and every row left must read back.
 */

const RUNS = 10_000;
const today = todayInChina();
const optional = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(""), arbitrary);

let admin: number;
let clerk: { userId: number; password: string };
let userIds: string[] = [];
let agencyCodes: string[] = ["testagency", "second"];

const userId = fc.oneof({ weight: 6, arbitrary: oneOfCurrent(() => userIds) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 300 }).map(String) }, { weight: 1, arbitrary: numericText });
const agencyCode = fc.oneof({ weight: 4, arbitrary: oneOfCurrent(() => agencyCodes) }, { weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{1,10}$/) });
const calendarDate = fc.oneof(fc.integer({ min: -400, max: 400 }).map((days) => addDays(today, days)), dateLikeText);
const password = fc.oneof(fc.constant("long-enough-password"), acceptableText({ max: 40 }));

const FIELDS: Record<string, { as: () => number; fields: () => Record<string, fc.Arbitrary<string>> }> = {
  createUserAction: {
    as: () => admin,
    fields: () => ({ username: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9._-]{2,20}$/), hostileText), displayName: acceptableText({ min: 1, max: 50 }), role: fc.constantFrom(...ROLES), agencyCode }),
  },
  updateUserAction: { as: () => admin, fields: () => ({ id: userId, displayName: acceptableText({ min: 1, max: 50 }), role: fc.constantFrom(...ROLES), agencyCode }) },
  setUserDisabledAction: { as: () => admin, fields: () => ({ id: userId, disabled: fc.constantFrom("true", "false") }) },
  resetPasswordAction: { as: () => admin, fields: () => ({ id: userId }) },
  unlockUserAction: { as: () => admin, fields: () => ({ id: userId }) },
  createAgencyAction: { as: () => admin, fields: () => ({ code: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/), hostileText), name: acceptableText({ min: 2, max: 100 }), parentCode: optional(agencyCode) }) },
  updateAgencyAction: { as: () => admin, fields: () => ({ code: agencyCode, name: acceptableText({ min: 2, max: 100 }), parentCode: optional(agencyCode), active: fc.constantFrom("true", "false") }) },
  setCalendarDayAction: { as: () => admin, fields: () => ({ date: calendarDate, kind: fc.constantFrom("holiday", "make_up_workday"), name: acceptableText({ min: 1, max: 20 }) }) },
  removeCalendarDayAction: { as: () => admin, fields: () => ({ date: calendarDate }) },
  setCalendarYearAction: {
    as: () => admin,
    fields: () => ({ year: fc.oneof(fc.integer({ min: 1999, max: 2101 }).map(String), numericText), published: fc.constantFrom("true", "false"), source: optional(acceptableText({ max: 200 })) }),
  },
  changePasswordAction: {
    as: () => clerk.userId,
    fields: () => ({ currentPassword: fc.oneof(fc.constant(null).map(() => clerk.password), password), newPassword: password, confirmPassword: password }),
  },
  signOutAction: { as: () => clerk.userId, fields: () => ({}) },
};

beforeAll(async () => {
  fastThrowAwayDatabase();
  admin = (await signedInUser("admin")).userId;
  await ensureAgency("second");
  const created = await signedInUser("clerk");
  clerk = { userId: created.userId, password: created.password };
  for (const role of ROLES) await signedInUser(role);
  // Running applications, so every calendar change recounts deadlines.
  await asSession(openSession(clerk.userId), async () => {
    for (const days of [3, 30, 200]) {
      await registerApplication({ channel: "in_person", arrivedOn: addDays(today, -days), applicantType: "natural_person", applicantName: "张三", description: "某文件", formWanted: "paper" });
    }
  });
  userIds = targetUserIds();
  originals = db().select().from(users).all().filter((row) => row.id === admin || row.id === clerk.userId);
});

/** Every account but the one whose password the fuzzing types (the acting admin stays a target: see restoreActors). */
function targetUserIds(): string[] {
  return db().select({ id: users.id }).from(users).all().filter((row) => row.id !== clerk.userId).map((row) => String(row.id));
}

/**
 * The acting users may be demoted, disabled, reset or (the clerk) given a new password by the fuzzing; they are
 * put back after every run, so the next one acts with the same powers and the clerk's password stays known.
 */
let originals: (typeof users.$inferSelect)[] = [];
function restoreActors(): void {
  for (const original of originals) {
    const { role, agencyId, disabled, mustChangePassword, lockedUntil, passwordHash } = original;
    db().update(users).set({ role, agencyId, disabled, mustChangePassword, lockedUntil, passwordHash }).where(eq(users.id, original.id)).run();
  }
}

const tallies: Record<string, FuzzTally> = {};

describe("administrator and account server actions under 10,000 generated forms each", () => {
  for (const [name, spec] of Object.entries(FIELDS)) {
    it(`${name} never fails with a server error`, async () => {
      tallies[name] = await fuzzAction(await serverAction(name), { userId: spec.as(), form: formEntries(spec.fields()), numRuns: RUNS, afterEach: restoreActors });
      userIds = targetUserIds();
      agencyCodes = db().select({ code: agencies.code }).from(agencies).all().map((row) => row.code);
      expect(tallies[name]?.runs).toBe(RUNS);
    }, 300_000);
  }

  it("left only rows that read back through the schemas and the pages", async () => {
    console.info("admin fuzz outcomes", JSON.stringify(tallies), "users", userIds.length, "agencies", agencyCodes.length);
    expect(await readBackProblems()).toEqual([]);
    expectEveryActionWrote(tallies, Object.keys(FIELDS));
  }, 300_000);
});
