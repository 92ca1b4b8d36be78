"use client";

import { useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/app/_ui/fields";
import type { FormState } from "@/lib/forms";
import { CHANNELS, type Channel } from "@/lib/ledger/codes";
import { proposeReceiptDate } from "@/lib/ledger/receipt-date";
import { applicantTypeOptions, channelOptions, formWantedOptions } from "./labels";

export type RegistrationDefaults = Partial<Record<
  | "channel"
  | "arrivedOn"
  | "receivedOn"
  | "receivedOnReason"
  | "applicantType"
  | "applicantName"
  | "idNumber"
  | "phone"
  | "address"
  | "agentName"
  | "agentPhone"
  | "description"
  | "formWanted"
  | "notes",
  string | null
>>;

const RECEIPT_RULES = Object.fromEntries(CHANNELS.map((channel) => [channel, proposeReceiptDate(channel, "2000-01-01").rule])) as Record<Channel, string>;

function isChannel(value: string | null | undefined): value is Channel {
  return (CHANNELS as readonly string[]).includes(value ?? "");
}

/**
 * The registration fields (art. 29 and 31), shared by the new-application form and the edit form.
 * The hint under 收到申请之日 follows the chosen channel; without JavaScript it shows the rule of the
 * channel the page was rendered with.
 */
export function RegistrationFields({ state, defaults }: { state: FormState; defaults?: RegistrationDefaults }) {
  const initialChannel = state.values?.channel ?? defaults?.channel ?? "";
  const [channel, setChannel] = useState<string>(initialChannel);
  const [seenChannel, setSeenChannel] = useState(initialChannel);
  // A refused submission brings the channel typed back; follow it.
  if (initialChannel !== seenChannel) {
    setSeenChannel(initialChannel);
    setChannel(initialChannel);
  }
  const rule = isChannel(channel) ? RECEIPT_RULES[channel] : "按第三十一条，依申请方式确定";

  return (
    <>
      <fieldset>
        <legend>收件</legend>
        <div
          onChange={(event) => {
            const target = event.target;
            if (target instanceof HTMLSelectElement && target.name === "channel") setChannel(target.value);
          }}
        >
          <SelectField name="channel" label="申请方式" state={state} defaultValue={defaults?.channel} placeholder="请选择" options={channelOptions} required autoFocus />
        </div>
        <TextField name="arrivedOn" label="实际收到日期" type="date" state={state} defaultValue={defaults?.arrivedOn} required hint="申请材料实际到达本机关的日期" />
        <TextField
          name="receivedOn"
          label="收到申请之日"
          type="date"
          state={state}
          defaultValue={defaults?.receivedOn}
          hint={<>留空则取实际收到日期：{rule}。各项期限自此日起算。</>}
        />
        <TextField name="receivedOnReason" label="理由" state={state} defaultValue={defaults?.receivedOnReason} hint="收到申请之日与实际收到日期不同时填写，例如与申请人确认的日期" />
      </fieldset>

      <fieldset>
        <legend>申请人</legend>
        <SelectField name="applicantType" label="申请人类型" state={state} defaultValue={defaults?.applicantType} placeholder="请选择" options={applicantTypeOptions} required />
        <TextField name="applicantName" label="申请人姓名或名称" state={state} defaultValue={defaults?.applicantName} autoComplete="off" required />
        <TextField name="idNumber" label="证件号码" state={state} defaultValue={defaults?.idNumber} autoComplete="off" hint="身份证号码或统一社会信用代码" />
        <TextField name="phone" label="联系电话" state={state} defaultValue={defaults?.phone} autoComplete="off" />
        <TextField name="address" label="通讯地址" state={state} defaultValue={defaults?.address} autoComplete="off" />
        <TextField name="agentName" label="代理人" state={state} defaultValue={defaults?.agentName} autoComplete="off" hint="委托他人代为申请时填写；统计时计入申请人" />
        <TextField name="agentPhone" label="代理人电话" state={state} defaultValue={defaults?.agentPhone} autoComplete="off" />
      </fieldset>

      <fieldset>
        <legend>申请内容</legend>
        <TextAreaField name="description" label="所需信息" state={state} defaultValue={defaults?.description} rows={4} required hint="政府信息的名称、文号或者便于查询的其他特征性描述" />
        <SelectField name="formWanted" label="获取信息的方式" state={state} defaultValue={defaults?.formWanted} placeholder="请选择" options={formWantedOptions} required />
        <TextAreaField name="notes" label="备注" state={state} defaultValue={defaults?.notes} rows={2} />
      </fieldset>
    </>
  );
}
