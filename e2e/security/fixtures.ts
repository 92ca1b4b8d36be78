import { test as base } from "@playwright/test";
import { closeAllSessions, openSession, openSessions, type Persona, type Session } from "./personas";
import { ensureOtherAgencyRecords, ensureProbeRecords, type ProbeRecords } from "./records";

/** The callers most tests ask as: everyone but the disabled and the locked user. */
export type SharedPersona = Exclude<Persona, "disabled" | "locked">;
const SHARED: readonly SharedPersona[] = ["anonymous", "admin", "clerk", "reviewer", "auditor", "otherAgency"];

/** Whether the session still opens a page behind sign-in (the matrix signs everyone out at its end). */
async function isLive(session: Session): Promise<boolean> {
  const response = await session.request.get("/start", { maxRedirects: 0 });
  return !(response.headers()["location"] ?? "").endsWith("/login");
}

/**
 * Sessions signed in once per worker and shared by the suite's tests (signing in is slow on purpose, and an
 * account with a second factor takes a code only once), each checked before a test and signed in again
 * if it has ended; and the probe records (with a few of the other agency's own), made once.
 */
export const test = base.extend<{ sessions: Record<SharedPersona, Session> }, { pool: Record<SharedPersona, Session>; records: ProbeRecords }>({
  pool: [
    async ({ browser }, provide) => {
      const pool = (await openSessions(browser, SHARED)) as Record<SharedPersona, Session>;
      await provide(pool);
      await closeAllSessions(pool);
    },
    { scope: "worker" },
  ],
  sessions: async ({ pool, browser }, provide) => {
    for (const persona of SHARED) {
      if (persona === "anonymous" || (await isLive(pool[persona]))) continue;
      await pool[persona].context.close();
      pool[persona] = await openSession(browser, persona);
    }
    await provide(pool);
  },
  records: [
    async ({ pool }, provide, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      await ensureOtherAgencyRecords(pool.otherAgency, baseURL);
      await provide(await ensureProbeRecords(pool.clerk, baseURL));
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
