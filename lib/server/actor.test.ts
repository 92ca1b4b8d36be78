import { afterEach, describe, expect, it, vi } from "vitest";
import { asSession, asSystem, signedInUser } from "./testing/callers";
import { changeOwnPassword, currentUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from "./users";
import { signInWithPassword } from "./sign-in";
import { IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from "./timeouts";
import { getWorkbench } from "./workbench";

afterEach(() => vi.useRealTimers());

const denied = (reason: string) => expect.objectContaining({ name: "AccessError", reason });

describe("sessions", () => {
  it("end after 30 minutes without a request", async () => {
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const user = await signedInUser("clerk");
    vi.setSystemTime(start + IDLE_TIMEOUT_MS - 60_000);
    await expect(asSession(user.sessionId, () => currentUser())).resolves.toMatchObject({ username: user.username });
    // Activity moved the idle clock: another 29 minutes is still fine.
    vi.setSystemTime(start + 2 * IDLE_TIMEOUT_MS - 120_000);
    await expect(asSession(user.sessionId, () => currentUser())).resolves.toMatchObject({ username: user.username });
    vi.setSystemTime(start + 3 * IDLE_TIMEOUT_MS);
    await expect(asSession(user.sessionId, () => currentUser())).rejects.toEqual(denied("unauthenticated"));
  });

  it("end 12 hours after sign-in however active the user is", async () => {
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const user = await signedInUser("auditor");
    for (let at = start; at < start + ABSOLUTE_TIMEOUT_MS; at += IDLE_TIMEOUT_MS / 2) {
      vi.setSystemTime(at);
      await asSession(user.sessionId, () => currentUser());
    }
    vi.setSystemTime(start + ABSOLUTE_TIMEOUT_MS + 1000);
    await expect(asSession(user.sessionId, () => currentUser())).rejects.toEqual(denied("unauthenticated"));
  });

  it("of a disabled user stop at the next request", async () => {
    const user = await signedInUser("clerk");
    await asSystem(() => setUserDisabled(user.userId, true));
    await expect(asSession(user.sessionId, () => getWorkbench())).rejects.toEqual(denied("unauthenticated"));
    await asSystem(() => setUserDisabled(user.userId, false));
    // Re-enabling does not revive the old session.
    await expect(asSession(user.sessionId, () => getWorkbench())).rejects.toEqual(denied("unauthenticated"));
  });

  it("end when the role changes", async () => {
    const user = await signedInUser("clerk");
    await asSystem(() => updateUser(user.userId, { displayName: "改为审核人", role: "reviewer", agencyCode: "testagency" }));
    await expect(asSession(user.sessionId, () => getWorkbench())).rejects.toEqual(denied("unauthenticated"));
  });

  it("survive an edit of the name alone", async () => {
    const user = await signedInUser("clerk");
    await asSystem(() => updateUser(user.userId, { displayName: "新名字", role: "clerk", agencyCode: "testagency" }));
    await expect(asSession(user.sessionId, () => currentUser())).resolves.toMatchObject({ displayName: "新名字" });
  });

  it("elsewhere end when the user changes the password, the current one goes on", async () => {
    const user = await signedInUser("reviewer");
    const other = await signInWithPassword({ username: user.username, password: user.password });
    await asSession(user.sessionId, () =>
      changeOwnPassword({ currentPassword: user.password, newPassword: "a-brand-new-secret", confirmPassword: "a-brand-new-secret" }),
    );
    await expect(asSession(user.sessionId, () => getWorkbench())).resolves.toMatchObject({ agencyCode: "testagency" });
    await expect(asSession(other.ok ? other.sessionId : null, () => getWorkbench())).rejects.toEqual(denied("unauthenticated"));
    expect((await signInWithPassword({ username: user.username, password: "a-brand-new-secret" })).ok).toBe(true);
  });

  it("after a reset must change the password before anything else", async () => {
    const user = await signedInUser("clerk");
    const reset = await asSystem(() => resetUserPassword(user.userId));
    const signIn = await signInWithPassword({ username: user.username, password: reset.password });
    const sessionId = signIn.ok ? signIn.sessionId : null;
    await expect(asSession(sessionId, () => getWorkbench())).rejects.toEqual(denied("password_change_required"));
    await expect(asSession(sessionId, () => currentUser())).resolves.toMatchObject({ mustChangePassword: true });
    await asSession(sessionId, () =>
      changeOwnPassword({ currentPassword: reset.password, newPassword: "another-fine-secret", confirmPassword: "another-fine-secret" }),
    );
    await expect(asSession(sessionId, () => getWorkbench())).resolves.toMatchObject({ agencyCode: "testagency" });
  });
});

describe("roles", () => {
  it("keep each role to its own functions", async () => {
    const clerk = await signedInUser("clerk");
    const admin = await signedInUser("admin");
    await expect(asSession(clerk.sessionId, () => listUsers())).rejects.toEqual(denied("forbidden"));
    await expect(asSession(admin.sessionId, () => getWorkbench())).rejects.toEqual(denied("forbidden"));
    await expect(asSession(admin.sessionId, () => listUsers())).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ username: admin.username })]));
  });
});
