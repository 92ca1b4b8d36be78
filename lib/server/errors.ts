/** Why a caller may not go on. Each request source decides what the caller sees (redirect, 404, exception). */
export type DenyReason = "unauthenticated" | "password_change_required" | "second_factor_required" | "forbidden" | "not_found";

export class AccessError extends Error {
  constructor(readonly reason: DenyReason) {
    super(`access denied: ${reason}`);
    this.name = "AccessError";
  }
}

/** Input that passed its schema but breaks a rule only the database can judge (e.g. a taken username). */
export class InputError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join("；"));
    this.name = "InputError";
  }
}
