import type { Metadata } from "next";
import Link from "next/link";
import { getAgency, listAgencies } from "@/lib/server/agencies";
import { AgencyForm } from "../agency-form";

export const metadata: Metadata = { title: "机构详情" };

export default async function AgencyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [agency, agencies] = await Promise.all([getAgency(code), listAgencies()]);
  return (
    <>
      <p><Link href="/admin/agencies">← 机构管理</Link></p>
      <h1>{agency.name}（{agency.code}）</h1>
      <div className="panel"><AgencyForm agencies={agencies} agency={agency} /></div>
    </>
  );
}
