import { describe, expect, it } from "vitest";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { maskApplicantName, maskName } from "./name";

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧***"],
    ["李小龙", "李**"],
    [" 王五 ", "王*"],
    ["阿依古丽·买买提", "阿***·***"],
    ["John Smith", "J*** *****"],
    ["𠮷野家", "𠮷**"],
    ["张", "*"],
    ["", ""],
  ])("%j → %j", (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe("maskApplicantName", () => {
  it("masks a natural person's name", () => {
    expect(maskApplicantName("欧阳娜娜", "natural_person")).toBe("欧***");
  });

  it.each(APPLICANT_TYPE_CODES.filter((type) => type !== "natural_person"))("leaves a %s's name whole", (type) => {
    expect(maskApplicantName("晋城市某某律师事务所", type)).toBe("晋城市某某律师事务所");
  });
});
