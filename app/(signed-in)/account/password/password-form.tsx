"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/schemas";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      {state.status === "success" ? <p><Link href="/start">继续</Link></p> : null}
      <TextField name="currentPassword" label="当前密码" type="password" state={state} autoComplete="current-password" required />
      <TextField
        name="newPassword"
        label="新密码"
        type="password"
        state={state}
        autoComplete="new-password"
        hint={`至少 ${PASSWORD_MIN_LENGTH} 个字符，不能包含用户名`}
        required
      />
      <TextField name="confirmPassword" label="再次输入新密码" type="password" state={state} autoComplete="new-password" required />
      <div className="actions">
        <SubmitButton>修改密码</SubmitButton>
      </div>
    </form>
  );
}
