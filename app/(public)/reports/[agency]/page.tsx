import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DOWNLOAD_FORMATS, DOWNLOAD_LABELS, publicDownloadPath, publicReportPath } from "@/app/_ui/report/paths";
import { PublishedDate } from "@/app/_ui/report/published-date";
import { getPublishingAgency } from "@/lib/server/public-reports";

type Props = { params: Promise<{ agency: string }> };

/** One read per request, shared by the metadata and the page. */
const loadAgency = cache(getPublishingAgency);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agency = await loadAgency((await params).agency);
  if (!agency) return { title: "页面不存在" };
  return { title: `${agency.name}政府信息公开工作年度报告`, description: `${agency.name}历年发布的政府信息公开工作年度报告及其更正版本` };
}

/** An agency's reports: every year it has published, the current version with its downloads, and every superseded version. */
export default async function AgencyReportsPage({ params }: Props) {
  const agency = await loadAgency((await params).agency);
  if (!agency) notFound();
  return (
    <>
      <nav className="breadcrumbs" aria-label="位置">
        <Link href="/">年度报告</Link> › <span aria-current="page">{agency.name}</span>
      </nav>
      <h1>{agency.name}政府信息公开工作年度报告</h1>
      <div className="table-scroll">
        <table className="list agency-years">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">现行版本</th>
              <th scope="col">下载</th>
              <th scope="col">此前的版本</th>
            </tr>
          </thead>
          <tbody>
            {agency.years.map(({ year, versions: [current, ...superseded] }) =>
              current ? (
                <tr key={year}>
                  <th scope="row">
                    <Link href={publicReportPath(agency.code, year)} prefetch={false}>
                      {year}年度报告
                    </Link>
                  </th>
                  <td>
                    第{current.version}版 · <PublishedDate value={current.publishedAt} />发布{" "}
                    {current.historical && <span className="tag tag-historical">历史报告</span>}
                    {current.correctionNote && <p className="version-note">更正说明：{current.correctionNote}</p>}
                  </td>
                  <td>
                    <ul className="inline-links">
                      {DOWNLOAD_FORMATS.map((format) => (
                        <li key={format}>
                          <a href={publicDownloadPath(agency.code, year, format)} download>
                            {DOWNLOAD_LABELS[format]}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {superseded.length === 0 ? (
                      <span className="muted">无</span>
                    ) : (
                      <ul className="inline-links">
                        {superseded.map((entry) => (
                          <li key={entry.version}>
                            <Link href={publicReportPath(agency.code, year, entry.version)} prefetch={false}>
                              第{entry.version}版
                            </Link>{" "}
                            <span className="muted">
                              <PublishedDate value={entry.publishedAt} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
