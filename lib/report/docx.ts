import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from "docx";
import {
  documentSections,
  formatFigure,
  reportTitle,
  type DocumentSection,
  type LayoutCell,
  type TableLayout,
} from "./document-layout";
import type { AnnualReport } from "./schema";

/**
 * The annual report as a Word document (.docx): the title, the six sections headed exactly, the prose as
 * paragraphs and tables 二, 三 and 四 as real Word tables with the official merged header cells
 * (`w:gridSpan` across, `w:vMerge` down), on A4 paper. The text is in 宋体 (SimSun); a reader without it
 * falls back to its own Chinese font, since every run names the East Asian font separately.
 */

/** A4 in twips (1/20 pt), and the margins of GB/T 9704 (official documents): 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

const SONG: IFontAttributesProperties = { ascii: "SimSun", hAnsi: "SimSun", eastAsia: "宋体", cs: "SimSun" };
const HEI: IFontAttributesProperties = { ascii: "SimHei", hAnsi: "SimHei", eastAsia: "黑体", cs: "SimHei" };
const KAI: IFontAttributesProperties = { ascii: "KaiTi", hAnsi: "KaiTi", eastAsia: "楷体", cs: "KaiTi" };

/** Sizes in half-points: 三号 16 pt for body and headings, 二号 22 pt for the title, 五号 10.5 pt in tables. */
const SIZE = { title: 44, body: 32, table: 21, tableSmall: 18 };

export async function reportToDocx(report: AnnualReport): Promise<Buffer> {
  const title = reportTitle(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(report.agency.name)] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun(title.slice(report.agency.name.length))],
    }),
  ];
  for (const section of documentSections(report)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    children.push(...sectionBody(section));
  }

  const document = new Document({
    title,
    creator: report.agency.name,
    description: title,
    styles: {
      default: {
        document: { run: { font: SONG, size: SIZE.body, language: { eastAsia: "zh-CN", value: "zh-CN" } } },
      },
      paragraphStyles: [
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { font: SONG, size: SIZE.title, bold: true, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
        },
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: HEI, size: SIZE.body, bold: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { font: KAI, size: SIZE.body, bold: false, color: "000000" },
          paragraph: { indent: { firstLine: 640 }, keepNext: true, keepLines: true, outlineLevel: 1 },
        },
        {
          id: "Body",
          name: "Body Text Chinese",
          basedOn: "Normal",
          quickFormat: true,
          paragraph: { indent: { firstLine: 640 }, spacing: { line: 560, lineRule: "exact" }, alignment: AlignmentType.JUSTIFIED },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGINS } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function prose(lines: string[]): Paragraph[] {
  const texts = lines.length === 0 ? ["无。"] : lines;
  return texts.map((text) => new Paragraph({ style: "Body", children: [new TextRun(text)] }));
}

function sectionBody(section: DocumentSection): (Paragraph | Table)[] {
  switch (section.kind) {
    case "overview":
      return [
        ...(section.intro.length > 0 ? prose(section.intro) : []),
        ...section.parts.flatMap((part) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(part.heading)] }),
          ...prose(part.paragraphs),
        ]),
      ];
    case "prose":
      return prose(section.paragraphs);
    case "table":
      // An empty paragraph after a table keeps the next heading from sticking to it.
      return [wordTable(section.table), new Paragraph({ children: [] })];
  }
}

function wordTable(layout: TableLayout): Table {
  const unit = layout.widths.reduce((sum, width) => sum + width, 0);
  const columnWidths = layout.widths.map((width) => Math.floor((width / unit) * TEXT_WIDTH));
  const size = layout.columns > 10 ? SIZE.tableSmall : SIZE.table;
  const rows: TableRow[] = [];
  layout.groups.forEach((group, groupIndex) => {
    const repeatHead = layout.groups.length === 1;
    group.head.forEach((cells, index) => {
      const last = index === group.head.length - 1 && group.body.length === 0;
      rows.push(new TableRow({ tableHeader: repeatHead && groupIndex === 0, cantSplit: true, keepNext: !last, children: cells.map((cell) => wordCell(cell, size)) }));
    });
    group.body.forEach((cells) => {
      // Table 二's small groups stay whole; table 三's long body may break between rows (its head repeats).
      rows.push(new TableRow({ cantSplit: true, keepNext: !repeatHead, children: cells.map((cell) => wordCell(cell, size)) }));
    });
  });
  return new Table({
    rows,
    columnWidths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

function wordCell(cell: LayoutCell, size: number): TableCell {
  const isData = cell.kind === "data";
  const text = isData ? formatFigure(cell.value) : cell.text;
  const bold = cell.kind === "header" && cell.scope !== "row";
  return new TableCell({
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: !isData && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: cell.kind === "header" && cell.scope === "row" ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 280 },
        children: [new TextRun({ text, size, bold })],
      }),
    ],
  });
}
