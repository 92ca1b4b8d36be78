"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { RegistrationFields } from "../registration-fields";
import { registerApplicationAction } from "./actions";

export function RegistrationForm() {
  const [state, formAction] = useActionState(registerApplicationAction, initialFormState);
  return (
    <form action={formAction} className="stack registration" aria-label="登记申请">
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <RegistrationFields state={state} />
      <div className="actions">
        <SubmitButton>登记</SubmitButton>
      </div>
    </form>
  );
}
