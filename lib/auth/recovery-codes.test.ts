import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("come ten at a time, all different, in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  });

  it("are read however they are typed back", () => {
    const [code = ""] = generateRecoveryCodes(1);
    const normalised = normaliseRecoveryCode(code);
    expect(normalised).toHaveLength(16);
    expect(normaliseRecoveryCode(code.toUpperCase().replaceAll("-", " "))).toBe(normalised);
  });

  it("refuse what cannot be one: a six-digit code, too short, other characters", () => {
    for (const input of ["123456", "abcd-efgh-ijkl", "abcd-efgh-ijkl-mno1", ""]) expect(normaliseRecoveryCode(input), input).toBeNull();
  });

  it("are stored as a hash that does not reveal them", () => {
    const [code = ""] = generateRecoveryCodes(1);
    const normalised = normaliseRecoveryCode(code) ?? "";
    const hash = hashRecoveryCode(normalised);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalised);
    expect(hashRecoveryCode(normaliseRecoveryCode(code.toUpperCase()) ?? "")).toBe(hash);
  });
});
