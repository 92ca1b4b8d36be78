import "server-only";
import { db, sqlite } from "@/db/client";
import { agencies, users } from "@/db/schema";
import { todayInChina } from "@/lib/calendar";
import { requireActor } from "../actor";
import { loadWorkingCalendar } from "../internal/calendar";
import { createDemoAccounts, type DemoCredential } from "./accounts";
import { departmentLedger } from "./department";
import { jccqLedger } from "./history";
import { writeReports } from "./reports";
import { createReviewCases } from "./reviews";
import { runningNow } from "./running";
import { runScript } from "./script";

export { DEMO_AGENCY, DEMO_DEPARTMENT, type DemoCredential } from "./accounts";

/** Only the system (the start script, the CLI) seeds the demo; no signed-in role may. */
const SYSTEM_ONLY = [] as const;

/**
 * The demo data, written through the real data layer: the system creates the agencies and accounts;
 * the demo clerk and reviewer then sign in with their generated passwords and do the rest as
 * themselves (registering, recording, approving, correcting, entering review cases, writing and
 * publishing the reports), so the audit trail shows them. Everything is dated up to today in China
 * and no later. Returns the accounts with their passwords, or null (and changes nothing) when the
 * database already holds a user or an agency.
 */
export async function seedDemoData(): Promise<DemoCredential[] | null> {
  await requireActor({ roles: SYSTEM_ONLY });
  return inOneTransaction(async () => {
    const anyUser = db().select({ id: users.id }).from(users).limit(1).get();
    const anyAgency = db().select({ id: agencies.id }).from(agencies).limit(1).get();
    if (anyUser || anyAgency) return null;
    return seed();
  });
}

async function seed(): Promise<DemoCredential[]> {
  const today = todayInChina();
  const context = { calendar: loadWorkingCalendar(db()), today };
  const accounts = await createDemoAccounts();
  const { clerk, reviewer, departmentClerk } = accounts;

  const jccq = await runScript([...jccqLedger(context), ...runningNow(context)], { clerk, reviewer }, today);
  await runScript(departmentLedger(context), { clerk: departmentClerk, reviewer: departmentClerk }, today);
  await createReviewCases(clerk, jccq, today);
  await writeReports(clerk, reviewer, today);

  for (const session of [clerk, reviewer, departmentClerk]) await session.signOut();
  return accounts.credentials;
}

/**
 * Runs the whole demo as one transaction: the data-layer calls inside nest as savepoints. A failure
 * leaves the database as empty as it was (so the next start tries again and prints the passwords),
 * and one commit instead of a few thousand keeps the first start fast under `synchronous=FULL`.
 * Only for the start script and the CLI: a server beside it waits on the busy timeout.
 */
async function inOneTransaction<T>(work: () => Promise<T>): Promise<T> {
  const connection = sqlite();
  connection.exec("BEGIN IMMEDIATE");
  try {
    const result = await work();
    connection.exec("COMMIT");
    return result;
  } catch (error) {
    if (connection.inTransaction) connection.exec("ROLLBACK");
    throw error;
  }
}
