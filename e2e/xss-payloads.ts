/**
 * Script-injection payloads (e2e/xss.spec.ts): each, if it ever ran in a page, calls `__xss(n)` with a number
 * saying which field and which payload it came from (or opens a dialog), which the spec's hook records. Classic
 * tags and event handlers, `javascript:` URLs, attribute, textarea, title and `</script>` breakouts, template
 * literal and JSON-in-script breakouts, mutation XSS and a polyglot.
 */

const TEMPLATES = [
  "<script>CALL</script>",
  "<img src=x onerror=CALL>",
  "<svg onload=CALL>",
  '"><img src=x onerror=CALL>',
  "'><svg onload=CALL>",
  "javascript:CALL",
  "</script><script>CALL</script>",
  "</textarea><script>CALL</script>",
  "</title><script>CALL</script>",
  "${CALL}",
  "`;CALL;`",
  '";CALL;//',
  '{"x":"</script><script>CALL</script>"}',
  '<a href="javascript:CALL">链接</a>',
  '<iframe srcdoc="<script>parent.CALL</script>"></iframe>',
  "<details open ontoggle=CALL>",
  "<math><mtext><table><mglyph><style><img src=x onerror=CALL>",
  "<style>@import'javascript:CALL'</style>",
  "\u2028\u2029</script><script>CALL</script>",
  "<img src=x onerror=alert(CALL)>",
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=CALL )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=CALL//>\\x3e",
] as const;

export const PAYLOAD_COUNT = TEMPLATES.length;

/** The fields payloads go into, by number (the hundreds of `n`). */
export const XSS_FIELDS = [
  "applicantName",
  "address",
  "agentName",
  "description",
  "notes",
  "receivedOnReason",
  "changeReason",
  "voidReason",
  "eventNote",
  "addressee",
  "extensionReason",
  "correctionReason",
  "reviewReference",
  "reviewNotes",
  "prose",
  "correctionNote",
  "importCell",
  "search",
  "typedForm",
] as const;
export type XssField = (typeof XSS_FIELDS)[number];

/** Payload `index` (any number: it wraps) for the field, cut to fit the field's limit (a cut payload is still hostile text). */
export function payload(field: XssField, index: number, maxLength = 2000): string {
  const template = TEMPLATES[index % TEMPLATES.length] ?? TEMPLATES[0];
  const n = (XSS_FIELDS.indexOf(field) + 1) * 100 + (index % TEMPLATES.length);
  return template.replaceAll("CALL", `__xss(${n})`).slice(0, maxLength);
}

/** Every payload for a field, one per line: for the long texts (prose, descriptions). */
export function allPayloads(field: XssField, maxLength = 20_000): string {
  return TEMPLATES.map((_, index) => payload(field, index)).join("\n").slice(0, maxLength);
}

/** Which field and payload a recorded call came from. */
export function describePayload(n: number): string {
  return `${XSS_FIELDS[Math.floor(n / 100) - 1] ?? `special-${n}`} payload ${n % 100}: ${TEMPLATES[n % 100] ?? "?"}`;
}

/** Short payloads for fields with tight limits (user names, agency names, calendar names) and special places. */
export const SPECIAL = {
  agencyName: '"><img src=x onerror=__xss(9001)><svg onload=__xss(9002)>',
  parentAgencyName: "<script>__xss(9003)</script>上级机构",
  clerkName: "<img src=x onerror=__xss(9004)>",
  reviewerName: "</title><script>__xss(9005)</script>",
  historicalAgencyName: '<svg onload=__xss(9006)>"历史机构',
  calendarName: "<svg onload=alert()>",
  calendarSource: "</script><script>__xss(9007)</script><img src=x onerror=__xss(9008)>",
  fileName: "<img src=x onerror=__xss(9009)>台账.csv",
  returnReason: "<svg onload=__xss(9010)>",
} as const;

/** Values a spreadsheet would run as a formula, for the export checks. */
export const FORMULAS = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil.example\",\"点击\")"] as const;
