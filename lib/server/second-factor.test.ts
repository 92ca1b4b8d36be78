import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, recoveryCodes, users } from "@/db/schema";
import { base32Decode, TOTP_PERIOD_SECONDS, totp } from "@/lib/auth/totp";
import { InputError } from "./errors";
import {
  beginSecondFactorEnrollment,
  confirmSecondFactorEnrollment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  resetUserSecondFactor,
  secondFactorStatus,
} from "./second-factor";
import { MAX_FAILED_SIGN_INS, signInWithPassword, signOut } from "./sign-in";
import { asSession, asSystem, signedInUser } from "./testing/callers";
import { changeOwnPassword, currentUser, listUsers, resetUserPassword } from "./users";
import { listAuditEntries } from "./audit";

// The clock stands still in each test (scrypt and the database do not mind), so which time step a code
// belongs to never changes halfway through; tests move it on a whole step at a time.
beforeEach(() => vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] }));
afterEach(() => vi.useRealTimers());

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
const denied = (reason: string) => expect.objectContaining({ name: "AccessError", reason });

function code(secret: string, atMs = Date.now()): string {
  return totp(base32Decode(secret) ?? Buffer.alloc(0), atMs);
}

/** Moves the clock on by whole time steps, so the next code is a fresh one. */
function stepsLater(steps: number): void {
  vi.setSystemTime(Date.now() + steps * STEP_MS);
}

function userRow(userId: number) {
  const row = db().select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new Error("no such user");
  return row;
}

/** A clerk who has enrolled: the secret, the recovery codes and a session. */
async function enrolledClerk() {
  const clerk = await signedInUser("clerk");
  const { secret } = await asSession(clerk.sessionId, () => beginSecondFactorEnrollment());
  const { recoveryCodes: codes } = await asSession(clerk.sessionId, () => confirmSecondFactorEnrollment({ code: code(secret) }));
  return { ...clerk, secret, codes };
}

describe("an admin or auditor without a second factor", () => {
  it("may enrol and nothing else; once enrolled the same session works", async () => {
    const admin = await signedInUser("admin", { secondFactor: false });
    await expect(asSession(admin.sessionId, () => listUsers())).rejects.toEqual(denied("second_factor_required"));
    await expect(asSession(admin.sessionId, () => currentUser())).resolves.toMatchObject({ mustEnrollSecondFactor: true });
    await expect(asSession(admin.sessionId, () => secondFactorStatus())).resolves.toMatchObject({ required: true, enabledAt: null, enrollment: null });

    const { secret, uri } = await asSession(admin.sessionId, () => beginSecondFactorEnrollment());
    expect(uri).toContain(`secret=${secret}`);
    await expect(asSession(admin.sessionId, () => secondFactorStatus())).resolves.toMatchObject({ enrollment: { secret, uri } });
    await expect(asSession(admin.sessionId, () => listUsers())).rejects.toEqual(denied("second_factor_required"));

    await asSession(admin.sessionId, () => confirmSecondFactorEnrollment({ code: code(secret) }));
    await expect(asSession(admin.sessionId, () => listUsers())).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ username: admin.username })]));
    await expect(asSession(admin.sessionId, () => currentUser())).resolves.toMatchObject({ mustEnrollSecondFactor: false });
  });

  it("after a password reset changes the password first, then enrols", async () => {
    const auditor = await signedInUser("auditor", { secondFactor: false });
    const reset = await asSystem(() => resetUserPassword(auditor.userId));
    const signIn = await signInWithPassword({ username: auditor.username, password: reset.password });
    const sessionId = signIn.ok ? signIn.sessionId : null;
    await expect(asSession(sessionId, () => secondFactorStatus())).rejects.toEqual(denied("password_change_required"));
    await expect(asSession(sessionId, () => listAuditEntries({}))).rejects.toEqual(denied("password_change_required"));
    await asSession(sessionId, () =>
      changeOwnPassword({ currentPassword: reset.password, newPassword: "a-fresh-long-secret", confirmPassword: "a-fresh-long-secret" }),
    );
    await expect(asSession(sessionId, () => listAuditEntries({}))).rejects.toEqual(denied("second_factor_required"));
    await expect(asSession(sessionId, () => secondFactorStatus())).resolves.toMatchObject({ required: true });
    await expect(asSession(sessionId, () => signOut())).resolves.toBeUndefined();
  });
});

