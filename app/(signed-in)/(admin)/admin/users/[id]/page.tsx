import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies } from "@/lib/server/agencies";
import { getUser } from "@/lib/server/users";
import { isLocked, UserStatus } from "../user-status";
import { EditUserForm, UserAccountActions } from "./user-actions";

export const metadata: Metadata = { title: "用户详情" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, agencies] = await Promise.all([getUser(id), listAgencies()]);
  return (
    <>
      <p><Link href="/admin/users">← 用户管理</Link></p>
      <div className="page-head">
        <h1>{user.displayName}（{user.username}）</h1>
        <span><UserStatus user={user} /></span>
      </div>
      <div className="panel">
        <h2>基本信息</h2>
        <EditUserForm user={user} agencies={agencies} />
      </div>
      <div className="panel">
        <h2>账户操作</h2>
        <UserAccountActions user={user} locked={isLocked(user)} />
      </div>
    </>
  );
}
