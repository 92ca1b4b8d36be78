import { APPLICATION_ROW_LABELS, CHECK_IDS, TOTAL_COLUMN, type AnnualReport, type CheckId } from "@/lib/report";

/** What each check of domain.md §4.5 verifies, in a few words. */
export const CHECK_NAMES: Record<CheckId, string> = {
  balance: "表三各列：第一项加第二项之和等于第三项加第四项之和",
  "outcome-sum": `表三「${APPLICATION_ROW_LABELS.handled}」等于各项办理结果之和`,
  "row-total": `表三各行：各类申请人之和等于「${TOTAL_COLUMN.label}」`,
  "review-total": `表四各组：四类结果之和等于「${TOTAL_COLUMN.label}」`,
  "carry-over": "本年上年结转数等于上年结转下年度数",
  "in-force": "现行有效件数与上年及本年制发、废止相符",
  prose: "正文所引数字与表格一致",
  cells: "无空项、无负数，收费金额以万元计",
};

/**
 * The checks stored with a published report, as they were when it was published: all passed, or the
 * places that failed. A historical report is published as typed, failures included.
 */
export function ChecksSummary({ report, historical }: { report: AnnualReport; historical: boolean }) {
  const checks = report.checks;
  if (!checks || checks.length === 0) {
    return <p className="muted">本版本发布时未记录核验结果。</p>;
  }
  const ran = CHECK_IDS.filter((id) => checks.some((check) => check.id === id));
  const failures = checks.filter((check) => !check.ok);
  const errors = failures.filter((check) => check.severity !== "warning");
  const warnings = failures.filter((check) => check.severity === "warning");
  return (
    <div className="report-checks">
      {failures.length === 0 ? (
        <p className="report-checks-ok">
          <span className="tag tag-ok">全部通过</span> 发布时所作的 {ran.length} 项核验全部通过。
        </p>
      ) : (
        <>
          <p className={errors.length > 0 ? "report-checks-bad" : "report-checks-warn"}>
            <span className={`tag ${errors.length > 0 ? "tag-bad" : "tag-warn"}`}>
              {errors.length > 0 ? `${errors.length} 处未通过` : `${warnings.length} 处提示`}
            </span>{" "}
            {historical
              ? "本报告为历史报告，按原发布文本录入，未作改动；核验发现以下问题："
              : "发布时核验发现以下问题："}
          </p>
          <ul className="report-check-failures">
            {failures.map((check, index) => (
              <li key={`${check.id}-${check.where}-${index}`}>
                <strong>{check.severity === "warning" ? "提示" : "未通过"}</strong>（{CHECK_NAMES[check.id]}）：{check.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>核验项目</summary>
        <ul className="report-check-list">
          {ran.map((id) => {
            const failed = failures.filter((check) => check.id === id);
            const onlyWarnings = failed.length > 0 && failed.every((check) => check.severity === "warning");
            const [tag, text] = failed.length === 0 ? ["tag-ok", "通过"] : onlyWarnings ? ["tag-warn", "提示"] : ["tag-bad", "未通过"];
            return (
              <li key={id}>
                <span className={`tag ${tag}`}>{text}</span> {CHECK_NAMES[id]}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