describe("enrolling", () => {
  it("refuses a wrong code next to the field and leaves the factor off", async () => {
    const clerk = await signedInUser("clerk");
    const { secret } = await asSession(clerk.sessionId, () => beginSecondFactorEnrollment());
    const wrong = String((Number(code(secret)) + 1) % 1_000_000).padStart(6, "0");
    await expect(asSession(clerk.sessionId, () => confirmSecondFactorEnrollment({ code: wrong }))).rejects.toSatisfy(
      (error) => error instanceof InputError && "code" in error.fieldErrors,
    );
    expect(userRow(clerk.userId).totpEnabledAt).toBeNull();
  });

  it("keeps the secret encrypted and never writes it or a recovery code into the audit trail", async () => {
    const clerk = await enrolledClerk();
    const row = userRow(clerk.userId);
    expect(row.totpSecret).not.toContain(clerk.secret);
    const hashes = db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, clerk.userId)).all();
    expect(hashes).toHaveLength(10);
    const stored = JSON.stringify(hashes);
    const trail = JSON.stringify(db().select().from(auditLog).all());
    for (const recovery of clerk.codes) {
      expect(stored).not.toContain(recovery);
      expect(trail).not.toContain(recovery);
      expect(trail).not.toContain(recovery.replaceAll("-", ""));
    }
    expect(trail).not.toContain(clerk.secret);
    expect(trail).not.toContain(row.totpSecret);
    const actions = db().select().from(auditLog).where(eq(auditLog.actorName, clerk.username)).all().map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["second_factor.enrollment_start", "second_factor.enable"]));
  });

  it("ends the user's other sessions and keeps the one in use", async () => {
    const clerk = await signedInUser("clerk");
    const elsewhere = await signInWithPassword({ username: clerk.username, password: clerk.password });
    const { secret } = await asSession(clerk.sessionId, () => beginSecondFactorEnrollment());
    await asSession(clerk.sessionId, () => confirmSecondFactorEnrollment({ code: code(secret) }));
    await expect(asSession(clerk.sessionId, () => currentUser())).resolves.toMatchObject({ username: clerk.username });
    await expect(asSession(elsewhere.ok ? elsewhere.sessionId : null, () => currentUser())).rejects.toEqual(denied("unauthenticated"));
  });

  it("cannot start over while the factor is on", async () => {
    const clerk = await enrolledClerk();
    await expect(asSession(clerk.sessionId, () => beginSecondFactorEnrollment())).rejects.toBeInstanceOf(InputError);
  });
});

describe("signing in with a second factor", () => {
  it("asks for a code only after the right password, then accepts each code once", async () => {
    const clerk = await enrolledClerk();
    const { username, password, secret } = clerk;
    expect(await signInWithPassword({ username, password: "not-the-password" })).toEqual({ ok: false });
    expect(await signInWithPassword({ username, password })).toEqual({ ok: false, secondFactorRequired: true });
    expect(await signInWithPassword({ username, password: "not-the-password", otp: code(secret) })).toEqual({ ok: false });

    // The enrolment used this step's code: it, and the one before, are spent; the next step's works once.
    expect(await signInWithPassword({ username, password, otp: code(secret) })).toEqual({ ok: false });
    const next = code(secret, Date.now() + STEP_MS);
    expect((await signInWithPassword({ username, password, otp: next })).ok).toBe(true);
    expect(await signInWithPassword({ username, password, otp: next })).toEqual({ ok: false });
    stepsLater(2);
    expect((await signInWithPassword({ username, password, otp: code(secret) })).ok).toBe(true);
  });

  it("takes each recovery code once, in any letter case", async () => {
    const clerk = await enrolledClerk();
    const [first = "", second = ""] = clerk.codes;
    expect((await signInWithPassword({ username: clerk.username, password: clerk.password, otp: first.toUpperCase() })).ok).toBe(true);
    expect(await signInWithPassword({ username: clerk.username, password: clerk.password, otp: first })).toEqual({ ok: false });
    const signIn = await signInWithPassword({ username: clerk.username, password: clerk.password, otp: second });
    expect(signIn.ok).toBe(true);
    await expect(asSession(signIn.ok ? signIn.sessionId : null, () => secondFactorStatus())).resolves.toMatchObject({ recoveryCodesLeft: 8 });
    const audited = db().select().from(auditLog).where(eq(auditLog.actorName, clerk.username)).all();
    expect(audited.filter((entry) => entry.action === "auth.sign_in").at(-1)?.detail).toContain("恢复码（剩余 8 个）");
  });

  it("counts wrong codes toward the lockout, after which even a right code is refused", async () => {
    const clerk = await enrolledClerk();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      expect(await signInWithPassword({ username: clerk.username, password: clerk.password, otp: "000000" })).toEqual({ ok: false });
    }
    expect(userRow(clerk.userId).lockedUntil).not.toBeNull();
    expect(await signInWithPassword({ username: clerk.username, password: clerk.password })).toEqual({ ok: false });
    expect(await signInWithPassword({ username: clerk.username, password: clerk.password, otp: code(clerk.secret, Date.now() + STEP_MS) })).toEqual({
      ok: false,
    });
  });
});

