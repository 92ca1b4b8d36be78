import { describe, expect, it } from "vitest";
import { APPLICANT_TYPE_CODES } from "./applicant-type";
import { checkIdentityNumber, identityNumberSchema } from "./identity-number";

const ORGANISATION_TYPES = APPLICANT_TYPE_CODES.filter((type) => type !== "natural_person");

describe("checkIdentityNumber", () => {
  it("checks a natural person's number as a resident ID", () => {
    expect(checkIdentityNumber("11010519491231002x", "natural_person")).toEqual({
      ok: true,
      normalized: "11010519491231002X",
    });
    expect(checkIdentityNumber("91350100M000100Y43", "natural_person")).toMatchObject({ ok: false });
  });

  it.each(ORGANISATION_TYPES)("checks a %s's number as a credit code", (type) => {
    expect(checkIdentityNumber("91350100m000100y43", type)).toEqual({ ok: true, normalized: "91350100M000100Y43" });
    expect(checkIdentityNumber("11010519491231002X", type)).toEqual({
      ok: false,
      reason: "统一社会信用代码校验位不正确",
    });
  });
});

describe("identityNumberSchema", () => {
  it("returns the normalised number", () => {
    expect(identityNumberSchema.parse({ applicantType: "other_org", identityNumber: "9144030071526726xg" })).toEqual({
      applicantType: "other_org",
      identityNumber: "9144030071526726XG",
    });
  });

  it("reports the Chinese reason on the identityNumber path", () => {
    const result = identityNumberSchema.safeParse({
      applicantType: "natural_person",
      identityNumber: "110105194912310021",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ["identityNumber"], message: "身份证号码校验位不正确" }]);
  });

  it("rejects an unknown applicant type", () => {
    expect(
      identityNumberSchema.safeParse({ applicantType: "alien", identityNumber: "11010519491231002X" }).success,
    ).toBe(false);
  });
});
