import { z } from "zod";

/** Full-width digits and points, as a Chinese input method may type them, read as ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/gu, (char) => (char === "．" ? "." : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

const asText = (value: unknown) => (typeof value === "number" ? String(value) : value);

/** A whole number of things (件, 个): required, 0 or more. */
export function countField(label: string) {
  const missing = `请填写${label}（没有的填 0）`;
  return z.preprocess(
    asText,
    z
      .string({ error: missing })
      .trim()
      .min(1, { error: missing })
      .transform(toHalfWidth)
      .refine((text) => /^\d{1,9}$/.test(text), { error: `${label}应为不小于 0 的整数` })
      .transform(Number),
  );
}

/** An amount in 万元: required, 0 or more, at most four decimals (to the yuan). */
export function tenThousandYuanField(label: string) {
  const missing = `请填写${label}（没有的填 0）`;
  return z.preprocess(
    asText,
    z
      .string({ error: missing })
      .trim()
      .min(1, { error: missing })
      .transform(toHalfWidth)
      .refine((text) => /^\d{1,9}(\.\d{1,4})?$/.test(text), { error: `${label}应为不小于 0 的数，以万元为单位，最多 4 位小数` })
      .transform(Number),
  );
}

/** A report year: from 2008 (the regulation's first year) to this year. */
export function reportYearField(thisYear: number) {
  return z.coerce
    .number({ error: "请填写年份" })
    .int({ error: "年份应为整数" })
    .min(2008, { error: "年份不能早于 2008 年" })
    .max(thisYear, { error: `年份不能晚于 ${thisYear} 年` });
}
