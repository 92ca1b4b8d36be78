import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCreditCode } from "./credit-code";

// Published codes whose check character was verified by hand
// (values 0-9, A=10 … Y=30; weighted sum S; check = 31 − S mod 31):
// 91350100M000100Y43 — the example quoted in most validator docs: S = 1640, 1640 mod 31 = 28 → 3.
// 914403001922038216 — 华为技术有限公司: S = 831, 831 mod 31 = 25 → 6.
// 9144030071526726XG — 深圳市腾讯计算机系统有限公司: S = 1782, 1782 mod 31 = 15 → 16 = G.
// 91110000802100433B — a published example: S = 485, 485 mod 31 = 20 → 11 = B.
// 112302070019030687 — a published 机构编制 (first character 1) example: S = 892, 892 mod 31 = 24 → 7.
const VALID_CODES = [
  "91350100M000100Y43",
  "914403001922038216",
  "9144030071526726XG",
  "91110000802100433B",
  "112302070019030687",
] as const;

describe("checkCreditCode", () => {
  it.each(VALID_CODES)("accepts the published code %s", (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, normalized: code });
  });

  it("normalises lowercase letters and surrounding spaces", () => {
    expect(checkCreditCode(" 9144030071526726xg\t")).toEqual({ ok: true, normalized: "9144030071526726XG" });
  });

  it.each(["91350100M000100Y44", "91350100M000200Y43", "91350100N000100Y43", "914403001922038215"])(
    "rejects %s, one character away from a valid code",
    (code) => {
      expect(checkCreditCode(code)).toEqual({ ok: false, reason: "统一社会信用代码校验位不正确" });
    },
  );

  it.each(["91350100M000100Y4", "91350100M000100Y430", ""])("rejects %j because of its length", (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, reason: "统一社会信用代码应为18位" });
  });

  it.each(["I", "O", "Z", "S", "V", "-", "中"])("rejects the excluded character %s", (character) => {
    const code = `91350100M000100${character}43`;
    expect(checkCreditCode(code)).toMatchObject({ ok: false, reason: expect.stringContaining("无效字符") });
  });

  it.each(["0", "B", "M", "X"])("rejects the registration department %s", (department) => {
    expect(checkCreditCode(`${department}1350100M000100Y43`)).toEqual({
      ok: false,
      reason: "统一社会信用代码登记管理部门代码无效",
    });
  });

  it("rejects letters in the administrative division code", () => {
    expect(checkCreditCode("913A0100M000100Y43")).toEqual({ ok: false, reason: "统一社会信用代码行政区划码无效" });
  });

  it("rejects every code obtained by changing one character of a valid one", () => {
    const replacements = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_CODES),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...replacements),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(checkCreditCode(mutated).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
