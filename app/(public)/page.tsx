import Link from "next/link";
import { formatPublishedDate, isoDateInChina } from "@/app/_ui/report/format";
import { publicReportPath } from "@/app/_ui/report/paths";
import { listPublishedReports } from "@/lib/server/public-reports";

/** The public home: every agency with published reports, each year linking to its current version. */
export default async function PublicHome() {
  const agencies = await listPublishedReports();
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <div className="panel">
        <p>
          本站公布各机关依照《中华人民共和国政府信息公开条例》第五十条编制的政府信息公开工作年度报告，任何人无需登录即可查阅。
        </p>
        {agencies.length === 0 && <p className="muted">暂无已发布的年度报告。</p>}
      </div>
      {agencies.map((agency) => (
        <section key={agency.code} className="panel agency-reports" aria-labelledby={`agency-${agency.code}`}>
          <h2 id={`agency-${agency.code}`}>{agency.name}</h2>
          <ul className="report-years">
            {agency.reports.map((report) => (
              <li key={report.year}>
                <Link href={publicReportPath(agency.code, report.year)}>{report.year}年度报告</Link>{" "}
                <span className="muted">
                  第{report.version}版 · <time dateTime={isoDateInChina(report.publishedAt)}>{formatPublishedDate(report.publishedAt)}</time>发布
                </span>
                {report.historical && (
                  <>
                    {" "}
                    <span className="tag tag-historical">历史报告</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
