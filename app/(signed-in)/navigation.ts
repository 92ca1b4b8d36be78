import type { Role } from "@/lib/roles";

export type NavItem = { href: string; label: string };

/** Each role sees only where it may go; the data layer refuses the rest anyway. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  admin: [
    { href: "/admin/users", label: "用户管理" },
    { href: "/admin/agencies", label: "机构管理" },
    { href: "/admin/calendar", label: "工作日历" },
  ],
  clerk: [
    { href: "/staff", label: "工作台" },
    { href: "/staff/applications", label: "台账" },
    { href: "/staff/reports", label: "年度报告" },
  ],
  reviewer: [
    { href: "/staff", label: "工作台" },
    { href: "/staff/applications", label: "台账" },
    { href: "/staff/reports", label: "年度报告" },
  ],
  auditor: [{ href: "/audit", label: "审计日志" }],
};

/** The user's own account, for every role; the only pages open while a password change or enrolment is due. */
export const ACCOUNT_NAVIGATION: NavItem[] = [
  { href: "/account/password", label: "修改密码" },
  { href: "/account/security", label: "二次验证" },
];

export function homeFor(role: Role): string {
  return NAVIGATION[role][0]?.href ?? "/account/password";
}
