import type { Metadata } from "next";
import Link from "next/link";
import { getLedgerImport, type LedgerImportView, type PreviewLine } from "@/lib/server/ledger-import";
import { ConfirmForm, DiscardForm } from "../import-forms";
import { IMPORT_STATE_LABELS } from "../states";
import "../import.css";
import { Pager } from "@/app/_ui/pager";

export const metadata: Metadata = { title: "导入台账" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const STATUS: Record<PreviewLine["status"], { label: string; tag: string }> = {
  create: { label: "新增", tag: "tag ok" },
  update: { label: "更新", tag: "tag warn" },
  unchanged: { label: "未变", tag: "tag" },
  skipped: { label: "跳过", tag: "tag void" },
  invalid: { label: "有误", tag: "tag bad" },
};

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default async function ImportStatusPage({ params, searchParams }: { params: Promise<{ importId: string }>; searchParams: Promise<SearchParams> }) {
  const { importId } = await params;
  const query = await searchParams;
  const view = await getLedgerImport(importId, { page: first(query.page), errors: first(query.errors) });
  const base = `/staff/applications/import/${view.id}`;
  return (
    <>
      <p><Link href="/staff/applications/import">← 导入台账</Link></p>
      <div className="page-head">
        <h1>导入：{view.fileName}</h1>
        <span className="muted">{megabytes(view.size)} · {IMPORT_STATE_LABELS[view.state]}</span>
      </div>
      {view.state === "checking" || view.state === "importing" ? <Progress view={view} base={base} /> : null}
      {view.state === "failed" ? (
        <div className="panel">
          <p className="form-message error" role="alert">{view.failure ?? "处理失败，未写入任何内容。"}</p>
          <p><Link href="/staff/applications/import">重新上传</Link></p>
        </div>
      ) : null}
      {view.state === "imported" && view.summary ? <Imported view={view} /> : null}
      {view.state === "checked" && view.summary ? <Checked view={view} base={base} /> : null}
    </>
  );
}

/** While the file is checked or written: a page that reloads itself every two seconds (no script needed). */
function Progress({ view, base }: { view: LedgerImportView; base: string }) {
  const verb = view.state === "importing" ? "正在写入" : "正在检查";
  return (
    <div className="panel" aria-live="polite">
      <meta httpEquiv="refresh" content="2" />
      <p role="status">
        {verb}…… 已读取 <strong data-testid="rows-read">{view.rowsRead}</strong> 行。
      </p>
      <progress aria-label={verb} />
      <p className="muted small">
        {view.state === "importing" ? "全部行在一次操作中写入，完成前台账不会出现其中任何一行。" : "检查时不写入任何内容。"}
        本页每 2 秒自动刷新；也可以 <Link href={base}>手动刷新</Link>。
      </p>
    </div>
  );
}

function Counts({ view, written }: { view: LedgerImportView; written: boolean }) {
  const summary = view.summary;
  if (!summary) return null;
  const verb = written ? "" : "将";
  return (
    <ul className="import-counts" data-testid="import-counts">
      <li>共 {summary.rows} 行</li>
      <li>{verb}新增 <strong>{summary.created}</strong> 件</li>
      <li>{verb}更新 <strong>{summary.updated}</strong> 件</li>
      <li>未变 {summary.unchanged} 件</li>
      {summary.skipped.length > 0 ? <li>跳过 {summary.skipped.length} 行</li> : null}
    </ul>
  );
}

function Imported({ view }: { view: LedgerImportView }) {
  const summary = view.summary;
  if (!summary) return null;
  return (
    <div className="panel">
      <p className="form-message success" role="status">
        已导入：新增 {summary.created} 件，更新 {summary.updated} 件，未变 {summary.unchanged} 件。
        {summary.firstCreated ? ` 新增申请的编号 ${summary.firstCreated}${summary.lastCreated && summary.lastCreated !== summary.firstCreated ? ` 至 ${summary.lastCreated}` : ""}。` : ""}
      </p>
      <Counts view={view} written />
      <p>
        <Link href="/staff/applications">查看台账</Link> · <Link href="/staff/applications/import">再导入一个文件</Link>
      </p>
      <p className="muted small">上传的文件已从服务器删除。</p>
    </div>
  );
}

function Checked({ view, base }: { view: LedgerImportView; base: string }) {
  const summary = view.summary;
  if (!summary) return null;
  const fileIssues = summary.issues.filter((issue) => issue.row === null);
  const badRows = new Set(summary.issues.map((issue) => issue.row).filter((row) => row !== null)).size;
  return (
    <>
      <div className="panel">
        {summary.issues.length > 0 ? (
          <p className="form-message error" role="alert" data-testid="import-refused">
            文件中有 {summary.issues.length} 处错误{badRows > 0 ? `，涉及 ${badRows} 行` : ""}，不能导入，未写入任何内容。请按下面的提示修改文件后重新上传。
          </p>
        ) : (
          <p className="form-message success" role="status">检查通过，尚未写入。请核对下面的结果，确认后导入。</p>
        )}
        {fileIssues.length > 0 ? (
          <ul className="import-issues">
            {fileIssues.map((issue, i) => (
              <li key={i} className="error">{issue.message}</li>
            ))}
          </ul>
        ) : null}
        <Counts view={view} written={false} />
        {summary.warnings.length > 0 ? (
          <details>
            <summary>{summary.warnings.length} 条提示</summary>
            <ul>
              {summary.warnings.map((warning, i) => (
                <li key={i}>第 {warning.row} 行：{warning.message}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <div className="actions">
          {summary.issues.length === 0 ? <ConfirmForm id={view.id} rows={summary.rows} /> : <Link className="button" href="/staff/applications/import">重新上传</Link>}
          <DiscardForm id={view.id} />
        </div>
        <p className="muted small">上传的文件保存在服务器上供确认使用，{new Date(view.expiresAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 后自动删除。</p>
      </div>
      {view.preview ? <Preview view={view} base={base} /> : null}
    </>
  );
}

function Preview({ view, base }: { view: LedgerImportView; base: string }) {
  const preview = view.preview;
  const summary = view.summary;
  if (!preview || !summary) return null;
  const hasErrors = summary.issues.some((issue) => issue.row !== null);
  const link = (page: number, onlyErrors: boolean) => {
    const query = new URLSearchParams();
    if (onlyErrors) query.set("errors", "1");
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <div className="panel">
      <div className="page-head">
        <h2>逐行预览</h2>
        {hasErrors ? (
          <nav className="tabs" aria-label="预览范围">
            <Link href={link(1, false)} aria-current={preview.onlyErrors ? undefined : "page"}>全部行</Link>
            <Link href={link(1, true)} aria-current={preview.onlyErrors ? "page" : undefined}>只看有错误的行</Link>
          </nav>
        ) : null}
      </div>
      <div className="table-scroll">
        <table className="list import-preview">
          <thead>
            <tr>
              <th>行号</th>
              <th>结果</th>
              {view.headers.map((header) => (
                <th key={header}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.lines.map((line) => {
              const unplaced = line.issues.filter((issue) => issue.column === null || !view.headers.includes(issue.column));
              return (
                <tr key={line.row} className={line.status === "invalid" ? "invalid" : undefined} data-row={line.row}>
                  <th scope="row">{line.row}</th>
                  <td>
                    <span className={STATUS[line.status].tag}>{STATUS[line.status].label}</span>
                    {unplaced.map((issue, i) => (
                      <p key={i} className="error small">{issue.message}</p>
                    ))}
                    {line.notes.map((note, i) => (
                      <p key={i} className="muted small">{note}</p>
                    ))}
                  </td>
                  {view.headers.map((header, i) => {
                    const issues = line.issues.filter((issue) => issue.column === header);
                    return (
                      <td key={header} className={issues.length > 0 ? "has-error" : undefined}>
                        {line.values[i]}
                        {issues.map((issue, j) => (
                          <p key={j} className="error small" role="note">{issue.message}</p>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={preview.page} pages={preview.pages} href={(page) => link(page, preview.onlyErrors)} />
    </div>
  );
}
