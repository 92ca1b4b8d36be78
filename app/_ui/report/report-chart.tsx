import { useId } from "react";
import { describeChart, type BarChart } from "@/lib/report/chart";

/**
 * A bar chart drawn on the server as inline SVG: readable without script, with a `<title>` and a
 * `<desc>` that states every figure, each bar titled with its figure, a legend in HTML, and the same
 * figures as a table for screen readers and for copying.
 */
export function ReportChart({ chart, title }: { chart: BarChart; title: string }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const seriesOf = new Map(chart.series.map((entry) => [entry.key, entry]));
  return (
    <figure className="report-chart">
      <figcaption className="report-chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="report-chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeChart(chart)}</desc>
        <g className="report-chart-grid" aria-hidden="true">
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} stroke="#d0d7de" strokeWidth={1} />
              <text x={chart.plot.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#59636e">
                {tick.value}
              </text>
            </g>
          ))}
          {chart.years.map((year) => (
            <text key={year.year} x={year.x} y={chart.plot.bottom + 20} textAnchor="middle" fontSize={13} fill="#1f2328">
              {`${year.year}年`}
            </text>
          ))}
          <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.plot.bottom} y2={chart.plot.bottom} stroke="#59636e" strokeWidth={1} />
        </g>
        <g>
          {chart.bars.map((bar) => {
            const entry = seriesOf.get(bar.series);
            return (
              <rect key={`${bar.year}-${bar.series}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={entry?.color ?? "#333"}>
                <title>{`${bar.year}年 ${entry?.label ?? bar.series}：${bar.value}件`}</title>
              </rect>
            );
          })}
          {chart.kind === "grouped" &&
            chart.bars.map((bar) => (
              <text
                key={`${bar.year}-${bar.series}-label`}
                x={bar.x + bar.width / 2}
                y={bar.y - 4}
                textAnchor="middle"
                fontSize={11}
                fill="#1f2328"
                aria-hidden="true"
              >
                {bar.value}
              </text>
            ))}
        </g>
      </svg>
      <ul className="report-chart-legend" aria-hidden="true">
        {chart.series.map((entry) => (
          <li key={entry.key}>
            <svg width="12" height="12" viewBox="0 0 12 12" focusable="false">
              <rect width="12" height="12" fill={entry.color} />
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      <details className="report-chart-data">
        <summary>数据表</summary>
        <table className="list">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              {chart.series.map((entry) => (
                <th key={entry.key} scope="col">
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row) => (
              <tr key={row.year}>
                <th scope="row">{`${row.year}年`}</th>
                {row.values.map((value, index) => (
                  <td key={chart.series[index]?.key ?? index} className="num">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
