import { describe, expect, it } from "vitest";

/** The sources, read as text: which actions the app exports, and which the fuzz suites call by name. */
const actionSources = import.meta.glob<string>("/app/**/actions.ts", { query: "?raw", import: "default", eager: true });
const fuzzSources = import.meta.glob<string>("/lib/server/*-actions.fuzz.test.ts", { query: "?raw", import: "default", eager: true });

describe("the fuzz suites (issue 6: 10,000 generated inputs per server action)", () => {
  it("call every server action of the app, so a new one cannot be left out", () => {
    const actions = Object.values(actionSources).flatMap((source) => [...source.matchAll(/export async function (\w+)\s*\(/g)].map((match) => match[1] ?? ""));
    expect(actions.length).toBeGreaterThan(30);
    const fuzzed = Object.values(fuzzSources).join("\n");
    // An object key at the start of a line (the suites' FIELDS/FORMS/SPECS tables), not a mention in a comment.
    expect(actions.filter((name) => !new RegExp(`^\\s+${name}\\s*:`, "m").test(fuzzed))).toEqual([]);
  });
});
