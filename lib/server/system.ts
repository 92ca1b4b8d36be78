import "server-only";
import { requireActor } from "./actor";
import { seedDemoData, type DemoCredential } from "./demo";

/** Operations only the system user (the CLI, the start script) may run; no signed-in role passes. */
const SYSTEM_ONLY = [] as const;

export { DEMO_AGENCY, DEMO_DEPARTMENT } from "./demo";

/** The demo accounts with their generated passwords and the agency each works in (null: admin, auditor). */
export type DemoCredentials = DemoCredential[];

/**
 * On an empty database, creates the demo data (lib/server/demo: two agencies, one account per role
 * plus the department's clerk, a ledger since 2021, review cases, published reports) and returns the
 * accounts with their generated passwords, once, for printing. Returns null when the database already
 * holds anything. All or nothing: it runs as one transaction.
 */
export async function ensureDemoData(): Promise<DemoCredentials | null> {
  await requireActor({ roles: SYSTEM_ONLY });
  return seedDemoData();
}
