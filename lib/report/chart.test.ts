import { describe, expect, it } from "vitest";
import { applicationsChart, describeChart, niceTicks, outcomesChart } from "./chart";
import { seedReport } from "./fixtures";
import { APPLICATION_ROW_LABELS, OUTCOME_GROUPS } from "./labels";
import type { AnnualReport } from "./schema";

function reportOf(year: number, received: number, handled: number, carriedForward: number): AnnualReport {
  const report = seedReport("corrected");
  report.year = year;
  report.applications.received = [received, 0, 0, 0, 0, 0, received];
  report.applications.handled = [handled, 0, 0, 0, 0, 0, handled];
  report.applications.carriedForward = [carriedForward, 0, 0, 0, 0, 0, carriedForward];
  return report;
}

describe("nice ticks", () => {
  it("steps by 1, 2 or 5 × 10ⁿ in at most five steps, from zero past the maximum", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(11)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(120)).toEqual([0, 50, 100, 150]);
    for (const max of [1, 7, 13, 99, 101, 2500, 123457]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
    }
  });
});

describe("the applications chart", () => {
  it("is absent without reports", () => {
    expect(applicationsChart([])).toBeNull();
    expect(outcomesChart([])).toBeNull();
  });

  it("has three bars per year, in year order, heights proportional to the 总计 figures", () => {
    const chart = applicationsChart([reportOf(2023, 10, 8, 4), reportOf(2022, 6, 8, 0)]);
    expect(chart).not.toBeNull();
    if (!chart) return;
    expect(chart.series.map((entry) => entry.label)).toEqual([
      APPLICATION_ROW_LABELS.received,
      APPLICATION_ROW_LABELS.handled,
      APPLICATION_ROW_LABELS.carriedForward,
    ]);
    expect(chart.years.map((year) => year.year)).toEqual([2022, 2023]);
    expect(chart.rows).toEqual([
      { year: 2022, values: [6, 8, 0] },
      { year: 2023, values: [10, 8, 4] },
    ]);
    expect(chart.bars).toHaveLength(6);
    const plotHeight = chart.plot.bottom - chart.plot.top;
    const top = chart.ticks.at(-1)?.value ?? 0;
    expect(top).toBe(10);
    for (const bar of chart.bars) {
      expect(bar.height).toBeCloseTo((bar.value / top) * plotHeight, 1);
      expect(bar.y + bar.height).toBeCloseTo(chart.plot.bottom, 1);
      expect(bar.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.right);
    }
    // Bars of one year sit side by side, left of the next year's.
    const of2022 = chart.bars.filter((bar) => bar.year === 2022);
    const of2023 = chart.bars.filter((bar) => bar.year === 2023);
    expect(of2022.map((bar) => bar.x)).toEqual([...of2022.map((bar) => bar.x)].sort((a, b) => a - b));
    expect(Math.max(...of2022.map((bar) => bar.x + bar.width))).toBeLessThan(Math.min(...of2023.map((bar) => bar.x)));
  });

  it("draws a figure typed in below zero as no bar, but keeps it in the table", () => {
    const chart = applicationsChart([reportOf(2019, -2, 3, 0)]);
    const received = chart?.bars.find((bar) => bar.series === "received");
    expect(received?.height).toBe(0);
    expect(chart?.rows[0]?.values[0]).toBe(-2);
  });

  it("says what it shows in a sentence", () => {
    const chart = applicationsChart([reportOf(2022, 6, 8, 0)]);
    expect(chart && describeChart(chart)).toBe(
      `2022年：${APPLICATION_ROW_LABELS.received}6件，${APPLICATION_ROW_LABELS.handled}8件，${APPLICATION_ROW_LABELS.carriedForward}0件`,
    );
  });
});

describe("the outcomes chart", () => {
  it("stacks the six outcome groups, their heights adding up to the handled total", () => {
    const chart = outcomesChart([seedReport("corrected")]);
    expect(chart?.series.map((entry) => entry.label)).toEqual(OUTCOME_GROUPS.map((group) => group.name));
    expect(chart?.rows).toEqual([{ year: 2022, values: [0, 2, 0, 6, 0, 0] }]);
    if (!chart) return;
    const bars = chart.bars.filter((bar) => bar.height > 0);
    expect(bars.map((bar) => bar.series)).toEqual(["partial", "unavailable"]);
    const [partial, unavailable] = bars;
    // Stacked: the second sits on the first, and the stack reaches the value 8 on the axis.
    expect(unavailable && partial && unavailable.y + unavailable.height).toBeCloseTo(partial?.y ?? 0, 1);
    const plotHeight = chart.plot.bottom - chart.plot.top;
    const top = chart.ticks.at(-1)?.value ?? 0;
    expect(chart.plot.bottom - (unavailable?.y ?? 0)).toBeCloseTo((8 / top) * plotHeight, 1);
    expect(new Set(chart.series.map((entry) => entry.color)).size).toBe(6);
  });
});
