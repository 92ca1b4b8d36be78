import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { IsoDate } from "@/lib/calendar";
import type { ApplicantType } from "@/lib/identity";
import { ACTIVE_STATUSES, LEDGER_STATUS_LABELS, type Channel, type LedgerStatus } from "@/lib/ledger/codes";
import { maskAddress, maskApplicantIdNumber, maskApplicantName, maskPhone } from "@/lib/masking";
import type { OutcomeCode } from "@/lib/report/labels";
import type { Role } from "@/lib/roles";
import { csvLine, defuseFormula } from "./cells";
import { EXPORT_HEADERS, HEADER_OF, type ExportHeader } from "./columns";
import { APPLICANT_TYPE_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "./vocabulary";

/** One application as the export reads it from the ledger (the projection's columns included). */
export type ExportApplication = {
  /** The agency's own number when it came with an import, otherwise the tracking number. */
  number: string;
  receivedOn: IsoDate;
  channel: string;
  applicantType: string;
  applicantName: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  description: string;
  outcome: string | null;
  concludedOn: IsoDate | null;
  notes: string | null;
  status: string;
  replyDueOn: IsoDate | null;
  dueProvisional: boolean;
};

export type ExportFormat = "xlsx" | "csv" | "json";
export const EXPORT_FORMATS = ["xlsx", "csv", "json"] as const satisfies readonly ExportFormat[];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/**
 * Who sees applicants' personal data whole in an export (domain.md §5): the agency's clerks and reviewers, who
 * handle the applications, and the system (the CLI, run by whoever runs the server). Anyone else would get it
 * masked; today the data layer refuses every other role before it gets this far.
 */
export function exportShowsPersonalData(role: Role | "system"): boolean {
  return role === "system" || role === "clerk" || role === "reviewer";
}

const ABANDONED: readonly string[] = ["other.no_correction", "other.unpaid_fee"] satisfies OutcomeCode[];

/**
 * 是否逾期: a running application past its reply deadline, or one replied to after it (an application
 * deemed abandoned was not replied to late). Empty for a voided one.
 */
export function overdueFlag(application: Pick<ExportApplication, "status" | "replyDueOn" | "concludedOn" | "outcome">, today: IsoDate): boolean | null {
  const { status, replyDueOn, concludedOn, outcome } = application;
  if (status === "voided") return null;
  if ((ACTIVE_STATUSES as readonly string[]).includes(status)) return replyDueOn !== null && replyDueOn < today;
  if (status === "concluded") return replyDueOn !== null && concludedOn !== null && concludedOn > replyDueOn && !ABANDONED.includes(outcome ?? "");
  return null;
}

export type ExportValues = Record<ExportHeader, string>;

/** The row's cells as text, in the file's words; personal data masked when `mask`. */
export function exportValues(application: ExportApplication, options: { mask: boolean; today: IsoDate }): ExportValues {
  const type = application.applicantType as ApplicantType;
  const { mask } = options;
  const overdue = overdueFlag(application, options.today);
  const values: Record<string, string> = {
    [HEADER_OF.number]: application.number,
    [HEADER_OF.receivedOn]: application.receivedOn,
    [HEADER_OF.channel]: CHANNEL_WORDS[application.channel as Channel] ?? application.channel,
    [HEADER_OF.applicantType]: APPLICANT_TYPE_WORDS[type] ?? application.applicantType,
    [HEADER_OF.applicantName]: mask ? maskApplicantName(application.applicantName, type) : application.applicantName,
    [HEADER_OF.idNumber]: application.idNumber ? (mask ? maskApplicantIdNumber(application.idNumber, type) : application.idNumber) : "",
    [HEADER_OF.phone]: application.phone ? (mask ? maskPhone(application.phone) : application.phone) : "",
    [HEADER_OF.address]: application.address ? (mask ? maskAddress(application.address) : application.address) : "",
    [HEADER_OF.description]: application.description,
    [HEADER_OF.outcome]: application.outcome ? (OUTCOME_WORDS[application.outcome as OutcomeCode] ?? application.outcome) : "",
    [HEADER_OF.concludedOn]: application.concludedOn ?? "",
    [HEADER_OF.notes]: application.notes ?? "",
    [HEADER_OF.status]: LEDGER_STATUS_LABELS[application.status as LedgerStatus] ?? application.status,
    [HEADER_OF.replyDueOn]: application.status === "voided" ? "" : (application.replyDueOn ?? ""),
    [HEADER_OF.dueNote]: application.status !== "voided" && application.replyDueOn && application.dueProvisional ? "暂定（当年节假日安排尚未公布）" : "",
    [HEADER_OF.overdue]: overdue === null ? "" : overdue ? "是" : "否",
  };
  return values as ExportValues;
}

/** CSV, UTF-8 with a BOM so Excel and WPS open it in Chinese; streamed a row at a time. */
export async function* ledgerCsv(rows: AsyncIterable<ExportValues>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(EXPORT_HEADERS)}`;
  let batch = "";
  let count = 0;
  for await (const values of rows) {
    batch += csvLine(EXPORT_HEADERS.map((header) => values[header]));
    if (++count % 500 === 0) {
      yield batch;
      batch = "";
    }
  }
  if (batch) yield batch;
}

/** JSON: an array of objects keyed by the same headers, values as stored (JSON is not run by spreadsheets). */
export async function* ledgerJson(rows: AsyncIterable<ExportValues>): AsyncGenerator<string> {
  yield "[";
  let first = true;
  let batch = "";
  let count = 0;
  for await (const values of rows) {
    batch += `${first ? "" : ","}\n  ${JSON.stringify(Object.fromEntries(EXPORT_HEADERS.map((header) => [header, values[header]])))}`;
    first = false;
    if (++count % 500 === 0) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}${first ? "" : "\n"}]\n`;
}

const DATE_HEADERS = new Set<string>([HEADER_OF.receivedOn, HEADER_OF.concludedOn, HEADER_OF.replyDueOn]);
const TEXT_HEADERS = new Set<string>([HEADER_OF.number, HEADER_OF.idNumber, HEADER_OF.phone]);

export const COLUMN_WIDTHS: Partial<Record<ExportHeader, number>> = {
  编号: 14,
  收到日期: 12,
  申请方式: 10,
  申请人类型: 14,
  申请人: 18,
  证件号码: 22,
  联系电话: 16,
  通讯地址: 30,
  申请内容: 48,
  办理结果: 26,
  办结日期: 12,
  备注: 24,
  状态: 10,
  答复期限: 12,
  期限说明: 16,
  是否逾期: 10,
};

function dateCell(text: string): Date | string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))));
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: rows go to `output` as they are added, never a whole
 * workbook in memory. Dates are date cells (yyyy-mm-dd); numbers and ID numbers stay text; text that a
 * spreadsheet would take for a formula gets an apostrophe, as in the CSV.
 */
export async function writeLedgerXlsx(rows: AsyncIterable<ExportValues>, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "gongkai";
  const sheet = workbook.addWorksheet("台账", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header) => ({
    key: header,
    width: COLUMN_WIDTHS[header] ?? 12,
    style: DATE_HEADERS.has(header) ? { numFmt: "yyyy-mm-dd" } : TEXT_HEADERS.has(header) ? { numFmt: "@" } : {},
  }));
  const head = sheet.addRow([...EXPORT_HEADERS]);
  head.font = { bold: true };
  head.commit();
  for await (const values of rows) {
    sheet.addRow(EXPORT_HEADERS.map((header) => (DATE_HEADERS.has(header) && values[header] ? dateCell(values[header]) : defuseFormula(values[header])))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
