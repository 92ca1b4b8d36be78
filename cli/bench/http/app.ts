import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * The production build the HTTP benchmarks run against, and its server. The build is made in a private copy
 * of the project (never in the checkout's own .next, which `npm start` and the e2e tests use): the sources
 * git knows, node_modules linked in, and the bare page added at app/(public)/bench-bare — the only
 * difference from the real app. Tests and the CLI are left out of the copy: `next build` type-checks every
 * file it can see, and they are not part of the app.
 */

export const BARE_PATH = "/bench-bare";
const BARE_SOURCE = path.join("cli", "bench", "http", "bare-page.tsx");
const BARE_TARGET = path.join("app", "(public)", "bench-bare", "page.tsx");

function projectFiles(root: string): string[] {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return listed
    .split("\0")
    .filter((file) => file !== "" && !/^(cli|e2e|docs)\//.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => fs.existsSync(path.join(root, file)));
}

/** Copies the project into `dir` and runs `next build` there; with `reuse`, an existing build in `dir` is kept. */
export function prepareApp(options: { root: string; dir: string; reuse: boolean; log: (line: string) => void }): { dir: string; built: boolean; seconds: number } {
  const { root, dir, log } = options;
  if (options.reuse && fs.existsSync(path.join(dir, ".next", "BUILD_ID")) && fs.existsSync(path.join(dir, BARE_TARGET))) {
    log(`沿用已有的生产构建：${dir}`);
    return { dir, built: false, seconds: 0 };
  }
  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of projectFiles(root)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  // Hard links: the copy shares node_modules' files without taking the space twice (GNU cp; elsewhere a link).
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "ignore" });
  } catch {
    fs.rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  }
  fs.mkdirSync(path.dirname(path.join(dir, BARE_TARGET)), { recursive: true });
  fs.copyFileSync(path.join(root, BARE_SOURCE), path.join(dir, BARE_TARGET));
  log(`生产构建（next build）：${dir} ……`);
  execFileSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const seconds = (performance.now() - started) / 1000;
  log(`构建完成（${seconds.toFixed(0)} s）`);
  return { dir, built: true, seconds };
}

/** A port nobody listens on, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type Server = { url: string; pid: number; stop(): Promise<void> };

/** `next start` of the build in `dir` on the database, as production runs it (NODE_ENV=production, a real secret). */
export async function startServer(options: { dir: string; port: number; databasePath: string; nodeOptions: string | null; log: (line: string) => void }): Promise<Server> {
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: options.dir,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      GONGKAI_DB: options.databasePath,
      NEXTAUTH_SECRET: randomBytes(48).toString("base64"),
      NEXTAUTH_URL: url,
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // However the benchmark ends, the server ends with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${url}${BARE_PATH}`);
      if (response.ok) {
        await response.arrayBuffer();
        options.log(`服务已启动：${url}（pid ${child.pid}）`);
        return { url, pid: child.pid ?? 0, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`next start did not answer within 60 s: ${stderr}`);
}

/** A process and all its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the second field after the parenthesised command name.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    tree.push(current);
    pending.push(...(children.get(current) ?? []));
  }
  return tree;
}

/** Whether a process is still running (a zombie counts as ended). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

const sumOverTree = (pid: number, read: (pid: number) => number) =>
  processTree(pid).reduce((total, current) => {
    try {
      return total + read(current);
    } catch {
      return total; // ended meanwhile
    }
  }, 0);

/** Resident memory of a process and all its descendants, in bytes (Linux /proc; `ps` elsewhere). */
export function residentBytes(pid: number): number {
  if (!fs.existsSync("/proc/self/status")) {
    return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) * 1024;
  }
  return sumOverTree(pid, (current) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${current}/status`, "utf8"))?.[1] ?? 0) * 1024);
}

let clockTicks: number | undefined;
/**
 * CPU time (user + system) a process and its descendants have used, in milliseconds; NaN where /proc is
 * missing. Unlike latency it hardly moves when other work shares the machine.
 */
export function cpuMilliseconds(pid: number): number {
  if (!fs.existsSync("/proc/self/stat")) return Number.NaN;
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const ticks = sumOverTree(pid, (current) => {
    const stat = fs.readFileSync(`/proc/${current}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  });
  return (ticks * 1000) / clockTicks;
}

/** Samples the server's resident memory every `everyMs` until stopped. */
export function memorySampler(pid: number, everyMs = 250): { stop(): number[] } {
  const samples: number[] = [residentBytes(pid)];
  const timer = setInterval(() => samples.push(residentBytes(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(residentBytes(pid));
      return samples;
    },
  };
}

/**
 * Signs in as a user does: the CSRF token from next-auth, then the credentials form posted from the app's own
 * origin. Returns the Cookie header of the session.
 */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url, cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  keep(response);
  await response.arrayBuffer();
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in of ${username} failed (HTTP ${response.status})`);
  return `${session}=${jar.get(session)}`;
}
