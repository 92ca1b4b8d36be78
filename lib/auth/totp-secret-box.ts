import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The TOTP secret has to be readable by the server (it computes the expected code), so unlike a
 * password it cannot be hashed. It is kept encrypted with AES-256-GCM under a key derived from the
 * application secret, so a copy of the database file or a backup alone does not hand out anyone's
 * second factor. The user id is bound in as associated data: a secret copied into another user's row
 * does not decrypt there.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFrom(appSecret: string): Buffer {
  // HKDF with its own label: the session-signing key and this key never coincide.
  return Buffer.from(hkdfSync("sha256", appSecret, "gongkai", "totp-secret-encryption-v1", 32));
}

function associatedData(userId: number): Buffer {
  return Buffer.from(`user:${userId}`);
}

export function sealTotpSecret(secret: string, userId: number, appSecret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  cipher.setAAD(associatedData(userId));
  const encrypted = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64url")}`;
}

/** Null when the value was not sealed for this user under this application secret (or was altered). */
export function openTotpSecret(sealed: string, userId: number, appSecret: string): string | null {
  const [version, payload] = sealed.split(":");
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(appSecret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(userId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
