import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CHANNEL_LABELS, DELIVERY_LABELS, FORM_WANTED_LABELS, PARTY_LABELS, type Channel, type FormWanted } from "@/lib/ledger/codes";
import { EVENT_LABELS, EVENT_TYPES, type EventType, type StoredEvent } from "@/lib/ledger/event-input";
import { getApplication, type ApplicationDetail } from "@/lib/server/ledger";
import { APPLICANT_TYPE_LABELS, isActiveStatus, outcomeLabel, statusLabel, statusTagClass } from "../labels";
import { DeadlinesPanel } from "./deadlines-panel";
import { CorrectionForms, EventForm, VoidForm } from "./event-forms";

export const metadata: Metadata = { title: "申请详情" };

type SearchParams = Record<string, string | string[] | undefined>;

function savedMessage(saved: string | undefined, trackingNumber: string): string | null {
  if (!saved) return null;
  if ((EVENT_TYPES as readonly string[]).includes(saved)) return `已记录「${EVENT_LABELS[saved as EventType]}」。`;
  const messages: Record<string, string> = {
    registered: `已登记，编号 ${trackingNumber}。`,
    updated: "登记信息已修改。",
    corrected: "已更正，原记录保留在办理记录中。",
    withdrawn: "已撤销该记录，原记录保留在办理记录中。",
    voided: "申请已作废。",
  };
  return messages[saved] ?? null;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
}

function text(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** What an event says, in one or two lines. */
function describeEvent(event: StoredEvent, rootOf: Map<number, number>): ReactNode[] {
  const d = event.details;
  const lines: ReactNode[] = [];
  switch (event.type) {
    case "correction_notice_sent":
      lines.push(`要求申请人于 ${text(d, "correctBy") ?? "?"} 前补正`);
      break;
    case "consultation_sent":
      lines.push(`${PARTY_LABELS[text(d, "party") as keyof typeof PARTY_LABELS] ?? ""}：${text(d, "addressee") ?? ""}（征求意见编号 ${rootOf.get(event.id) ?? event.id}）`);
      break;
    case "consultation_answered":
      lines.push(`对应征求意见编号 ${text(d, "consultationId") ?? "?"}${d.lapsed === true ? "，期满未答复" : ""}`);
      break;
    case "extension_requested":
      lines.push(`延期理由：${text(d, "reason") ?? ""}`);
      break;
    case "extension_approved":
      lines.push(`${event.occurredOn} 批准，${text(d, "notifiedOn") ?? "?"} 告知申请人`);
      break;
    case "fee_notice_sent": {
      const method = text(d, "method") === "per_page" ? `按页计收 ${text(d, "pages") ?? "?"} 页` : "按件计收";
      const delivered = text(d, "deliveredOn");
      lines.push(`${method}，金额 ${text(d, "amountYuan") ?? "?"} 元${delivered ? `，申请人 ${delivered} 收到` : ""}`);
      const explanation = text(d, "feeExplanation");
      if (explanation) lines.push(explanation);
      break;
    }
    case "reasons_requested": {
      const later = text(d, "laterReplyBy");
      if (later) lines.push(`确定延迟答复期限 ${later}`);
      break;
    }
    case "replied":
      lines.push(`${outcomeLabel(text(d, "outcome") ?? null)}；${DELIVERY_LABELS[text(d, "delivery") as keyof typeof DELIVERY_LABELS] ?? ""}`);
      break;
    default:
      break;
  }
  const note = text(d, "note");
  if (note) lines.push(`说明：${note}`);
  return lines;
}

function recorderName(recorders: ApplicationDetail["recorders"], userId: number | null): string {
  return userId === null ? "系统" : (recorders.get(userId) ?? `用户 #${userId}`);
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children === null || children === undefined || children === "" ? <span className="muted">—</span> : children}</dd>
    </>
  );
}

