export type IdentityCheck = { ok: true; normalized: string } | { ok: false; reason: string };

export function valid(normalized: string): IdentityCheck {
  return { ok: true, normalized };
}

export function invalid(reason: string): IdentityCheck {
  return { ok: false, reason };
}
