import { z } from "zod";
import { isIsoDate, todayInChina } from "@/lib/calendar";
import { APPLICANT_TYPE_CODES, checkIdentityNumber } from "@/lib/identity";
import { CHANNELS, FORMS_WANTED } from "./codes";
import { proposeReceiptDate } from "./receipt-date";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字符` })
    .optional()
    .transform((value) => (value ? value : null));

const requiredText = (max: number, message: string, label: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: `${label}最多 ${max} 个字符` });

const date = (message: string) => z.string({ error: message }).trim().refine(isIsoDate, { error: message });

/**
 * One application as staff register it (and as they correct its registration later). Shared by the
 * form, the server action and the data layer; `today` is a parameter so tests can pin it.
 */
export function registrationSchema(today: string = todayInChina()) {
  // Building the schema costs about a millisecond; every registration and every imported file asks for it.
  if (cached?.today === today) return cached.schema;
  const schema = buildRegistrationSchema(today);
  cached = { today, schema };
  return schema;
}

let cached: { today: string; schema: ReturnType<typeof buildRegistrationSchema> } | undefined;

function buildRegistrationSchema(today: string) {
  return z
    .object({
      channel: z.enum(CHANNELS, { error: "请选择申请方式" }),
      arrivedOn: date("请填写实际收到日期（YYYY-MM-DD）"),
      receivedOn: z.string().trim().optional(),
      receivedOnReason: optionalText(200, "理由"),
      applicantType: z.enum(APPLICANT_TYPE_CODES, { error: "请选择申请人类型" }),
      applicantName: requiredText(100, "请填写申请人姓名或名称", "申请人"),
      idNumber: optionalText(18, "证件号码"),
      phone: optionalText(30, "联系电话").refine((value) => value === null || /^[0-9+\-\s()（）转]{5,30}$/.test(value), {
        error: "联系电话只能包含数字、空格、+、-、括号",
      }),
      address: optionalText(200, "通讯地址"),
      agentName: optionalText(100, "代理人"),
      agentPhone: optionalText(30, "代理人电话"),
      description: requiredText(2000, "请填写所需政府信息的名称、文号或描述", "申请内容"),
      formWanted: z.enum(FORMS_WANTED, { error: "请选择获取信息的方式" }),
      notes: optionalText(1000, "备注"),
    })
    .transform((value, ctx) => {
      const proposal = proposeReceiptDate(value.channel, value.arrivedOn);
      const receivedOn = value.receivedOn ? value.receivedOn : proposal.date;
      if (value.arrivedOn > today) ctx.addIssue({ code: "custom", path: ["arrivedOn"], message: "实际收到日期不能晚于今天" });
      if (!isIsoDate(receivedOn)) {
        ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "收到申请日期应为 YYYY-MM-DD" });
      } else {
        if (receivedOn < value.arrivedOn) ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "收到申请日期不能早于实际收到日期" });
        if (receivedOn > today) ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "收到申请日期不能晚于今天" });
        if (receivedOn !== proposal.date && !value.receivedOnReason) {
          ctx.addIssue({ code: "custom", path: ["receivedOnReason"], message: `收到申请日期与按第三十一条推定的 ${proposal.date} 不同，请说明理由` });
        }
      }
      let idNumber = value.idNumber;
      if (idNumber) {
        const checked = checkIdentityNumber(idNumber, value.applicantType);
        if (checked.ok) idNumber = checked.normalized;
        else ctx.addIssue({ code: "custom", path: ["idNumber"], message: checked.reason });
      }
      return { ...value, receivedOn, idNumber, receivedOnReason: receivedOn === proposal.date ? null : value.receivedOnReason };
    });
}

export type Registration = z.output<ReturnType<typeof registrationSchema>>;
