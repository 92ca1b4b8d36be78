import "server-only";
import type { AuditAction } from "@/lib/audit/schemas";
import { eq } from "drizzle-orm";
import { db, writeTransaction, type Db } from "@/db/client";
import { ROLES, sessions, users, type Role } from "@/db/schema";
import { resetSecondFactorSchema, secondFactorCodeSchema, totpCodeSchema, userIdSchema } from "@/lib/accounts/schemas";
import { SECOND_FACTOR_OPTIONAL_ROLES, secondFactorRequired, TOTP_ISSUER } from "@/lib/auth/second-factor";
import { generateTotpSecret, otpauthUri } from "@/lib/auth/totp";
import { requireActor, type UserActor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";
import {
  clearSecondFactor,
  consumeSecondFactor,
  consumeTotpCode,
  describeProof,
  issueRecoveryCodes,
  openSecret,
  recoveryCodesLeft,
  sealSecret,
} from "./internal/second-factor";

/**
 * The second factor of one's own account (TOTP from an authenticator app, plus recovery codes), and the
 * admin's reset of someone else's. Neither the secret nor any code ever reaches the audit trail.
 */

const ADMIN_ONLY = ["admin"] as const;
const WRONG_CODE = "动态验证码不正确。请确认手机时间准确，并输入应用中当前显示的 6 位数字";

export type Enrollment = { secret: string; uri: string };

export type SecondFactorStatus = {
  /** The role must have one (admin, auditor); the others may. */
  required: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** A secret waiting for its first code: shown (QR code and text) until the user confirms it. */
  enrollment: Enrollment | null;
};

/** Own-account functions: a signed-in user, even one who has yet to enrol a required second factor. */
async function requireOwnAccount(roles: readonly Role[] = ROLES): Promise<UserActor> {
  const actor = await requireActor({ roles, allowPendingSecondFactor: true });
  if (actor.kind !== "user") deny("forbidden");
  return actor;
}

function ownRow(tx: Db, actor: UserActor) {
  const user = tx.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) deny("unauthenticated");
  return user;
}

function enrollmentOf(user: typeof users.$inferSelect): Enrollment | null {
  const secret = user.totpEnabledAt === null ? openSecret(user) : null;
  return secret ? { secret, uri: otpauthUri({ issuer: TOTP_ISSUER, account: user.username, secret }) } : null;
}

function audit(tx: Db, actor: UserActor, action: AuditAction, extra: { before?: unknown; after?: unknown; detail?: string } = {}) {
  recordAudit(tx, actor, { action, entity: "user", entityId: actor.userId, agencyId: actor.agencyId, ...extra });
}

export async function secondFactorStatus(): Promise<SecondFactorStatus> {
  const actor = await requireOwnAccount();
  const user = ownRow(db(), actor);
  return {
    required: secondFactorRequired(user.role),
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt === null ? 0 : recoveryCodesLeft(db(), user.id),
    enrollment: enrollmentOf(user),
  };
}

/**
 * A new secret for the authenticator app. It takes effect only once a code from the app confirms it, so
 * starting again (a new phone, a mistyped entry) simply replaces the waiting one.
 */
export async function beginSecondFactorEnrollment(): Promise<Enrollment> {
  const actor = await requireOwnAccount();
  const secret = generateTotpSecret();
  return writeTransaction((tx) => {
    const user = ownRow(tx, actor);
    if (user.totpEnabledAt !== null) {
      throw new InputError({
        _form: secondFactorRequired(user.role)
          ? "二次验证已启用。更换手机请联系其他管理员重置后重新绑定"
          : "二次验证已启用。更换手机请先关闭，再重新绑定",
      });
    }
    tx.update(users)
      .set({ totpSecret: sealSecret(secret, user.id), totpLastStep: null, updatedAt: new Date().toISOString() })
      .where(eq(users.id, user.id))
      .run();
    audit(tx, actor, "second_factor.enrollment_start");
    return { secret, uri: otpauthUri({ issuer: TOTP_ISSUER, account: user.username, secret }) };
  });
}

/**
 * The first code from the app switches the second factor on and issues the recovery codes (returned for
 * showing once). Sessions opened elsewhere with the password alone end; the one in use carries on.
 */
