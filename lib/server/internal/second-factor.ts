import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from "@/lib/auth/recovery-codes";
import { base32Decode, normaliseTotpCode, verifyTotp } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret-box";
import { env } from "@/lib/env";

type UserRow = typeof users.$inferSelect;

/** How the second factor was proven; recovery codes say how many are left, so the user can be warned. */
export type SecondFactorProof = { method: "totp"; step: number } | { method: "recovery_code"; left: number };

export function sealSecret(secret: string, userId: number): string {
  return sealTotpSecret(secret, userId, env().authSecret);
}

/** The user's base32 secret, or null when none is stored or it cannot be opened (a changed app secret). */
export function openSecret(user: Pick<UserRow, "id" | "totpSecret">): string | null {
  return user.totpSecret ? openTotpSecret(user.totpSecret, user.id, env().authSecret) : null;
}

/**
 * Checks a code from the app against the stored secret and, if it is good, remembers its time step so it
 * (and every earlier one) is never accepted again. Runs inside the write transaction, so two requests
 * racing with the same code cannot both pass.
 */
export function consumeTotpCode(tx: Db, user: UserRow, input: string, atMs: number): number | null {
  const secret = openSecret(user);
  const key = secret ? base32Decode(secret) : null;
  if (!key) return null;
  const step = verifyTotp(key, input, atMs, user.totpLastStep);
  if (step === null) return null;
  tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id)).run();
  return step;
}

export function recoveryCodesLeft(tx: Db, userId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

/** Marks one unused recovery code used; returns how many remain, or null when the code is not one of them. */
function consumeRecoveryCode(tx: Db, userId: number, input: string, atIso: string): number | null {
  const normalised = normaliseRecoveryCode(input);
  if (!normalised) return null;
  const used = tx
    .update(recoveryCodes)
    .set({ usedAt: atIso })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(normalised)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
    .all();
  return used.length > 0 ? recoveryCodesLeft(tx, userId) : null;
}

/** A 6-digit code from the app, or else one of the recovery codes; null when it is neither. */
export function consumeSecondFactor(tx: Db, user: UserRow, input: string, at: Date): SecondFactorProof | null {
  if (normaliseTotpCode(input)) {
    const step = consumeTotpCode(tx, user, input, at.getTime());
    return step === null ? null : { method: "totp", step };
  }
  const left = consumeRecoveryCode(tx, user.id, input, at.toISOString());
  return left === null ? null : { method: "recovery_code", left };
}

/** Replaces every recovery code of the user with ten new ones; returns them for showing once. */
export function issueRecoveryCodes(tx: Db, userId: number, atIso: string): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = generateRecoveryCodes();
  tx.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code) ?? code), createdAt: atIso })))
    .run();
  return codes;
}

/** Removes the second factor altogether: secret, enrolment, remembered step and recovery codes. */
export function clearSecondFactor(tx: Db, userId: number, atIso: string): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: atIso }).where(eq(users.id, userId)).run();
}

export function describeProof(proof: SecondFactorProof): string {
  return proof.method === "totp" ? "动态验证码" : `恢复码（剩余 ${proof.left} 个）`;
}
