/** The six applicant columns of table 三 (domain.md §4.2), in report order. */
export const APPLICANT_TYPE_CODES = [
  "natural_person",
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
] as const;

export type ApplicantType = (typeof APPLICANT_TYPE_CODES)[number];

export function isNaturalPerson(applicantType: ApplicantType): boolean {
  return applicantType === "natural_person";
}
