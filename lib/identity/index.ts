export { APPLICANT_TYPE_CODES, isNaturalPerson, type ApplicantType } from "./applicant-type";
export type { IdentityCheck } from "./check-result";
export { checkResidentId, type ResidentIdOptions } from "./resident-id";
export { checkCreditCode } from "./credit-code";
export { applicantTypeSchema, checkIdentityNumber, identityNumberSchema } from "./identity-number";
