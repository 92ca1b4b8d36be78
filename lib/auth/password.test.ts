import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses scrypt at N=2^17 and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("treats a malformed stored hash as a mismatch", async () => {
    expect(await verifyPassword("anything", "plain-text")).toBe(false);
  });
});

describe("generated passwords", () => {
  it("are long and avoid look-alike characters", () => {
    const samples = Array.from({ length: 200 }, () => generatePassword());
    for (const sample of samples) {
      expect(sample).toHaveLength(16);
      expect(sample).not.toMatch(/[01lIO]/);
    }
    expect(new Set(samples).size).toBe(samples.length);
  });
});
