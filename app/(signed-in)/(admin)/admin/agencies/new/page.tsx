import type { Metadata } from "next";
import Link from "next/link";
import { listAgencies } from "@/lib/server/agencies";
import { AgencyForm } from "../agency-form";

export const metadata: Metadata = { title: "新建机构" };

export default async function NewAgencyPage() {
  const agencies = await listAgencies();
  return (
    <>
      <p><Link href="/admin/agencies">← 机构管理</Link></p>
      <h1>新建机构</h1>
      <div className="panel"><AgencyForm agencies={agencies} /></div>
    </>
  );
}
