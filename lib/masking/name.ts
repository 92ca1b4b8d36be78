import { isNaturalPerson, type ApplicantType } from "@/lib/identity";

// Separators in names such as 阿依古丽·买买提 or John Smith stay, so the masked form keeps its shape.
const SEPARATOR = /[\s·•.．]/u;

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character stays, every other one becomes *. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return "*".repeat(characters.length);
  return characters.map((character, i) => (i === 0 || SEPARATOR.test(character) ? character : "*")).join("");
}

/** An organisation's name is not personal information, so only a natural person's name is masked. */
export function maskApplicantName(name: string, applicantType: ApplicantType): string {
  return isNaturalPerson(applicantType) ? maskName(name) : name.trim();
}
