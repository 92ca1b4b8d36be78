import "server-only";
import { desc, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/client";
import { redactPersonalData } from "@/lib/audit/personal-fields";
import type { AuditAction } from "@/lib/audit/schemas";
import { entryHash, storableText } from "@/lib/audit/chain";
import type { SystemActor, UserActor } from "./actor";

/** Who did it: a signed-in user, the system (CLI), or nobody known (a failed sign-in for an unknown name). */
export type AuditActor = Pick<UserActor, "kind" | "userId" | "username"> | SystemActor | null;

export type AuditEntry = {
  action: AuditAction;
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

/** JSON.stringify already escapes what UTF-8 cannot hold; free text is made storable here. */
function storable(value: string | number | null | undefined): string | null {
  return value === undefined || value === null ? null : storableText(String(value));
}

export function actorLabel(actor: AuditActor): { actorUserId: number | null; actorName: string } {
  if (!actor) return { actorUserId: null, actorName: "匿名" };
  if (actor.kind === "system") return { actorUserId: null, actorName: "system" };
  return { actorUserId: actor.userId, actorName: actor.username };
}

/**
 * Written inside the caller's transaction, so a change and its record commit or fail together. The entry
 * is chained to the one before it (lib/audit/chain.ts): writes are BEGIN IMMEDIATE, so no other writer can
 * append between reading the last hash and inserting. Its id comes from AUTOINCREMENT and is part of the
 * hash, so the hash is set right after the insert (the trigger allows that once, on an entry without one).
 */
export function recordAudit(tx: Db, actor: AuditActor, raw: AuditEntry): void {
  // Personal data never reaches the trail: markers say that a field was filled in or changed (lib/audit/personal-fields).
  const entry = redactPersonalData(raw);
  const { actorUserId, actorName } = actorLabel(actor);
  const fields = {
    at: new Date().toISOString(),
    actorUserId,
    actorName: storableText(actorName),
    action: entry.action,
    entity: entry.entity,
    entityId: storable(entry.entityId),
    agencyId: entry.agencyId ?? null,
    before: serialise(entry.before),
    after: serialise(entry.after),
    detail: storable(entry.detail),
  };
  const prevHash = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.hash ?? null;
  const { id } = tx.insert(auditLog).values({ ...fields, prevHash }).returning({ id: auditLog.id }).get();
  tx.update(auditLog).set({ hash: entryHash({ id, ...fields }, prevHash) }).where(eq(auditLog.id, id)).run();
}