export async function confirmSecondFactorEnrollment(raw: unknown): Promise<{ recoveryCodes: string[] }> {
  const actor = await requireOwnAccount();
  const input = totpCodeSchema.parse(raw);
  const now = new Date();
  return writeTransaction((tx) => {
    const user = ownRow(tx, actor);
    if (user.totpEnabledAt !== null) throw new InputError({ _form: "二次验证已启用" });
    if (!user.totpSecret) throw new InputError({ _form: "请先点击「开始绑定」，用身份验证器应用扫描二维码" });
    if (consumeTotpCode(tx, user, input.code, now.getTime()) === null) throw new InputError({ code: WRONG_CODE });
    const sessionVersion = user.sessionVersion + 1;
    tx.update(users)
      .set({ totpEnabledAt: now.toISOString(), sessionVersion, updatedAt: now.toISOString() })
      .where(eq(users.id, user.id))
      .run();
    tx.update(sessions).set({ sessionVersion }).where(eq(sessions.id, actor.sessionId)).run();
    const recoveryCodes = issueRecoveryCodes(tx, user.id, now.toISOString());
    audit(tx, actor, "second_factor.enable", {
      before: { secondFactor: false },
      after: { secondFactor: true },
      detail: `已绑定身份验证器应用，发放 ${recoveryCodes.length} 个恢复码；其他设备上的登录已失效`,
    });
    return { recoveryCodes };
  });
}

/** Ten new recovery codes in place of the old ones (all of which stop working); needs a code from the app. */
export async function regenerateRecoveryCodes(raw: unknown): Promise<{ recoveryCodes: string[] }> {
  const actor = await requireOwnAccount();
  const input = totpCodeSchema.parse(raw);
  const now = new Date();
  return writeTransaction((tx) => {
    const user = ownRow(tx, actor);
    if (user.totpEnabledAt === null) throw new InputError({ _form: "尚未启用二次验证" });
    if (consumeTotpCode(tx, user, input.code, now.getTime()) === null) throw new InputError({ code: WRONG_CODE });
    const recoveryCodes = issueRecoveryCodes(tx, user.id, now.toISOString());
    audit(tx, actor, "second_factor.recovery_codes_regenerate", { detail: `原有恢复码全部作废，新发 ${recoveryCodes.length} 个` });
    return { recoveryCodes };
  });
}

/** Clerks and reviewers may switch it off again, with a code from the app or a recovery code. */
export async function disableSecondFactor(raw: unknown): Promise<void> {
  const actor = await requireOwnAccount(SECOND_FACTOR_OPTIONAL_ROLES);
  const input = secondFactorCodeSchema.parse(raw);
  writeTransaction((tx) => {
    const user = ownRow(tx, actor);
    if (user.totpEnabledAt === null) throw new InputError({ _form: "尚未启用二次验证" });
    const proof = consumeSecondFactor(tx, user, input.code, new Date());
    if (!proof) throw new InputError({ code: "动态验证码或恢复码不正确" });
    clearSecondFactor(tx, user.id, new Date().toISOString());
    audit(tx, actor, "second_factor.disable", { before: { secondFactor: true }, after: { secondFactor: false }, detail: `以${describeProof(proof)}确认` });
  });
}

/**
 * For a user who lost the phone and the recovery codes: the admin (or the CLI) removes their second
 * factor after checking who they are. Their sessions end; an admin or auditor enrols again at the next
 * sign-in before doing anything else. Admins manage their own on the security page instead.
 */
export async function resetUserSecondFactor(rawId: unknown, raw: unknown): Promise<{ username: string }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  resetSecondFactorSchema.parse(raw);
  const id = userIdSchema.safeParse(rawId);
  return writeTransaction((tx) => {
    const user = id.success ? tx.select().from(users).where(eq(users.id, id.data)).get() : undefined;
    if (!user) deny("not_found");
    if (actor.kind === "user" && actor.userId === user.id) throw new InputError({ _form: "不能重置自己的二次验证，请在「二次验证」页面管理" });
    if (user.totpSecret === null && user.totpEnabledAt === null) throw new InputError({ _form: "该用户没有设置二次验证" });
    clearSecondFactor(tx, user.id, new Date().toISOString());
    tx.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, {
      action: "user.reset_second_factor",
      entity: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      before: { secondFactor: user.totpEnabledAt !== null },
      after: { secondFactor: false },
      detail: secondFactorRequired(user.role) ? "管理员重置二次验证；该用户下次登录须重新绑定" : "管理员重置二次验证",
    });
    return { username: user.username };
  });
}
