/**
 * What the audit trail may keep of personal data (domain.md §5; 等保 expects logs without it): that a personal
 * field was filled in, and whether a change changed it — never its value, masked or not. A masked ID number
 * (140502********1237) would still give away the region, the last digits and, compared across entries, who
 * the applicant is; and it would hide a change in the masked digits, which is exactly what an auditor asks
 * about ("who changed this applicant's ID number?"). So every personal field in an entry's before/after becomes
 * a marker, and ID and phone numbers typed into free text (reasons, notes) are blanked out.
 *
 * One place for all entries: `recordAudit` runs every entry through `redactPersonalData` before writing it.
 */

/** Keys under which an entry's before/after carry personal data, wherever they sit in it. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  "applicantName",
  "idNumber",
  "phone",
  "address",
  "agentName",
  "agentPhone",
  "email",
  // Whom a consultation went to: a third party may be a private person.
  "addressee",
  "applicant_name",
  "id_number",
  "agent_name",
  "agent_phone",
]);

/** The field held a value (in `after`: the same value as before, or there was no before). */
export const PERSONAL_MARKER = "〔个人信息，已隐去〕";
/** In `after`: the field now holds a different value from `before` (or was filled in). */
export const CHANGED_PERSONAL_MARKER = "〔个人信息，已修改，已隐去〕";
/** A number in free text that looks like an ID number or a phone number. */
export const NUMBER_MARKER = "〔号码已隐去〕";

// Bounded by anything that is not a digit or letter, so tracking numbers (2022-0007), dates and credit codes stay.
const NUMBER_PATTERNS = [
  /(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g,
  /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g,
  /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9])/g,
  /(?<![0-9])(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}(?![0-9])/g,
];

/** Free text with every number that looks like an ID or phone number blanked out. */
export function redactNumbers(text: string): string {
  return NUMBER_PATTERNS.reduce((result, pattern) => result.replace(pattern, NUMBER_MARKER), text);
}

const isFilled = (value: unknown) => value !== null && value !== undefined && value !== "";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A before or after value with its personal fields replaced by markers. `compareWith` is the other side of the
 * entry at the same place (the `before` when redacting `after`), to tell a changed field from an unchanged one.
 */
function redact(value: unknown, compareWith: unknown, side: "before" | "after"): unknown {
  if (typeof value === "string") return redactNumbers(value);
  if (Array.isArray(value)) return value.map((item, index) => redact(item, Array.isArray(compareWith) ? compareWith[index] : undefined, side));
  if (!isRecord(value)) return value;
  const other = isRecord(compareWith) ? compareWith : undefined;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!PERSONAL_KEYS.has(key)) {
      result[key] = redact(inner, other?.[key], side);
      continue;
    }
    if (!isFilled(inner)) result[key] = inner ?? null;
    else if (side === "after" && other !== undefined && other[key] !== inner) result[key] = CHANGED_PERSONAL_MARKER;
    else result[key] = PERSONAL_MARKER;
  }
  return result;
}

export type AuditContent = { before?: unknown; after?: unknown; detail?: string | null };

/** The entry's before, after and detail as the audit trail may keep them. */
export function redactPersonalData<T extends AuditContent>(entry: T): T {
  const before = entry.before === undefined ? undefined : redact(entry.before, undefined, "before");
  const after = entry.after === undefined ? undefined : redact(entry.after, entry.before, "after");
  const detail = typeof entry.detail === "string" ? redactNumbers(entry.detail) : entry.detail;
  return { ...entry, before, after, detail };
}
