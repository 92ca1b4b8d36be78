"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useRef } from "react";
import { FormMessage, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { signInSchema } from "@/lib/accounts/schemas";
import { SECOND_FACTOR_REQUIRED } from "@/lib/auth/second-factor";
import { fieldErrorsOf, initialFormState, typedValues, type FormState } from "@/lib/forms";

/** One answer for every refusal, so it does not tell whether a username exists or is locked. */
const REFUSED = "用户名或密码不正确，或账户已被暂时锁定。";
/** At the second step the password was right; a wrong code (or a lockout meanwhile) gets this one answer. */
const CODE_REFUSED = "动态验证码或恢复码不正确，或账户已被暂时锁定。";
const CODE_STEP = "code";

/**
 * Two steps, as products with a second factor do: username and password; then, only for an account
 * with a second factor, the code from the authenticator app (or a recovery code). The password is kept
 * in this component's memory between the steps, never written back into the page, and the server
 * checks it again together with the code: the first step alone opens nothing.
 */
export function LoginForm() {
  const router = useRouter();
  const password = useRef("");
  const [state, formAction] = useActionState(async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = typedValues(formData);
    const codeStep = values.step === CODE_STEP;
    if (!codeStep) password.current = String(formData.get("password") ?? "");
    const parsed = signInSchema.safeParse({ username: formData.get("username"), password: password.current, otp: formData.get("otp") ?? undefined });
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    if (codeStep && !parsed.data.otp) return { status: "error", fieldErrors: { otp: "请输入动态验证码或恢复码" }, values };
    const result = await signIn("credentials", { ...parsed.data, otp: parsed.data.otp ?? "", redirect: false });
    if (result?.error === SECOND_FACTOR_REQUIRED) return { status: "idle", values: { username: parsed.data.username, step: CODE_STEP } };
    if (!result?.ok) {
      if (!codeStep) password.current = "";
      return { status: "error", message: codeStep ? CODE_REFUSED : REFUSED, values: { ...values, otp: "" } };
    }
    password.current = "";
    router.replace("/start");
    router.refresh();
    return { status: "success", message: "登录成功，正在进入……" };
  }, initialFormState);

  if (state.values?.step === CODE_STEP) {
    return (
      <form action={formAction} className="stack" noValidate>
        <FormMessage state={state} />
        <p>
          用户名：<strong>{state.values.username}</strong>
          <input type="hidden" name="username" value={state.values.username ?? ""} />
          <input type="hidden" name="step" value={CODE_STEP} />
        </p>
        <TextField
          name="otp"
          label="动态验证码"
          state={state}
          autoComplete="one-time-code"
          hint="此账户已启用二次验证：请输入手机上身份验证器应用显示的 6 位数字。手机不在身边时，可输入一个恢复码。"
          autoFocus
          required
        />
        <div className="actions">
          <SubmitButton>登录</SubmitButton>
          {/* A full page load forgets the password kept between the steps. */}
          <a href="/login">换一个账户</a>
        </div>
      </form>
    );
  }

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
