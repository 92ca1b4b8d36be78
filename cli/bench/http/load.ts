import fs from "node:fs";
import autocannon from "autocannon";
import { stats, type Stats } from "../measure";
import { cpuMilliseconds, isRunning, memorySampler, processTree } from "./app";

/** One kind of page the load asks for: where, and as whom (the session cookie, or none for the public). */
export type Target = { kind: string; path: string; cookie?: string };

export type LoadResult = {
  connections: number;
  seconds: number;
  /** Completed responses, and per second over the run. */
  completed: number;
  perSecond: number;
  /** Milliseconds from writing the request to the end of the response, every request (float, not autocannon's whole-ms histogram). */
  latency: Stats;
  /** Connection errors and timeouts (autocannon's 10 s), and answers other than 2xx (a redirect to /login included). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  byKind: Record<string, { latency: Stats; non2xx: number }>;
  /** The server's resident memory sampled every 250 ms during the run, in bytes. */
  memory: { samples: number; median: number; max: number };
  /** The server's CPU time (user + system) per completed request, in ms: what a request costs, whatever else runs. */
  cpuPerRequest: number;
  /** Server processes (the server or one of its workers) that ended during the run: a crash, e.g. out of heap. */
  serverProcessesEnded: number;
};

/**
 * `connections` clients asking as fast as the server answers for `seconds`: each request is the next of
 * `pick()` (one fixed page, or a mix). The server's memory is sampled meanwhile.
 */
export async function load(options: { url: string; pid: number; connections: number; seconds: number; pick: () => Target }): Promise<LoadResult> {
  const samples: number[] = [];
  const kinds = new Map<string, { samples: number[]; non2xx: number }>();
  const memory = memorySampler(options.pid);
  const cpuBefore = cpuMilliseconds(options.pid);
  const processesBefore = fs.existsSync("/proc/self/stat") ? processTree(options.pid) : [];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        setupRequest(request, context) {
          const target = options.pick();
          context.kind = target.kind;
          context.started = performance.now();
          const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
          return { ...request, method: "GET", path: target.path, headers };
        },
        onResponse(status, _body, context) {
          const latency = performance.now() - Number(context.started);
          samples.push(latency);
          const kind = String(context.kind);
          const entry = kinds.get(kind) ?? { samples: [], non2xx: 0 };
          entry.samples.push(latency);
          if (status < 200 || status > 299) entry.non2xx += 1;
          kinds.set(kind, entry);
        },
      },
    ],
  });
  const cpuUsed = cpuMilliseconds(options.pid) - cpuBefore;
  const serverProcessesEnded = processesBefore.filter((pid) => !isRunning(pid)).length;
  const memorySamples = memory.stop();
  const memoryStats = stats(memorySamples);
  const completed = result.requests.total;
  return {
    connections: options.connections,
    seconds: result.duration,
    completed,
    perSecond: completed / result.duration,
    latency: stats(samples.length > 0 ? samples : [Number.NaN]),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, entry]) => [code, entry.count])),
    byKind: Object.fromEntries([...kinds].map(([kind, entry]) => [kind, { latency: stats(entry.samples), non2xx: entry.non2xx }])),
    memory: { samples: memorySamples.length, median: memoryStats.median, max: memoryStats.max },
    // A process that ended took its CPU time with it: the figure would be meaningless.
    cpuPerRequest: completed > 0 && serverProcessesEnded === 0 ? cpuUsed / completed : Number.NaN,
    serverProcessesEnded,
  };
}

/** One page, asked for over and over. */
export const fixed = (target: Target) => () => target;
