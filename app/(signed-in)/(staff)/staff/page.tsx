import type { Metadata } from "next";
import { getWorkbench } from "@/lib/server/workbench";

export const metadata: Metadata = { title: "工作台" };

export default async function StaffHome() {
  const workbench = await getWorkbench();
  return (
    <>
      <div className="page-head">
        <h1>工作台</h1>
        <span className="muted">{workbench.agencyName}</span>
      </div>
      <div className="panel">
        <p>依申请公开台账（登记、办理、期限提醒）与年度报告将在这里办理。</p>
      </div>
    </>
  );
}
