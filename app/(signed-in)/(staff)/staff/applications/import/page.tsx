import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";
import { EXAMPLE_NOTE, IMPORT_HEADERS, REQUIRED_HEADERS } from "@/lib/ledger-io/columns";
import { listLedgerImports } from "@/lib/server/ledger-import";
import { getWorkbench } from "@/lib/server/workbench";
import { UploadForm } from "./import-forms";
import { IMPORT_STATE_LABELS } from "./states";
import "./import.css";

export const metadata: Metadata = { title: "导入台账" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const workbench = await getWorkbench();
  const uploads = await listLedgerImports();
  const { discarded } = await searchParams;
  return (
    <>
      <p><Link href="/staff/applications">← 台账</Link></p>
      <div className="page-head">
        <h1>导入台账</h1>
        <span className="muted">{workbench.agencyName}</span>
      </div>
      {discarded ? <p className="form-message success" role="status">已放弃，上传的文件已删除。</p> : null}
      <div className="panel">
        <p>
          上传后系统先逐行检查并列出结果，<strong>确认之前不会写入任何内容</strong>；只要有一行有误，整个文件都不能导入。
          确认后全部行在一次操作中写入，导入的申请与登记的申请一样计算期限、统计到年度报告中。
        </p>
        <p className="muted small">
          表头：{IMPORT_HEADERS.join("、")}（必填 {REQUIRED_HEADERS.join("、")}；顺序不限）。编号与已有申请相同的行会更新该申请而不重复登记。
          备注为「{EXAMPLE_NOTE}」的示例行会被跳过。<a href="/staff/applications/template" download>下载导入模板（.xlsx）</a>
        </p>
        <UploadForm maxMb={Math.round(env().importMaxBytes / 1024 / 1024)} />
      </div>
      {uploads.length > 0 ? (
        <div className="panel">
          <h2>最近上传</h2>
          <ul>
            {uploads.map((upload) => (
              <li key={upload.id}>
                <Link href={`/staff/applications/import/${upload.id}`}>{upload.fileName}</Link>{" "}
                <span className="muted small">
                  {new Date(upload.createdAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} · {IMPORT_STATE_LABELS[upload.state]}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
