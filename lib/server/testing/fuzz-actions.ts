import fc from "fast-check";
import { expect } from "vitest";
import { sqlite } from "@/db/client";
import { hostileArguments, toFormData, type FormEntries } from "@/lib/testing/hostile-input";
import { asSession, openSession } from "./callers";
import { callAction, loadServerActions, type FoundAction } from "./server-actions";

/**
 * Calls server actions with generated input as a signed-in user of a role that may use them, and fails on the
 * first call that would have been a 500 (anything but a form state, a redirect or a refusal).
 */

/** The fuzzing runs thousands of calls; the database is thrown away after the file, so it need not wait for the disk. */
export function fastThrowAwayDatabase(): void {
  sqlite().pragma("synchronous = OFF");
}

/** One of a list that grows while the fuzzing runs (the ids of the rows it creates). */
export function oneOfCurrent(values: () => readonly string[]): fc.Arbitrary<string> {
  return fc.nat().map((index) => {
    const current = values();
    return current[index % Math.max(1, current.length)] ?? "";
  });
}

export async function serverAction(name: string): Promise<FoundAction> {
  const found = (await loadServerActions()).find((action) => action.name === name);
  if (!found) throw new Error(`no server action ${name}`);
  return found;
}

/** How the calls ended: a form state of success or refusal, a redirect (success), a refusal of access (404 or sign-in), a crash. */
export type FuzzTally = { runs: number; success: number; invalid: number; redirect: number; refused: number; crash: number };

/** What a call was given: a form (the usual way) or, now and then, arguments a hand-made POST could carry instead. */
type Call = { kind: "form"; entries: FormEntries; previous: unknown } | { kind: "arguments"; args: unknown[] };

/** The state React hands back with a form (the actions ignore it; a hand-made POST can put anything there). */
const PREVIOUS_STATE = fc.constantFrom<unknown>({ status: "idle" }, { status: "error", values: { id: "1" } }, null, undefined, "", 0, [], { __proto__: { status: "success" } });

function callArbitrary(form: fc.Arbitrary<FormEntries>): fc.Arbitrary<Call> {
  return fc.oneof(
    { weight: 19, arbitrary: fc.record({ entries: form, previous: PREVIOUS_STATE }).map((call): Call => ({ kind: "form", ...call })) },
    { weight: 1, arbitrary: hostileArguments.map((args): Call => ({ kind: "arguments", args })) },
  );
}

/**
 * Runs `numRuns` generated calls of the action as the user. A call that ends the user's own session (a password
 * change, a sign-out) gets a new session for the next one.
 */
export async function fuzzAction(
  action: FoundAction,
  options: { userId: number; form: fc.Arbitrary<FormEntries>; numRuns: number; seed?: number; afterEach?: () => void },
): Promise<FuzzTally> {
  const tally: FuzzTally = { runs: 0, success: 0, invalid: 0, redirect: 0, refused: 0, crash: 0 };
  let session = openSession(options.userId);
  await fc.assert(
    fc.asyncProperty(callArbitrary(options.form), async (call) => {
      const args = call.kind === "form" ? [call.previous, toFormData(call.entries)] : call.args;
      const outcome = await asSession(session, () => callAction(action.run, args));
      tally.runs += 1;
      tally[outcome.kind === "state" ? (outcome.status === "success" ? "success" : "invalid") : outcome.kind] += 1;
      options.afterEach?.();
      if (outcome.kind === "refused" && outcome.reason !== "not_found") session = openSession(options.userId);
      if (outcome.kind === "crash") throw outcome.error;
    }),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
  );
  return tally;
}

/** The control: every action's fuzzing got through to a write (a success or a redirect) at least once, so the runs were not all refusals. */
export function expectEveryActionWrote(tallies: Record<string, FuzzTally>, names: string[]): void {
  const idle = names.filter((name) => (tallies[name]?.success ?? 0) + (tallies[name]?.redirect ?? 0) === 0);
  expect(idle, "actions whose fuzzing never got through to a write").toEqual([]);
}