describe("recovery codes and switching off", () => {
  it("are renewed with a current code, and the old ones stop working", async () => {
    const clerk = await enrolledClerk();
    await expect(asSession(clerk.sessionId, () => regenerateRecoveryCodes({ code: "123456" }))).rejects.toBeInstanceOf(InputError);
    stepsLater(1);
    const renewed = await asSession(clerk.sessionId, () => regenerateRecoveryCodes({ code: code(clerk.secret) }));
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(renewed.recoveryCodes).not.toContain(clerk.codes[0]);
    expect(await signInWithPassword({ username: clerk.username, password: clerk.password, otp: clerk.codes[0] })).toEqual({ ok: false });
    expect((await signInWithPassword({ username: clerk.username, password: clerk.password, otp: renewed.recoveryCodes[0] })).ok).toBe(true);
  });

  it("a clerk may switch it off with a recovery code, then signs in with the password alone", async () => {
    const clerk = await enrolledClerk();
    await expect(asSession(clerk.sessionId, () => disableSecondFactor({ code: "aaaa-bbbb-cccc-dddd" }))).rejects.toBeInstanceOf(InputError);
    await asSession(clerk.sessionId, () => disableSecondFactor({ code: clerk.codes[3] }));
    expect(userRow(clerk.userId)).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, clerk.userId)).all()).toEqual([]);
    expect((await signInWithPassword({ username: clerk.username, password: clerk.password })).ok).toBe(true);
  });

  it("an admin or auditor may not switch it off", async () => {
    for (const role of ["admin", "auditor"] as const) {
      const user = await signedInUser(role);
      stepsLater(1);
      await expect(asSession(user.sessionId, () => disableSecondFactor({ code: code(user.totpSecret ?? "") }))).rejects.toEqual(denied("forbidden"));
      expect(userRow(user.userId).totpEnabledAt).not.toBeNull();
    }
  });
});

describe("the admin's reset of someone's second factor", () => {
  it("ends their sessions; an auditor must enrol again at the next sign-in, which the password alone opens", async () => {
    const admin = await signedInUser("admin");
    const auditor = await signedInUser("auditor");
    await expect(asSession(admin.sessionId, () => resetUserSecondFactor(auditor.userId, {}))).rejects.toMatchObject({ name: "ZodError" });
    await asSession(admin.sessionId, () => resetUserSecondFactor(auditor.userId, { confirm: "yes" }));
    await expect(asSession(auditor.sessionId, () => currentUser())).rejects.toEqual(denied("unauthenticated"));

    const signIn = await signInWithPassword({ username: auditor.username, password: auditor.password });
    expect(signIn.ok).toBe(true);
    await expect(asSession(signIn.ok ? signIn.sessionId : null, () => listAuditEntries({}))).rejects.toEqual(denied("second_factor_required"));

    const entry = db().select().from(auditLog).where(eq(auditLog.action, "user.reset_second_factor")).all().at(-1);
    expect(entry).toMatchObject({ actorName: admin.username, entityId: String(auditor.userId), before: '{"secondFactor":true}', after: '{"secondFactor":false}' });
  });

  it("is refused for the admin's own account, for a user without one, and for everyone but the admin", async () => {
    const admin = await signedInUser("admin");
    const reviewer = await signedInUser("reviewer");
    await expect(asSession(admin.sessionId, () => resetUserSecondFactor(admin.userId, { confirm: "yes" }))).rejects.toBeInstanceOf(InputError);
    await expect(asSession(admin.sessionId, () => resetUserSecondFactor(reviewer.userId, { confirm: "yes" }))).rejects.toBeInstanceOf(InputError);
    await expect(asSession(reviewer.sessionId, () => resetUserSecondFactor(admin.userId, { confirm: "yes" }))).rejects.toEqual(denied("forbidden"));
    expect(userRow(admin.userId).totpEnabledAt).not.toBeNull();
  });
});
