"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { confirmLedgerImportAction, discardLedgerImportAction, uploadLedgerImportAction } from "./actions";

export function UploadForm({ maxMb }: { maxMb: number }) {
  const [state, formAction] = useActionState(uploadLedgerImportAction, initialFormState);
  const error = state.fieldErrors?.file;
  return (
    <form action={formAction} className="stack" aria-label="上传台账文件">
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <div className="field">
        <label htmlFor="field-file">台账文件</label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`field-file-hint${error ? " field-file-error" : ""}`}
        />
        <span className="hint" id="field-file-hint">
          .xlsx（读取第一个工作表）或 .csv（UTF-8 或 GB18030），不超过 {maxMb} MB
        </span>
        {error ? <p className="error" id="field-file-error" role="alert">{error}</p> : null}
      </div>
      <div className="actions">
        <SubmitButton>上传并检查</SubmitButton>
      </div>
    </form>
  );
}

export function ConfirmForm({ id, rows }: { id: string; rows: number }) {
  const [state, formAction] = useActionState(confirmLedgerImportAction, initialFormState);
  return (
    <form action={formAction} aria-label="确认导入">
      <input type="hidden" name="id" value={id} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <SubmitButton>确认导入这 {rows} 行</SubmitButton>
    </form>
  );
}

export function DiscardForm({ id, label = "放弃，删除上传的文件" }: { id: string; label?: string }) {
  const [state, formAction] = useActionState(discardLedgerImportAction, initialFormState);
  return (
    <form action={formAction} aria-label="放弃导入">
      <input type="hidden" name="id" value={id} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <SubmitButton className="secondary">{label}</SubmitButton>
    </form>
  );
}
