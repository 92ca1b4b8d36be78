"use client";

import { useActionState } from "react";
import { CheckboxField, FormMessage, GroupedSelectField, SelectField, TextAreaField, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import { DELIVERY_LABELS, PARTY_LABELS, RECORDED_DELIVERIES } from "@/lib/ledger/codes";
import { EVENT_LABELS, type EventType } from "@/lib/ledger/event-input";
import { outcomeGroups } from "../labels";
import { correctEventAction, recordEventAction, voidApplicationAction } from "./actions";

export type PendingConsultation = { id: string; sentOn: string; details: Record<string, unknown> };
export type EventView = { id: number; type: EventType; occurredOn: string; details: Record<string, unknown> };

const partyOptions = Object.entries(PARTY_LABELS).map(([value, label]) => ({ value, label }));
const deliveryOptions = RECORDED_DELIVERIES.map((value) => ({ value, label: DELIVERY_LABELS[value] }));
const methodOptions = [
  { value: "per_page", label: "按页计收（同一申请的页数）" },
  { value: "per_application", label: "按件计收（同一申请人当月累计件数）" },
];

function text(details: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = details?.[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

export function consultationLabel(consultation: PendingConsultation): string {
  const party = PARTY_LABELS[text(consultation.details, "party") as keyof typeof PARTY_LABELS] ?? "";
  const addressee = text(consultation.details, "addressee") ?? "";
  return `编号 ${consultation.id}：${party}${addressee ? ` ${addressee}` : ""}，${consultation.sentOn} 发出`;
}

function FormError({ state }: { state: FormState }) {
  const message = state.fieldErrors?._form ?? state.fieldErrors?.type ?? state.fieldErrors?.correctsEventId;
  return message ? <p className="form-message error" role="alert">{message}</p> : null;
}

/**
 * The fields of one event type (lib/ledger/event-input.ts). `defaults` holds the date to offer, and a
 * stored event's values when it is being corrected; the consultation an answer belongs to is then fixed.
 */
function EventFields(props: {
  type: EventType;
  state: FormState;
  prefix: string;
  defaults?: { date: string; details: Record<string, unknown> };
  consultations: readonly PendingConsultation[];
  /** Correcting a stored event rather than recording a new one. */
  correcting?: boolean;
}) {
  const { type, state, prefix, defaults } = props;
  const common = { state, idPrefix: prefix };
  const value = (key: string) => text(defaults?.details, key);
  const date = (label: string, hint?: string) => <TextField name="date" label={label} type="date" {...common} defaultValue={defaults?.date} hint={hint} required />;
  const note = <TextAreaField name="note" label="说明" rows={2} {...common} defaultValue={value("note")} />;

  switch (type) {
    case "correction_notice_sent":
      return (
        <>
          {date("告知日期", "应在收到申请之日起 7 个工作日内一次性告知（第三十条）")}
          <TextField name="correctBy" label="补正期限" type="date" {...common} defaultValue={value("correctBy")} required hint="申请人应在此日期前补正" />
          {note}
        </>
      );
    case "correction_received":
      return <>{date("收到补正日期", "答复期限自此日起重新计算")}{note}</>;
    case "correction_abandoned":
      return <>{date("视为放弃的日期", "补正期限届满后，申请人无正当理由仍未补正")}{note}</>;
    case "consultation_sent":
      return (
        <>
          {date("发出日期", "征求意见期间不计入答复期限（第三十二条、第三十三条）")}
          <SelectField name="party" label="征求意见的对象" {...common} defaultValue={value("party")} placeholder="请选择" options={partyOptions} required />
          <TextField name="addressee" label="对象名称" {...common} defaultValue={value("addressee")} required />
          {note}
        </>
      );
    case "consultation_answered":
      return (
        <>
          {props.correcting ? (
            <input type="hidden" name="consultationId" value={value("consultationId") ?? ""} />
          ) : (
            <SelectField
              name="consultationId"
              label="对应的征求意见"
              {...common}
              placeholder="请选择"
              defaultValue={props.consultations.length === 1 ? props.consultations[0]?.id : undefined}
              options={props.consultations.map((consultation) => ({ value: consultation.id, label: consultationLabel(consultation) }))}
              required
            />
          )}
          {date("收到答复日期", "期满未答复的，填答复期限届满之日")}
          <CheckboxField name="lapsed" label="期满未答复" value="true" {...common} defaultValue={defaults?.details.lapsed === true ? "true" : undefined} />
          {note}
        </>
      );
    case "extension_requested":
      return (
        <>
          {date("申请日期", "须在原答复期限届满前提出，经负责人同意")}
          <TextAreaField name="reason" label="延期理由" rows={2} {...common} defaultValue={value("reason")} required />
        </>
      );
    case "extension_approved":
      return (
        <>
          {date("批准日期")}
          <TextField name="notifiedOn" label="告知申请人日期" type="date" {...common} defaultValue={value("notifiedOn")} required hint="须在原答复期限届满前告知申请人（第三十三条）" />
          {note}
        </>
      );
    case "fee_notice_sent":
      return (
        <>
          <SelectField name="method" label="计收方式" {...common} defaultValue={value("method")} placeholder="请选择" options={methodOptions} required hint="按件或按页，只能选一种（国办函〔2020〕109号）；金额由系统计算" />
          <TextField name="pages" label="页数" type="number" {...common} defaultValue={value("pages")} hint="按页计收时填写" />
          {date("发出日期")}
          <TextField name="deliveredOn" label="申请人收到通知日期" type="date" {...common} defaultValue={value("deliveredOn")} hint="不清楚的可留空，按发出日期计算缴费期限" />
          {note}
        </>
      );
    case "fee_paid":
      return <>{date("缴费日期")}{note}</>;
    case "fee_abandoned":
      return <>{date("视为放弃的日期", "缴费期限届满后仍未缴费")}{note}</>;
    case "reasons_requested":
      return (
        <>
          {date("要求说明理由日期", "申请数量、频次明显超过合理范围的（第三十五条）")}
          <TextField name="laterReplyBy" label="确定的延迟答复期限" type="date" {...common} defaultValue={value("laterReplyBy")} hint="理由合理但无法按期答复的填写，并告知申请人" />
          {note}
        </>
      );
    case "replied":
      return (
        <>
          {date("答复日期", "当面送达为申请人签收之日，邮寄为交邮之日")}
          <GroupedSelectField name="outcome" label="办理结果" {...common} defaultValue={value("outcome")} placeholder="请选择" groups={outcomeGroups} required />
          <SelectField name="delivery" label="送达方式" {...common} defaultValue={value("delivery")} placeholder="请选择" options={deliveryOptions} required />
          {note}
        </>
      );
  }
}

/** One event that may be recorded now. */
export function EventForm({ applicationId, type, consultations, today }: { applicationId: number; type: EventType; consultations: readonly PendingConsultation[]; today: string }) {
  const [state, formAction] = useActionState(recordEventAction, initialFormState);
  const headingId = `event-${type}`;
  return (
    <details className="event-form" open={state.status === "error" ? true : undefined}>
      <summary id={headingId}>{EVENT_LABELS[type]}</summary>
      <form action={formAction} className="stack" aria-labelledby={headingId}>
        <input type="hidden" name="id" value={applicationId} />
        <input type="hidden" name="type" value={type} />
        <FormMessage state={state} />
        <FormError state={state} />
        <EventFields type={type} state={state} prefix={type} consultations={consultations} defaults={{ date: today, details: {} }} />
        <div className="actions">
          <SubmitButton>记录</SubmitButton>
        </div>
      </form>
    </details>
  );
}

/** Correcting a recorded event (new values and a reason), or withdrawing it; the old row stays. */
export function CorrectionForms({ applicationId, event }: { applicationId: number; event: EventView }) {
  const [state, formAction] = useActionState(correctEventAction, initialFormState);
  const [withdrawState, withdrawAction] = useActionState(correctEventAction, initialFormState);
  const refused = state.status === "error" || withdrawState.status === "error";
  return (
    <details className="correction" open={refused ? true : undefined}>
      <summary>更正或撤销 #{event.id}</summary>
      <div className="correction-forms">
        <form action={formAction} className="stack" aria-label={`更正记录 #${event.id}`}>
          <input type="hidden" name="id" value={applicationId} />
          <input type="hidden" name="correctsEventId" value={event.id} />
          <input type="hidden" name="type" value={event.type} />
          <FormMessage state={state} />
          <FormError state={state} />
          <EventFields type={event.type} state={state} prefix={`fix-${event.id}`} consultations={[]} defaults={{ date: event.occurredOn, details: event.details }} correcting />
          <TextAreaField name="correctionReason" label="更正理由" rows={2} state={state} idPrefix={`fix-${event.id}`} required />
          <div className="actions">
            <SubmitButton>保存更正</SubmitButton>
          </div>
        </form>
        <form action={withdrawAction} className="stack" aria-label={`撤销记录 #${event.id}`}>
          <input type="hidden" name="id" value={applicationId} />
          <input type="hidden" name="correctsEventId" value={event.id} />
          <input type="hidden" name="withdraw" value="true" />
          <FormMessage state={withdrawState} />
          <FormError state={withdrawState} />
          <TextAreaField name="correctionReason" label="撤销理由" rows={2} state={withdrawState} idPrefix={`withdraw-${event.id}`} required hint="记录错误、事项并未发生时撤销；原记录保留" />
          <div className="actions">
            <SubmitButton className="secondary">撤销此记录</SubmitButton>
          </div>
        </form>
      </div>
    </details>
  );
}

export function VoidForm({ applicationId }: { applicationId: number }) {
  const [state, formAction] = useActionState(voidApplicationAction, initialFormState);
  return (
    <details className="void" open={state.status === "error" ? true : undefined}>
      <summary>作废此申请</summary>
      <form action={formAction} className="stack" aria-label="作废申请">
        <input type="hidden" name="id" value={applicationId} />
        <p className="muted">只用于误登记、重复登记的申请。作废后记录仍保留在台账中（状态为已作废），但不计入年度报告，也不能再办理。</p>
        <FormMessage state={state} />
        <FormError state={state} />
        <TextAreaField name="reason" label="作废理由" rows={2} state={state} idPrefix="void" required />
        <div className="actions">
          <SubmitButton>作废</SubmitButton>
        </div>
      </form>
    </details>
  );
}
