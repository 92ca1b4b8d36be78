import type { Metadata } from "next";
import Link from "next/link";
import { blankHistoricalEntryValues, historicalEntryValues } from "@/lib/report-workflow/historical-entry";
import { thisYearInChina } from "@/lib/report-workflow/workflow";
import { getPublishedReport } from "@/lib/server/public-reports";
import { getReportWorkspace } from "@/lib/server/reports";
import { yearOfParam, yearPath } from "../../paths";
import { HistoricalEntryForm, HistoricalJsonForm } from "./historical-form";

export const metadata: Metadata = { title: "录入历史报告" };

export default async function HistoricalEntryPage({ params }: { params: Promise<{ year: string }> }) {
  const year = yearOfParam((await params).year);
  // The workspace checks the caller; only then is anything read.
  const workspace = await getReportWorkspace({ year });
  const latest = workspace.versions[0];
  const refusal =
    year >= thisYearInChina()
      ? `${year} 年尚未结束，只能录入已经结束的年度的报告。`
      : latest && !latest.historical
        ? `${year} 年已有由台账生成并发布的报告，不能再录入历史报告；更正请在年度报告页面发布新版本。`
        : workspace.role === "clerk"
          ? "历史报告录入后即公开，由审核人录入。"
          : null;
  const stored = latest?.historical ? await getPublishedReport({ agencyCode: workspace.agency.code, year }) : null;
  const values = stored ? historicalEntryValues(stored.report) : blankHistoricalEntryValues();
  const nextVersion = (latest?.version ?? 0) + 1;
  return (
    <>
      <p><Link href={yearPath(year)}>← {year} 年度报告</Link></p>
      <h1>录入 {year} 年历史报告</h1>
      <p className="muted">{workspace.agency.name}</p>
      {refusal ? (
        <div className="panel"><p>{refusal}</p></div>
      ) : (
        <>
          <div className="panel">
            <p>
              使用本系统之前已发布的年度报告，按发布的原文逐格录入（原文没有的数字填 0）。录入后作为该年度的历史报告公开，
              系统按同样的规则核验并标出与原文中的问题，但不改动原文。
              {stored ? `已预填第 ${stored.version} 版的内容；再次录入将成为第 ${nextVersion} 版，须填写更正说明。` : ""}
            </p>
            <HistoricalEntryForm year={year} agency={workspace.agency} values={values} nextVersion={nextVersion} />
          </div>
          <details className="panel">
            <summary>或粘贴报告 JSON</summary>
            <p className="muted small">与命令 <code>npm run gongkai -- import-report FILE.json</code> 接受的格式相同；报告中的机构须为本机关。</p>
            <HistoricalJsonForm nextVersion={nextVersion} />
          </details>
        </>
      )}
    </>
  );
}
