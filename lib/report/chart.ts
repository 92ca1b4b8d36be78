import { APPLICATION_ROW_LABELS, OUTCOME_GROUPS, type OutcomeGroupKey } from "./labels";
import type { AnnualReport } from "./schema";
import { outcomeGroupTotal, totalOf } from "./totals";

/**
 * Charts of an agency's figures across years, as geometry for an inline SVG drawn on the server (no
 * script): grouped bars for applications received, handled and carried forward, and stacked bars for
 * the outcome groups. Pure: the page turns the model into SVG elements, and the same numbers into a
 * table for readers who cannot see the chart.
 */

export type ChartSeries = { key: string; label: string; color: string };
export type ChartBar = { series: string; year: number; value: number; x: number; y: number; width: number; height: number };
export type ChartTick = { value: number; y: number };
export type ChartYear = { year: number; x: number };

export type BarChart = {
  kind: "grouped" | "stacked";
  width: number;
  height: number;
  /** The plotting area: bars sit between `plot.top` and `plot.bottom`. */
  plot: { left: number; right: number; top: number; bottom: number };
  series: ChartSeries[];
  years: ChartYear[];
  ticks: ChartTick[];
  bars: ChartBar[];
  /** The figures by year and series, as the fallback table shows them. */
  rows: { year: number; values: number[] }[];
};

export const CHART_SIZE = { width: 640, height: 280 };
const MARGIN = { left: 48, right: 12, top: 12, bottom: 32 };

/** Colours that stay apart for common colour-blindness (Okabe–Ito), all with 3:1 contrast on white. */
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7A6A00", "#56489A"];

/** The greatest tick: the smallest 1, 2 or 5 × 10ⁿ step with at most five steps covering `max`. */
export function niceTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((factor) => factor * magnitude).find((candidate) => Math.ceil(top / candidate) <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

function frame(years: number[], maxValue: number) {
  const plot = {
    left: MARGIN.left,
    right: CHART_SIZE.width - MARGIN.right,
    top: MARGIN.top,
    bottom: CHART_SIZE.height - MARGIN.bottom,
  };
  const tickValues = niceTicks(maxValue);
  const top = tickValues.at(-1) ?? 1;
  const scale = (value: number) => ((Math.max(0, value) / top) * (plot.bottom - plot.top));
  const band = (plot.right - plot.left) / Math.max(1, years.length);
  const ticks = tickValues.map((value) => ({ value, y: round(plot.bottom - scale(value)) }));
  return { plot, band, scale, ticks };
}

const round = (value: number) => Math.round(value * 100) / 100;

function build(
  kind: BarChart["kind"],
  reports: readonly AnnualReport[],
  series: ChartSeries[],
  valueOf: (report: AnnualReport, series: ChartSeries) => number,
): BarChart | null {
  if (reports.length === 0) return null;
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const rows = sorted.map((report) => ({ year: report.year, values: series.map((entry) => valueOf(report, entry)) }));
  const positive = (value: number) => (Number.isFinite(value) ? Math.max(0, value) : 0);
  const maxValue = Math.max(
    0,
    ...rows.map((row) =>
      kind === "stacked" ? row.values.reduce((sum, value) => sum + positive(value), 0) : Math.max(0, ...row.values.map(positive)),
    ),
  );
  const { plot, band, scale, ticks } = frame(
    rows.map((row) => row.year),
    maxValue,
  );
  const bars: ChartBar[] = [];
  const years: ChartYear[] = [];
  rows.forEach((row, index) => {
    const bandLeft = plot.left + index * band;
    years.push({ year: row.year, x: round(bandLeft + band / 2) });
    const inner = Math.min(band * 0.8, kind === "stacked" ? 56 : 36 * series.length);
    const start = bandLeft + (band - inner) / 2;
    let stackTop = plot.bottom;
    row.values.forEach((raw, seriesIndex) => {
      const value = positive(raw);
      const height = scale(value);
      const entry = series[seriesIndex];
      if (!entry) return;
      if (kind === "grouped") {
        const width = inner / series.length;
        bars.push({ series: entry.key, year: row.year, value: raw, x: round(start + seriesIndex * width + 1), y: round(plot.bottom - height), width: round(width - 2), height: round(height) });
      } else {
        stackTop -= height;
        bars.push({ series: entry.key, year: row.year, value: raw, x: round(start), y: round(stackTop), width: round(inner), height: round(height) });
      }
    });
  });
  return { kind, width: CHART_SIZE.width, height: CHART_SIZE.height, plot, series, years, ticks, bars, rows };
}

const APPLICATION_SERIES = [
  { key: "received", label: APPLICATION_ROW_LABELS.received },
  { key: "handled", label: APPLICATION_ROW_LABELS.handled },
  { key: "carriedForward", label: APPLICATION_ROW_LABELS.carriedForward },
] as const;

/** Per year: applications received (一), handled (（七）总计) and carried forward (四), 总计 column. */
export function applicationsChart(reports: readonly AnnualReport[]): BarChart | null {
  const series = APPLICATION_SERIES.map((entry, index) => ({ ...entry, color: PALETTE[index] ?? "#333" }));
  return build("grouped", reports, series, (report, entry) =>
    totalOf(report.applications[entry.key as (typeof APPLICATION_SERIES)[number]["key"]]),
  );
}

/** Per year: the applications handled, stacked by outcome group (予以公开 … 其他处理). */
export function outcomesChart(reports: readonly AnnualReport[]): BarChart | null {
  const series = OUTCOME_GROUPS.map((group, index) => ({ key: group.key, label: group.name, color: PALETTE[index] ?? "#333" }));
  return build("stacked", reports, series, (report, entry) => outcomeGroupTotal(report, entry.key as OutcomeGroupKey));
}

/** A sentence that says what the chart shows, for its `<desc>`. */
export function describeChart(chart: BarChart): string {
  return chart.rows
    .map((row) => `${row.year}年：${chart.series.map((entry, index) => `${entry.label}${row.values[index] ?? ""}件`).join("，")}`)
    .join("；");
}
