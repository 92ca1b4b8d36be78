import { invalid, valid, type IdentityCheck } from "./check-result";

// GB 32100-2015: the alphabet leaves out I, O, Z, S and V so that they cannot be confused with digits.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const REGISTRATION_DEPARTMENTS = "123456789ANY";
const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{18}$`);

/** Validates an 18-character unified social credit code and normalises it to upper case. */
export function checkCreditCode(input: string): IdentityCheck {
  const candidate = input.trim().toUpperCase();
  if (candidate.length !== 18) return invalid("统一社会信用代码应为18位");
  if (!CODE_PATTERN.test(candidate)) {
    return invalid("统一社会信用代码含有无效字符（只能是数字和除I、O、Z、S、V以外的大写字母）");
  }
  if (!REGISTRATION_DEPARTMENTS.includes(candidate.charAt(0))) {
    return invalid("统一社会信用代码登记管理部门代码无效");
  }
  if (!/^\d{6}$/.test(candidate.slice(2, 8))) return invalid("统一社会信用代码行政区划码无效");
  if (candidate[17] !== creditCodeCheckCharacter(candidate.slice(0, 17))) {
    return invalid("统一社会信用代码校验位不正确");
  }
  return valid(candidate);
}

function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
  });
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
