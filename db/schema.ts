import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Timestamps are ISO-8601 UTC strings: portable to PostgreSQL and readable in a dump. */

export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => agencies.id),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("agencies_code_unique").on(t.code), index("agencies_parent_idx").on(t.parentId)],
);

export const ROLES = ["admin", "clerk", "reviewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Raised whenever existing sessions must end: disabling, a password change, a new role or agency. */
    sessionVersion: integer("session_version").notNull().default(1),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: text("locked_until"),
    lastSignInAt: text("last_sign_in_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    index("users_agency_idx").on(t.agencyId),
    check("users_role_check", sql`${t.role} in ('admin','clerk','reviewer','auditor')`),
    check(
      "users_agency_role_check",
      sql`(${t.role} in ('clerk','reviewer')) = (${t.agencyId} is not null)`,
    ),
  ],
);

/** One row per sign-in; the signed cookie only carries its id, so the server can end it at any time. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    sessionVersion: integer("session_version").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    endedAt: text("ended_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Append-only: migration 0001 adds triggers that refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    agencyId: integer("agency_id"),
    before: text("before"),
    after: text("after"),
    detail: text("detail"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_action_idx").on(t.action, t.at),
  ],
);
