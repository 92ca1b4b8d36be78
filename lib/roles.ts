import type { Role } from "@/db/schema";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理员",
  clerk: "经办人",
  reviewer: "审核人",
  auditor: "审计员",
};

/** Clerks and reviewers work inside one agency; admins and auditors stand outside every agency. */
export function roleNeedsAgency(role: Role): boolean {
  return role === "clerk" || role === "reviewer";
}

/** Roles allowed to handle applications: the reviewer (office head) can do all a clerk does. */
export const STAFF_ROLES = ["clerk", "reviewer"] as const satisfies readonly Role[];
