import { invalid, valid, type IdentityCheck } from "./check-result";

// GB 11643-1999: weights 2^(17-i) mod 11 for the first 17 digits; the check character is indexed by the sum mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";
const EARLIEST_BIRTH_YEAR = 1900;
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

export type ResidentIdOptions = {
  /** The moment to judge "not in the future" against; defaults to now. */
  today?: Date;
};

/** Validates an 18-character PRC resident identity card number and normalises a trailing x to X. */
export function checkResidentId(input: string, options: ResidentIdOptions = {}): IdentityCheck {
  const candidate = input.trim().toUpperCase();
  if (candidate.length !== 18) return invalid("身份证号码应为18位");
  if (!/^\d{17}[\dX]$/.test(candidate)) return invalid("身份证号码前17位应为数字，最后一位应为数字或X");
  if (!/^[1-8]/.test(candidate)) return invalid("身份证号码地址码无效");
  if (!isPlausibleBirthDate(candidate.slice(6, 14), options.today ?? new Date())) {
    return invalid("出生日期无效");
  }
  if (candidate[17] !== residentIdCheckCharacter(candidate.slice(0, 17))) {
    return invalid("身份证号码校验位不正确");
  }
  return valid(candidate);
}

function residentIdCheckCharacter(first17Digits: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first17Digits[i]) * weight;
  });
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  // Compare as calendar dates in China, where the card was issued, not in the server's time zone.
  return isRealDate && yyyymmdd <= chinaCalendarDate(today);
}

function chinaCalendarDate(moment: Date): string {
  return new Date(moment.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");
}
