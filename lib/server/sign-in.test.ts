import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { MAX_FAILED_SIGN_INS, LOCKOUT_MS, signInWithPassword, signOut } from "./sign-in";
import { asSession, signedInUser } from "./testing/callers";
import { currentUser } from "./users";
import { AccessError } from "./errors";

afterEach(() => vi.useRealTimers());

function auditActions(username: string): string[] {
  return db().select().from(auditLog).where(eq(auditLog.actorName, username)).all().map((row) => row.action);
}

describe("signing in", () => {
  it("opens a session for the right password and records it", async () => {
    const user = await signedInUser("clerk");
    const result = await signInWithPassword({ username: user.username, password: user.password });
    expect(result.ok).toBe(true);
    const who = await asSession(result.ok ? result.sessionId : null, () => currentUser());
    expect(who.username).toBe(user.username);
    expect(auditActions(user.username)).toContain("auth.sign_in");
  });

  it("accepts the username in any letter case", async () => {
    const user = await signedInUser("reviewer");
    expect((await signInWithPassword({ username: user.username.toUpperCase(), password: user.password })).ok).toBe(true);
  });

  it("gives the same answer for an unknown user, a wrong password and a locked account", async () => {
    const user = await signedInUser("clerk");
    const unknown = await signInWithPassword({ username: "nobody-here", password: "whatever-password" });
    const wrong = await signInWithPassword({ username: user.username, password: "not-the-password" });
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      await signInWithPassword({ username: user.username, password: "not-the-password" });
    }
    const locked = await signInWithPassword({ username: user.username, password: user.password });
    expect(unknown).toEqual({ ok: false });
    expect(wrong).toEqual({ ok: false });
    expect(locked).toEqual({ ok: false });
  });

  it("locks the account for 30 minutes after five failures, then lets the right password in", async () => {
    const user = await signedInUser("reviewer");
    const start = new Date();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      await signInWithPassword({ username: user.username, password: "wrong-password-1" });
    }
    const row = db().select().from(users).where(eq(users.id, user.userId)).get();
    expect(row?.lockedUntil).toBe(new Date(start.getTime() + LOCKOUT_MS).toISOString());
    expect(auditActions(user.username)).toContain("auth.locked");
    expect((await signInWithPassword({ username: user.username, password: user.password })).ok).toBe(false);

    // The session opened before the lockout ended with it.
    await expect(asSession(user.sessionId, () => currentUser())).rejects.toMatchObject({ reason: "unauthenticated" });

    vi.setSystemTime(start.getTime() + LOCKOUT_MS - 1000);
    expect((await signInWithPassword({ username: user.username, password: user.password })).ok).toBe(false);
    vi.setSystemTime(start.getTime() + LOCKOUT_MS + 1000);
    expect((await signInWithPassword({ username: user.username, password: user.password })).ok).toBe(true);
  });

  it("never writes a password or its hash into the audit trail", async () => {
    const user = await signedInUser("clerk");
    await signInWithPassword({ username: user.username, password: "a-wrong-password-xyz" });
    // A password typed into the username field is not kept either.
    await signInWithPassword({ username: "mypassword-typed-here", password: "whatever-it-is" });
    const hash = db().select().from(users).where(eq(users.id, user.userId)).get()?.passwordHash ?? "";
    const everything = JSON.stringify(db().select().from(auditLog).all());
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain("a-wrong-password-xyz");
    expect(everything).not.toContain("mypassword-typed-here");
    expect(everything).not.toContain(hash.split("$").pop());
  });

  it("signing out ends the session for good", async () => {
    const user = await signedInUser("clerk");
    await asSession(user.sessionId, () => signOut());
    await expect(asSession(user.sessionId, () => currentUser())).rejects.toThrow(AccessError);
  });
});
