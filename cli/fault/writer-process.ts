import { spawn } from "node:child_process";
import readline from "node:readline";
import { parseLine, type Ack, type WriteKind, type WriterLine } from "./protocol";

export type WriterOptions = {
  seed: number;
  agencyCode: string;
  year: number;
  /** A clerk's session of the agency, for replies. */
  session?: string;
  kinds?: readonly WriteKind[];
  writes?: number;
  waitForGo?: boolean;
};

export type WriterExit = { code: number | null; signal: NodeJS.Signals | null };

/** One writer process (writer.ts, bundled) and what it said. */
export type WriterProcess = {
  /** Every line it printed so far, parsed. */
  readonly lines: WriterLine[];
  /** Whatever it printed to standard error, and lines that were not of the protocol. */
  readonly errors: string[];
  /** Settle when it printed `waiting` (loaded, waiting for go) and `ready` (database open), or when it ended without. */
  readonly waiting: Promise<void>;
  readonly ready: Promise<void>;
  readonly exited: Promise<WriterExit>;
  go(): void;
  kill(): Promise<WriterExit>;
  acks(): Ack[];
  /** Every write it began, by token. */
  begun(): [string, WriteKind][];
  /** The write it had begun and not acknowledged when it ended, if any. */
  unacknowledged(): { kind: WriteKind; token: string } | null;
};

export function startWriter(script: string, env: { cwd: string; databasePath: string }, options: WriterOptions): WriterProcess {
  const args = ["--seed", String(options.seed), "--agency", options.agencyCode, "--year", String(options.year)];
  if (options.session) args.push("--session", options.session);
  if (options.kinds) args.push("--kinds", options.kinds.join(","));
  if (options.writes !== undefined) args.push("--writes", String(options.writes));
  if (options.waitForGo) args.push("--wait-for-go");
  return startProcess(script, env, args);
}

/** A bundled script that speaks the writers' protocol (protocol.ts), run with `node` on the database. */
export function startProcess(script: string, env: { cwd: string; databasePath: string }, args: readonly string[]): WriterProcess {
  const child = spawn(process.execPath, [script, ...args], { cwd: env.cwd, env: { ...process.env, GONGKAI_DB: env.databasePath }, stdio: ["pipe", "pipe", "pipe"] });
  const lines: WriterLine[] = [];
  const errors: string[] = [];
  let markWaiting = () => {};
  const waiting = new Promise<void>((resolve) => {
    markWaiting = resolve;
  });
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  // Exit fires before the last output may have been read; close waits for both pipes to be drained.
  const exited = new Promise<WriterExit>((resolve) => {
    child.on("close", (code, signal) => {
      markWaiting();
      markReady();
      resolve({ code, signal });
    });
  });
  readline.createInterface({ input: child.stdout }).on("line", (text) => {
    try {
      const line = parseLine(text);
      lines.push(line);
      if (line.type === "waiting") markWaiting();
      if (line.type === "ready") markReady();
    } catch (error) {
      errors.push((error as Error).message);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => errors.push(chunk));
  // A killed writer leaves its standard input unread; writing to it then must not fail the test.
  child.stdin.on("error", () => {});
  return {
    lines,
    errors,
    waiting,
    ready,
    exited,
    go: () => child.stdin.write("go\n"),
    kill() {
      child.kill("SIGKILL");
      return exited;
    },
    acks: () => lines.flatMap((line) => (line.type === "ack" ? [line.ack] : [])),
    begun: () => lines.flatMap((line) => (line.type === "begin" ? [[line.token, line.kind] as [string, WriteKind]] : [])),
    unacknowledged() {
      const last = lines.at(-1);
      return last?.type === "begin" ? { kind: last.kind, token: last.token } : null;
    },
  };
}
