import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listReportYears } from "@/lib/server/reports";
import { historicalPath, yearPath } from "./paths";
import { ReportStateTags } from "./state-tags";

export const metadata: Metadata = { title: "年度报告" };

function when(iso: string): string {
  return new Date(iso).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
}

export default async function ReportYearsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { agency, thisYear, years } = await listReportYears();
  // The "其他年度" box is a plain GET form back to this page.
  const wanted = (await searchParams).year;
  if (typeof wanted === "string" && /^\d{4}$/.test(wanted) && Number(wanted) >= 2008 && Number(wanted) <= thisYear) redirect(yearPath(Number(wanted)));
  return (
    <>
      <div className="page-head">
        <h1>政府信息公开工作年度报告</h1>
        <span className="muted">{agency.name}</span>
      </div>
      <div className="panel">
        <p className="muted">
          {"表三和信息处理费由台账统计，表四由复议诉讼案件登记统计，表二和文字部分由工作人员填写。报告在年度结束后提交、经审核人发布；" +
            "发布后的版本不再随台账变化，更正须发布新版本并说明更正内容。使用本系统之前的年度报告可以按原文录入为历史报告。"}
        </p>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">最近发布</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {years.map((entry) => (
              <tr key={entry.year} data-testid={`report-year-${entry.year}`}>
                <td>
                  <Link href={yearPath(entry.year)}>{entry.year} 年</Link>
                  {entry.year === thisYear ? <span className="muted small">（本年度，尚未结束）</span> : null}
                </td>
                <td>
                  <ReportStateTags workflow={entry.workflow} latestVersion={entry.latestVersion} />
                </td>
                <td>{entry.latestVersion ? when(entry.latestVersion.publishedAt) : <span className="muted">—</span>}</td>
                <td>
                  <span className="rw-links">
                    <Link href={yearPath(entry.year)}>{entry.latestVersion ? "查看、更正" : "编制"}</Link>
                    {entry.year < thisYear && !(entry.latestVersion && !entry.latestVersion.historical) ? (
                      <Link href={historicalPath(entry.year)}>录入历史报告</Link>
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="filters rw-other-year" action="/staff/reports" method="get" aria-label="打开其他年度">
          <div className="field">
            <label htmlFor="other-year">其他年度</label>
            <input id="other-year" name="year" type="number" min={2008} max={thisYear} required />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">打开</button>
          </div>
        </form>
        <p>
          <Link href="/staff/reports/reviews">行政复议、行政诉讼案件登记</Link>
        </p>
      </div>
    </>
  );
}
