import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChecksSummary } from "@/app/_ui/report/checks-summary";
import { DOWNLOAD_FORMATS, DOWNLOAD_LABELS, publicAgencyPath, publicDownloadPath, publicReportPath } from "@/app/_ui/report/paths";
import { PublishedDate } from "@/app/_ui/report/published-date";
import { ReportChart } from "@/app/_ui/report/report-chart";
import { ReportDocument } from "@/app/_ui/report/report-document";
import { applicationsChart, outcomesChart } from "@/lib/report/chart";
import { reportTitle } from "@/lib/report/document-layout";
import { TOTAL_COLUMN } from "@/lib/report/labels";
import { publishedSeries } from "@/lib/server/public-reports";
import { findPublishedReport } from "./lookup";

/**
 * The public page of one published report: the latest version (`/reports/[agency]/[year]`) or a given
 * one (`…/v/[version]`). Reads only published versions through `public-reports.ts`; needs no session.
 */

export type ReportRouteParams = { agency: string; year: string; version?: string };

/** One read per request, shared by the metadata and the page. Null for anything not published. */
export const loadPublishedReport = cache(findPublishedReport);

export async function publishedReportMetadata(params: ReportRouteParams): Promise<Metadata> {
  const published = await loadPublishedReport(params.agency, params.year, params.version);
  if (!published) return { title: "页面不存在" };
  const title = reportTitle(published.report);
  return {
    title: params.version === undefined ? title : `${title}（第${published.version}版）`,
    description: `${published.report.agency.name}依照《中华人民共和国政府信息公开条例》发布的${published.report.year}年政府信息公开工作年度报告`,
  };
}

export async function PublishedReportPage({ params }: { params: ReportRouteParams }) {
  const published = await loadPublishedReport(params.agency, params.year, params.version);
  if (!published) notFound();
  const { report, version, historical, publishedAt, correctionNote, versions } = published;
  const agencyCode = report.agency.code;
  const latest = versions[0];
  const superseded = latest !== undefined && latest.version !== version;
  const asked = params.version === undefined ? undefined : version;
  const series = await publishedSeries(agencyCode);
  const charts = [
    { chart: applicationsChart(series), title: `${report.agency.name}历年收到和处理政府信息公开申请情况（单位：件）` },
    { chart: outcomesChart(series), title: `${report.agency.name}历年申请办理结果（单位：件）` },
  ];

  return (
    <div className="report-page">
      <nav className="breadcrumbs" aria-label="位置">
        <Link href="/">年度报告</Link> › <Link href={publicAgencyPath(agencyCode)}>{report.agency.name}</Link> › <span aria-current="page">{report.year}年</span>
      </nav>
      <h1 className="report-heading">
        <span className="report-heading-agency">{report.agency.name}</span>{" "}
        <span className="report-heading-title">{reportTitle(report).slice(report.agency.name.length)}</span>
      </h1>

      <dl className="report-meta">
        <div>
          <dt>发布机关</dt>
          <dd>{report.agency.name}</dd>
        </div>
        <div>
          <dt>年度</dt>
          <dd>{report.year}年</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>
            第{version}版{" "}
            {superseded ? <span className="tag tag-warn">已被更正</span> : <span className="tag tag-ok">现行版本</span>}{" "}
            {historical && <span className="tag tag-historical">历史报告</span>}
          </dd>
        </div>
        <div>
          <dt>发布日期</dt>
          <dd>
            <PublishedDate value={publishedAt} />
          </dd>
        </div>
      </dl>

      {historical && (
        <p className="report-notice">
          <strong>历史报告：</strong>本报告为本机关使用本系统以前发布的年度报告，按原发布文本录入，数字未作改动；核验结果见下文。
        </p>
      )}
      {superseded && latest && (
        <p className="report-notice report-notice-warn" role="note">
          <strong>本版本已被更正。</strong>现行版本为
          <Link href={publicReportPath(agencyCode, report.year)}>第{latest.version}版</Link>。
        </p>
      )}
      {correctionNote && (
        <p className="report-notice">
          <strong>更正说明：</strong>
          {correctionNote}
        </p>
      )}

      <section className="report-downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading" className="visually-hidden">
          下载
        </h2>
        <span>下载本版本：</span>
        <ul>
          {DOWNLOAD_FORMATS.map((format) => (
            <li key={format}>
              <a href={publicDownloadPath(agencyCode, report.year, format, asked)} download>
                {DOWNLOAD_LABELS[format]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <ReportDocument report={report} />

      <section className="report-aside" aria-labelledby="checks-heading">
        <h2 id="checks-heading">核验结果</h2>
        <ChecksSummary report={report} historical={historical} />
      </section>

      <section className="report-aside report-versions" aria-labelledby="versions-heading">
        <h2 id="versions-heading">版本记录</h2>
        <ol className="version-list" reversed>
          {versions.map((entry, index) => (
            <li key={entry.version} aria-current={entry.version === version ? "page" : undefined}>
              <Link href={publicReportPath(agencyCode, report.year, entry.version)} prefetch={false}>第{entry.version}版</Link>{" "}
              <PublishedDate value={entry.publishedAt} />{" "}
              {index === 0 ? <span className="tag tag-ok">现行版本</span> : <span className="tag tag-warn">已被更正</span>}{" "}
              {entry.historical && <span className="tag tag-historical">历史报告</span>}
              {entry.version === version && <span className="muted">（当前查看）</span>}
              {entry.correctionNote && <p className="version-note">更正说明：{entry.correctionNote}</p>}
            </li>
          ))}
        </ol>
      </section>

      {charts.some((entry) => entry.chart) && (
        <section className="report-aside report-charts" aria-labelledby="charts-heading">
          <h2 id="charts-heading">历年数据</h2>
          <p className="muted">以下为本机关各年度现行版本报告中的数字（表三「{TOTAL_COLUMN.label}」列）。</p>
          {charts.map((entry) => entry.chart && <ReportChart key={entry.title} chart={entry.chart} title={entry.title} />)}
        </section>
      )}
    </div>
  );
}
