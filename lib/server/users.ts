import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db, writeTransaction, type Db } from "@/db/client";
import { agencies, ROLES, sessions, users } from "@/db/schema";
import {
  changePasswordSchema,
  createUserSchema,
  passwordPolicyIssue,
  updateUserSchema,
  userIdSchema,
  usernameSchema,
} from "@/lib/accounts/schemas";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { requireActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";

const ADMIN_ONLY = ["admin"] as const;

export type UserSummary = {
  id: number;
  username: string;
  displayName: string;
  role: (typeof ROLES)[number];
  agencyCode: string | null;
  agencyName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  /** When the user confirmed an authenticator app; null while they have no second factor. */
  secondFactorEnabledAt: string | null;
};

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  agencyCode: agencies.code,
  agencyName: agencies.name,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  lastSignInAt: users.lastSignInAt,
  secondFactorEnabledAt: users.totpEnabledAt,
};

/** What the audit trail keeps of a user: never the hash, never the TOTP secret. */
function auditView(user: typeof users.$inferSelect) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    secondFactor: user.totpEnabledAt !== null,
  };
}

function agencyIdFor(tx: Db, code: string | null): number | null {
  if (code === null) return null;
  const agency = tx.select({ id: agencies.id, active: agencies.active }).from(agencies).where(eq(agencies.code, code)).get();
  if (!agency || !agency.active) throw new InputError({ agencyCode: "机构不存在或已停用" });
  return agency.id;
}

function loadUser(tx: Db, rawId: unknown) {
  const id = userIdSchema.safeParse(rawId);
  const user = id.success ? tx.select().from(users).where(eq(users.id, id.data)).get() : undefined;
  if (!user) deny("not_found");
  return user;
}

function countOtherActiveAdmins(tx: Db, userId: number): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)))
    .get();
  return row?.n ?? 0;
}

function guardLastAdmin(tx: Db, user: typeof users.$inferSelect, field: string): void {
  if (user.role === "admin" && !user.disabled && countOtherActiveAdmins(tx, user.id) === 0) {
    throw new InputError({ [field]: "这是最后一个可用的管理员账户，不能停用或改为其他角色" });
  }
}

export async function listUsers(): Promise<UserSummary[]> {
  await requireActor({ roles: ADMIN_ONLY });
  return db()
    .select(summaryColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.username))
    .all();
}

export async function getUser(rawId: unknown): Promise<UserSummary> {
  await requireActor({ roles: ADMIN_ONLY });
  const id = userIdSchema.safeParse(rawId);
  const user = id.success
    ? db().select(summaryColumns).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id.data)).get()
    : undefined;
  if (!user) deny("not_found");
  return user;
}

/** An account by its username (the CLI names users that way). */
export async function getUserByUsername(rawUsername: unknown): Promise<UserSummary> {
  await requireActor({ roles: ADMIN_ONLY });
  const username = usernameSchema.safeParse(rawUsername);
  const user = username.success
    ? db().select(summaryColumns).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.username, username.data)).get()
    : undefined;
  if (!user) deny("not_found");
  return user;
}

/**
 * Creates an account with a generated password that is shown once and must be changed at first
 * sign-in. Only the system (the demo set-up) may skip that change.
 */
export async function createUser(
  raw: unknown,
  options: { mustChangePassword?: boolean } = {},
): Promise<{ userId: number; username: string; password: string }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const mustChangePassword = actor.kind === "system" ? (options.mustChangePassword ?? true) : true;
  const input = createUserSchema.parse(raw);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  return writeTransaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new InputError({ username: "该用户名已被使用" });
    }
    const agencyId = agencyIdFor(tx, input.agencyCode);
    const created = tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        agencyId,
        passwordHash,
        mustChangePassword,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "user.create", entity: "user", entityId: created.id, agencyId, after: auditView(created) });
    return { userId: created.id, username: created.username, password };
  });
}

