import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_LABELS } from "@/lib/roles";
import { listUsers } from "@/lib/server/users";
import { UserStatus } from "./user-status";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const users = await listUsers();
  return (
    <>
      <div className="page-head">
        <h1>用户管理</h1>
        <Link className="button" href="/admin/users/new">新建用户</Link>
      </div>
      <table className="list">
        <thead>
          <tr><th>用户名</th><th>姓名</th><th>角色</th><th>所属机构</th><th>状态</th><th>最近登录</th></tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td><Link href={`/admin/users/${user.id}`}>{user.username}</Link></td>
              <td>{user.displayName}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.agencyName ?? "—"}</td>
              <td><UserStatus user={user} /></td>
              <td>{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "从未登录"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
