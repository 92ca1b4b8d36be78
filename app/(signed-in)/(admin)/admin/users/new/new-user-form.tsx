"use client";

import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import type { AgencySummary } from "@/lib/server/agencies";
import { createUserAction } from "../actions";
import { UserFields } from "../user-fields";

export function NewUserForm({ agencies }: { agencies: AgencySummary[] }) {
  const [state, formAction] = useActionState(createUserAction, initialFormState);
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      {state.secret ? <p>初始密码：<span className="secret" data-testid="generated-password">{state.secret}</span></p> : null}
      <TextField name="username" label="用户名" state={state} hint="小写字母开头，可含数字、点、下划线、连字符" autoComplete="off" required />
      <UserFields state={state} agencies={agencies} />
      <div className="actions">
        <SubmitButton>创建用户</SubmitButton>
      </div>
    </form>
  );
}
