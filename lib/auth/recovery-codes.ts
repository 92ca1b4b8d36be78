import { createHash, randomBytes } from "node:crypto";
import { base32Encode } from "./totp";

/**
 * Recovery codes stand in for the authenticator app when it is lost: ten of them, shown once, each
 * usable once. Only a hash is stored.
 *
 * A fast hash (SHA-256) is enough here, unlike for passwords: each code carries 80 random bits, so there
 * is no dictionary to try and no way to test guesses faster than by trying all 2^80 values, which no
 * amount of hashing speed makes feasible. A slow hash protects low-entropy secrets people choose, and
 * would only make every sign-in with a recovery code cost ten scrypt runs.
 */

export const RECOVERY_CODE_COUNT = 10;
/** 10 bytes = 80 bits = 16 base32 characters. */
const CODE_BYTES = 10;
const CODE_LENGTH = 16;

/** Shown as four groups of four, lower case: "abcd-efgh-ijkl-mnop". */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    base32Encode(randomBytes(CODE_BYTES))
      .toLowerCase()
      .replace(/(.{4})(?!$)/g, "$1-"),
  );
}

/** The code as typed, reduced to its 16 characters (case, spaces and dashes ignored); null if it is none. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "");
  return new RegExp(`^[a-z2-7]{${CODE_LENGTH}}$`).test(clean) ? clean : null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(normalised).digest("hex");
}
