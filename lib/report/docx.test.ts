import { describe, expect, it } from "vitest";
import { reportToDocx } from "./docx";
import { seedReport } from "./fixtures";
import { unzip } from "./fixtures/unzip";
import {
  APPLICANT_HEADER,
  APPLICATIONS_NOTE,
  APPLICATION_ROW_LABELS,
  LEGAL_ENTITY_GROUP_LABEL,
  LITIGATION_LABEL,
  OUTCOMES,
  OUTCOME_GROUPS,
  OVERVIEW_SUBHEADS,
  PROACTIVE_TABLE,
  REPORT_SECTIONS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from "./labels";

type Cell = { text: string; gridSpan: number; vMerge: "restart" | "continue" | null };

/** The tables of document.xml as rows of cells, read with patterns (docx writes no nested tables). */
function tables(xml: string): { gridCols: number; rows: Cell[][] }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table = ""]) => ({
    gridCols: [...table.matchAll(/<w:gridCol\b/g)].length,
    rows: [...table.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map(([, row = ""]) =>
      [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell = ""]) => {
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell);
        return {
          text: [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""),
          gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1),
          vMerge: vMerge ? (vMerge[1] === "restart" ? "restart" : "continue") : null,
        };
      }),
    ),
  }));
}

/** The texts of the document's paragraphs outside tables, in order. */
function paragraphTexts(xml: string): string[] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...outside.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)]
    .map(([, paragraph = ""]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""))
    .filter((text) => text !== "");
}

async function generated() {
  const report = seedReport("corrected");
  report.sections = {
    overview: "本年度报告根据《条例》编制。\n\n（一）主动公开方面\n全年主动公开信息125条。\n（二）依申请公开\n新收申请6件。",
    problems: "一是问题。\n\n二是改进。",
    other: "本年度发出收费通知0件。",
  };
  const buffer = await reportToDocx(report);
  const files = unzip(buffer);
  const documentXml = files.get("word/document.xml")?.toString("utf8") ?? "";
  const stylesXml = files.get("word/styles.xml")?.toString("utf8") ?? "";
  return { buffer, files, documentXml, stylesXml };
}