function RegistrationPanel({ application, recorders }: Pick<ApplicationDetail, "application" | "recorders">) {
  return (
    <section className="panel" aria-labelledby="registration-heading">
      <div className="page-head">
        <h2 id="registration-heading">登记信息</h2>
        {application.voidedAt ? null : <Link href={`/staff/applications/${application.id}/edit`}>修改登记信息</Link>}
      </div>
      <dl className="facts">
        <Fact label="编号">{application.trackingNumber}</Fact>
        {application.externalNumber ? <Fact label="本机关编号（导入）" testId="external-number">{application.externalNumber}</Fact> : null}
        <Fact label="申请方式">{CHANNEL_LABELS[application.channel as Channel] ?? application.channel}</Fact>
        <Fact label="实际收到日期">{application.arrivedOn}</Fact>
        <Fact label="收到申请之日" testId="received-on">
          {application.receivedOn}
          {application.receivedOnReason ? `（理由：${application.receivedOnReason}）` : null}
        </Fact>
        <Fact label="申请人类型">{APPLICANT_TYPE_LABELS[application.applicantType] ?? application.applicantType}</Fact>
        <Fact label="申请人" testId="applicant-name">{application.applicantName}</Fact>
        <Fact label="证件号码" testId="id-number">{application.idNumber}</Fact>
        <Fact label="联系电话" testId="phone">{application.phone}</Fact>
        <Fact label="通讯地址">{application.address}</Fact>
        <Fact label="代理人">{application.agentName}</Fact>
        <Fact label="代理人电话">{application.agentPhone}</Fact>
        <Fact label="所需信息"><span className="prewrap">{application.description}</span></Fact>
        <Fact label="获取信息的方式">{FORM_WANTED_LABELS[application.formWanted as FormWanted] ?? application.formWanted}</Fact>
        <Fact label="备注">{application.notes ? <span className="prewrap">{application.notes}</span> : null}</Fact>
        <Fact label="登记时间">{when(application.createdAt)}（{recorderName(recorders, application.createdBy)}）</Fact>
        <Fact label="最后修改">{when(application.updatedAt)}</Fact>
        {application.voidedAt ? (
          <Fact label="作废">
            {when(application.voidedAt)}，理由：{application.voidReason}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function Timeline({ detail }: { detail: ApplicationDetail }) {
  const { events, application, role } = detail;
  const inForce = new Set(detail.inForce.map((event) => event.id));
  const rootOf = new Map(detail.inForce.map((event) => [event.id, event.rootId]));
  // Roots of superseded rows too, so every consultation row names its number.
  for (const event of events) {
    const root = event.correctsEventId === null ? event.id : (rootOf.get(event.correctsEventId) ?? event.correctsEventId);
    if (!rootOf.has(event.id)) rootOf.set(event.id, root);
  }
  const successor = new Map(events.filter((event) => event.correctsEventId !== null).map((event) => [event.correctsEventId as number, event]));
  const ordered = [...events].sort((a, b) => (a.occurredOn === b.occurredOn ? a.id - b.id : a.occurredOn < b.occurredOn ? -1 : 1));
  const canCorrect = application.voidedAt === null;

  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">办理记录</h2>
      {ordered.length === 0 ? <p className="muted">还没有办理记录。</p> : null}
      <ol className="timeline">
        {ordered.map((event) => {
          const next = successor.get(event.id);
          const superseded = next !== undefined;
          const lines = describeEvent(event, rootOf);
          const main = (
            <>
              <span className="event-date">{event.occurredOn}</span> <strong>{EVENT_LABELS[event.type]}</strong>
              {lines.map((line, index) => <span key={index} className="event-line">{line}</span>)}
            </>
          );
          return (
            <li key={event.id} className={superseded ? "superseded" : event.withdrawn ? "withdrawal" : undefined} data-testid={`event-${event.id}`}>
              <div className="event-main">{superseded ? <del>{main}</del> : main}</div>
              <div className="event-meta">
                <span className="muted">#{event.id}</span>
                {event.correctsEventId !== null ? (
                  <span className="tag">{event.withdrawn ? `撤销 #${event.correctsEventId}` : `更正 #${event.correctsEventId}`}</span>
                ) : null}
                {superseded ? <span className="tag warn">{next.withdrawn ? `已被 #${next.id} 撤销` : `已被 #${next.id} 更正`}</span> : null}
                {event.correctionReason ? <span>理由：{event.correctionReason}</span> : null}
                <span className="muted">
                  {recorderName(detail.recorders, event.recordedBy)} 记录于 {when(event.recordedAt)}
                </span>
              </div>
              {canCorrect && inForce.has(event.id) && (event.type !== "extension_approved" || role === "reviewer") ? (
                <CorrectionForms applicationId={application.id} event={{ id: event.id, type: event.type, occurredOn: event.occurredOn, details: event.details }} />
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function ActionsPanel({ detail }: { detail: ApplicationDetail }) {
  const { application, allowed, role } = detail;
  const pending = detail.pendingConsultations.map((consultation) => ({ id: consultation.id, sentOn: consultation.sentOn, details: consultation.details }));
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">办理</h2>
      {application.voidedAt ? <p className="muted">申请已作废，不能再办理。</p> : null}
      {application.extensionPending && role !== "reviewer" && !application.voidedAt ? (
        <p className="form-message">延期申请已提交，等待审核人（负责人）批准。</p>
      ) : null}
      {allowed.length === 0 && !application.voidedAt ? (
        <p className="muted">{application.status === "concluded" ? "申请已办结。如有记录错误，可在下方办理记录中更正。" : "当前没有可以记录的办理事项。"}</p>
      ) : null}
      <div className="event-forms" key={`${detail.events.length}-${application.status}`}>
        {allowed.map((type) => (
          <EventForm key={type} applicationId={application.id} type={type} consultations={pending} today={detail.today} />
        ))}
      </div>
    </section>
  );
}

export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // Another agency's application or a missing id: the data layer answers 404 itself.
  const detail = await getApplication(id);
  const { application, report } = detail;
  const saved = savedMessage(typeof query.saved === "string" ? query.saved : undefined, application.trackingNumber);
  const overdue = isActiveStatus(application.status) && report.overdue === true;

  return (
    <>
      <p><Link href="/staff/applications">← 台账</Link></p>
      <div className="page-head">
        <h1>申请 {application.trackingNumber}</h1>
        <span className="status-line">
          <span className={statusTagClass(application.status)} data-testid="status">{statusLabel(application.status)}</span>
          {overdue ? <> <span className="tag bad">逾期</span></> : null}
          {application.outcome ? <span className="muted"> {outcomeLabel(application.outcome)}</span> : null}
        </span>
      </div>
      {saved ? <p className="form-message success" role="status">{saved}</p> : null}

      <div className="detail-grid">
        <div>
          <DeadlinesPanel report={report} extensionPending={application.extensionPending} />
          <ActionsPanel detail={detail} />
          <Timeline detail={detail} />
        </div>
        <div>
          <RegistrationPanel application={application} recorders={detail.recorders} />
          {application.voidedAt ? null : (
            <section className="panel" aria-label="作废">
              <VoidForm applicationId={application.id} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
