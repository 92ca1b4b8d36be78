import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions, users, type Role } from "@/db/schema";
import { secondFactorRequired } from "@/lib/auth/second-factor";
import { currentSource, deny } from "./context";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "./timeouts";

/** Writing last-seen on every request would turn each page view into a write; once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export type UserActor = {
  kind: "user";
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  sessionId: string;
  mustChangePassword: boolean;
  /** An admin or auditor without an enabled second factor: may do nothing but enrol one. */
  mustEnrollSecondFactor: boolean;
};
export type SystemActor = { kind: "system" };
export type Actor = UserActor | SystemActor;

type RequireOptions = {
  roles: readonly Role[];
  /** Only the password change itself and signing out may run before a reset password is replaced. */
  allowPendingPasswordChange?: boolean;
  /** Only enrolling a second factor (and the above) may run before a role that requires one has it. */
  allowPendingSecondFactor?: boolean;
};

function endSessionRow(sessionId: string, at: string): void {
  db().update(sessions).set({ endedAt: at }).where(eq(sessions.id, sessionId)).run();
}

/** Loads the caller's live session, or null when it is missing, ended, timed out or outdated. */
async function loadUserActor(sessionId: string): Promise<UserActor | null> {
  const row = db()
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row || row.session.endedAt) return null;
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const idleFor = now - Date.parse(row.session.lastSeenAt);
  const age = now - Date.parse(row.session.createdAt);
  if (
    row.user.disabled ||
    row.user.sessionVersion !== row.session.sessionVersion ||
    idleFor > IDLE_TIMEOUT_MS ||
    age > ABSOLUTE_TIMEOUT_MS
  ) {
    endSessionRow(sessionId, nowIso);
    return null;
  }
  if (idleFor > LAST_SEEN_RESOLUTION_MS) {
    db().update(sessions).set({ lastSeenAt: nowIso }).where(eq(sessions.id, sessionId)).run();
  }
  return {
    kind: "user",
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role,
    agencyId: row.user.agencyId,
    sessionId,
    mustChangePassword: row.user.mustChangePassword,
    mustEnrollSecondFactor: secondFactorRequired(row.user.role) && row.user.totpEnabledAt === null,
  };
}

/**
 * The first line of every exported data-layer function. The system actor (the CLI) passes every role
 * check; a user must hold a live session and one of the roles.
 */
export async function requireActor(options: RequireOptions): Promise<Actor> {
  const source = currentSource();
  if (source.kind === "system") return { kind: "system" };
  const sessionId = await source.sessionId();
  const actor = sessionId ? await loadUserActor(sessionId) : null;
  if (!actor) deny("unauthenticated");
  // A reset password is replaced first, then the second factor enrolled: the order the user meets them.
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) deny("password_change_required");
  if (actor.mustEnrollSecondFactor && !options.allowPendingSecondFactor) deny("second_factor_required");
  if (!options.roles.includes(actor.role)) deny("forbidden");
  return actor;
}

/** For clerks and reviewers: the agency every query of theirs is scoped to. */
export function agencyScope(actor: Actor): number | null {
  return actor.kind === "user" ? actor.agencyId : null;
}
