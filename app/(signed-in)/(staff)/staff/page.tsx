import type { Metadata } from "next";
import Link from "next/link";
import { workbenchCounts } from "@/lib/server/ledger";
import { getWorkbench } from "@/lib/server/workbench";

export const metadata: Metadata = { title: "工作台" };

type Card = { key: string; label: string; count: number; href: string; hint?: string; tone?: "bad" | "warn" };

export default async function StaffHome() {
  const [workbench, counts] = await Promise.all([getWorkbench(), workbenchCounts()]);
  const cards: Card[] = [
    { key: "overdue", label: "已逾期", count: counts.overdue, href: "/staff/applications?overdue=1&sort=due_asc", hint: "已超过答复期限仍未办结", tone: "bad" },
    {
      key: "dueSoon",
      label: "3个工作日内到期",
      count: counts.dueSoon,
      href: "/staff/applications?dueWithin=3&sort=due_asc",
      hint: `答复期限在今天至 ${counts.dueSoonLimit} 之间`,
      tone: "warn",
    },
    { key: "awaitingCorrection", label: "待补正", count: counts.awaitingCorrection, href: "/staff/applications?status=awaiting_correction", hint: "已告知补正，等待申请人" },
    { key: "consulting", label: "征求意见中", count: counts.consulting, href: "/staff/applications?status=consulting", hint: "等待第三方或其他机关答复" },
    { key: "extensionPending", label: "待批准延期", count: counts.extensionPending, href: "/staff/applications?extensionPending=1", hint: "已申请延期，等待审核人批准" },
  ];
  return (
    <>
      <div className="page-head">
        <h1>工作台</h1>
        <span className="muted" data-testid="agency-name">{workbench.agencyName}</span>
      </div>
      <div className="actions workbench-links">
        <Link className="button" href="/staff/applications/new">登记新申请</Link>
        <Link className="button secondary" href="/staff/applications">台账</Link>
        <span className="muted">正在办理 {counts.active} 件</span>
      </div>
      <div className="cards workbench-cards">
        {cards.map((card) => (
          <Link key={card.key} className={`card${card.count > 0 && card.tone ? ` ${card.tone}` : ""}`} href={card.href} data-testid={`card-${card.key}`}>
            <span className="card-label">{card.label}</span>
            <span className="count">{card.count}</span>
            {card.hint ? <span className="hint">{card.hint}</span> : null}
          </Link>
        ))}
      </div>
    </>
  );
}
