import ExcelJS from "exceljs";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { CHANNELS } from "@/lib/ledger/codes";
import { OUTCOME_CODES } from "@/lib/report/labels";
import { EXAMPLE_NOTE, HEADER_OF, IMPORT_HEADERS, LEDGER_COLUMNS, type LedgerHeader } from "./columns";
import { COLUMN_WIDTHS } from "./export";
import { columnLetter } from "./read-ledger-file";
import { APPLICANT_TYPE_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "./vocabulary";

/** Rows of the 台账 sheet that get the drop-down lists (the header is row 1). */
const VALIDATED_ROWS = 5000;
const LISTS_SHEET = "选项";

/** Examples of each kind of row; their 备注 marks them, and the import skips them. */
export const TEMPLATE_EXAMPLES: Record<LedgerHeader, string>[] = [
  {
    编号: "示例-001",
    收到日期: "2026-03-02",
    申请方式: CHANNEL_WORDS.online,
    申请人类型: APPLICANT_TYPE_WORDS.natural_person,
    申请人: "张三",
    证件号码: "11010519491231002X",
    联系电话: "13812345678",
    通讯地址: "山西省晋城市城区某某街道某某小区",
    申请内容: "某某片区房屋征收补偿方案",
    办理结果: OUTCOME_WORDS.granted,
    办结日期: "2026-03-20",
    备注: EXAMPLE_NOTE,
  },
  {
    编号: "示例-002",
    收到日期: "2026/3/5",
    申请方式: CHANNEL_WORDS.registered_post,
    申请人类型: APPLICANT_TYPE_WORDS.commercial_enterprise,
    申请人: "某某建筑有限公司",
    证件号码: "91140502MA0K3U2L00",
    联系电话: "0356-2020000",
    通讯地址: "山西省晋城市城区某某路1号",
    申请内容: "2025年某某项目规划许可文件",
    办理结果: OUTCOME_WORDS["unavailable.not_held"],
    办结日期: "2026/3/27",
    备注: EXAMPLE_NOTE,
  },
  {
    编号: "",
    收到日期: "2026-03-09",
    申请方式: CHANNEL_WORDS.in_person,
    申请人类型: APPLICANT_TYPE_WORDS.natural_person,
    申请人: "李四",
    证件号码: "",
    联系电话: "",
    通讯地址: "",
    申请内容: "尚在办理的申请：办理结果和办结日期空着",
    办理结果: "",
    办结日期: "",
    备注: EXAMPLE_NOTE,
  },
];

const INSTRUCTIONS = [
  "依申请公开台账导入模板",
  "",
  "1. 在「台账」表第 2 行起每行填写一件申请；表头（第 1 行）不要改动，列的顺序可以调整，非必填的列可以删除。",
  `2. 必填：${LEDGER_COLUMNS.filter((column) => column.required).map((column) => column.header).join("、")}。`,
  "3. 日期写作 2022-01-05 或 2022/1/5，也可以是 Excel 日期单元格；不能晚于今天。",
  `4. 申请方式、申请人类型、办理结果可从下拉列表中选择。申请方式空着按「其他」；办理结果为年度报告表三中的一项，不带序号。`,
  "5. 已办结的申请填写办理结果和办结日期（两者须同时填写，办结日期不早于收到日期）；尚在办理的申请两者都空着。",
  "6. 证件号码：自然人填身份证号码，法人或其他组织填统一社会信用代码，系统会校验。该列已设为文本格式，请勿改为数字。",
  "7. 编号：本机关自己的编号，可以不填。再次导入同一编号的行会更新已导入的申请，而不会重复登记；填本系统的编号（如 2026-0007）则更新该件申请。",
  `8. 备注为「${EXAMPLE_NOTE}」的行是示例，导入时会跳过；请删除后再填写。`,
  "9. 文件中只要有一行有误，整个文件都不会导入；系统会列出每一处错误（行号、列名和原因）。",
  "10. 可保存为 .xlsx，或 CSV（UTF-8 或 GB18030 编码均可）。",
];

/**
 * The blank ledger template: the header row, a few example rows marked as such, drop-down lists for 申请方式,
 * 申请人类型 and 办理结果 (from a hidden sheet, so the long outcome names fit), text format for the
 * number columns so Excel does not turn an ID number into a rounded number, and the instructions.
 */
export async function ledgerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "gongkai";
  const sheet = workbook.addWorksheet("台账", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_HEADERS.map((header) => ({
    header,
    key: header,
    width: COLUMN_WIDTHS[header] ?? 12,
    style: header === HEADER_OF.number || header === HEADER_OF.idNumber || header === HEADER_OF.phone ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const column of LEDGER_COLUMNS) {
    if (!column.required) continue;
    sheet.getCell(1, IMPORT_HEADERS.indexOf(column.header) + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  }
  for (const example of TEMPLATE_EXAMPLES) {
    const row = sheet.addRow(IMPORT_HEADERS.map((header) => example[header]));
    row.font = { color: { argb: "FF808080" }, italic: true };
  }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const columns = [
    { header: HEADER_OF.channel, words: CHANNELS.map((code) => CHANNEL_WORDS[code]) },
    { header: HEADER_OF.applicantType, words: APPLICANT_TYPE_CODES.map((code) => APPLICANT_TYPE_WORDS[code]) },
    { header: HEADER_OF.outcome, words: OUTCOME_CODES.map((code) => OUTCOME_WORDS[code]) },
  ];
  columns.forEach((list, index) => {
    const letter = columnLetter(index);
    lists.getCell(`${letter}1`).value = list.header;
    list.words.forEach((word, i) => (lists.getCell(`${letter}${i + 2}`).value = word));
    const target = columnLetter(IMPORT_HEADERS.indexOf(list.header as LedgerHeader));
    (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${VALIDATED_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${list.words.length + 1}`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: list.header,
      error: `请从下拉列表中选择${list.header}`,
    });
  });

  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 110;
  INSTRUCTIONS.forEach((line, i) => {
    const cell = help.getCell(`A${i + 1}`);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
