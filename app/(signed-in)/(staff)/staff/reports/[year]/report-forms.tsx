"use client";

import { useActionState } from "react";
import { FormMessage, TextAreaField } from "@/app/_ui/fields";
import { ProactiveGrid } from "@/app/_ui/report/proactive-grid";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import { REPORT_SECTIONS, type ProseSectionKey } from "@/lib/report/labels";
import { PROACTIVE_FIELDS, type ProactiveFieldName } from "@/lib/report-workflow/proactive";
import { publishReportAction, returnReportAction, saveProactiveAction, saveSectionsAction, submitReportAction } from "./actions";

function FormError({ state }: { state: FormState }) {
  const message = state.fieldErrors?._form;
  return message ? <p className="form-message error" role="alert">{message}</p> : null;
}

/** One figure of table 二, named by its row and column for screen readers and tests. */
function FigureInput({ name, label, state, value, decimal }: { name: string; label: string; state: FormState; value: string; decimal?: boolean }) {
  const error = state.fieldErrors?.[name];
  const id = `proactive-${name}`;
  return (
    <>
      <input
        id={id}
        name={name}
        aria-label={label}
        inputMode={decimal ? "decimal" : "numeric"}
        defaultValue={state.values?.[name] ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required
      />
      {error ? <p className="error" id={`${id}-error`}>{error}</p> : null}
    </>
  );
}

const fieldOf = (row: string, column: string) => PROACTIVE_FIELDS.find((field) => field.row === row && field.column === column);

/** Table 二 in the official layout, every figure an input. */
export function ProactiveForm({
  year,
  values,
  proposedInForce,
  locked,
}: {
  year: number;
  values: Record<ProactiveFieldName, string>;
  proposedInForce: { regulations: number; normativeDocuments: number } | null;
  locked: boolean;
}) {
  const [state, formAction] = useActionState(saveProactiveAction, initialFormState);
  return (
    <form action={formAction} className="rw-form" aria-label="表二 主动公开政府信息情况">
      <input type="hidden" name="year" value={year} />
      <FormMessage state={state} />
      <FormError state={state} />
      <ProactiveGrid
        cell={(row, column) => {
          const field = fieldOf(row.key, column.key);
          if (!field) return <td className="rw-empty" />;
          const proposal = column.key === "inForce" && proposedInForce && (row.key === "regulations" || row.key === "normativeDocuments") ? proposedInForce[row.key] : null;
          return (
            <td>
              <FigureInput name={field.name} label={`${row.label}：${column.label}`} state={state} value={values[field.name]} decimal={field.name === "feesTenThousandYuan"} />
              {proposal !== null ? <p className="rw-hint">按上年及本年增减应为 {proposal}</p> : null}
            </td>
          );
        }}
      />
      <p className="rw-hint">件数填不小于 0 的整数；收费金额以万元为单位，最多 4 位小数（例如 1.2345 万元即 12345 元）。</p>
      <div className="actions">
        {locked ? <span className="muted">报告已提交审核，退回草稿后才能修改。</span> : <SubmitButton>保存表二</SubmitButton>}
      </div>
    </form>
  );
}

/** A short fingerprint of a text, for a React key. */
function textKey(text: string): string {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 31 + text.charCodeAt(index)) | 0;
  return `${text.length}.${hash}`;
}

const SECTION_HEADINGS = Object.fromEntries(REPORT_SECTIONS.map((section) => [section.key, section.heading])) as Record<string, string>;

/** The prose sections 一, 五, 六, prefilled with what the report says now. */
export function SectionsForm({
  year,
  sections,
  custom,
  locked,
}: {
  year: number;
  sections: Record<ProseSectionKey, string>;
  custom: Record<ProseSectionKey, boolean>;
  locked: boolean;
}) {
  const [state, formAction] = useActionState(saveSectionsAction, initialFormState);
  const keys: ProseSectionKey[] = ["overview", "problems", "other"];
  return (
    <form action={formAction} className="rw-form rw-prose" aria-label="文字部分">
      <input type="hidden" name="year" value={year} />
      <FormMessage state={state} />
      <FormError state={state} />
      {keys.map((key) => (
        <TextAreaField
          // A new text from the server (a restore, a table change) remounts the field to show it.
          key={`${key}-${textKey(sections[key])}`}
          name={key}
          label={SECTION_HEADINGS[key] ?? key}
          state={state}
          defaultValue={sections[key]}
          rows={key === "overview" ? 14 : 5}
          hint={custom[key] ? "已修改：不再随表格自动更新" : "自动生成：随表格数字更新；修改并保存后即固定为所写文字"}
        />
      ))}
      <div className="actions">
        {locked ? <span className="muted">报告已提交审核，退回草稿后才能修改。</span> : <SubmitButton>保存文字部分</SubmitButton>}
      </div>
    </form>
  );
}

/** Puts one section (or all) back to the generated sentences. */
export function RestoreSectionForm({ year, section, label }: { year: number; section: "all" | ProseSectionKey; label: string }) {
  const [state, formAction] = useActionState(saveSectionsAction, initialFormState);
  return (
    <form action={formAction} className="rw-inline">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="restore" value={section} />
      <SubmitButton className="secondary">{label}</SubmitButton>
      {state.status === "error" ? <span className="error" role="alert">{state.fieldErrors?._form ?? state.message}</span> : null}
      {state.status === "success" ? <span role="status" className="muted">{state.message}</span> : null}
    </form>
  );
}

export function SubmitReportForm({ year }: { year: number }) {
  const [state, formAction] = useActionState(submitReportAction, initialFormState);
  return (
    <form action={formAction} className="stack" aria-label="提交审核">
      <input type="hidden" name="year" value={year} />
      <FormMessage state={state} />
      <FormError state={state} />
      <div className="actions">
        <SubmitButton>提交审核</SubmitButton>
        <span className="muted small">提交后表二和文字部分不能修改，直至审核人发布或退回。</span>
      </div>
    </form>
  );
}

export function ReturnReportForm({ year }: { year: number }) {
  const [state, formAction] = useActionState(returnReportAction, initialFormState);
  return (
    <form action={formAction} className="stack" aria-label="退回草稿">
      <input type="hidden" name="year" value={year} />
      <FormMessage state={state} />
      <FormError state={state} />
      <TextAreaField name="reason" label="退回理由（可不填）" state={state} rows={2} idPrefix="return" />
      <div className="actions">
        <SubmitButton className="secondary">退回草稿</SubmitButton>
      </div>
    </form>
  );
}

export function PublishReportForm({ year, nextVersion }: { year: number; nextVersion: number }) {
  const [state, formAction] = useActionState(publishReportAction, initialFormState);
  return (
    <form action={formAction} className="stack" aria-label="发布">
      <input type="hidden" name="year" value={year} />
      <FormMessage state={state} />
      <FormError state={state} />
      {nextVersion > 1 ? (
        <TextAreaField
          name="correctionNote"
          label="更正说明"
          state={state}
          rows={3}
          required
          hint={`第 ${nextVersion} 版将与更正说明一并公开，说明更正了哪些内容及原因`}
        />
      ) : null}
      <div className="actions">
        <SubmitButton>{nextVersion > 1 ? `发布更正（第 ${nextVersion} 版）` : "发布"}</SubmitButton>
        <span className="muted small">发布后报告内容即固定并向公众公开，此后台账的变动不会改变已发布的版本。</span>
      </div>
    </form>
  );
}
