import { z } from "zod";
import { ROLES } from "@/db/schema";
import { roleNeedsAgency } from "@/lib/roles";

export const PASSWORD_MIN_LENGTH = 10;

export const usernameSchema = z
  .string({ error: "请输入用户名" })
  .trim()
  .min(3, { error: "用户名至少 3 个字符" })
  .max(32, { error: "用户名最多 32 个字符" })
  .regex(/^[a-z][a-z0-9._-]*$/, { error: "用户名以小写字母开头，只能包含小写字母、数字、点、下划线和连字符" });

const displayNameSchema = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(1, { error: "请输入姓名" })
  .max(50, { error: "姓名最多 50 个字符" });

const roleSchema = z.enum(ROLES, { error: "请选择角色" });

/** "" from an empty <select> means no agency. */
const agencyCodeField = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null);

function agencyMatchesRole(value: { role: (typeof ROLES)[number]; agencyCode: string | null }, ctx: z.RefinementCtx) {
  if (roleNeedsAgency(value.role) && !value.agencyCode) {
    ctx.addIssue({ code: "custom", path: ["agencyCode"], message: "经办人和审核人必须属于一个机构" });
  }
  if (!roleNeedsAgency(value.role) && value.agencyCode) {
    ctx.addIssue({ code: "custom", path: ["agencyCode"], message: "管理员和审计员不属于任何机构" });
  }
}

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    agencyCode: agencyCodeField,
  })
  .superRefine(agencyMatchesRole);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayNameSchema,
    role: roleSchema,
    agencyCode: agencyCodeField,
  })
  .superRefine(agencyMatchesRole);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The policy every new password must meet; the username is needed to refuse passwords containing it. */
export function passwordPolicyIssue(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (password.length > 200) return "密码最多 200 个字符";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "密码不能包含用户名";
  return null;
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, { error: "请输入当前密码" }),
    newPassword: z.string({ error: "请输入新密码" }).min(1, { error: "请输入新密码" }),
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的新密码不一致" });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "新密码不能与当前密码相同" });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const signInSchema = z.object({
  username: z.string({ error: "请输入用户名" }).trim().toLowerCase().min(1, { error: "请输入用户名" }).max(64),
  password: z.string({ error: "请输入密码" }).min(1, { error: "请输入密码" }).max(200),
  /** The second step: a 6-digit code from the authenticator app, or a recovery code; absent at first. */
  otp: z
    .string()
    .trim()
    .max(64, { error: "动态验证码或恢复码不正确" })
    .optional()
    .transform((value) => value || undefined),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const userIdSchema = z.coerce.number({ error: "用户编号无效" }).int().positive();

/** A code from the authenticator app, where only the app will do (confirming it, renewing recovery codes). */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: "请输入动态验证码" })
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().min(1, { error: "请输入动态验证码" }).regex(/^\d{6}$/, { error: "动态验证码是 6 位数字" })),
});
export type TotpCodeInput = z.infer<typeof totpCodeSchema>;

/** A code from the app or, when the phone is gone, one of the recovery codes. */
export const secondFactorCodeSchema = z.object({
  code: z
    .string({ error: "请输入动态验证码或恢复码" })
    .trim()
    .min(1, { error: "请输入动态验证码或恢复码" })
    .max(64, { error: "动态验证码或恢复码不正确" }),
});
export type SecondFactorCodeInput = z.infer<typeof secondFactorCodeSchema>;

/** The admin's reset of someone's second factor asks for an explicit tick, so it is never one stray click. */
export const resetSecondFactorSchema = z.object({
  confirm: z.literal("yes", { error: "请勾选确认：已核实本人身份" }),
});
