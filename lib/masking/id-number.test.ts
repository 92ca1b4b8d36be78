import { describe, expect, it } from "vitest";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { maskApplicantIdNumber, maskIdNumber } from "./id-number";

describe("maskIdNumber", () => {
  it.each([
    ["110101199003071234", "110101********1234"],
    ["11010519491231002X", "110105********002X"],
    [" 11010519491231002X ", "110105********002X"],
    ["110105491231002", "110105*****1002"],
    ["E12345678", "*****5678"],
    ["1234567", "*******"],
    ["", ""],
  ])("%j → %j", (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });
});

describe("maskApplicantIdNumber", () => {
  it("masks a natural person's resident ID", () => {
    expect(maskApplicantIdNumber("11010519491231002X", "natural_person")).toBe("110105********002X");
  });

  it.each(APPLICANT_TYPE_CODES.filter((type) => type !== "natural_person"))("leaves a %s's credit code whole", (type) => {
    expect(maskApplicantIdNumber("91350100M000100Y43", type)).toBe("91350100M000100Y43");
  });
});
