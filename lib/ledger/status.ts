import type { DeadlineReport } from "@/lib/deadlines";
import type { LedgerStatus } from "./codes";

/**
 * The status the ledger lists an application under, from the engine's report. Waiting on the
 * applicant or on someone else outranks an approved extension, which outranks plain handling.
 */
export function ledgerStatus(report: DeadlineReport, voided: boolean): LedgerStatus {
  if (voided) return "voided";
  if (report.status === "concluded") return "concluded";
  if (report.status === "awaiting_correction") return "awaiting_correction";
  if (report.fee && report.fee.paidOn === null && report.fee.abandonedOn === null) return "awaiting_fee";
  if (report.consultations.some((consultation) => consultation.answeredOn === null)) return "consulting";
  if (report.reply?.extension) return "extended";
  return "open";
}
