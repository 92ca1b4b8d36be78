import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies } from "@/lib/server/agencies";
import { NewUserForm } from "./new-user-form";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const agencies = await listAgencies();
  return (
    <>
      <p><Link href="/admin/users">← 用户管理</Link></p>
      <h1>新建用户</h1>
      <div className="panel">
        <NewUserForm agencies={agencies} />
      </div>
    </>
  );
}
