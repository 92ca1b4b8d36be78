"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import type { AgencySummary } from "@/lib/server/agencies";
import { createAgencyAction, updateAgencyAction } from "./actions";

/** One form for a new agency and an existing one; an existing agency's code never changes. */
export function AgencyForm({ agencies, agency }: { agencies: AgencySummary[]; agency?: AgencySummary }) {
  const [state, formAction] = useActionState(agency ? updateAgencyAction : createAgencyAction, initialFormState);
  const parents = agencies.filter((candidate) => candidate.code !== agency?.code);
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      {agency ? (
        <input type="hidden" name="code" value={agency.code} />
      ) : (
        <TextField name="code" label="机构代码" state={state} hint="小写字母开头，可含数字和连字符，例如 jccq；创建后不可修改" required />
      )}
      <TextField name="name" label="机构名称" state={state} defaultValue={agency?.name} required />
      <SelectField
        name="parentCode"
        label="上级机构"
        state={state}
        defaultValue={agency?.parentCode}
        placeholder="（无）"
        options={parents.map((parent) => ({ value: parent.code, label: `${parent.name}（${parent.code}）` }))}
      />
      {agency ? (
        <SelectField
          name="active"
          label="状态"
          state={state}
          defaultValue={String(agency.active)}
          options={[{ value: "true", label: "启用" }, { value: "false", label: "停用" }]}
        />
      ) : null}
      <div className="actions"><SubmitButton>{agency ? "保存" : "创建机构"}</SubmitButton></div>
    </form>
  );
}
