import { beforeAll, describe, expect, it } from "vitest";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { getPublishingAgency, listPublishingAgencies, PUBLIC_AGENCIES_PAGE_SIZE, publishedIndex, recentPublications } from "./public-reports";
import { importHistoricalReport } from "./report-drafts";
import { anonymous, asSystem, ensureAgency } from "./testing/callers";

/** Publishes a report for the agency and year, as the CLI's historical import does. */
async function publish(code: string, name: string, year: number, correctionNote?: string): Promise<void> {
  await ensureAgency(code, name);
  await asSystem(() => importHistoricalReport({ ...seed.corrected, agency: { code, name }, year }, correctionNote ? { correctionNote } : {}));
}

// Names sort by code point; the numbers keep the expected order obvious.
const PAGED = Array.from({ length: PUBLIC_AGENCIES_PAGE_SIZE + 3 }, (_, index) => ({ code: `p${String(index).padStart(3, "0")}`, name: `市局${String(index).padStart(3, "0")}` }));

describe("the public list of agencies", () => {
  beforeAll(async () => {
    await publish("zz-water", "晋城市水务局", 2023);
    await publish("zz-water", "晋城市水务局", 2024);
    await publish("zz-water", "晋城市水务局", 2024, "更正表三的一处笔误");
    await publish("zz-pct", "百分之百_测试局", 2024);
    await ensureAgency("zz-silent", "晋城市未发布局");
    for (const agency of PAGED) await publish(agency.code, agency.name, 2024);
    await publish("zz-pct", "百分之百_测试局", 2024, "补正附件");
  });

  it("lists only agencies that have published, by name, each year's current version newest year first", async () => {
    const everything = [];
    for (let page = 1; ; page++) {
      const list = await anonymous(() => listPublishingAgencies({ page: String(page) }));
      everything.push(...list.agencies);
      expect(list.agencies.length).toBeLessThanOrEqual(PUBLIC_AGENCIES_PAGE_SIZE);
      if (page >= list.pages) break;
    }
    const names = everything.map((agency) => agency.name);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain("晋城市未发布局");
    expect(everything).toHaveLength(PAGED.length + 2);
    const water = everything.find((agency) => agency.code === "zz-water");
    expect(water?.reports.map((report) => [report.year, report.version, report.historical])).toEqual([
      [2024, 2, true],
      [2023, 1, true],
    ]);
  });

  it("pages by fifty and clamps a page past the end to the last", async () => {
    const first = await anonymous(() => listPublishingAgencies({}));
    expect(first.total).toBe(PAGED.length + 2);
    expect(first.pages).toBe(2);
    expect(first.agencies).toHaveLength(PUBLIC_AGENCIES_PAGE_SIZE);
    const beyond = await anonymous(() => listPublishingAgencies({ page: "999" }));
    expect(beyond.page).toBe(2);
    expect(beyond.agencies).toHaveLength(PAGED.length + 2 - PUBLIC_AGENCIES_PAGE_SIZE);
    for (const nonsense of ["0", "-1", "abc", ["2", "1"], 1.5]) {
      expect((await anonymous(() => listPublishingAgencies({ page: nonsense }))).page).toBe(1);
    }
  });

  it("finds agencies by part of the name or by the exact code; LIKE wildcards are matched literally", async () => {
    expect((await anonymous(() => listPublishingAgencies({ q: " 水务 " }))).agencies.map((agency) => agency.code)).toEqual(["zz-water"]);
    expect((await anonymous(() => listPublishingAgencies({ q: "zz-pct" }))).agencies.map((agency) => agency.code)).toEqual(["zz-pct"]);
    expect((await anonymous(() => listPublishingAgencies({ q: "zz-" }))).total).toBe(0);
    expect((await anonymous(() => listPublishingAgencies({ q: "_" }))).agencies.map((agency) => agency.code)).toEqual(["zz-pct"]);
    expect((await anonymous(() => listPublishingAgencies({ q: "%" }))).total).toBe(0);
    expect((await anonymous(() => listPublishingAgencies({ q: "市局00" }))).total).toBe(10);
    const unknown = await anonymous(() => listPublishingAgencies({ q: "没有这个机关" }));
    expect(unknown).toMatchObject({ total: 0, pages: 1, page: 1, agencies: [] });
  });

  it("lists the latest publications first, corrections included", async () => {
    const recent = await anonymous(() => recentPublications(3));
    expect(recent.map((entry) => [entry.agencyCode, entry.version])).toEqual([
      ["zz-pct", 2],
      [PAGED.at(-1)?.code, 1],
      [PAGED.at(-2)?.code, 1],
    ]);
    const all = await anonymous(() => recentPublications(1000));
    expect(all).toHaveLength(50);
    const stamps = all.map((entry) => entry.publishedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it("indexes every published agency-year once, with when it was last published", async () => {
    const index = await anonymous(() => publishedIndex());
    expect(index).toHaveLength(PAGED.length + 3);
    const water = index.filter((entry) => entry.agencyCode === "zz-water");
    expect(water.map((entry) => entry.year)).toEqual([2024, 2023]);
    const agency = await anonymous(() => getPublishingAgency("zz-water"));
    expect(water[0]?.lastPublishedAt).toBe(agency?.years[0]?.versions[0]?.publishedAt);
    expect(index.some((entry) => entry.agencyCode === "zz-silent")).toBe(false);
  });

  it("shows one agency's years, newest first, each with every version newest first; nothing for an agency that has not published", async () => {
    const water = await anonymous(() => getPublishingAgency("zz-water"));
    expect(water?.name).toBe("晋城市水务局");
    expect(water?.years.map((entry) => [entry.year, entry.versions.map((version) => version.version)])).toEqual([
      [2024, [2, 1]],
      [2023, [1]],
    ]);
    expect(water?.years[0]?.versions[0]?.correctionNote).toBe("更正表三的一处笔误");
    for (const code of ["zz-silent", "no-such", "", 42, null]) expect(await anonymous(() => getPublishingAgency(code))).toBeNull();
  });
});
