import { describe, expect, it } from "vitest";
import { documentSections, overviewParts, paragraphs, reportTableLayouts, type TableLayout } from "./document-layout";
import { seedReport } from "./fixtures";
import { OVERVIEW_SUBHEADS, REPORT_SECTIONS } from "./labels";

/** Places every cell on the grid, honouring row and column spans; fails on overlap or a ragged row. */
function occupancy(rows: TableLayout["groups"][number]["head"], columns: number): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, rowIndex) => {
    grid[rowIndex] ??= [];
    let column = 0;
    for (const cell of row) {
      while (grid[rowIndex]?.[column] !== undefined) column++;
      const rowSpan = cell.kind === "data" ? 1 : cell.rowSpan;
      for (let r = rowIndex; r < rowIndex + rowSpan; r++) {
        for (let c = column; c < column + cell.colSpan; c++) {
          const line = (grid[r] ??= []);
          if (line[c] !== undefined) throw new Error(`overlap at ${r},${c}`);
          line[c] = cell.kind === "header" ? cell.id : cell.kind;
        }
      }
      column += cell.colSpan;
    }
  });
  for (const line of grid) expect(line.filter((slot) => slot !== undefined)).toHaveLength(columns);
  return grid;
}

describe("the report tables' layout", () => {
  const layouts = reportTableLayouts(seedReport("corrected"));

  it.each(Object.values(layouts))("table $key fills its grid exactly, and every data cell names existing headers", (layout) => {
    for (const group of layout.groups) {
      occupancy([...group.head, ...group.body], layout.columns);
      // Within a group only: the body rows must also fill the grid on their own.
      occupancy(group.body, layout.columns);
    }
    const ids = new Set(
      layout.groups.flatMap((group) => [...group.head, ...group.body]).flat().flatMap((cell) => (cell.kind === "header" ? [cell.id] : [])),
    );
    const cells = layout.groups.flatMap((group) => [...group.head, ...group.body]).flat();
    expect(ids.size).toBe(cells.filter((cell) => cell.kind === "header").length);
    for (const cell of cells) if (cell.kind === "data") for (const id of cell.headers) expect(ids).toContain(id);
    expect(layout.widths).toHaveLength(layout.columns);
  });

  it("places table 三's outcome groups beside their rows", () => {
    const grid = occupancy([...(layouts.applications.groups[0]?.head ?? []), ...(layouts.applications.groups[0]?.body ?? [])], 10);
    // Row 6 (index 5) is （一）予以公开; rows 8–15 are 不予公开's eight reasons.
    expect(grid[5]?.slice(0, 3)).toEqual(["r-results", "r-outcomes_granted", "r-outcomes_granted"]);
    expect(grid[7]?.slice(0, 3)).toEqual(["r-results", "g-withheld", "r-outcomes_withheld_state_secret"]);
    expect(grid[14]?.slice(0, 3)).toEqual(["r-results", "g-withheld", "r-outcomes_withheld_query_matter"]);
    expect(grid[26]?.slice(0, 3)).toEqual(["r-results", "r-handled", "r-handled"]);
    expect(grid[27]?.slice(0, 3)).toEqual(["r-carriedForward", "r-carriedForward", "r-carriedForward"]);
    expect(grid[0]?.slice(0, 3)).toEqual(["note", "note", "note"]);
    expect(grid[2]?.slice(3)).toEqual([
      "c-natural_person",
      "c-commercial_enterprise",
      "c-research_institution",
      "c-social_welfare_org",
      "c-legal_service_org",
      "c-other_org",
      "c-total",
    ]);
  });

  it("gives each table-三 figure its row path and column code", () => {
    const body = layouts.applications.groups[0]?.body ?? [];
    const places = body.flat().flatMap((cell) => (cell.kind === "data" && cell.place?.table === "applications" ? [`${cell.place.row}/${cell.place.column}`] : []));
    expect(places).toHaveLength(25 * 7);
    expect(places).toContain("outcomes.unavailable.not_held/natural_person");
    expect(places).toContain("carriedForward/total");
  });
});

describe("the report's prose", () => {
  it("splits on newlines and blank lines, dropping empty lines", () => {
    expect(paragraphs("甲\n\n乙\r\n丙\n  \n")).toEqual(["甲", "乙", "丙"]);
  });

  it("finds section 一's sub-heads, written with 「方面」 or half-width brackets, and keeps all five in order", () => {
    const { intro, parts } = overviewParts("导言。\n(二)依申请公开方面\n依申请。\n（一）主动公开：\n主动。\n\n更多。");
    expect(intro).toEqual(["导言。"]);
    expect(parts.map((part) => part.heading)).toEqual(OVERVIEW_SUBHEADS.map((subhead) => subhead.heading));
    expect(parts[0]?.paragraphs).toEqual(["主动。", "更多。"]);
    expect(parts[1]?.paragraphs).toEqual(["依申请。"]);
    expect(parts[2]?.paragraphs).toEqual([]);
  });

  it("lists the six sections with their exact headings", () => {
    expect(documentSections(seedReport("corrected")).map((section) => section.heading)).toEqual(REPORT_SECTIONS.map((section) => section.heading));
  });
});
