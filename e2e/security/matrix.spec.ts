import { expect, test } from "./fixtures";
import { ACTIONS, emptyFormOutcome, PAGES, pageValues, ROUTE_HANDLERS, type Expected } from "./access-table";
import { buildActions, fillPattern } from "./build";
import { closeAllSessions, cutOffSessions, PERSONAS, type Persona, type Session } from "./personas";
import { personalDataIn } from "./records";
import { actionOutcome, bodyText, getOutcome, inBatches, postAction, sameOriginHeaders, type Outcome } from "./requests";

/**
 * Every page, route handler and server action of the build, asked by every persona, against the one
 * table of expected answers (access-table.ts; e2e/security/table.spec.ts proves it covers the build).
 * Requests go straight from each persona's signed-in request context: no page is rendered in a browser.
 * One test, so that the disabled and the locked account are cut off once and every mismatch is listed.
 */

/** A disabled or locked user's open session must count for nothing: they get what a visitor gets. */
const asSeenBy = (persona: Persona): keyof Expected => (persona === "disabled" || persona === "locked" ? "anonymous" : persona);

type Answer = { persona: Persona; target: string; outcome: Outcome; expected: Outcome | undefined; body: string };

const mismatches = (answers: Answer[]) =>
  answers.filter((answer) => answer.outcome !== answer.expected).map((answer) => `${answer.persona} ${answer.target}: ${answer.outcome}, table says ${answer.expected}`);

const leaks = (answers: Answer[]) =>
  answers.flatMap((answer) => personalDataIn(answer.body, answer.persona).map((value) => `${answer.persona} ${answer.target}: ${value}`));

let cutOff: Record<"disabled" | "locked", Session> | undefined;
test.afterAll(async () => {
  if (cutOff) await closeAllSessions(cutOff);
});

test("every page, route handler and server action answers each persona as the access table says", async ({ browser, sessions, records }, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = String(testInfo.project.use.baseURL);
  cutOff = await cutOffSessions(browser, baseURL, sessions.admin);
  const signedIn: Record<Persona, Session> = { ...sessions, ...cutOff };

  await test.step("pages and route handlers (GET)", async () => {
    const rows = { ...PAGES, ...ROUTE_HANDLERS };
    const asks = Object.entries(rows).flatMap(([pattern, row]) => {
      const url = fillPattern(pattern, row.fill?.(records) ?? {}) + (row.query ? `?${row.query}` : "");
      return PERSONAS.map((persona) => ({ persona, target: url, expected: row[asSeenBy(persona)] }));
    });
    const answers = await inBatches(asks, 6, async (ask) => ({ ...ask, ...(await getOutcome(signedIn[ask.persona].request, ask.target)) }));
    expect(answers.length).toBe(Object.keys(rows).length * PERSONAS.length);
    expect.soft(mismatches(answers)).toEqual([]);
    expect.soft(leaks(answers)).toEqual([]);
  });

  await test.step("server actions (POST with the action id, an empty form)", async () => {
    const headers = sameOriginHeaders(baseURL);
    // Signing out ends the session every other call needs, so it is asked last.
    const actions = buildActions().sort((a, b) => Number(a.name.endsWith("#signOutAction")) - Number(b.name.endsWith("#signOutAction")));
    const answers: Answer[] = [];
    for (const action of actions) {
      const row = ACTIONS[action.name];
      answers.push(
        ...(await inBatches(PERSONAS, 8, async (persona) => {
          const response = await postAction(signedIn[persona].request, action, pageValues(action.pagePattern, records), {}, headers);
          return { persona, target: action.name, outcome: actionOutcome(response), expected: row && emptyFormOutcome(row, asSeenBy(persona)), body: await bodyText(response) };
        })),
      );
    }
    expect(answers.length).toBe(Object.keys(ACTIONS).length * PERSONAS.length);
    expect.soft(mismatches(answers)).toEqual([]);
    expect.soft(leaks(answers)).toEqual([]);
  });
});
