import type { Metadata } from "next";
import Link from "next/link";
import { ReportDocument } from "@/app/_ui/report/report-document";
import { publicReportPath } from "@/app/_ui/report/paths";
import { proactiveFormValues } from "@/lib/report-workflow/proactive";
import { CASE_DELETED_MESSAGE } from "@/lib/report-workflow/review-case";
import { REPORT_WORKFLOW_LABELS } from "@/lib/report-workflow/workflow";
import { getReportWorkspace } from "@/lib/server/reports";
import { listReviewCases } from "@/lib/server/review-cases";
import { cellPath, downloadPath, historicalPath, REPORTS_PATH, reviewCellPath, yearOfParam } from "../paths";
import { EMPTY_REVIEW_CASE, ReviewCaseForm } from "../reviews/review-case-form";
import { countedAs, ReviewCaseList } from "../reviews/review-case-list";
import { ReportStateTags } from "../state-tags";
import { ChecksPanel } from "./checks-panel";
import { ProactiveForm, PublishReportForm, RestoreSectionForm, ReturnReportForm, SectionsForm, SubmitReportForm } from "./report-forms";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} 年度报告` };
}

function when(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
}

export default async function ReportYearPage({ params, searchParams }: Props) {
  const year = yearOfParam((await params).year);
  const [workspace, cases] = await Promise.all([getReportWorkspace({ year }), listReviewCases()]);
  const saved = (await searchParams).saved;
  const importedVersion = typeof saved === "string" ? /^imported-(\d+)$/.exec(saved)?.[1] : undefined;
  const { report, versions } = workspace;
  const latest = versions[0];
  const locked = workspace.workflow === "submitted";
  const failing = (report.checks ?? []).filter((check) => !check.ok);
  const yearCases = cases.filter((reviewCase) => countedAs(reviewCase, year) !== null);
  const customCount = Object.values(workspace.customSections).filter(Boolean).length;

  return (
    <>
      <p><Link href={REPORTS_PATH}>← 年度报告</Link></p>
      <div className="page-head">
        <h1>{year} 年政府信息公开工作年度报告</h1>
        <ReportStateTags workflow={workspace.workflow} latestVersion={latest ?? null} />
      </div>
      <p className="muted">{workspace.agency.name}</p>
      {importedVersion ? <p className="form-message success" role="status">已录入历史报告（第 {importedVersion} 版），并已公开。</p> : null}
      {saved === "case-deleted" ? <p className="form-message success" role="status">{CASE_DELETED_MESSAGE}</p> : null}
      <nav className="rw-subnav" aria-label="本页">
        <a href="#workflow">状态与发布</a>
        <a href="#checks">核验{failing.length > 0 ? `（${failing.length}）` : ""}</a>
        <a href="#document">报告正文</a>
        <a href="#proactive">表二</a>
        <a href="#reviews">表四案件</a>
        <a href="#prose">文字部分</a>
        <a href={downloadPath(year, "json")} download>下载草稿 JSON</a>
        <a href={downloadPath(year, "csv")} download>下载草稿 CSV</a>
        <a href={downloadPath(year, "docx")} download>下载草稿 Word</a>
      </nav>
      <p className="muted no-print">打印或另存为 PDF：使用浏览器的打印功能（Ctrl+P），报告正文已按 A4 排版。</p>

      <section className="panel" id="workflow" aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">状态与发布</h2>
        <p>
          工作稿：<strong data-testid="workflow-state">{REPORT_WORKFLOW_LABELS[workspace.workflow]}</strong>
          {workspace.workflow === "submitted" && workspace.submittedAt ? (
            <span className="muted">（{workspace.submittedBy ?? "system"} 于 {when(workspace.submittedAt)} 提交）</span>
          ) : null}
          {latest ? (
            <>
              ；对外公开的是{latest.historical ? "历史报告" : ""}<strong data-testid="published-version">{latest.historical ? "历史" : "已发布"} v{latest.version}</strong>
              {workspace.changedSincePublished ? <span className="tag warn">工作稿与已发布版本不同</span> : null}
            </>
          ) : (
            "；尚未发布。"
          )}
        </p>
        {versions.length > 0 ? (
          <table className="list compact">
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">类型</th>
                <th scope="col">发布时间</th>
                <th scope="col">发布人</th>
                <th scope="col">更正说明</th>
                <th scope="col">发布时核验</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <td>
                    <a href={publicReportPath(workspace.agency.code, year, version.version)}>v{version.version}</a>
                  </td>
                  <td>{version.historical ? "历史报告（按原文录入）" : "由台账生成"}</td>
                  <td>{when(version.publishedAt)}</td>
                  <td>{version.publishedBy ?? "—"}</td>
                  <td>{version.correctionNote ?? <span className="muted">—</span>}</td>
                  <td>{version.failedChecks === 0 ? <span className="tag ok">全部通过</span> : <span className="tag bad">{version.failedChecks} 处未通过</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {latest?.historical ? (
          <p className="report-notice">
            {year} 年对外公开的是按原文录入的历史报告。下面的工作稿由本系统的台账统计，只有该年度的申请已全部登记时，才宜发布为更正版本。
          </p>
        ) : null}
        <div className="rw-workflow">
          {!workspace.yearEnded ? <p className="muted">{year} 年尚未结束：可以先填写和核对，年度结束后才能提交和发布。</p> : null}
          {workspace.yearEnded && workspace.blockingChecks > 0 ? (
            <p className="form-message error">还有 {workspace.blockingChecks} 处核验未通过，改正后才能提交和发布（见下方“核验”）。</p>
          ) : null}
          {workspace.workflow === "draft" && workspace.canSubmit ? <SubmitReportForm year={year} /> : null}
          {workspace.workflow === "submitted" ? <ReturnReportForm year={year} /> : null}
          {workspace.role === "reviewer" && workspace.canPublish ? (
            <div>
              <h3>发布</h3>
              <PublishReportForm year={year} nextVersion={(latest?.version ?? 0) + 1} />
            </div>
          ) : null}
          {workspace.role === "clerk" ? <p className="muted small">报告由审核人发布。</p> : null}
          {!latest || latest.historical ? (
            <p className="small">
              本系统启用前的报告：<Link href={historicalPath(year)}>按原文录入历史报告</Link>
            </p>
          ) : null}
        </div>
      </section>

      <section className="panel" id="checks" aria-labelledby="checks-heading">
        <h2 id="checks-heading">核验</h2>
        <ChecksPanel report={report} previousYear={workspace.previousYear?.year ?? null} />
      </section>

      <section id="document" aria-labelledby="document-heading">
        <h2 id="document-heading">报告正文（工作稿）</h2>
        <p className="muted small">表三的每个数字都可以点开，查看计入该格的申请。</p>
        <ReportDocument report={report} drillDownHref={(place) => (place.table === "applications" ? cellPath(year, place.row, place.column) : reviewCellPath(year, place.group, place.column))} />
      </section>

      <section className="panel" id="proactive" aria-labelledby="proactive-heading">
        <h2 id="proactive-heading">表二 主动公开政府信息情况</h2>
        {!workspace.proactiveEntered ? (
          <p className="muted">
            尚未填写。{workspace.proposedInForce ? `“现行有效件数”已按 ${workspace.previousYear?.year} 年报告预填，请核对。` : "下表暂为 0。"}
          </p>
        ) : null}
        <ProactiveForm year={year} values={proactiveFormValues(report.proactive)} proposedInForce={workspace.proposedInForce} locked={locked} />
      </section>

      <section className="panel" id="reviews" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">表四 行政复议、行政诉讼案件</h2>
        <p className="muted">
          表四由案件登记统计。计入 {year} 年的案件 {yearCases.length} 件；<Link href={`${REPORTS_PATH}/reviews`}>全部案件</Link>。
        </p>
        <ReviewCaseList cases={yearCases} year={year} />
        <details>
          <summary>登记案件</summary>
          <ReviewCaseForm values={EMPTY_REVIEW_CASE} returnYear={year} />
        </details>
      </section>

      <section className="panel" id="prose" aria-labelledby="prose-heading">
        <h2 id="prose-heading">文字部分</h2>
        <SectionsForm year={year} sections={report.sections} custom={workspace.customSections} locked={locked} />
        {!locked && customCount > 0 ? (
          <div className="rw-restore">
            {workspace.customSections.overview ? <RestoreSectionForm year={year} section="overview" label="「一、总体情况」恢复为自动生成" /> : null}
            {workspace.customSections.problems ? <RestoreSectionForm year={year} section="problems" label="「五」恢复为自动生成" /> : null}
            {workspace.customSections.other ? <RestoreSectionForm year={year} section="other" label="「六」恢复为自动生成" /> : null}
            {customCount > 1 ? <RestoreSectionForm year={year} section="all" label="全部恢复为自动生成" /> : null}
          </div>
        ) : null}
      </section>
    </>
  );
}
