import { isNaturalPerson, type ApplicantType } from "@/lib/identity";

/**
 * 110101199003071234 → 110101********1234: the region code and last four stay, as on staff lists
 * (domain.md §5). Shorter numbers keep only the last four, and very short ones nothing.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length >= 14) return value.slice(0, 6) + stars(value.length - 10) + value.slice(-4);
  if (value.length >= 8) return stars(value.length - 4) + value.slice(-4);
  return stars(value.length);
}

/** An organisation's credit code is printed on its business licence, so only a person's number is masked. */
export function maskApplicantIdNumber(idNumber: string, applicantType: ApplicantType): string {
  return isNaturalPerson(applicantType) ? maskIdNumber(idNumber) : idNumber.trim();
}

export function stars(count: number): string {
  return "*".repeat(Math.max(0, count));
}
