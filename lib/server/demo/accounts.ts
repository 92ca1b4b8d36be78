import "server-only";
import type { Role } from "@/db/schema";
import { createAgency } from "../agencies";
import { sessionSource, withSource } from "../context";
import { signInWithPassword, signOut } from "../sign-in";
import { createUser } from "../users";

export const DEMO_AGENCY = { code: "jccq", name: "晋城市城区人民政府办公室" } as const;
export const DEMO_DEPARTMENT = { code: "jccq-edu", name: "晋城市城区教育局", parentCode: DEMO_AGENCY.code } as const;

type AccountSpec = { username: string; displayName: string; role: Role; agencyCode: string | null };

/**
 * The admin and the auditor get no second factor here: it is enrolled with one's own phone, so they are
 * sent to enrol it (二次验证) at their first sign-in, before anything else, as any new admin would be.
 */
const DEMO_ACCOUNTS: AccountSpec[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", agencyCode: null },
  { username: "clerk", displayName: "王经办", role: "clerk", agencyCode: DEMO_AGENCY.code },
  { username: "reviewer", displayName: "李主任", role: "reviewer", agencyCode: DEMO_AGENCY.code },
  { username: "auditor", displayName: "赵审计", role: "auditor", agencyCode: null },
  { username: "edu-clerk", displayName: "陈经办", role: "clerk", agencyCode: DEMO_DEPARTMENT.code },
];

/** One account, with the agency it works in (name), for printing once. */
export type DemoCredential = { username: string; role: Role; password: string; agency: string | null };

/** A signed-in demo user: every call made through `run` is a request of that session. */
export type DemoSession = { username: string; run<T>(work: () => Promise<T>): Promise<T>; signOut(): Promise<void> };

function session(username: string, sessionId: string): DemoSession {
  const source = sessionSource(sessionId);
  return {
    username,
    run: (work) => withSource(source, work),
    signOut: () => withSource(source, signOut),
  };
}

/** Resolves all, or throws the first failure once none is still running (so nothing writes after a rollback). */
async function all<T>(work: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

export type DemoAccounts = {
  credentials: DemoCredential[];
  clerk: DemoSession;
  reviewer: DemoSession;
  departmentClerk: DemoSession;
};

/**
 * As the system: the two agencies and one account per role (plus the department's clerk), with
 * generated passwords. Then the staff sign in with those passwords, as they would at /login.
 * Passwords are hashed in parallel: scrypt is the slow part of the whole demo.
 */
export async function createDemoAccounts(): Promise<DemoAccounts> {
  await createAgency(DEMO_AGENCY);
  await createAgency(DEMO_DEPARTMENT);
  const agencyName = (code: string | null) => (code === DEMO_AGENCY.code ? DEMO_AGENCY.name : code === DEMO_DEPARTMENT.code ? DEMO_DEPARTMENT.name : null);
  const created = await all(DEMO_ACCOUNTS.map((account) => createUser(account, { mustChangePassword: false })));
  const credentials = DEMO_ACCOUNTS.map((account, i) => ({
    username: account.username,
    role: account.role,
    password: created[i]?.password ?? "",
    agency: agencyName(account.agencyCode),
  }));
  const signIn = async (username: string): Promise<DemoSession> => {
    const password = credentials.find((c) => c.username === username)?.password;
    const result = await signInWithPassword({ username, password });
    if (!result.ok) throw new Error(`demo account ${username} could not sign in`);
    return session(username, result.sessionId);
  };
  const [clerk, reviewer, departmentClerk] = await all(["clerk", "reviewer", "edu-clerk"].map(signIn));
  if (!clerk || !reviewer || !departmentClerk) throw new Error("demo sign-in failed");
  return { credentials, clerk, reviewer, departmentClerk };
}
