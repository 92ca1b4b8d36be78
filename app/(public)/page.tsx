import Link from "next/link";
import { Pager } from "@/app/_ui/pager";
import { TextField } from "@/app/_ui/fields";
import { PublishedDate } from "@/app/_ui/report/published-date";
import { publicAgencyPath, publicReportPath } from "@/app/_ui/report/paths";
import { listPublishingAgencies, recentPublications } from "@/lib/server/public-reports";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function homeLink(q: string, page: number): string {
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  return query ? `/?${query}` : "/";
}

/**
 * The public home: the latest publications, and the agencies that have published, a page at a time and
 * searchable by name, each with the current report of every year. At province scale (hundreds of agencies,
 * thousands of reports) it stays one screenful of links, not every report ever published.
 */
export default async function PublicHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const list = await listPublishingAgencies({ q: first(params.q), page: first(params.page) });
  const recent = list.q === "" && list.page === 1 ? await recentPublications(8) : [];
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <div className="panel">
        <p>
          本站公布各机关依照《中华人民共和国政府信息公开条例》第五十条编制的政府信息公开工作年度报告，任何人无需登录即可查阅。
        </p>
        {list.total === 0 && list.q === "" && <p className="muted">暂无已发布的年度报告。</p>}
      </div>

      {recent.length > 0 && (
        <section className="panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading">最近发布</h2>
          <ul className="recent-publications">
            {recent.map((entry) => (
              <li key={`${entry.agencyCode}-${entry.year}-${entry.version}`}>
                <Link href={publicReportPath(entry.agencyCode, entry.year, entry.version)} prefetch={false}>
                  {entry.agencyName}
                  {entry.year}年度报告
                </Link>{" "}
                <span className="muted">
                  {entry.version > 1 ? `第${entry.version}版（更正）` : null} <PublishedDate value={entry.publishedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">各机关年度报告</h2>
        <form method="get" action="/" role="search" aria-label="查找机关" className="filters">
          <TextField name="q" label="机关名称" type="search" state={{ status: "idle", values: { q: list.q } }} />
          <div className="actions">
            <button type="submit">查找</button>
            {list.q ? <Link href="/">显示全部</Link> : null}
          </div>
        </form>
        <p className="muted" role="status">
          {list.q ? `名称含「${list.q}」的机关 ${list.total} 个` : `共 ${list.total} 个机关发布了年度报告`}
        </p>
        {list.agencies.length > 0 && (
          <div className="table-scroll">
            <table className="list public-agencies">
              <thead>
                <tr>
                  <th scope="col">机关</th>
                  <th scope="col">年度报告（现行版本）</th>
                </tr>
              </thead>
              <tbody>
                {list.agencies.map((agency) => (
                  <tr key={agency.code}>
                    <th scope="row">
                      <Link href={publicAgencyPath(agency.code)} prefetch={false}>
                        {agency.name}
                      </Link>
                    </th>
                    <td>
                      <ul className="report-years">
                        {agency.reports.map((report) => (
                          <li key={report.year}>
                            <Link href={publicReportPath(agency.code, report.year)} prefetch={false}>
                              {report.year}年度报告
                            </Link>
                            {report.version > 1 ? <span className="muted">（第{report.version}版）</span> : null}
                            {report.historical && <span className="tag tag-historical">历史报告</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={list.page} pages={list.pages} href={(page) => homeLink(list.q, page)} />
      </section>
    </>
  );
}
