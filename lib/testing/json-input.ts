import fc from "fast-check";
import { hostileText, PROTOTYPE_KEYS } from "./hostile-input";

/** JSON documents as a fuzzer makes them from a valid one: values replaced by anything, keys removed or added, the text cut. */

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into);
  return into;
}

/** A JSON value of any shape, with awkward strings and numbers JSON can only just carry. */
const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, null, true, "0", "", [], {}) },
  { weight: 1, arbitrary: fc.integer() },
);

type Mutation = { at: number; kind: "replace" | "delete" | "add"; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "replace", "delete", "add"),
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), hostileText),
  value: anyJsonValue,
});

function apply(document: unknown, change: Mutation): unknown {
  const paths = pathsOf(document);
  const path = paths[change.at % paths.length] ?? [];
  if (path.length === 0) return change.kind === "replace" ? change.value : document;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (change.kind === "replace") parent[key] = change.value;
  else if (change.kind === "delete") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  } else if (!Array.isArray(parent)) Object.defineProperty(parent, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
  return document;
}

/**
 * The JSON text of `base` changed in a few places (none, to get valid documents through too), or cut short, or
 * some other JSON altogether. Keys such as `__proto__` are written as own keys, as JSON.parse reads them.
 */
export function mutatedJsonText(base: unknown): fc.Arbitrary<string> {
  const baseText = JSON.stringify(base);
  const mutated = fc.array(mutation, { maxLength: 4 }).map((changes) => {
    let document: unknown = JSON.parse(baseText);
    for (const change of changes) document = apply(document, change);
    return JSON.stringify(document) ?? "null";
  });
  return fc.oneof(
    { weight: 12, arbitrary: mutated },
    { weight: 1, arbitrary: fc.nat().map((cut) => baseText.slice(0, cut % baseText.length)) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: hostileText },
  );
}
