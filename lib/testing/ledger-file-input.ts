import fc from "fast-check";
import { addDays, todayInChina } from "@/lib/calendar";
import { COMPUTED_COLUMNS, IMPORT_HEADERS, LEDGER_COLUMNS, type LedgerColumnKey } from "@/lib/ledger-io/columns";
import { encodeGb18030 } from "@/lib/ledger-io/test-files";
import { APPLICANT_TYPE_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "@/lib/ledger-io/vocabulary";
import { acceptableText, dateLikeText, hostileText, numericText, PROTOTYPE_KEYS } from "./hostile-input";

/** Ledger files (interfaces.md §2) as a fuzzer makes them: mostly the right shape, with anything in the cells. */

const today = todayInChina();
const optional = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(""), arbitrary);

/** A date as offices write them in a ledger, or as Excel writes a date cell to CSV. */
const ledgerDate: fc.Arbitrary<string> = fc.integer({ min: 0, max: 6000 }).chain((days) => {
  const iso = addDays(today, -days);
  const [year, month, day] = iso.split("-").map(Number);
  return fc.constantFrom(iso, `${year}/${month}/${day}`, `${year}.${month}.${day}`, `${year}年${month}月${day}日`, `${year}/${month}/${day} 9:30`, String(Math.round(Date.parse(iso) / 86_400_000 + 25_569)));
});

/** What each column accepts, awkward text included. */
export const GOOD_CELLS: Record<LedgerColumnKey, fc.Arbitrary<string>> = {
  number: optional(fc.oneof(fc.constantFrom("A-1", "2022-0007", "编号１", "'=1"), acceptableText({ min: 1, max: 50 }))),
  receivedOn: ledgerDate,
  channel: optional(fc.constantFrom(...Object.values(CHANNEL_WORDS), "当面提交", "in_person")),
  applicantType: fc.constantFrom(...Object.values(APPLICANT_TYPE_WORDS), "其他", "natural_person"),
  applicantName: acceptableText({ min: 1, max: 100 }),
  idNumber: fc.constantFrom("", "11010519491231002X", "140502199003071237", "91350100M000100Y43", "110105194912310021"),
  phone: fc.constantFrom("", "13812345678", "0356-2039999", "'+86 138 1234 5678"),
  address: optional(acceptableText({ max: 200 })),
  description: acceptableText({ min: 1, max: 2000 }),
  outcome: optional(fc.constantFrom(...Object.values(OUTCOME_WORDS))),
  concludedOn: optional(ledgerDate),
  notes: optional(fc.oneof(acceptableText({ max: 1000 }), fc.constant("示例，导入前请删除"))),
};

/** Any cell: as the column wants it, or anything at all. */
export function cellText(column: LedgerColumnKey): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: GOOD_CELLS[column] }, { weight: 1, arbitrary: fc.oneof(hostileText, numericText, dateLikeText) });
}

/** The header row: the columns in any order, some left out, now and then an unknown, repeated or computed header. */
export const headerRow: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.shuffledSubarray([...LEDGER_COLUMNS], { minLength: 1 }),
    fc.oneof(
      { weight: 5, arbitrary: fc.constant<string[]>([]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...IMPORT_HEADERS, ...COMPUTED_COLUMNS.map((column) => column.header), ...PROTOTYPE_KEYS, " 申请人 ", "\uFEFF编号", ""), hostileText), { maxLength: 3 }) },
    ),
  )
  .map(([columns, extra]) => [...columns.map((column) => column.header), ...extra]);

/** A sheet: a header row and a few data rows with a cell for each header (sometimes too few or too many). */
export const ledgerSheet: fc.Arbitrary<string[][]> = headerRow.chain((headers) => {
  const keyOf = (header: string) => LEDGER_COLUMNS.find((column) => column.header === header)?.key;
  const row = fc
    .tuple(
      fc.tuple(...headers.map((header) => {
        const key = keyOf(header);
        return key ? cellText(key) : hostileText;
      })),
      fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }),
    )
    .map(([cells, ragged]) => (ragged < 0 ? cells.slice(0, ragged) : [...cells, ...Array.from({ length: ragged }, () => "x")]));
  return fc.array(fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: fc.constant<string[]>([]) }), { maxLength: 6 }).map((rows) => [headers, ...rows]);
});

/** A sheet every row of which should import: all columns, a conclusion only with its date, never before receipt. */
export const cleanLedgerSheet: fc.Arbitrary<string[][]> = fc
  .tuple(
    fc.shuffledSubarray([...LEDGER_COLUMNS], { minLength: LEDGER_COLUMNS.length }),
    fc.array(fc.tuple(fc.tuple(...LEDGER_COLUMNS.map((column) => GOOD_CELLS[column.key])), fc.option(fc.constantFrom(...Object.values(OUTCOME_WORDS)))), { minLength: 1, maxLength: 4 }),
  )
  .map(([columns, rows]) => [
    columns.map((column) => column.header),
    ...rows.map(([cells, outcome]) => {
      const byKey = Object.fromEntries(LEDGER_COLUMNS.map((column, index) => [column.key, cells[index] ?? ""]));
      const values: Record<string, string> = { ...byKey, outcome: outcome ?? "", concludedOn: outcome === null ? "" : (byKey.receivedOn ?? "") };
      return columns.map((column) => values[column.key] ?? "");
    }),
  ]);

/** CSV text of a sheet: fields quoted when they need it (or, now and then, when they should not be), CRLF or LF. */
export const csvOfSheet = (sheet: string[][]): fc.Arbitrary<string> =>
  fc.record({ newline: fc.constantFrom("\r\n", "\n", "\r"), brokenQuotes: fc.boolean(), trailingNewline: fc.boolean(), bom: fc.boolean() }).map(({ newline, brokenQuotes, trailingNewline, bom }) => {
    const field = (value: string) => (/[",\r\n]/.test(value) || (brokenQuotes && value.length % 5 === 0) ? `"${brokenQuotes ? value : value.replace(/"/g, '""')}"` : value);
    const body = sheet.map((row) => row.map(field).join(",")).join(newline) + (trailingNewline ? newline : "");
    return bom ? `\uFEFF${body}` : body;
  });

/** Characters surely in GB18030's two-byte table (or ASCII): CJK ideographs, CJK and full-width punctuation. */
const GB18030_TWO_BYTE = /[^\u0000-\u007F\u4E00-\u9FA5\u3001-\u3011\uFF01-\uFF5E]/g;

/** GB18030 bytes of the text, leaving out what the test encoder cannot write. */
export function gb18030Bytes(text: string): Uint8Array {
  return encodeGb18030(text.replace(GB18030_TWO_BYTE, ""));
}

/** The bytes of a CSV ledger file: UTF-8 (with or without BOM), GB18030, or bytes that are neither. */
export const csvFileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: ledgerSheet.chain(csvOfSheet).map((text) => new TextEncoder().encode(text)) },
  { weight: 3, arbitrary: cleanLedgerSheet.chain(csvOfSheet).map((text) => new TextEncoder().encode(text)) },
  { weight: 2, arbitrary: ledgerSheet.chain(csvOfSheet).map((text) => gb18030Bytes(text.replace(/^\uFEFF/, ""))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(ledgerSheet.chain(csvOfSheet), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([text, junk]) => new Uint8Array([...new TextEncoder().encode(text), ...junk])) },
);
