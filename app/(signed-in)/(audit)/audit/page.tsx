import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { TextField, SelectField } from "@/app/_ui/fields";
import { describeChainReport } from "@/lib/audit/chain";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit/schemas";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/server/audit";
import { verifyAuditTrail } from "@/lib/server/audit-chain";
import { Pager } from "@/app/_ui/pager";

export const metadata: Metadata = { title: "审计日志" };

type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}

/** The export takes the list's filters, not its page. */
function exportLink(values: Record<string, string>): string {
  const filters = Object.entries(values).filter(([key, value]) => key !== "page" && value !== "");
  const query = new URLSearchParams(filters).toString();
  return query ? `/audit/export?${query}` : "/audit/export";
}

function pageLink(values: Record<string, string>, page: number): string {
  return `/audit?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
}

/**
 * The hash chain is walked only when asked: it reads every entry, which takes seconds for millions of
 * them, too long for each page of the list.
 */
async function ChainCheck({ run }: { run: boolean }) {
  const report = run ? await verifyAuditTrail() : null;
  return (
    <section className="panel actions" aria-label="审计链校验">
      <form method="get">
        <input type="hidden" name="verify" value="1" />
        <button type="submit">{report ? "重新校验审计链" : "校验审计链"}</button>
      </form>
      {report ? (
        <p className={`form-message ${report.ok ? "success" : "error"}`} role="status" style={{ overflowWrap: "anywhere" }}>
          {describeChainReport(report)}
        </p>
      ) : (
        <span className="muted">逐条核对每条日志的哈希及与前一条的衔接，找出被改动或删除的记录。</span>
      )}
    </section>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { verify, ...values } = firstValues(await searchParams);
  let state: FormState = { status: "idle", values };
  let result: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  try {
    result = await listAuditEntries(values);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    state = { status: "error", values, fieldErrors: fieldErrorsOf(error) };
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) : 1;
  return (
    <>
      <h1>审计日志</h1>
      <ChainCheck run={verify === "1"} />
      <form method="get" className="filters" aria-label="筛选审计日志">
        <TextField name="user" label="操作人（用户名）" state={state} />
        <SelectField
          name="action"
          label="操作"
          state={state}
          placeholder="全部"
          options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="from" label="开始日期" type="date" state={state} />
        <TextField name="to" label="结束日期" type="date" state={state} />
        <div className="actions"><button type="submit">筛选</button><Link href="/audit">清除</Link></div>
      </form>
      {result ? (
        <>
          <p className="muted">
            共 {result.total} 条（北京时间）　<a href={exportLink(values)} download>导出为 CSV</a>（按上面的筛选，全部页，从最早一条起，含每条的哈希）
          </p>
          <table className="list">
            <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>说明</th><th>变更前</th><th>变更后</th></tr></thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id}>
                  <td>{new Date(row.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                  <td>{row.actorName}</td>
                  <td>{auditActionLabel(row.action)}</td>
                  <td>{row.entity}{row.entityId ? ` #${row.entityId}` : ""}</td>
                  <td>{row.detail ?? ""}</td>
                  <td>{row.before ? <pre className="json">{row.before}</pre> : null}</td>
                  <td>{row.after ? <pre className="json">{row.after}</pre> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={result.filter.page} pages={pages} href={(page) => pageLink(values, page)} />
        </>
      ) : null}
    </>
  );
}
