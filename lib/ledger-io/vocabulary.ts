import { APPLICANT_TYPE_CODES, type ApplicantType } from "@/lib/identity";
import { CHANNEL_LABELS, CHANNELS, type Channel } from "@/lib/ledger/codes";
import { APPLICANT_TYPES, OUTCOMES, outcomeShortLabel, type OutcomeCode } from "@/lib/report/labels";

/**
 * The words the ledger file uses for the fixed vocabularies (interfaces.md §2), both ways. The export writes
 * the first word of each list; the import also takes the labels the web forms show and the codes.
 */

/** 申请方式: the file's words. */
export const CHANNEL_WORDS: Record<Channel, string> = {
  in_person: "当面",
  registered_post: "邮寄",
  ordinary_post: "平信",
  online: "网络",
  email: "电子邮件",
  fax: "传真",
  other: "其他",
};

export const APPLICANT_TYPE_WORDS: Record<ApplicantType, string> = Object.fromEntries(APPLICANT_TYPES.map((type) => [type.code, type.label])) as Record<
  ApplicantType,
  string
>;

/** 办理结果: an outcome row's label without its number prefix (OUTCOMES[].name). */
export const OUTCOME_WORDS: Record<OutcomeCode, string> = Object.fromEntries(OUTCOMES.map((outcome) => [outcome.code, outcome.name])) as Record<OutcomeCode, string>;

/** Full-width letters, digits and punctuation written the half-width way, spaces dropped: how a typed word is compared. */
export function foldWord(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[“”"]/g, "\"")
    .toLowerCase();
}

/** Words as typed and as folded; a word typed exactly (the common case) is found without folding it. */
function lookup<T extends string>(entries: [string, T][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [word, code] of entries) if (!map.has(word)) map.set(word, code);
  for (const [word, code] of entries) {
    const key = foldWord(word);
    const taken = map.get(key);
    if (taken !== undefined && taken !== code) throw new Error(`vocabulary word ${word} names both ${taken} and ${code}`);
    map.set(key, code);
  }
  return map;
}

const CHANNEL_LOOKUP = lookup<Channel>([
  ...CHANNELS.map((code): [string, Channel] => [CHANNEL_WORDS[code], code]),
  ...CHANNELS.map((code): [string, Channel] => [CHANNEL_LABELS[code], code]),
  ...CHANNELS.map((code): [string, Channel] => [code, code]),
  ["邮政", "registered_post"],
  ["挂号信", "registered_post"],
  ["快递", "registered_post"],
  ["互联网", "online"],
  ["在线", "online"],
  ["网上", "online"],
  ["邮件", "email"],
]);

const APPLICANT_TYPE_LOOKUP = lookup<ApplicantType>([
  ...APPLICANT_TYPE_CODES.map((code): [string, ApplicantType] => [APPLICANT_TYPE_WORDS[code], code]),
  ...APPLICANT_TYPE_CODES.map((code): [string, ApplicantType] => [code, code]),
  ["公民", "natural_person"],
  ["个人", "natural_person"],
  ["企业", "commercial_enterprise"],
  ["其他法人或组织", "other_org"],
  ["其他组织", "other_org"],
]);

const OUTCOME_LOOKUP = lookup<OutcomeCode>([
  ...OUTCOMES.map((outcome): [string, OutcomeCode] => [outcome.name, outcome.code]),
  ...OUTCOMES.map((outcome): [string, OutcomeCode] => [outcome.code, outcome.code]),
  ...OUTCOMES.map((outcome): [string, OutcomeCode] => [outcome.label, outcome.code]),
  ...OUTCOMES.map((outcome): [string, OutcomeCode] => [outcomeShortLabel(outcome.code), outcome.code]),
]);

export function channelOfWord(text: string): Channel | undefined {
  return CHANNEL_LOOKUP.get(text) ?? CHANNEL_LOOKUP.get(foldWord(text));
}

export function applicantTypeOfWord(text: string): ApplicantType | undefined {
  return APPLICANT_TYPE_LOOKUP.get(text) ?? APPLICANT_TYPE_LOOKUP.get(foldWord(text));
}

export function outcomeOfWord(text: string): OutcomeCode | undefined {
  return OUTCOME_LOOKUP.get(text) ?? OUTCOME_LOOKUP.get(foldWord(text));
}
