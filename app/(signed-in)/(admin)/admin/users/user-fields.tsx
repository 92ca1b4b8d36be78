import { SelectField, TextField } from "@/app/_ui/fields";
import type { FormState } from "@/lib/forms";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/roles";
import type { AgencySummary } from "@/lib/server/agencies";

export type UserFieldDefaults = { displayName?: string; role?: string; agencyCode?: string | null };

/** The fields a new user and an edited user share. */
export function UserFields({ state, agencies, defaults }: { state: FormState; agencies: AgencySummary[]; defaults?: UserFieldDefaults }) {
  return (
    <>
      <TextField name="displayName" label="姓名" state={state} defaultValue={defaults?.displayName} required />
      <SelectField
        name="role"
        label="角色"
        state={state}
        defaultValue={defaults?.role}
        placeholder="请选择"
        options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        hint="管理员：账户与机构；经办人：登记办理申请；审核人：审批、签发报告；审计员：只读审计日志"
        required
      />
      <SelectField
        name="agencyCode"
        label="所属机构"
        state={state}
        defaultValue={defaults?.agencyCode}
        placeholder="（不属于机构：管理员、审计员）"
        options={agencies.filter((agency) => agency.active).map((agency) => ({ value: agency.code, label: `${agency.name}（${agency.code}）` }))}
        hint="经办人和审核人必须选择所属机构"
      />
    </>
  );
}
