import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions, users, type Role } from "@/db/schema";
import { sessionSource, withSource } from "../context";
import { signInWithPassword } from "../sign-in";
import { createAgency } from "../agencies";
import { createUser } from "../users";
import { beginSecondFactorEnrollment, confirmSecondFactorEnrollment } from "../second-factor";
import { secondFactorRequired } from "@/lib/auth/second-factor";
import { base32Decode, totp } from "@/lib/auth/totp";

/** Runs as the CLI does. */
export function asSystem<T>(work: () => Promise<T>): Promise<T> {
  return withSource({ kind: "system" }, work);
}

/** Runs as a web request carrying this session (or none). */
export function asSession<T>(sessionId: string | null, work: () => Promise<T>): Promise<T> {
  return withSource(sessionSource(sessionId), work);
}

export const anonymous = <T>(work: () => Promise<T>) => asSession(null, work);

let counter = 0;

/** Enrols the session's user as the security page does, with a code computed from the secret shown. */
export async function enrolSecondFactor(): Promise<string> {
  const { secret } = await beginSecondFactorEnrollment();
  await confirmSecondFactorEnrollment({ code: totp(base32Decode(secret) ?? Buffer.alloc(0), Date.now()) });
  return secret;
}

export async function ensureAgency(code: string, name = `测试机构 ${code}`): Promise<void> {
  const exists = db().all<{ n: number }>(sql`select count(*) as n from agencies where code = ${code}`)[0]?.n;
  if (!exists) await asSystem(() => createAgency({ code, name }));
}

/**
 * A fresh user of the role, signed in; returns its session id and credentials. An admin or auditor
 * enrols the second factor their role requires (its secret is returned), unless told not to.
 */
export async function signedInUser(role: Role, options: { agencyCode?: string; mustChangePassword?: boolean; secondFactor?: boolean } = {}) {
  const agencyCode = role === "clerk" || role === "reviewer" ? (options.agencyCode ?? "testagency") : null;
  if (agencyCode) await ensureAgency(agencyCode);
  counter += 1;
  const username = `${role}${counter}x${process.pid}`;
  const created = await asSystem(() =>
    createUser({ username, displayName: `测试${role}`, role, agencyCode }, { mustChangePassword: options.mustChangePassword ?? false }),
  );
  const result = await signInWithPassword({ username, password: created.password });
  if (!result.ok) throw new Error("test user could not sign in");
  const enrol = (options.secondFactor ?? secondFactorRequired(role)) && !options.mustChangePassword;
  const totpSecret = enrol ? await asSession(result.sessionId, enrolSecondFactor) : null;
  return { userId: created.userId, username, password: created.password, sessionId: result.sessionId, totpSecret };
}

/** A fingerprint of every table, to prove that a refused call changed nothing. */
export function databaseFingerprint(): string {
  const tables = db().all<{ name: string; sql: string }>(sql`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`);
  // A full-text index lives in a virtual table and its shadow tables, which follow their content table.
  const virtual = tables.filter((table) => /^create virtual/i.test(table.sql)).map((table) => table.name);
  return tables
    .filter(({ name }) => !virtual.some((index) => name === index || name.startsWith(`${index}_`)))
    .map(({ name }) => `${name}:${JSON.stringify(db().all(sql.raw(`select * from "${name}" order by rowid`)))}`)
    .join("\n");
}

/**
 * A session for an existing user without signing in (no password hash to compute), for tests that need many
 * sessions or one for a user whose password they do not know.
 */
export function openSession(userId: number): string {
  const now = new Date().toISOString();
  const id = `test-${randomUUID()}`;
  const user = db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new Error(`no user ${userId}`);
  db().insert(sessions).values({ id, userId, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now }).run();
  return id;
}
