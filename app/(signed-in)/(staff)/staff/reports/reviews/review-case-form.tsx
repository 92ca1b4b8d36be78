"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { REVIEW_CASE_KINDS, REVIEW_CASE_RESULTS, REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS } from "@/lib/report-workflow/review-case";
import { createReviewCaseAction, deleteReviewCaseAction, updateReviewCaseAction } from "./actions";

export type ReviewCaseValues = {
  id?: number;
  kind: string;
  trackingNumber: string;
  reference: string;
  filedOn: string;
  result: string;
  concludedOn: string;
  notes: string;
};

export const EMPTY_REVIEW_CASE: ReviewCaseValues = { kind: "reconsideration", trackingNumber: "", reference: "", filedOn: "", result: "", concludedOn: "", notes: "" };

/** Registers a reconsideration or litigation case, or corrects one (with `values.id`). */
export function ReviewCaseForm({ values, returnYear }: { values: ReviewCaseValues; returnYear?: number }) {
  const editing = values.id !== undefined;
  const [state, formAction] = useActionState(editing ? updateReviewCaseAction : createReviewCaseAction, initialFormState);
  const prefix = editing ? `case-${values.id}` : "case-new";
  return (
    <form action={formAction} className="stack" aria-label={editing ? "修改案件" : "登记案件"}>
      {editing ? <input type="hidden" name="id" value={values.id} /> : null}
      {returnYear ? <input type="hidden" name="returnYear" value={returnYear} /> : null}
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <SelectField
        name="kind"
        label="案件类型"
        state={state}
        idPrefix={prefix}
        defaultValue={values.kind}
        options={REVIEW_CASE_KINDS.map((kind) => ({ value: kind, label: REVIEW_KIND_LABELS[kind] }))}
        hint="复议机关作共同被告的案件，只由作出原行政行为的机关统计"
      />
      <TextField name="filedOn" label="申请复议或起诉日期" type="date" state={state} idPrefix={prefix} defaultValue={values.filedOn} required />
      <TextField name="reference" label="案号（可不填）" state={state} idPrefix={prefix} defaultValue={values.reference} />
      <TextField
        name="trackingNumber"
        label="涉及的申请编号（可不填）"
        state={state}
        idPrefix={prefix}
        defaultValue={values.trackingNumber}
        hint="本机关台账中的编号，例如 2026-0007"
      />
      <SelectField
        name="result"
        label="审结结果"
        state={state}
        idPrefix={prefix}
        defaultValue={values.result}
        placeholder="尚未审结"
        options={REVIEW_CASE_RESULTS.map((result) => ({ value: result, label: REVIEW_RESULT_LABELS[result] }))}
      />
      <TextField
        name="concludedOn"
        label="审结日期"
        type="date"
        state={state}
        idPrefix={prefix}
        defaultValue={values.concludedOn}
        hint="审结的案件计入审结当年的对应结果；年底尚未审结的计入当年“尚未审结”"
      />
      <TextAreaField name="notes" label="备注（可不填）" state={state} idPrefix={prefix} defaultValue={values.notes} rows={2} />
      <div className="actions">
        <SubmitButton>{editing ? "保存修改" : "登记案件"}</SubmitButton>
      </div>
    </form>
  );
}

/** Takes a case entered by mistake out of the register, with the reason the audit trail keeps. */
export function DeleteReviewCaseForm({ id, returnYear }: { id: number; returnYear?: number }) {
  const [state, formAction] = useActionState(deleteReviewCaseAction, initialFormState);
  return (
    <details className="void" open={state.status === "error" ? true : undefined}>
      <summary>删除此案件</summary>
      <form action={formAction} className="stack" aria-label="删除案件">
        <input type="hidden" name="id" value={id} />
        {returnYear ? <input type="hidden" name="returnYear" value={returnYear} /> : null}
        <p className="muted">只用于重复登记、误登记的案件。删除后不再计入今后生成的年度报告表四；已发布的报告不变，需要时发布更正版本。删除记录和理由保留在审计日志中（理由中请勿写申请人的个人信息）。</p>
        <FormMessage state={state} />
        {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
        <TextAreaField name="reason" label="删除理由" rows={2} state={state} idPrefix={`delete-case-${id}`} required />
        <div className="actions">
          <SubmitButton>删除</SubmitButton>
        </div>
      </form>
    </details>
  );
}
