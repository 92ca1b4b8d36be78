import type { Role } from "@/db/schema";

/**
 * 等保 level 3 expects two factors for administrators: the admin manages every account and the auditor
 * reads everyone's trail, so both must sign in with a code from an authenticator app. Clerks and
 * reviewers may turn it on for themselves.
 */
export const SECOND_FACTOR_REQUIRED_ROLES = ["admin", "auditor"] as const satisfies readonly Role[];
export const SECOND_FACTOR_OPTIONAL_ROLES = ["clerk", "reviewer"] as const satisfies readonly Role[];

export function secondFactorRequired(role: Role): boolean {
  return (SECOND_FACTOR_REQUIRED_ROLES as readonly Role[]).includes(role);
}

/** The name the authenticator app shows above the account. */
export const TOTP_ISSUER = "gongkai 公开";

/** What the credentials provider answers when the password was right and a code is needed next. */
export const SECOND_FACTOR_REQUIRED = "SecondFactorRequired";
