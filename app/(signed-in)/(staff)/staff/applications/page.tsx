import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { CheckboxField, GroupedSelectField, SelectField, TextField } from "@/app/_ui/fields";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { LEDGER_STATUS_LABELS, LEDGER_STATUSES } from "@/lib/ledger/codes";
import { LEDGER_PAGE_SIZE, LEDGER_SORTS } from "@/lib/ledger/list-filter";
import { listApplications, type LedgerPage } from "@/lib/server/ledger";
import { APPLICANT_TYPE_LABELS, applicantTypeOptions, isActiveStatus, outcomeGroups, outcomeLabel, statusLabel, statusTagClass } from "./labels";
import { Pager } from "@/app/_ui/pager";

export const metadata: Metadata = { title: "台账" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters the list understands; anything else in the query string is dropped from links. */
const FILTER_KEYS = ["status", "year", "applicantType", "outcome", "overdue", "extensionPending", "dueWithin", "q", "sort"] as const;

function firstValues(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, "page"]) {
    const raw = params[key];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined && first !== "") values[key] = first;
  }
  return values;
}

function listLink(values: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = key in changes ? changes[key] : values[key];
    if (value !== undefined && value !== "") next[key] = value;
  }
  if (changes.page && changes.page !== "1") next.page = changes.page;
  const query = new URLSearchParams(next).toString();
  return query ? `/staff/applications?${query}` : "/staff/applications";
}

export default async function LedgerListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const values = firstValues(await searchParams);
  let state: FormState = { status: "idle", values };
  let result: LedgerPage | null = null;
  try {
    result = await listApplications(values);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    state = { status: "error", values, fieldErrors: fieldErrorsOf(error) };
  }
  const unknownFilter = state.fieldErrors?.extensionPending ?? state.fieldErrors?.overdue ?? state.fieldErrors?.sort;

  return (
    <>
      <div className="page-head">
        <h1>台账</h1>
        <div className="actions">
          <Link className="button" href="/staff/applications/new">登记新申请</Link>
          <Link className="button secondary" href="/staff/applications/import">导入台账</Link>
        </div>
      </div>

      <form method="get" action="/staff/applications" className="filters ledger-filters" aria-label="筛选台账">
        <SelectField
          name="status"
          label="状态"
          state={state}
          placeholder="全部"
          options={LEDGER_STATUSES.map((status) => ({ value: status, label: LEDGER_STATUS_LABELS[status] }))}
        />
        <TextField name="year" label="收到年份" type="number" state={state} />
        <SelectField name="applicantType" label="申请人类型" state={state} placeholder="全部" options={applicantTypeOptions} />
        <GroupedSelectField name="outcome" label="办理结果" state={state} placeholder="全部" groups={outcomeGroups} />
        <TextField name="dueWithin" label="N个工作日内到期" type="number" state={state} hint="只看答复期限在 N 个工作日内的" />
        <TextField name="q" label="搜索" type="search" state={state} hint="编号、申请人或申请内容" />
        <SelectField name="sort" label="排序" state={state} options={Object.entries(LEDGER_SORTS).map(([value, label]) => ({ value, label }))} />
        <CheckboxField name="overdue" label="仅显示逾期" value="1" state={state} />
        {values.extensionPending ? <input type="hidden" name="extensionPending" value={values.extensionPending} /> : null}
        <div className="actions">
          <button type="submit">筛选</button>
          <Link href="/staff/applications">清除</Link>
        </div>
      </form>

      {state.status === "error" ? (
        <p className="form-message error" role="alert">
          筛选条件有误，请按提示修改。{unknownFilter ? `（${unknownFilter}）` : null}
        </p>
      ) : null}

      {result ? <ExportLinks values={values} /> : null}
      {result ? <LedgerResult result={result} values={values} /> : null}
    </>
  );
}

