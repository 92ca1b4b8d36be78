import { randomBytes, scryptSync } from "node:crypto";

/**
 * scrypt at the production cost takes a few hundred milliseconds a hash; tests that create thousands of
 * accounts or passwords are about something else. Same format, so the real verifyPassword reads the (cheap)
 * parameters from the hash. Use with vi.mock("@/lib/auth/password", …).
 */
export async function cheapHashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 32, { N: 16, r: 1, p: 1 });
  return ["scrypt", 16, 1, 1, salt.toString("base64"), key.toString("base64")].join("$");
}