export async function updateUser(rawId: unknown, raw: unknown): Promise<void> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const input = updateUserSchema.parse(raw);
  writeTransaction((tx) => {
    const user = loadUser(tx, rawId);
    const agencyId = agencyIdFor(tx, input.agencyCode);
    const accessChanges = user.role !== input.role || user.agencyId !== agencyId;
    if (user.role === "admin" && input.role !== "admin") guardLastAdmin(tx, user, "role");
    const updated = tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        agencyId,
        // A new role or agency must not ride on sessions opened under the old one.
        sessionVersion: accessChanges ? user.sessionVersion + 1 : user.sessionVersion,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(users.id, user.id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: "user.update", entity: "user", entityId: user.id, agencyId, before: auditView(user), after: auditView(updated) });
  });
}

export async function setUserDisabled(rawId: unknown, disabled: boolean): Promise<void> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  writeTransaction((tx) => {
    const user = loadUser(tx, rawId);
    if (user.disabled === disabled) return;
    if (disabled) {
      if (actor.kind === "user" && actor.userId === user.id) throw new InputError({ _form: "不能停用自己的账户" });
      guardLastAdmin(tx, user, "_form");
    }
    const updated = tx
      .update(users)
      .set({ disabled, sessionVersion: user.sessionVersion + 1, updatedAt: new Date().toISOString() })
      .where(eq(users.id, user.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: user.id,
      agencyId: user.agencyId,
      before: auditView(user),
      after: auditView(updated),
    });
  });
}

/** Issues a new generated password (shown once), ends the user's sessions and lifts any lockout. */
export async function resetUserPassword(rawId: unknown): Promise<{ username: string; password: string }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    const user = loadUser(tx, rawId);
    tx.update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedSignIns: 0,
        lockedUntil: null,
        sessionVersion: user.sessionVersion + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, actor, { action: "user.reset_password", entity: "user", entityId: user.id, agencyId: user.agencyId, detail: "管理员重置密码，下次登录须修改" });
    return { username: user.username, password };
  });
}

export async function unlockUser(rawId: unknown): Promise<void> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  writeTransaction((tx) => {
    const user = loadUser(tx, rawId);
    tx.update(users).set({ failedSignIns: 0, lockedUntil: null, updatedAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.unlock", entity: "user", entityId: user.id, agencyId: user.agencyId, before: { lockedUntil: user.lockedUntil }, after: { lockedUntil: null } });
  });
}

/**
 * Any signed-in user changes their own password. Other sessions of theirs end; the one in use is
 * carried over to the new session version so the user stays signed in here.
 */
export async function changeOwnPassword(raw: unknown): Promise<void> {
  const actor = await requireActor({ roles: ROLES, allowPendingPasswordChange: true, allowPendingSecondFactor: true });
  if (actor.kind !== "user") deny("forbidden");
  const input = changePasswordSchema.parse(raw);
  const user = db().select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) deny("unauthenticated");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InputError({ currentPassword: "当前密码不正确" });
  }
  const policyIssue = passwordPolicyIssue(input.newPassword, user.username);
  if (policyIssue) throw new InputError({ newPassword: policyIssue });
  const passwordHash = await hashPassword(input.newPassword);
  writeTransaction((tx) => {
    const sessionVersion = user.sessionVersion + 1;
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion, updatedAt: new Date().toISOString() })
      .where(eq(users.id, user.id))
      .run();
    tx.update(sessions).set({ sessionVersion }).where(eq(sessions.id, actor.sessionId)).run();
    recordAudit(tx, actor, { action: "user.change_password", entity: "user", entityId: user.id, agencyId: user.agencyId });
  });
}

export type CurrentUser = {
  username: string;
  displayName: string;
  role: (typeof ROLES)[number];
  agencyName: string | null;
  mustChangePassword: boolean;
  mustEnrollSecondFactor: boolean;
};

/**
 * Who is signed in, for the page frame; any role, even before a reset password is replaced or a
 * required second factor enrolled.
 */
export async function currentUser(): Promise<CurrentUser> {
  const actor: Actor = await requireActor({ roles: ROLES, allowPendingPasswordChange: true, allowPendingSecondFactor: true });
  if (actor.kind !== "user") deny("forbidden");
  const agency = actor.agencyId
    ? db().select({ name: agencies.name }).from(agencies).where(eq(agencies.id, actor.agencyId)).get()
    : undefined;
  return {
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    agencyName: agency?.name ?? null,
    mustChangePassword: actor.mustChangePassword,
    mustEnrollSecondFactor: actor.mustEnrollSecondFactor,
  };
}
