import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { writeTransaction, db } from "@/db/client";
import { ROLES, sessions, users } from "@/db/schema";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/accounts/schemas";
import { recordAudit } from "./audit-write";
import { requireActor } from "./actor";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 30 * 60 * 1000;

export type SignInResult = { ok: true; sessionId: string; userId: number } | { ok: false };

/**
 * Checks a username and password and opens a session. Every refusal looks the same to the caller
 * (unknown user, wrong password, disabled or locked account) so the answer tells an attacker nothing;
 * the audit trail records the real reason.
 */
export async function signInWithPassword(raw: unknown, clientAddress: string | null = null): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const { username, password } = parsed.data;
  const user = db().select().from(users).where(eq(users.username, username)).get();
  // Hash even for an unknown user, so the time taken does not reveal which usernames exist.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  const now = new Date();
  const nowIso = now.toISOString();
  const detail = clientAddress ? `来源地址 ${clientAddress}` : null;

  return writeTransaction((tx) => {
    if (!user) {
      recordAudit(tx, null, { action: "auth.sign_in_failed", entity: "user", detail: `未知用户名 ${username}` });
      return { ok: false } as const;
    }
    const actorForAudit = { kind: "user" as const, userId: user.id, username: user.username };
    const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime();
    if (locked || user.disabled || !passwordMatches) {
      const reason = locked ? "账户锁定中" : user.disabled ? "账户已停用" : "密码错误";
      recordAudit(tx, actorForAudit, {
        action: "auth.sign_in_failed",
        entity: "user",
        entityId: user.id,
        agencyId: user.agencyId,
        detail: [reason, detail].filter(Boolean).join("；"),
      });
      if (!locked && !user.disabled) {
        const failures = user.failedSignIns + 1;
        const lockNow = failures >= MAX_FAILED_SIGN_INS;
        const lockedUntil = lockNow ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
        tx.update(users)
          .set({ failedSignIns: lockNow ? 0 : failures, lockedUntil })
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
      return { ok: false } as const;
    }
    const sessionId = randomBytes(24).toString("base64url");
    tx.insert(sessions)
      .values({ id: sessionId, userId: user.id, sessionVersion: user.sessionVersion, createdAt: nowIso, lastSeenAt: nowIso })
      .run();
    tx.update(users)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: nowIso })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, actorForAudit, { action: "auth.sign_in", entity: "user", entityId: user.id, agencyId: user.agencyId, detail });
    return { ok: true, sessionId, userId: user.id } as const;
  });
}

/** Ends the caller's own session; its cookie is useless from here on even if it was copied. */
export async function signOut(): Promise<void> {
  const actor = await requireActor({ roles: ROLES, allowPendingPasswordChange: true });
  if (actor.kind !== "user") return;
  writeTransaction((tx) => {
    tx.update(sessions)
      .set({ endedAt: new Date().toISOString() })
      .where(and(eq(sessions.id, actor.sessionId), isNull(sessions.endedAt)))
      .run();
    recordAudit(tx, actor, { action: "auth.sign_out", entity: "user", entityId: actor.userId, agencyId: actor.agencyId });
  });
}
