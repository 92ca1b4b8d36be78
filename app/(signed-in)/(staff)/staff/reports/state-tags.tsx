import { REPORT_WORKFLOW_LABELS } from "@/lib/report-workflow/workflow";

/**
 * Where a year's report stands: 已发布 vN or 历史 vN for the version the public sees, and the working
 * draft's state (草稿 / 已提交) when it is submitted or nothing is published yet.
 */
export function ReportStateTags({
  workflow,
  latestVersion,
}: {
  workflow: "draft" | "submitted" | null;
  latestVersion: { version: number; historical: boolean } | null;
}) {
  return (
    <span className="rw-state" data-testid="report-state">
      {latestVersion ? (
        latestVersion.historical ? (
          <span className="tag tag-historical">历史 v{latestVersion.version}</span>
        ) : (
          <span className="tag ok">已发布 v{latestVersion.version}</span>
        )
      ) : null}
      {workflow === "submitted" ? (
        <span className="tag warn">{latestVersion ? "更正" : ""}{REPORT_WORKFLOW_LABELS.submitted}</span>
      ) : !latestVersion ? (
        <span className="tag">{REPORT_WORKFLOW_LABELS.draft}</span>
      ) : null}
    </span>
  );
}
