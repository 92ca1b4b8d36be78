import { z } from "zod";
import { APPLICANT_TYPE_CODES, isNaturalPerson, type ApplicantType } from "./applicant-type";
import type { IdentityCheck } from "./check-result";
import { checkCreditCode } from "./credit-code";
import { checkResidentId, type ResidentIdOptions } from "./resident-id";

/** A natural person proves identity with a resident ID; every organisation type with its credit code. */
export function checkIdentityNumber(
  input: string,
  applicantType: ApplicantType,
  options: ResidentIdOptions = {},
): IdentityCheck {
  return isNaturalPerson(applicantType) ? checkResidentId(input, options) : checkCreditCode(input);
}

export const applicantTypeSchema = z.enum(APPLICANT_TYPE_CODES);

/**
 * Parses `{ applicantType, identityNumber }` and replaces the number by its normalised form;
 * a wrong number is reported on the `identityNumber` path with the Chinese reason.
 */
export const identityNumberSchema = z
  .object({ applicantType: applicantTypeSchema, identityNumber: z.string() })
  .transform((value, ctx) => {
    const check = checkIdentityNumber(value.identityNumber, value.applicantType);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.reason, path: ["identityNumber"], input: value });
      return z.NEVER;
    }
    return { ...value, identityNumber: check.normalized };
  });
