import type Database from "better-sqlite3";

export type Stats = { n: number; median: number; p90: number; p95: number; p99: number; min: number; max: number; mean: number };

/** Nearest-rank percentiles over the samples, in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    n: sorted.length,
    median,
    p90: rank(0.9),
    p95: rank(0.95),
    p99: rank(0.99),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** Runs `work` `warmUp` times untimed, then `iterations` times timed, one after the other. */
export async function measure(iterations: number, warmUp: number, work: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warmUp; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await work(warmUp + i);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

export type CapturedStatement = { sql: string; params: unknown[] };

/**
 * The SQL statements (with their parameters) that `work` runs on this connection: drizzle prepares
 * every query on the better-sqlite3 connection, so wrapping `prepare` for the duration sees them all.
 * Only used outside the timed runs.
 */
export async function captureStatements(connection: Database.Database, work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const original = connection.prepare;
  const executing = new Set<string | symbol>(["all", "get", "run", "iterate"]);
  const chaining = new Set<string | symbol>(["raw", "pluck", "expand", "safeIntegers", "bind"]);
  connection.prepare = function prepare(this: Database.Database, source: string) {
    const statement = original.call(connection, source);
    const proxy: typeof statement = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (executing.has(property)) {
          return (...params: unknown[]) => {
            captured.push({ sql: source, params });
            return (value as (...args: unknown[]) => unknown).apply(target, params);
          };
        }
        if (chaining.has(property)) {
          return (...args: unknown[]) => {
            (value as (...args: unknown[]) => unknown).apply(target, args);
            return proxy;
          };
        }
        return (value as (...args: unknown[]) => unknown).bind(target);
      },
    });
    return proxy;
  } as typeof connection.prepare;
  try {
    await work();
  } finally {
    connection.prepare = original;
  }
  return captured;
}

export type ExplainedStatement = CapturedStatement & { plan: string[]; medianMs: number };

/** EXPLAIN QUERY PLAN as the indented tree the sqlite3 shell prints, plus the statement's own time. */
export function explain(connection: Database.Database, statement: CapturedStatement, runs = 5): ExplainedStatement {
  const rows = connection.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  const plan = rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${"  ".repeat(level)}${row.detail}`;
  });
  const prepared = connection.prepare(statement.sql);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    if (prepared.reader) prepared.all(...statement.params);
    else break;
    samples.push(performance.now() - started);
  }
  return { ...statement, plan, medianMs: samples.length ? stats(samples).median : Number.NaN };
}
