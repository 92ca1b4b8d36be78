import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { APPLICATION_COLUMNS, applicationRowLabels } from "@/lib/report";
import type { ApplicationRowPath } from "@/lib/report/places";
import { listApplicationsInCell, type CellListing } from "@/lib/server/reports";
import { APPLICANT_TYPE_LABELS, outcomeLabel, statusLabel, statusTagClass } from "../../../applications/labels";
import { cellPath, yearOfParam, yearPath } from "../../paths";
import { Pager } from "@/app/_ui/pager";

export const metadata: Metadata = { title: "计入该格的申请" };

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function CellPage({ params, searchParams }: Props) {
  const year = yearOfParam((await params).year);
  const query = await searchParams;
  let listing: CellListing;
  try {
    listing = await listApplicationsInCell({ year, row: one(query.row), column: one(query.column), page: one(query.page) });
  } catch (error) {
    // A row or column the table does not have: no such page.
    if (error instanceof ZodError) notFound();
    throw error;
  }
  const rowLabel = applicationRowLabels(listing.row as ApplicationRowPath).join(" ");
  const columnLabel = APPLICATION_COLUMNS.find((column) => column.code === listing.column)?.label ?? listing.column;
  const pages = Math.max(1, Math.ceil(listing.total / listing.pageSize));
  return (
    <>
      <p><Link href={`${yearPath(year)}#document`}>← {year} 年度报告</Link></p>
      <h1>计入该格的申请</h1>
      <div className="panel">
        <p>
          {year} 年报告表三 <strong>{rowLabel}</strong> 行、<strong>{columnLabel}</strong> 列：
          <strong data-testid="cell-total">{listing.total}</strong> 件。
        </p>
        <p className="muted small">按统计该格的同一条件列出；申请人姓名已隐去部分字符。</p>
        {listing.rows.length === 0 ? (
          <p className="empty-state">没有计入该格的申请。</p>
        ) : (
          <div className="table-scroll">
            <table className="list compact">
              <thead>
                <tr>
                  <th scope="col">编号</th>
                  <th scope="col">收到日期</th>
                  <th scope="col">申请人</th>
                  <th scope="col">申请内容</th>
                  <th scope="col">状态</th>
                  <th scope="col">办理结果</th>
                  <th scope="col">办结日期</th>
                </tr>
              </thead>
              <tbody>
                {listing.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="mono">
                      <Link href={`/staff/applications/${row.id}`}>{row.trackingNumber}</Link>
                    </td>
                    <td className="mono">{row.receivedOn}</td>
                    <td>
                      {row.applicantName}
                      <div className="muted small">{APPLICANT_TYPE_LABELS[row.applicantType] ?? row.applicantType}</div>
                    </td>
                    <td>{row.description}</td>
                    <td>
                      <span className={statusTagClass(row.status)}>{statusLabel(row.status)}</span>
                    </td>
                    <td>{outcomeLabel(row.outcome) || <span className="muted">—</span>}</td>
                    <td className="mono">{row.concludedOn ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={listing.page} pages={pages} href={(page) => cellPath(year, listing.row, listing.column, page)} />
      </div>
    </>
  );
}
