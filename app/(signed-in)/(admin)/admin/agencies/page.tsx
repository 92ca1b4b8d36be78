import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies } from "@/lib/server/agencies";

export const metadata: Metadata = { title: "机构管理" };

export default async function AgenciesPage() {
  const agencies = await listAgencies();
  return (
    <>
      <div className="page-head">
        <h1>机构管理</h1>
        <Link className="button" href="/admin/agencies/new">新建机构</Link>
      </div>
      <table className="list">
        <thead><tr><th>代码</th><th>名称</th><th>上级机构</th><th>状态</th></tr></thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <td><Link href={`/admin/agencies/${agency.code}`}>{agency.code}</Link></td>
              <td>{agency.name}</td>
              <td>{agency.parentName ?? "—"}</td>
              <td>{agency.active ? <span className="tag ok">启用</span> : <span className="tag bad">停用</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