/** Downloads of the whole filtered ledger (every page, same filters), and the import template. */
function ExportLinks({ values }: { values: Record<string, string> }) {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (key !== "sort" && values[key] !== undefined) filters[key] = values[key];
  const query = new URLSearchParams(filters).toString();
  const link = (format: string) => `/staff/applications/export/${format}${query ? `?${query}` : ""}`;
  return (
    <p className="ledger-downloads">
      导出{Object.keys(filters).length > 0 ? "筛选结果" : "全部台账"}：
      <a href={link("xlsx")} download>Excel（.xlsx）</a> · <a href={link("csv")} download>CSV</a> · <a href={link("json")} download>JSON</a>
      <span className="muted">　|　</span>
      <a href="/staff/applications/template" download>下载导入模板</a>
    </p>
  );
}

function LedgerResult({ result, values }: { result: LedgerPage; values: Record<string, string> }) {
  const pages = Math.max(1, Math.ceil(result.total / LEDGER_PAGE_SIZE));
  const allCount = Object.values(result.statusCounts).reduce((sum, n) => sum + n, 0);
  const { filter, today } = result;
  return (
    <>
      {filter.extensionPending ? (
        <p className="muted">
          只显示待批准延期的申请。<Link href={listLink(values, { extensionPending: undefined })}>显示全部</Link>
        </p>
      ) : null}
      <nav className="tabs" aria-label="按状态">
        <Link href={listLink(values, { status: undefined })} aria-current={filter.status ? undefined : "page"}>
          全部 <span className="tab-count">{allCount}</span>
        </Link>
        {LEDGER_STATUSES.map((status) => (
          <Link key={status} href={listLink(values, { status })} aria-current={filter.status === status ? "page" : undefined}>
            {LEDGER_STATUS_LABELS[status]} <span className="tab-count">{result.statusCounts[status]}</span>
          </Link>
        ))}
      </nav>

      {result.rows.length === 0 ? (
        <div className="panel empty-state">
          <p>{allCount === 0 && Object.keys(values).length === 0 ? "台账中还没有申请。" : "没有符合条件的申请。"}</p>
          <p>
            <Link href="/staff/applications/new">登记新申请</Link>
            {Object.keys(values).length > 0 ? <> · <Link href="/staff/applications">清除筛选条件</Link></> : null}
          </p>
        </div>
      ) : (
        <>
          <p className="muted">共 {result.total} 件，今天是 {today}</p>
          <div className="table-scroll">
            <table className="list ledger">
              <thead>
                <tr>
                  <th>编号</th>
                  <th>收到日期</th>
                  <th>申请人类型</th>
                  <th>申请人</th>
                  <th>证件号码</th>
                  <th>电话</th>
                  <th>内容</th>
                  <th>状态</th>
                  <th>答复期限</th>
                  <th>办理结果</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => {
                  const overdue = isActiveStatus(row.status) && row.replyDueOn !== null && row.replyDueOn < today;
                  return (
                    <tr key={row.id}>
                      <td><Link href={`/staff/applications/${row.id}`}>{row.trackingNumber}</Link></td>
                      <td>{row.receivedOn}</td>
                      <td>{APPLICANT_TYPE_LABELS[row.applicantType] ?? row.applicantType}</td>
                      <td>{row.applicantName}</td>
                      <td className="mono">{row.idNumber ?? "—"}</td>
                      <td className="mono">{row.phone ?? "—"}</td>
                      <td className="description">{row.description}</td>
                      <td><span className={statusTagClass(row.status)}>{statusLabel(row.status)}</span></td>
                      <td>
                        {row.replyDueOn ?? "—"}
                        {row.replyDueOn && row.dueProvisional ? <span className="provisional">（暂定）</span> : null}
                        {overdue ? <> <span className="tag bad">逾期</span></> : null}
                      </td>
                      <td>
                        {row.outcome ? outcomeLabel(row.outcome) : "—"}
                        {row.concludedOn ? <span className="muted small"> {row.concludedOn}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager page={filter.page} pages={pages} href={(page) => listLink(values, { page: String(page) })} />
        </>
      )}
    </>
  );
}
