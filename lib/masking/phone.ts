import { stars } from "./id-number";

const MOBILE = /^(\+?86)?(1\d{2})(\d{4})(\d{4})$/;
// Area codes beginning 01 or 02 have three digits (010, 020–029), all others four, so none is a prefix of another.
const LANDLINE = /^\(?(0[12]\d|0[3-9]\d{2})\)?(\d{7,8})$/;

/**
 * Mobile numbers keep the first three and last four digits (138****5678); landlines keep the
 * area code and the last four (0356-***4567). Anything else keeps only its last four digits.
 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const compact = value.replace(/[\s-]/g, "");

  const mobile = MOBILE.exec(compact);
  if (mobile) {
    const [, countryCode, prefix, , last4] = mobile;
    return `${countryCode ? `${countryCode} ` : ""}${prefix}****${last4}`;
  }

  const landline = LANDLINE.exec(compact);
  if (landline) {
    const [, areaCode = "", localNumber = ""] = landline;
    return `${areaCode}-${stars(localNumber.length - 4)}${localNumber.slice(-4)}`;
  }

  return maskAllDigitsButLastFour(value);
}

function maskAllDigitsButLastFour(value: string): string {
  const digitCount = value.replace(/\D/g, "").length;
  // Too few digits to reveal four of them without giving most of the number away.
  let digitsToMask = digitCount >= 7 ? digitCount - 4 : digitCount;
  return value.replace(/\d/g, (digit) => {
    if (digitsToMask === 0) return digit;
    digitsToMask--;
    return "*";
  });
}
