import { AccessError } from "../errors";

export type ServerAction = (...args: unknown[]) => Promise<unknown>;

/** Every server action of the app, found on disk, so a new one cannot be left out. */
const actionModules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");

export type FoundAction = { name: string; file: string; run: ServerAction };

export async function loadServerActions(): Promise<FoundAction[]> {
  const actions: FoundAction[] = [];
  for (const [file, load] of Object.entries(actionModules)) {
    const exported = await load();
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.push({ name, file, run: value as ServerAction });
    }
  }
  return actions;
}

/**
 * How a call of a server action ends, as the browser would see it: a form state (200), a redirect (303),
 * a refusal (the web's 404 or redirect to /login, AccessError here) — or a crash, which Next answers with 500.
 */
export type ActionOutcome = { kind: "state"; status: string } | { kind: "redirect"; to: string } | { kind: "refused"; reason: string } | { kind: "crash"; error: unknown };

const FORM_STATUSES = new Set(["idle", "error", "success"]);

function isFormState(value: unknown): boolean {
  if (value === undefined) return true;
  if (value === null || typeof value !== "object") return false;
  const state = value as Record<string, unknown>;
  if (!FORM_STATUSES.has(state.status as string)) return false;
  const textRecord = (record: unknown) =>
    record === undefined || (typeof record === "object" && record !== null && Object.values(record).every((text) => typeof text === "string"));
  return (
    (state.message === undefined || typeof state.message === "string") &&
    (state.secret === undefined || typeof state.secret === "string") &&
    textRecord(state.fieldErrors) &&
    textRecord(state.values)
  );
}

export async function callAction(action: ServerAction, args: unknown[]): Promise<ActionOutcome> {
  try {
    const result = await action(...args);
    return isFormState(result) ? { kind: "state", status: (result as { status?: string } | undefined)?.status ?? "idle" } : { kind: "crash", error: new Error(`not a form state: ${JSON.stringify(result)?.slice(0, 200)}`) };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;4")) return { kind: "refused", reason: digest };
    if (error instanceof AccessError) return { kind: "refused", reason: error.reason };
    return { kind: "crash", error };
  }
}