describe("the report as a Word document", () => {
  it("is a zip holding a WordprocessingML document on A4", async () => {
    const { buffer, files, documentXml } = await generated();
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(files.has("[Content_Types].xml")).toBe(true);
    expect(documentXml).toContain("<w:document");
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it("names a Chinese font for East Asian text", async () => {
    const { stylesXml } = await generated();
    expect(stylesXml).toMatch(/w:eastAsia="宋体"/);
    expect(stylesXml).toMatch(/w:eastAsia="zh-CN"/);
  });

  it("has the title, the six headings in order, section 一's sub-heads and the prose as paragraphs", async () => {
    const { documentXml } = await generated();
    const texts = paragraphTexts(documentXml);
    expect(texts.slice(0, 2)).toEqual(["晋城市城区人民政府办公室", "2022年政府信息公开工作年度报告"]);
    const headingIndexes = REPORT_SECTIONS.map((section) => texts.indexOf(section.heading));
    expect(headingIndexes.every((index) => index > 0)).toBe(true);
    expect([...headingIndexes].sort((a, b) => a - b)).toEqual(headingIndexes);
    for (const subhead of OVERVIEW_SUBHEADS) expect(texts).toContain(subhead.heading);
    // Sub-heads written with 「方面」 are recognised, not repeated as prose.
    expect(texts.some((text) => text.includes("方面"))).toBe(false);
    expect(texts).toContain("一是问题。");
    expect(texts).toContain("二是改进。");
    const overview = texts.indexOf(REPORT_SECTIONS[0].heading);
    expect(texts[overview + 1]).toBe("本年度报告根据《条例》编制。");
    expect(texts[overview + 2]).toBe(OVERVIEW_SUBHEADS[0].heading);
    expect(texts[overview + 3]).toBe("全年主动公开信息125条。");
  });

  it("draws tables 二, 三 and 四 as real tables whose every row fills the grid", async () => {
    const { documentXml } = await generated();
    const all = tables(documentXml);
    expect(all).toHaveLength(3);
    expect(all.map((table) => table.gridCols)).toEqual([4, 10, 15]);
    for (const table of all) {
      for (const row of table.rows) {
        expect(row.reduce((sum, cell) => sum + cell.gridSpan, 0)).toBe(table.gridCols);
      }
    }
  });

  it("table 二 has each 第二十条 item over all four columns, single figures spanning three", async () => {
    const { documentXml } = await generated();
    const [proactive] = tables(documentXml);
    const rows = proactive?.rows ?? [];
    for (const group of PROACTIVE_TABLE) {
      const row = rows.find((candidate) => candidate[0]?.text === group.heading);
      expect(row).toEqual([{ text: group.heading, gridSpan: 4, vMerge: null }]);
    }
    const licensing = rows.find((row) => row[0]?.text === "行政许可");
    expect(licensing?.map((cell) => [cell.text, cell.gridSpan])).toEqual([["行政许可", 1], ["0", 3]]);
    const regulations = rows.find((row) => row[0]?.text === "规章");
    expect(regulations).toHaveLength(4);
  });

  it("table 三 has the note over three header rows, the applicant groups, and merged outcome groups", async () => {
    const { documentXml } = await generated();
    const applications = tables(documentXml)[1];
    const rows = applications?.rows ?? [];
    expect(rows).toHaveLength(3 + 2 + OUTCOMES.length + 1 + 1);
    expect(rows[0]).toEqual([
      { text: APPLICATIONS_NOTE, gridSpan: 3, vMerge: "restart" },
      { text: APPLICANT_HEADER, gridSpan: 7, vMerge: null },
    ]);
    expect(rows[1]?.map((cell) => [cell.text, cell.gridSpan, cell.vMerge])).toEqual([
      ["", 3, "continue"],
      ["自然人", 1, "restart"],
      [LEGAL_ENTITY_GROUP_LABEL, 5, null],
      ["总计", 1, "restart"],
    ]);
    expect(rows[2]?.map((cell) => [cell.text, cell.vMerge])).toEqual([
      ["", "continue"],
      ["", "continue"],
      ["商业企业", null],
      ["科研机构", null],
      ["社会公益组织", null],
      ["法律服务机构", null],
      ["其他", null],
      ["", "continue"],
    ]);
    expect(rows[3]?.map((cell) => cell.text)).toEqual([APPLICATION_ROW_LABELS.received, "6", "0", "0", "0", "0", "0", "6"]);
    expect(rows[3]?.[0]?.gridSpan).toBe(3);

    // 「三、本年度办理结果」 starts a merge down its 22 rows; each multi-row group merges down its rows.
    const results = rows.slice(5, 5 + OUTCOMES.length + 1);
    expect(results[0]?.[0]).toEqual({ text: APPLICATION_ROW_LABELS.results, gridSpan: 1, vMerge: "restart" });
    expect(results.slice(1).every((row) => row[0]?.vMerge === "continue")).toBe(true);
    for (const group of OUTCOME_GROUPS.filter((candidate) => candidate.key !== "granted" && candidate.key !== "partial")) {
      const first = results.findIndex((row) => row[1]?.text === group.heading);
      const size = OUTCOMES.filter((outcome) => outcome.group === group.key).length;
      expect(results[first]?.[1]?.vMerge).toBe("restart");
      for (let index = first + 1; index < first + size; index++) expect(results[index]?.[1]?.vMerge).toBe("continue");
      expect(results[first + size]?.[1]?.vMerge).not.toBe("continue");
    }
    const unavailable = results.find((row) => row[2]?.text === "1.本机关不掌握相关政府信息");
    expect(unavailable?.slice(3).map((cell) => cell.text)).toEqual(["6", "0", "0", "0", "0", "0", "6"]);
    expect(results.at(-1)?.[1]).toEqual({ text: APPLICATION_ROW_LABELS.handled, gridSpan: 2, vMerge: null });
    expect(rows.at(-1)?.[0]).toEqual({ text: APPLICATION_ROW_LABELS.carriedForward, gridSpan: 3, vMerge: null });
    for (const outcome of OUTCOMES) expect(documentXml).toContain(`>${outcome.label}<`);
  });

  it("table 四 has 行政复议 and 行政诉讼 over their groups, and the fifteen figures", async () => {
    const { documentXml } = await generated();
    const rows = tables(documentXml)[2]?.rows ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[0]?.map((cell) => [cell.text, cell.gridSpan])).toEqual([
      [REVIEW_GROUPS[0].label, 5],
      [LITIGATION_LABEL, 10],
    ]);
    expect(rows[1]?.map((cell) => [cell.text, cell.gridSpan, cell.vMerge])).toEqual([
      ...REVIEW_COLUMNS.map((column) => [column.label, 1, "restart"]),
      [REVIEW_GROUPS[1].label, 5, null],
      [REVIEW_GROUPS[2].label, 5, null],
    ]);
    expect(rows[2]?.map((cell) => cell.text)).toEqual([
      "", "", "", "", "",
      ...REVIEW_COLUMNS.map((column) => column.label),
      ...REVIEW_COLUMNS.map((column) => column.label),
    ]);
    expect(rows[3]?.map((cell) => cell.text)).toEqual(Array.from({ length: 15 }, () => "0"));
  });

  it("writes the fee amount of table 二 as a decimal without float noise", async () => {
    const report = seedReport("corrected");
    report.proactive.feesTenThousandYuan = 0.1 + 0.2;
    const xml = unzip(await reportToDocx(report)).get("word/document.xml")?.toString("utf8") ?? "";
    const fee = tables(xml)[0]?.rows.find((row) => row[0]?.text === "行政事业性收费");
    expect(fee?.[1]?.text).toBe("0.3");
  });
});
