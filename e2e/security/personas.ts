import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { readAccounts, type AccountName } from "../accounts";
import { signInAs } from "../support";
import { readDatabase } from "./database";
import { actionNamed, actionOutcome, inBatches, postAction, sameOriginHeaders } from "./requests";

/**
 * Everyone the suite asks as: nobody, each role (of the agency the probe records belong to), a
 * reviewer of another agency, and two clerks of the agency whose sessions were opened before their
 * account was disabled or locked.
 */
export const PERSONAS = ["anonymous", "admin", "clerk", "reviewer", "auditor", "otherAgency", "disabled", "locked"] as const;
export type Persona = (typeof PERSONAS)[number];

const ACCOUNT_OF: Record<Exclude<Persona, "anonymous">, AccountName> = {
  admin: "admin",
  clerk: "clerk",
  reviewer: "reviewer",
  auditor: "auditor",
  otherAgency: "secother",
  disabled: "secdisabled",
  locked: "seclocked",
};

export type Session = { context: BrowserContext; request: APIRequestContext };

/** A browser context signed in as the persona (or not at all); its request context carries the cookie. */
export async function openSession(browser: Browser, persona: Persona): Promise<Session> {
  const context = await browser.newContext();
  if (persona !== "anonymous") {
    const page = await context.newPage();
    await signInAs(page, ACCOUNT_OF[persona]);
    await page.close();
  }
  return { context, request: context.request };
}

export function userIdOf(persona: Exclude<Persona, "anonymous">): number {
  const { username } = readAccounts()[ACCOUNT_OF[persona]];
  const row = readDatabase((database) => database.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: number } | undefined);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** The admin disables the account through the server action its page uses. */
export async function disableAccount(admin: Session, baseURL: string, persona: Exclude<Persona, "anonymous">): Promise<void> {
  const id = String(userIdOf(persona));
  const response = await postAction(admin.request, actionNamed("setUserDisabledAction"), { id }, { id, disabled: "true" }, sameOriginHeaders(baseURL));
  expect(actionOutcome(response)).toBe("ran");
  expect(readDatabase((database) => database.prepare("SELECT disabled FROM users WHERE id = ?").get(id))).toEqual({ disabled: 1 });
}

/** Five wrong passwords sent to the sign-in endpoint lock the account (README: lockout after five failures). */
export async function lockAccount(browser: Browser, baseURL: string, persona: Exclude<Persona, "anonymous">): Promise<void> {
  const { username } = readAccounts()[ACCOUNT_OF[persona]];
  const { request, context } = await openSession(browser, "anonymous");
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: sameOriginHeaders(baseURL),
      form: { username, password: `wrong-password-${attempt}`, csrfToken, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
  }
  await context.close();
  const lockedUntil = readDatabase(
    (database) => (database.prepare("SELECT locked_until AS lockedUntil FROM users WHERE username = ?").get(username) as { lockedUntil: string | null }).lockedUntil,
  );
  expect(Date.parse(lockedUntil ?? "")).toBeGreaterThan(Date.now());
}

/** The personas signed in, two at a time (each sign-in hashes a password on purpose slowly). */
export async function openSessions(browser: Browser, personas: readonly Persona[]): Promise<Partial<Record<Persona, Session>>> {
  const opened = await inBatches(personas, 2, async (persona) => [persona, await openSession(browser, persona)] as const);
  return Object.fromEntries(opened);
}

/** The disabled and the locked user, signed in, then cut off by the admin and by five wrong passwords while their sessions are open. */
export async function cutOffSessions(browser: Browser, baseURL: string, admin: Session): Promise<Record<"disabled" | "locked", Session>> {
  const sessions = (await openSessions(browser, ["disabled", "locked"])) as Record<"disabled" | "locked", Session>;
  await disableAccount(admin, baseURL, "disabled");
  await lockAccount(browser, baseURL, "locked");
  return sessions;
}

export async function closeAllSessions(sessions: Partial<Record<Persona, Session>>): Promise<void> {
  for (const session of Object.values(sessions)) await session.context.close();
}
