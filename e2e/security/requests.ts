import type { APIRequestContext, APIResponse } from "@playwright/test";
import { buildActions, fillPattern, type BuildAction } from "./build";

/**
 * Requests as a script would send them, without a browser page: pages and route handlers by GET,
 * server actions by POST with the action's id in the `Next-Action` header, as Next's own client does.
 */

/** What a request came back with: a status, a redirect (`→/login`), or `ran` for an action that ran. */
export type Outcome = number | `→${string}` | "ran";

/** Headers a browser sends with a request from one of our own pages. */
export function sameOriginHeaders(baseURL: string): Record<string, string> {
  return { origin: new URL(baseURL).origin, "sec-fetch-site": "same-origin" };
}

export async function getOutcome(request: APIRequestContext, url: string): Promise<{ outcome: Outcome; body: string }> {
  const response = await request.get(url, { maxRedirects: 0 });
  return { outcome: responseOutcome(response), body: await bodyText(response) };
}

function responseOutcome(response: APIResponse): Outcome {
  const status = response.status();
  const location = response.headers()["location"];
  if (status >= 300 && status < 400 && location) return `→${new URL(location, "http://localhost").pathname}`;
  return status;
}

export async function bodyText(response: APIResponse): Promise<string> {
  return (await response.body()).toString("utf8");
}

export type FilePart = { name: string; mimeType: string; buffer: Buffer };
export type ActionFields = Record<string, string | FilePart>;

let actionsByName: Map<string, BuildAction> | undefined;

export function actionNamed(exportedName: string): BuildAction {
  actionsByName ??= new Map(buildActions().map((action) => [action.name.split("#")[1] ?? action.name, action]));
  const action = actionsByName.get(exportedName);
  if (!action) throw new Error(`the build has no server action ${exportedName}`);
  return action;
}

/**
 * Calls a server action the way React's client encodes `action(previousState, formData)`: the form's
 * fields under the prefix `_1_`, then the argument list `0` referring to them. Every action of the app
 * takes (previous state, form data) or nothing; one without arguments ignores them.
 */
export async function postAction(
  request: APIRequestContext,
  action: BuildAction,
  pageValues: Record<string, string>,
  fields: ActionFields,
  headers: Record<string, string>,
): Promise<APIResponse> {
  // A FormData keeps the order: in a plain object the key `0` would come first, before the fields it refers to.
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") multipart.append(`_1_${name}`, value);
    else multipart.append(`_1_${name}`, new File([new Uint8Array(value.buffer)], value.name, { type: value.mimeType }));
  }
  multipart.append("0", JSON.stringify(["$undefined", "$K1"]));
  return request.post(fillPattern(action.pagePattern, pageValues), {
    headers: { ...headers, "next-action": action.id, accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
}

/** A redirect asked for by the action (`x-action-redirect`), its status, or `ran` when it answered normally. */
export function actionOutcome(response: APIResponse): Outcome {
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return `→${new URL(redirect.split(";")[0] ?? "", "http://localhost").pathname}`;
  if (response.status() === 200) return "ran";
  return response.status();
}

/** The state an action handed back to its form (the `1:` line of the RSC answer), if it ran. */
export function actionFormState(body: string): { status?: string; fieldErrors?: Record<string, string> } | null {
  const line = body.split("\n").find((row) => row.startsWith("1:{"));
  return line ? (JSON.parse(line.slice(2)) as { status?: string; fieldErrors?: Record<string, string> }) : null;
}

/** Runs the requests a few at a time: fast, without crowding the two cores the CI machine has. */
export async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }
  return results;
}
