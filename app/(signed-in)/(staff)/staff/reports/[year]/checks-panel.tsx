import {
  APPLICATION_COLUMNS,
  CHECK_IDS,
  PROACTIVE_TABLE,
  REPORT_SECTIONS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  applicationRowLabels,
  type AnnualReport,
  type CheckId,
} from "@/lib/report";
import { APPLICATION_ROW_PATHS, type ApplicationRowPath } from "@/lib/report/places";

const CHECK_TITLES: Record<CheckId, string> = {
  balance: "1. 表三各列：第一项加第二项之和等于第三项加第四项之和",
  "outcome-sum": "2. 表三「（七）总计」等于各项办理结果之和",
  "row-total": "3. 表三各行：各类申请人之和等于「总计」",
  "review-total": "4. 表四各组：维持、纠正、其他、尚未审结之和等于「总计」",
  "carry-over": "5. 本年「上年结转」等于上年报告「结转下年度继续办理」",
  "in-force": "6. 「现行有效件数」与上年报告及本年制发、废止相符（提示）",
  prose: "7. 文字部分引用的数字与表格一致",
  cells: "8. 没有空项、没有负数，收费金额以万元计",
};

const quote = (labels: readonly string[]) => labels.map((label) => `「${label}」`).join("");

/** A check's `where` in the report's own words: the table, row and column it points at. */
export function describePlace(where: string): string {
  const column = APPLICATION_COLUMNS.find((candidate) => candidate.code === where);
  if (column) return `表三「${column.label}」列`;
  const row = APPLICATION_ROW_PATHS.find((path) => where === path || where.startsWith(`${path}.`));
  if (row) {
    const rest = where.slice(row.length + 1);
    const cellColumn = APPLICATION_COLUMNS.find((candidate) => candidate.code === rest);
    const rowLabel = `表三${quote(applicationRowLabels(row as ApplicationRowPath))}行`;
    return cellColumn ? `${rowLabel}「${cellColumn.label}」列` : rowLabel;
  }
  if (where.startsWith("reviews.")) {
    const [, groupKey, columnKey] = where.split(".");
    const group = REVIEW_GROUPS.find((candidate) => candidate.key === groupKey);
    const reviewColumn = REVIEW_COLUMNS.find((candidate) => candidate.key === columnKey);
    return `表四${group ? `「${group.label}」` : ""}${reviewColumn ? `「${reviewColumn.label}」` : ""}`;
  }
  if (where.startsWith("proactive.")) {
    const [, rowKey, columnKey] = where.split(".");
    for (const group of PROACTIVE_TABLE) {
      const proactiveRow = group.rows.find((candidate) => candidate.key === rowKey);
      if (!proactiveRow) continue;
      const proactiveColumn = group.columns.find((candidate) => candidate.key === columnKey);
      return `表二「${proactiveRow.label}」${proactiveColumn ? `「${proactiveColumn.label}」` : ""}`;
    }
  }
  if (where.startsWith("sections.")) {
    const section = REPORT_SECTIONS.find((candidate) => `sections.${candidate.key}` === where);
    if (section) return `「${section.heading}」`;
  }
  if (where.startsWith("fees.")) return "信息处理费";
  if (where === "year") return "上年报告";
  return where;
}

/** Every check of domain.md §4.5 that ran: passed, or each place it failed with the figures compared. */
export function ChecksPanel({ report, previousYear }: { report: AnnualReport; previousYear: number | null }) {
  const checks = report.checks ?? [];
  return (
    <div data-testid="checks-panel">
      <ul className="rw-checks">
        {CHECK_IDS.map((id) => {
          const results = checks.filter((check) => check.id === id);
          if (results.length === 0) {
            return (
              <li key={id}>
                <span className="tag">未运行</span>
                <span>
                  {CHECK_TITLES[id]}
                  <span className="muted small">（没有上年的已发布报告可比对）</span>
                </span>
              </li>
            );
          }
          const failures = results.filter((check) => !check.ok);
          const warning = failures.length > 0 && failures.every((check) => check.severity === "warning");
          return (
            <li key={id} data-check={id} data-ok={failures.length === 0 ? "true" : "false"}>
              <span className={`tag ${failures.length === 0 ? "ok" : warning ? "warn" : "bad"}`}>{failures.length === 0 ? "通过" : warning ? "提示" : "未通过"}</span>
              <span>
                {CHECK_TITLES[id]}
                {failures.length > 0 ? (
                  <ul>
                    {failures.map((check, index) => (
                      <li key={`${check.where}-${index}`}>
                        <span>{check.message}</span>
                        <div className="rw-figures">
                          <span>位置：{describePlace(check.where)}</span>
                          {check.expected !== undefined ? <span>应为：{check.expected}</span> : null}
                          {check.actual !== undefined ? <span>实为：{check.actual}</span> : null}
                        </div>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {previousYear ? <p className="muted small">第 5、6 项与 {previousYear} 年最近发布的报告比对。</p> : null}
    </div>
  );
}
