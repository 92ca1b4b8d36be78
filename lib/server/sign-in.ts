import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { writeTransaction, db, type Db } from "@/db/client";
import { ROLES, sessions, users } from "@/db/schema";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/accounts/schemas";
import { recordAudit } from "./audit-write";
import { requireActor } from "./actor";
import { consumeSecondFactor, describeProof } from "./internal/second-factor";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 30 * 60 * 1000;

export type SignInResult =
  | { ok: true; sessionId: string; userId: number }
  /** The password was right, the account needs a code from the authenticator app as well. */
  | { ok: false; secondFactorRequired: true }
  | { ok: false; secondFactorRequired?: undefined };

const REFUSED = { ok: false } as const;

type UserRow = typeof users.$inferSelect;

/** A failed attempt that counts toward the lockout: five in a row lock the account for 30 minutes. */
function countFailure(tx: Db, user: UserRow, now: Date): void {
  const actorForAudit = { kind: "user" as const, userId: user.id, username: user.username };
  const failures = user.failedSignIns + 1;
  const lockNow = failures >= MAX_FAILED_SIGN_INS;
  const lockedUntil = lockNow ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
  tx.update(users)
    // A lockout also ends the sessions the account has open (a new session version, as disabling does): whoever
    // is guessing may already be inside.
    .set({ failedSignIns: lockNow ? 0 : failures, lockedUntil, ...(lockNow ? { sessionVersion: user.sessionVersion + 1 } : {}) })
    .where(eq(users.id, user.id))
    .run();
  if (lockNow) {
    recordAudit(tx, actorForAudit, {
      action: "auth.locked",
      entity: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      after: { lockedUntil },
      detail: `连续 ${MAX_FAILED_SIGN_INS} 次登录失败，锁定 30 分钟`,
    });
  }
}

/**
 * Checks a username and password (and, for an account with a second factor, the code from the
 * authenticator app or a recovery code) and opens a session. Every refusal looks the same to the caller
 * (unknown user, wrong password, disabled or locked account, wrong code) so the answer tells an attacker
 * nothing; the audit trail records the real reason. The one other answer, "a code is needed", comes only
 * after the right password for an open account, as in every product with a second factor; a wrong code
 * then counts toward the lockout like a wrong password.
 */
export async function signInWithPassword(raw: unknown, clientAddress: string | null = null): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return REFUSED;
  const { username, password, otp } = parsed.data;
  const found = db().select().from(users).where(eq(users.username, username)).get();
  // Hash even for an unknown user, so the time taken does not reveal which usernames exist.
  const passwordMatches = await verifyPassword(password, found?.passwordHash ?? (await decoyPasswordHash()));
  const now = new Date();
  const nowIso = now.toISOString();
  const detail = clientAddress ? `来源地址 ${clientAddress}` : null;

  return writeTransaction((tx): SignInResult => {
    // Read again under the write lock: two sign-ins racing with one code must not both pass.
    const user = found ? tx.select().from(users).where(eq(users.id, found.id)).get() : undefined;
    if (!user) {
      // What was typed is not kept: people type their password into the username field.
      recordAudit(tx, null, { action: "auth.sign_in_failed", entity: "user", detail: ["未知用户名（所输入的内容不记录）", detail].filter(Boolean).join("；") });
      return REFUSED;
    }
    const actorForAudit = { kind: "user" as const, userId: user.id, username: user.username };
    const refuse = (reason: string, counts: boolean): SignInResult => {
      recordAudit(tx, actorForAudit, {
        action: "auth.sign_in_failed",
        entity: "user",
        entityId: user.id,
        agencyId: user.agencyId,
        detail: [reason, detail].filter(Boolean).join("；"),
      });
      if (counts) countFailure(tx, user, now);
      return REFUSED;
    };
    const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime();
    if (locked) return refuse("账户锁定中", false);
    if (user.disabled) return refuse("账户已停用", false);
    if (!passwordMatches) return refuse("密码错误", true);

    let secondFactor: string | null = null;
    if (user.totpEnabledAt !== null) {
      if (otp === undefined) return { ok: false, secondFactorRequired: true };
      const proof = consumeSecondFactor(tx, user, otp, now);
      if (!proof) return refuse("动态验证码或恢复码错误", true);
      secondFactor = `二次验证：${describeProof(proof)}`;
    }
    const sessionId = randomBytes(24).toString("base64url");
    tx.insert(sessions)
      .values({ id: sessionId, userId: user.id, sessionVersion: user.sessionVersion, createdAt: nowIso, lastSeenAt: nowIso })
      .run();
    tx.update(users)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: nowIso })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, actorForAudit, {
      action: "auth.sign_in",
      entity: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      detail: [secondFactor, detail].filter(Boolean).join("；") || null,
    });
    return { ok: true, sessionId, userId: user.id };
  });
}

/** Ends the caller's own session; its cookie is useless from here on even if it was copied. */
export async function signOut(): Promise<void> {
  const actor = await requireActor({ roles: ROLES, allowPendingPasswordChange: true, allowPendingSecondFactor: true });
  if (actor.kind !== "user") return;
  writeTransaction((tx) => {
    tx.update(sessions)
      .set({ endedAt: new Date().toISOString() })
      .where(and(eq(sessions.id, actor.sessionId), isNull(sessions.endedAt)))
      .run();
    recordAudit(tx, actor, { action: "auth.sign_out", entity: "user", entityId: actor.userId, agencyId: actor.agencyId });
  });
}
