import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .max(64, { error: "最多 64 个字符" })
  .optional()
  .transform((value) => (value ? value : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }).optional());

export const auditFilterSchema = z
  .object({
    user: optionalText,
    action: optionalText,
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number().int().min(1).max(100000).catch(1),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期不能早于开始日期" });
    }
  });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Chinese names of the audited actions, for the auditor's filter and list; an action without one does not compile. */
export const AUDIT_ACTION_LABELS = {
  "auth.sign_in": "登录成功",
  "auth.sign_in_failed": "登录失败",
  "auth.locked": "账户锁定",
  "auth.sign_out": "退出登录",
  "user.create": "创建用户",
  "user.update": "修改用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.reset_password": "重置密码",
  "user.unlock": "解除锁定",
  "user.change_password": "修改本人密码",
  "user.reset_second_factor": "重置二次验证",
  "second_factor.enrollment_start": "开始绑定二次验证",
  "second_factor.enable": "启用二次验证",
  "second_factor.recovery_codes_regenerate": "重新生成恢复码",
  "second_factor.disable": "关闭二次验证",
  "agency.create": "创建机构",
  "agency.update": "修改机构",
  "application.register": "登记申请",
  "application.update": "修改登记信息",
  "application.event": "记录办理事项",
  "application.event_correct": "更正办理事项",
  "application.void": "作废申请",
  "application.import": "导入台账",
  "application.export": "导出台账",
  "review_case.create": "登记复议诉讼案件",
  "review_case.update": "修改复议诉讼案件",
  "review_case.delete": "删除复议诉讼案件",
  "report.proactive": "填写年度报告表二",
  "report.sections": "修改年度报告正文",
  "report.sections_restore": "恢复年度报告正文",
  "report.submit": "提交年度报告审核",
  "report.return": "退回年度报告",
  "report.publish": "发布年度报告",
  "report.import_historical": "录入历史年度报告",
  "calendar.set_day": "修改工作日历",
  "calendar.remove_day": "删除日历安排",
  "calendar.set_year": "标记年度安排",
  "audit.export": "导出审计日志",
  "system.backup": "数据库备份",
  "system.restore": "数据库恢复",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The label of a stored action; an action of an older version without one shows as stored. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
