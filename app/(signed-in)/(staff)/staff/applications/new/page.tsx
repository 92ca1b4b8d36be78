import type { Metadata } from "next";
import Link from "next/link";
import { getWorkbench } from "@/lib/server/workbench";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "登记申请" };

export default async function NewApplicationPage() {
  const workbench = await getWorkbench();
  return (
    <>
      <p><Link href="/staff/applications">← 台账</Link></p>
      <div className="page-head">
        <h1>登记申请</h1>
        <span className="muted">{workbench.agencyName}</span>
      </div>
      <div className="panel">
        <p className="muted">登记后系统按收到申请之日的年份编号，并计算补正告知期限和答复期限。</p>
        <RegistrationForm />
      </div>
    </>
  );
}
