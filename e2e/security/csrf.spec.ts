import type { APIRequestContext } from "@playwright/test";
import { readAccounts } from "../accounts";
import { ACTIONS, pageValues, ROUTE_HANDLERS, type Caller } from "./access-table";
import { buildActions, fillPattern } from "./build";
import { changedTables, databaseFingerprint } from "./database";
import { payloadFor } from "./payloads";
import { expect, test } from "./fixtures";
import { actionOutcome, postAction, sameOriginHeaders } from "./requests";

/**
 * Requests a page on another site makes a signed-in user's browser send (cross-site request forgery).
 * Browsers mark them with the other site's Origin, `null` (sandboxed frames, some redirects), or, where no
 * Origin is sent, Sec-Fetch-Site. Each is refused with a 4xx before it reaches the app, and writes nothing,
 * even when it carries a live session of a user allowed to do what it asks.
 */

function crossSiteVariants(baseURL: string): Record<string, Record<string, string>> {
  const ours = new URL(baseURL);
  return {
    "another site's Origin": { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    "Origin: null": { origin: "null" },
    "a malformed Origin": { origin: "http://" },
    "an Origin without a scheme": { origin: ours.host },
    "an Origin that only begins like ours": { origin: `${ours.origin}.evil.example` },
    "no Origin, Sec-Fetch-Site: cross-site": { "sec-fetch-site": "cross-site" },
    "no Origin, Sec-Fetch-Site: same-site": { "sec-fetch-site": "same-site" },
  };
}

const VICTIMS = ["clerk", "admin", "reviewer"] as const;

/** The signed-in user a forged request would ride on: one the action lets through. */
function victimOf(callers: readonly Caller[]): (typeof VICTIMS)[number] {
  return VICTIMS.find((persona) => callers.includes(persona)) ?? "clerk";
}

test("every server action, forged from another site with an allowed user's session, is refused with 403 and writes nothing", async ({ sessions, records }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const answers: string[] = [];
  const before = databaseFingerprint();
  for (const action of buildActions()) {
    const payload = payloadFor(action.name);
    const row = ACTIONS[action.name];
    expect(payload && row, `${action.name} is in payloads.ts and access-table.ts`).toBeTruthy();
    if (!payload || !row) continue;
    for (const [variant, headers] of Object.entries(crossSiteVariants(baseURL))) {
      const response = await postAction(sessions[victimOf(row.callers)].request, action, pageValues(action.pagePattern, records), payload(records), headers);
      if (response.status() !== 403) answers.push(`${action.name} with ${variant}: ${response.status()}`);
    }
  }
  // A form posted without JavaScript carries the action's id in a field instead of a header.
  const signOut = buildActions().find((action) => action.name.endsWith("#signOutAction"));
  expect(signOut).toBeDefined();
  for (const [variant, headers] of Object.entries(crossSiteVariants(baseURL))) {
    const response = await sessions.clerk.request.post("/staff", { headers, multipart: { [`$ACTION_ID_${signOut?.id}`]: "" }, maxRedirects: 0 });
    if (response.status() !== 403) answers.push(`sign-out form posted with ${variant}: ${response.status()}`);
  }
  expect(answers).toEqual([]);
  expect(changedTables(before, databaseFingerprint())).toEqual([]);

  // The control: the same request from our own page goes through and writes.
  const create = buildActions().find((action) => action.name.endsWith("#createReviewCaseAction"));
  if (!create) throw new Error("the build has no createReviewCaseAction");
  const form = { ...(payloadFor(create.name)?.(records) ?? {}), reference: `同源对照${Date.now()}` };
  const sameOrigin = await postAction(sessions.clerk.request, create, {}, form, sameOriginHeaders(baseURL));
  expect(actionOutcome(sameOrigin)).toBe("ran");
  expect(changedTables(before, databaseFingerprint())).toContain("review_cases");
});

test("route handlers refuse every write method from another site before the handler runs", async ({ sessions, records }, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  const answers: string[] = [];
  const before = databaseFingerprint();
  for (const [pattern, row] of Object.entries(ROUTE_HANDLERS)) {
    const url = fillPattern(pattern, row.fill?.(records) ?? {});
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const [variant, headers] of Object.entries(crossSiteVariants(baseURL))) {
        const response = await sessions.clerk.request.fetch(url, { method, headers, form: { anything: "x" }, maxRedirects: 0 });
        if (response.status() !== 403) answers.push(`${method} ${url} with ${variant}: ${response.status()}`);
      }
    }
  }
  expect(answers).toEqual([]);
  expect(changedTables(before, databaseFingerprint())).toEqual([]);
  // The control: from our own page, a handler that only reads says the method is not allowed.
  const template = await sessions.clerk.request.post("/staff/applications/template", { headers: sameOriginHeaders(baseURL), maxRedirects: 0 });
  expect(template.status()).toBe(405);
});

/** next-auth's forms need its CSRF token (a cookie and the same value in the form); a forging page can read neither, but send it anyway. */
async function nextAuthToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

test("next-auth's sign-in and sign-out endpoints refuse requests from another site and write nothing", async ({ sessions, playwright }, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  const { clerk } = readAccounts();
  const visitor = await playwright.request.newContext({ baseURL });
  const answers: string[] = [];
  const before = databaseFingerprint();
  for (const [variant, headers] of Object.entries(crossSiteVariants(baseURL))) {
    const credentials = { username: clerk.username, password: clerk.password, csrfToken: await nextAuthToken(visitor), json: "true" };
    for (const path of ["/api/auth/callback/credentials", "/api/auth/signin/credentials"]) {
      const response = await visitor.post(path, { headers, form: credentials, maxRedirects: 0 });
      if (response.status() !== 403) answers.push(`${path} with ${variant}: ${response.status()}`);
    }
    const signOut = await sessions.clerk.request.post("/api/auth/signout", {
      headers,
      form: { csrfToken: await nextAuthToken(sessions.clerk.request), json: "true" },
      maxRedirects: 0,
    });
    if (signOut.status() !== 403) answers.push(`/api/auth/signout with ${variant}: ${signOut.status()}`);
  }
  expect(answers).toEqual([]);
  expect(changedTables(before, databaseFingerprint())).toEqual([]);
  expect((await sessions.clerk.request.get("/staff", { maxRedirects: 0 })).status(), "the clerk is still signed in").toBe(200);

  // The control: the same sign-in from our own page opens a session.
  const signIn = await visitor.post("/api/auth/callback/credentials", {
    headers: sameOriginHeaders(baseURL),
    form: { username: clerk.username, password: clerk.password, csrfToken: await nextAuthToken(visitor), json: "true" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(200);
  expect(changedTables(before, databaseFingerprint())).toEqual(expect.arrayContaining(["audit_log", "sessions"]));
  await visitor.dispose();
});
