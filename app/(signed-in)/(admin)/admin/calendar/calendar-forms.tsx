"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { removeCalendarDayAction, setCalendarDayAction, setCalendarYearAction } from "./actions";

export function CalendarDayForm({ year }: { year: number }) {
  const [state, formAction] = useActionState(setCalendarDayAction, initialFormState);
  return (
    <form action={formAction} className="filters" aria-label="添加或修改一天">
      <TextField name="date" label="日期" type="date" state={state} defaultValue={`${year}-01-01`} required />
      <SelectField
        name="kind"
        label="类型"
        state={state}
        options={[{ value: "holiday", label: "放假" }, { value: "make_up_workday", label: "调休上班" }]}
      />
      <TextField name="name" label="节日" state={state} hint="例如 春节、国庆节" required />
      <div className="actions"><SubmitButton>保存</SubmitButton></div>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveDayButton({ date }: { date: string }) {
  const [state, formAction] = useActionState(removeCalendarDayAction, initialFormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="date" value={date} />
      <SubmitButton className="secondary">删除</SubmitButton>
      {state.status === "error" ? <span className="error" role="alert">{state.fieldErrors?.date ?? state.message}</span> : null}
    </form>
  );
}

export function CalendarYearForm({ year, published, source }: { year: number; published: boolean; source: string | null }) {
  const [state, formAction] = useActionState(setCalendarYearAction, initialFormState);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="published" value={published ? "false" : "true"} />
      <FormMessage state={state} />
      {published ? (
        <p>依据：{source}</p>
      ) : (
        <TextField name="source" label="国务院办公厅通知（名称和文号）" state={state} hint="全部放假和调休日期录入后，再标为已公布" />
      )}
      <div className="actions">
        <SubmitButton className={published ? "secondary" : undefined}>{published ? "撤销已公布标记" : `标记 ${year} 年安排已公布`}</SubmitButton>
      </div>
    </form>
  );
}
