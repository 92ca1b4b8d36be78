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
 * The SQL statements (with their parameters) that `work` runs on this connection. Every better-sqlite3
 * statement shares one prototype, so wrapping its executing methods for the duration sees them all — those
 * prepared during `work` and those the data layer prepared once before it. Only used outside the timed runs.
 */
export async function captureStatements(connection: Database.Database, work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const prototype = Object.getPrototypeOf(connection.prepare("select 1")) as Record<"all" | "get" | "run" | "iterate", (this: Database.Statement, ...params: unknown[]) => unknown>;
  const originals = (["all", "get", "run", "iterate"] as const).map((name) => [name, prototype[name]] as const);
  for (const [name, original] of originals) {
    prototype[name] = function capture(this: Database.Statement, ...params: unknown[]) {
      if (this.database === connection) captured.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) prototype[name] = original;
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
