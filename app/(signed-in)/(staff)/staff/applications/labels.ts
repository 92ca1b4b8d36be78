import type { OptionGroup } from "@/app/_ui/fields";
import { ACTIVE_STATUSES, CHANNEL_LABELS, CHANNELS, FORM_WANTED_LABELS, FORMS_WANTED, LEDGER_STATUS_LABELS, type LedgerStatus } from "@/lib/ledger/codes";
import { APPLICANT_TYPES, OUTCOME_GROUPS, OUTCOMES, outcomeShortLabel, type OutcomeCode } from "@/lib/report/labels";

/** The six applicant types of the report; 「其他」 alone would not say it is an organisation. */
export const APPLICANT_TYPE_LABELS: Record<string, string> = Object.fromEntries(
  APPLICANT_TYPES.map((type) => [type.code, type.code === "other_org" ? "其他法人或组织" : type.label]),
);

export const applicantTypeOptions = APPLICANT_TYPES.map((type) => ({ value: type.code, label: APPLICANT_TYPE_LABELS[type.code] ?? type.label }));
export const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));
export const formWantedOptions = FORMS_WANTED.map((form) => ({ value: form, label: FORM_WANTED_LABELS[form] }));

/** The 21 outcome rows under the six headings of the report. */
export const outcomeGroups: OptionGroup[] = OUTCOME_GROUPS.map((group) => ({
  label: group.name,
  options: OUTCOMES.filter((outcome) => outcome.group === group.key).map((outcome) => ({ value: outcome.code, label: outcomeShortLabel(outcome.code) })),
}));

export function outcomeLabel(code: string | null): string {
  if (!code) return "";
  return OUTCOMES.some((outcome) => outcome.code === code) ? outcomeShortLabel(code as OutcomeCode) : code;
}

export function statusLabel(status: string): string {
  return LEDGER_STATUS_LABELS[status as LedgerStatus] ?? status;
}

export function isActiveStatus(status: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

const STATUS_TAG: Record<LedgerStatus, string> = {
  open: "",
  awaiting_correction: "warn",
  consulting: "warn",
  extended: "warn",
  awaiting_fee: "warn",
  concluded: "ok",
  voided: "void",
};

export function statusTagClass(status: string): string {
  return `tag ${STATUS_TAG[status as LedgerStatus] ?? ""}`.trim();
}
