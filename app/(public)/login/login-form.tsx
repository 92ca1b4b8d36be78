"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { signInSchema } from "@/lib/accounts/schemas";
import { fieldErrorsOf, initialFormState, typedValues, type FormState } from "@/lib/forms";

/** One answer for every refusal, so it does not tell whether a username exists or is locked. */
const REFUSED = "用户名或密码不正确，或账户已被暂时锁定。";

export function LoginForm() {
  const router = useRouter();
  const [state, formAction] = useActionState(async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = typedValues(formData);
    const parsed = signInSchema.safeParse({ username: formData.get("username"), password: formData.get("password") });
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result?.ok) return { status: "error", message: REFUSED, values };
    router.replace("/start");
    router.refresh();
    return { status: "success", message: "登录成功，正在进入……" };
  }, initialFormState);

  return (
    <form action={formAction} className="stack" noValidate>
      <noscript>
        <p className="form-message error">登录需要启用浏览器的 JavaScript。</p>
      </noscript>
      <FormMessage state={state} />
      <TextField name="username" label="用户名" state={state} autoComplete="username" autoFocus required />
      <TextField name="password" label="密码" type="password" state={state} autoComplete="current-password" required />
      <div className="actions">
        <SubmitButton>登录</SubmitButton>
      </div>
    </form>
  );
}
