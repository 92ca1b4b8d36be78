import { expect, test, type SharedPersona } from "./fixtures";
import { ACTIONS, pageValues } from "./access-table";
import { buildActions } from "./build";
import { changedTables, databaseFingerprint } from "./database";
import { payloadFor } from "./payloads";
import { personalDataIn } from "./records";
import { actionOutcome, bodyText, postAction, sameOriginHeaders } from "./requests";

/**
 * Server actions called by a script, with no form and no browser: the action's id in the header and a
 * submission that would change something (payloads.ts). The requests carry our own Origin, so the proxy
 * lets them through: what refuses them is the data layer (docs/decisions/001), and a refused call must
 * leave every row as it was and answer none of the applicant's personal data.
 */

const ASKED: readonly SharedPersona[] = ["anonymous", "admin", "clerk", "reviewer", "auditor", "otherAgency"];

test("a server action called directly without a session, by a role it is not for, or on another agency's record changes nothing", async ({ sessions, records }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const headers = sameOriginHeaders(baseURL);

  const unlisted: string[] = [];
  const wrong: string[] = [];
  let refusals = 0;
  // Each action's calls are compared with the database as the previous action's left it.
  let before = databaseFingerprint();
  for (const action of buildActions()) {
    const payload = payloadFor(action.name);
    const row = ACTIONS[action.name];
    if (!payload || !row) {
      unlisted.push(action.name);
      continue;
    }
    // The payloads aim at the probe agency's records: a record's own callers are fewer than the action's.
    const callers = row.onProbeRecord ?? row.callers;
    const refused = ASKED.filter((persona) => persona === "anonymous" || !callers.includes(persona));
    for (const persona of refused) {
      const response = await postAction(sessions[persona].request, action, pageValues(action.pagePattern, records), payload(records), headers);
      const outcome = actionOutcome(response);
      const expected = persona === "anonymous" ? "→/login" : 404;
      if (outcome !== expected) wrong.push(`${persona} ${action.name}: ${outcome}, expected ${expected}`);
      for (const value of personalDataIn(await bodyText(response), persona)) wrong.push(`${persona} ${action.name} answered ${value}`);
      refusals += 1;
    }
    const after = databaseFingerprint();
    const changed = changedTables(before, after);
    if (changed.length > 0) wrong.push(`${action.name} by ${refused.join(", ")} changed ${changed.join(", ")}`);
    before = after;
  }
  expect(unlisted, "actions without a payload in payloads.ts or a row in access-table.ts").toEqual([]);
  expect(wrong).toEqual([]);
  // Every action is refused to somebody (at least a visitor), most to several.
  expect(refusals).toBeGreaterThan(2 * buildActions().length);
});
