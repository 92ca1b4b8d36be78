import type { z } from "zod";
import type { IsoDate } from "@/lib/calendar";
import { CHANNELS } from "@/lib/ledger/codes";
import { registrationSchema, type Registration } from "@/lib/ledger/registration";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { printableText } from "@/lib/printable-text";
import type { OutcomeCode } from "@/lib/report/labels";
import { isBlank, restoreFormula, type RawCell } from "./cells";
import { HEADER_OF, isExampleNote, type ComputedColumnKey, type LedgerColumnKey, type LedgerHeader } from "./columns";
import { parseLedgerDate } from "./dates";
import { APPLICANT_TYPE_WORDS, applicantTypeOfWord, CHANNEL_WORDS, channelOfWord, outcomeOfWord } from "./vocabulary";

/** One problem of the file: the row as the spreadsheet numbers it (null for the file as a whole), the column's header, why. */
export type ImportIssue = { row: number | null; column: string | null; message: string };

/** A row that passed: what the data layer writes (or compares with the application of the same 编号). */
export type LedgerRecord = {
  row: number;
  /** 编号 as given: the agency's own number (or this system's tracking number), or null. */
  number: string | null;
  registration: Registration;
  conclusion: { outcome: OutcomeCode; on: IsoDate } | null;
};

export type RowResult =
  | { kind: "record"; record: LedgerRecord }
  | { kind: "skipped"; row: number; reason: string }
  | { kind: "invalid"; issues: ImportIssue[] };

export type RowCells = Partial<Record<LedgerColumnKey | ComputedColumnKey, RawCell>>;

/** Made once per file: the registration schema is the one the web form and registerApplication use. */
export type RowContext = { today: IsoDate; schema: ReturnType<typeof registrationSchema> };

export function rowContext(today: IsoDate): RowContext {
  return { today, schema: registrationSchema(today) };
}

const MAX_NUMBER_LENGTH = 50;

/** Where the registration schema's fields sit in the file. */
const COLUMN_OF_FIELD: Partial<Record<string, LedgerColumnKey>> = {
  channel: "channel",
  arrivedOn: "receivedOn",
  receivedOn: "receivedOn",
  receivedOnReason: "receivedOn",
  applicantType: "applicantType",
  applicantName: "applicantName",
  idNumber: "idNumber",
  phone: "phone",
  address: "address",
  description: "description",
  notes: "notes",
};

/** A cell read as text: without invisible controls, trimmed, a defused formula restored, a number written out in full. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return restoreFormula(printableText(cell).trim()).trim();
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === "boolean") return cell ? "是" : "否";
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
}

/** Checks one data row on its own (nothing the database knows): every problem of the row, or what to write. */
export function validateLedgerRow(cells: RowCells, row: number, context: RowContext): RowResult {
  const notes = cellText(cells.notes);
  if (isExampleNote(notes)) return { kind: "skipped", row, reason: "模板中的示例行，未导入" };
  if (cellText(cells.status) === "已作废") return { kind: "skipped", row, reason: "已作废的申请，未导入" };

  const issues: ImportIssue[] = [];
  const problem = (column: LedgerColumnKey, message: string) => {
    const header: LedgerHeader = HEADER_OF[column] as LedgerHeader;
    if (!issues.some((issue) => issue.column === header)) issues.push({ row, column: header, message });
  };

  const number = cellText(cells.number);
  if (number.length > MAX_NUMBER_LENGTH) problem("number", `编号最多 ${MAX_NUMBER_LENGTH} 个字符`);

  let receivedOn: IsoDate | null = null;
  if (isBlank(cells.receivedOn ?? null)) problem("receivedOn", "收到日期不能为空");
  else {
    const parsed = parseLedgerDate(cells.receivedOn ?? null);
    if (!parsed.ok) problem("receivedOn", parsed.message);
    else if (parsed.date > context.today) problem("receivedOn", `收到日期 ${parsed.date} 晚于今天`);
    else receivedOn = parsed.date;
  }

  const channelText = cellText(cells.channel);
  const channel = channelText === "" ? "other" : channelOfWord(channelText);
  if (!channel) problem("channel", `「${channelText}」不是申请方式，应为：${CHANNELS.map((code) => CHANNEL_WORDS[code]).join("、")}（空着按「其他」）`);

  const typeText = cellText(cells.applicantType);
  const applicantType = typeText === "" ? undefined : applicantTypeOfWord(typeText);
  if (typeText === "") problem("applicantType", "申请人类型不能为空");
  else if (!applicantType) problem("applicantType", `「${typeText}」不是申请人类型，应为：${APPLICANT_TYPE_CODES.map((code) => APPLICANT_TYPE_WORDS[code]).join("、")}`);

  const applicantName = cellText(cells.applicantName);
  if (applicantName === "") problem("applicantName", "申请人不能为空");
  const description = cellText(cells.description);
  if (description === "") problem("description", "申请内容不能为空");

  const idCell = cells.idNumber ?? null;
  if (typeof idCell === "number" && !Number.isSafeInteger(idCell)) {
    problem("idNumber", "证件号码在表格中存成了数字，末几位已丢失：请把这一列设为文本格式，重新填写后再导入");
  }

  const outcomeText = cellText(cells.outcome);
  const concludedBlank = isBlank(cells.concludedOn ?? null);
  let conclusion: LedgerRecord["conclusion"] = null;
  if (outcomeText === "" && !concludedBlank) problem("outcome", "填写了办结日期，也须填写办理结果");
  if (outcomeText !== "") {
    const outcome = outcomeOfWord(outcomeText);
    if (!outcome) problem("outcome", `「${outcomeText}」不是办理结果：应为年度报告表三中的一项（如 予以公开、部分公开、本机关不掌握相关政府信息、其他），不带序号`);
    if (concludedBlank) problem("concludedOn", "填写了办理结果，须填写办结日期");
    else {
      const parsed = parseLedgerDate(cells.concludedOn ?? null);
      if (!parsed.ok) problem("concludedOn", parsed.message);
      else if (parsed.date > context.today) problem("concludedOn", `办结日期 ${parsed.date} 晚于今天`);
      else if (receivedOn !== null && parsed.date < receivedOn) problem("concludedOn", `办结日期 ${parsed.date} 早于收到日期 ${receivedOn}`);
      else if (outcome) conclusion = { outcome, on: parsed.date };
    }
  }

  // The rest (lengths, the phone's characters, the ID number against the applicant type) exactly as the
  // registration form checks it. A field already refused above stands in with a harmless value, so the row's
  // other problems are found too; the ID number is only checked against a known applicant type.
  let registration: Registration | null = null;
  {
    const parsed = context.schema.safeParse({
      channel: channel ?? "other",
      arrivedOn: receivedOn ?? context.today,
      receivedOn: receivedOn ?? context.today,
      receivedOnReason: "",
      applicantType: applicantType ?? "natural_person",
      applicantName,
      idNumber: applicantType ? cellText(idCell) : "",
      phone: cellText(cells.phone),
      address: cellText(cells.address),
      agentName: "",
      agentPhone: "",
      description,
      formWanted: "other",
      notes,
    } satisfies z.input<RowContext["schema"]>);
    if (parsed.success) registration = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF_FIELD[String(issue.path[0])];
        if (column) problem(column, issue.message);
        else issues.push({ row, column: null, message: issue.message });
      }
    }
  }

  if (issues.length > 0 || registration === null) return { kind: "invalid", issues };
  return { kind: "record", record: { row, number: number === "" ? null : number, registration, conclusion } };
}

