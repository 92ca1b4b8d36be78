"use client";

import { useActionState } from "react";
import { FormMessage, TextAreaField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { RegistrationFields, type RegistrationDefaults } from "../../registration-fields";
import { updateRegistrationAction } from "./actions";

export function EditRegistrationForm({ applicationId, defaults }: { applicationId: number; defaults: RegistrationDefaults }) {
  const [state, formAction] = useActionState(updateRegistrationAction, initialFormState);
  return (
    <form action={formAction} className="stack registration" aria-label="修改登记信息">
      <input type="hidden" name="id" value={applicationId} />
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <RegistrationFields state={state} defaults={defaults} />
      <fieldset>
        <legend>修改理由</legend>
        <TextAreaField name="changeReason" label="修改理由" state={state} rows={2} required hint="记入审计日志，例如「申请人姓名录入有误」" />
      </fieldset>
      <div className="actions">
        <SubmitButton>保存修改</SubmitButton>
      </div>
    </form>
  );
}
