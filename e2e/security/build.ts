import fs from "node:fs";
import path from "node:path";

/**
 * What the production build serves, read from the manifests `next build` writes: every page, route
 * handler and server action. The tests walk these lists rather than the source tree, so whatever the
 * build can answer is tested, including a route or action added after this suite was written.
 */

const NEXT_DIR = path.resolve(".next");

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(NEXT_DIR, file), "utf8")) as T;
}

/** `/(signed-in)/(staff)/staff/applications/[id]/page` → `/staff/applications/[id]`, as the build maps it. */
function appPathRoutes(): Record<string, string> {
  return readJson<Record<string, string>>("app-path-routes-manifest.json");
}

export type BuildEndpoint = { kind: "page" | "route"; pattern: string };

export function buildEndpoints(): BuildEndpoint[] {
  return Object.entries(appPathRoutes())
    .map(([entry, pattern]) => ({ kind: entry.endsWith("/route") ? ("route" as const) : ("page" as const), pattern }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export type BuildAction = {
  /** The action's id, sent in the `Next-Action` header. */
  id: string;
  /** `file#export`, stable across builds (the id is not). */
  name: string;
  /** A page the action is bound to: Next only runs an action posted to a page that imports it. */
  pagePattern: string;
};

type ServerReferenceManifest = {
  node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  edge: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
};

export function buildActions(): BuildAction[] {
  const manifest = readJson<ServerReferenceManifest>("server/server-reference-manifest.json");
  const routes = appPathRoutes();
  return Object.entries({ ...manifest.node, ...manifest.edge })
    .map(([id, reference]) => {
      // Workers are named `app/<entry>`; the shortest page pattern needs the fewest ids filled in.
      const patterns = Object.keys(reference.workers)
        .map((worker) => routes[worker.replace(/^app/, "")])
        .filter((pattern): pattern is string => pattern !== undefined)
        .sort((a, b) => a.split("[").length - b.split("[").length || a.length - b.length);
      const pagePattern = patterns[0];
      if (!pagePattern) throw new Error(`no page serves the action ${reference.filename}#${reference.exportedName}`);
      return { id, name: `${reference.filename}#${reference.exportedName}`, pagePattern };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `/staff/applications/[id]` with `{ id: "7" }` → `/staff/applications/7`; a segment without a value fails. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the segment [${name}] of ${pattern}`);
    return encodeURIComponent(value);
  });
}
