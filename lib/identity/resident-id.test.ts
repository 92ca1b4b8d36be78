import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkResidentId } from "./resident-id";

// Check characters verified by hand (weighted sum mod 11 → '10X98765432'):
// 11010519491231002X — the example in GB 11643-1999: sum 167, 167 mod 11 = 2 → X.
// 53010219200508011X — a widely published example: sum 189, 189 mod 11 = 2 → X.
const VALID_IDS = ["11010519491231002X", "53010219200508011X"] as const;

describe("checkResidentId", () => {
  it.each(VALID_IDS)("accepts the published example %s", (id) => {
    expect(checkResidentId(id)).toEqual({ ok: true, normalized: id });
  });

  it("normalises a lowercase x and surrounding spaces", () => {
    expect(checkResidentId(" 11010519491231002x ")).toEqual({ ok: true, normalized: "11010519491231002X" });
  });

  it("rejects a wrong check character", () => {
    expect(checkResidentId("110105194912310021")).toEqual({ ok: false, reason: "身份证号码校验位不正确" });
  });

  it("rejects a changed sequence digit", () => {
    expect(checkResidentId("11010519491231003X")).toEqual({ ok: false, reason: "身份证号码校验位不正确" });
  });

  it.each(["1101051949123100X", "11010519491231002X0", "", "110105491231002"])(
    "rejects %j because of its length",
    (id) => {
      expect(checkResidentId(id)).toEqual({ ok: false, reason: "身份证号码应为18位" });
    },
  );

  it.each(["1101051949123100X2", "11010519491231002Y", "1101051949１231002X", "11010519491231 02X"])(
    "rejects %j because of its characters",
    (id) => {
      expect(checkResidentId(id)).toMatchObject({ ok: false, reason: expect.stringContaining("应为数字") });
    },
  );

  it.each(["01010519491231002X", "91010519491231002X"])("rejects the region code of %s", (id) => {
    expect(checkResidentId(id)).toEqual({ ok: false, reason: "身份证号码地址码无效" });
  });

  it("rejects the GB 11643 example born in 1880, whose check digit is right, because of the year", () => {
    // 440524188001010014: sum 195, 195 mod 11 = 8 → '4', so only the birth year fails.
    expect(checkResidentId("440524188001010014")).toEqual({ ok: false, reason: "出生日期无效" });
  });

  it.each([
    ["19490231", "February 31"],
    ["19491301", "month 13"],
    ["19491200", "day 0"],
    ["19000229", "29 February of a non-leap century"],
  ])("rejects birth date %s (%s)", (birth) => {
    expect(checkResidentId(`110105${birth}002X`)).toEqual({ ok: false, reason: "出生日期无效" });
  });

  it("rejects a birth date after today, judged by the calendar in China", () => {
    const id = "11010519491231002X";
    const lastMomentOf30DecInChina = new Date("1949-12-30T15:59:59Z");
    const firstMomentOf31DecInChina = new Date("1949-12-30T16:00:00Z");
    expect(checkResidentId(id, { today: lastMomentOf30DecInChina })).toEqual({ ok: false, reason: "出生日期无效" });
    expect(checkResidentId(id, { today: firstMomentOf31DecInChina })).toEqual({ ok: true, normalized: id });
  });

  it("rejects every number obtained by changing one character of a valid one", () => {
    const replacements = "0123456789XABZ* ";
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_IDS),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...replacements),
        (id, position, replacement) => {
          fc.pre(id[position] !== replacement);
          const mutated = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(checkResidentId(mutated).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
