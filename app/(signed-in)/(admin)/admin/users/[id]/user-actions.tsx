"use client";

import { useActionState } from "react";
import { CheckboxField, FormMessage } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import type { AgencySummary } from "@/lib/server/agencies";
import type { UserSummary } from "@/lib/server/users";
import { resetPasswordAction, resetSecondFactorAction, setUserDisabledAction, unlockUserAction, updateUserAction } from "../actions";
import { UserFields } from "../user-fields";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

function OneButtonForm({ action, userId, label, extra, secondary }: { action: Action; userId: number; label: string; extra?: Record<string, string>; secondary?: boolean }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="id" value={userId} />
      {Object.entries(extra ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      {state.secret ? <p>新密码：<span className="secret" data-testid="generated-password">{state.secret}</span></p> : null}
      <div className="actions"><SubmitButton className={secondary ? "secondary" : undefined}>{label}</SubmitButton></div>
    </form>
  );
}

export function EditUserForm({ user, agencies }: { user: UserSummary; agencies: AgencySummary[] }) {
  const [state, formAction] = useActionState(updateUserAction, initialFormState);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="id" value={user.id} />
      <FormMessage state={state} />
      <UserFields state={state} agencies={agencies} defaults={user} />
      <div className="actions"><SubmitButton>保存</SubmitButton></div>
    </form>
  );
}

/**
 * For a user who lost both the phone and the recovery codes; a tick confirms that who they are was
 * checked. Always mounted, so its message survives the reset that makes the form itself go away.
 */
function ResetSecondFactorForm({ userId, enabled }: { userId: number; enabled: boolean }) {
  const [state, formAction] = useActionState(resetSecondFactorAction, initialFormState);
  if (!enabled) return state.status === "success" ? <FormMessage state={state} /> : null;
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="id" value={userId} />
      <FormMessage state={state} />
      {state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null}
      <CheckboxField name="confirm" value="yes" label="已核实本人身份，确认重置" state={state} hint="原绑定和恢复码作废，本人须重新绑定" />
      <div className="actions"><SubmitButton className="secondary">重置二次验证</SubmitButton></div>
    </form>
  );
}

export function UserAccountActions({ user, locked }: { user: UserSummary; locked: boolean }) {
  return (
    <div className="cards">
      <OneButtonForm action={resetPasswordAction} userId={user.id} label="重置密码" secondary />
      <ResetSecondFactorForm userId={user.id} enabled={user.secondFactorEnabledAt !== null} />
      {locked ? <OneButtonForm action={unlockUserAction} userId={user.id} label="解除锁定" secondary /> : null}
      {user.disabled ? (
        <OneButtonForm action={setUserDisabledAction} userId={user.id} label="重新启用" extra={{ disabled: "false" }} />
      ) : (
        <OneButtonForm action={setUserDisabledAction} userId={user.id} label="停用账户" extra={{ disabled: "true" }} />
      )}
    </div>
  );
}
