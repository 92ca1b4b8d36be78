import "server-only";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/client";
import type { SystemActor, UserActor } from "./actor";

/** Who did it: a signed-in user, the system (CLI), or nobody known (a failed sign-in for an unknown name). */
export type AuditActor = Pick<UserActor, "kind" | "userId" | "username"> | SystemActor | null;

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  agencyId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
};

/** Fields that must never reach the audit trail, whatever a caller passes in. */
const SECRET_KEYS = new Set(["password", "passwordHash", "password_hash", "newPassword", "currentPassword"]);

function serialise(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, inner: unknown) => (SECRET_KEYS.has(key) ? undefined : inner));
}

export function actorLabel(actor: AuditActor): { actorUserId: number | null; actorName: string } {
  if (!actor) return { actorUserId: null, actorName: "匿名" };
  if (actor.kind === "system") return { actorUserId: null, actorName: "system" };
  return { actorUserId: actor.userId, actorName: actor.username };
}

/** Written inside the caller's transaction, so a change and its record commit or fail together. */
export function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      ...actorLabel(actor),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      agencyId: entry.agencyId ?? null,
      before: serialise(entry.before),
      after: serialise(entry.after),
      detail: entry.detail ?? null,
    })
    .run();
}
