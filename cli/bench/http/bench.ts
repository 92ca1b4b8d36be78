import { createRandom } from "@/lib/seeded-random";
import type { BenchAccount } from "../generate";
import { BARE_PATH, residentBytes, signIn, startServer, type Server } from "./app";
import type { Stats } from "../measure";
import { fixed, load, type LoadResult, type Target } from "./load";
import { pageWeight, type PageWeight } from "./scripts";

/**
 * The benchmarks that go through HTTP to `next start` of the production build: the ledger list with each
 * filter as a signed-in clerk, the public report page beside the bare page, the JavaScript each page sends,
 * the server's memory, and the mixed load of issue 6 (50 connections, public and staff pages).
 */

export type LedgerCase = { key: string; label: string; filter: Record<string, string> };

export type HttpPlan = {
  /** The big agency's clerk, whose ledger every filter case lists. */
  clerk: BenchAccount;
  /** Signed in for the mixed load: clerks of agencies of every size, and a reviewer. */
  staff: BenchAccount[];
  /** The filters: each measured on its own when `measureLedger`, and drawn at random in the mixed load. */
  ledgerCases: LedgerCase[];
  measureLedger: boolean;
  /** The public report page measured against the bare page. */
  reportPath: string;
  published: { code: string; year: number }[];
  /** Some application ids of each staff account's agency, for detail pages. */
  applicationIds: Record<string, number[]>;
  /** The year of the staff report workspace (last finished year). */
  reportYear: number;
};

export type HttpOptions = {
  dir: string;
  port: number;
  databasePath: string;
  seconds: number;
  warmUpSeconds: number;
  connections: number;
  loadSeconds: number;
  loadConnections: number;
  /** NODE_OPTIONS for the server, to try memory settings; null for Node's defaults. */
  nodeOptions: string | null;
  log: (line: string) => void;
};

export type HttpResult = {
  reportPath: string;
  nodeOptions: string | null;
  idleBytes: number;
  bare: LoadResult;
  report: LoadResult;
  ledger: { key: string; label: string; path: string; result: LoadResult }[];
  weights: { label: string; weight: PageWeight }[];
  mixed: LoadResult | null;
  mixedShares: Record<string, number>;
  /** Each kind of the mix measured alone (one connection): server CPU per request and latency. */
  kindCosts: Record<string, { cpuPerRequest: number; latency: Stats; requests: number; failed: number }>;
};

const ledgerPath = (filter: Record<string, string>) => {
  const query = new URLSearchParams(filter).toString();
  return query ? `/staff/applications?${query}` : "/staff/applications";
};

/** Fetches a page once and checks it is the page meant (not a redirect to sign-in, not an error page). */
async function expectPage(url: string, target: Target, marker: string): Promise<void> {
  const response = await fetch(`${url}${target.path}`, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(marker)) throw new Error(`${target.path}: HTTP ${response.status}, not the expected page`);
}

const MIX: Record<string, number> = {
  "public: home (latest publications, agencies by name)": 7,
  "public: an agency's page (every year and version)": 3,
  "public: report page (latest version)": 35,
  "public: report page (version 1)": 5,
  "staff: 工作台": 10,
  "staff: ledger list (a random filter)": 20,
  "staff: application detail": 15,
  "staff: report workspace": 5,
};

const KIND_SECONDS = 5;

/** The home as visitors open it: mostly the first page, sometimes a later page or a search. */
const HOME_PAGES = ["/", "/", "/", "/?page=2", "/?page=5", `/?q=${encodeURIComponent("市")}`];

export async function runHttpBench(plan: HttpPlan, options: HttpOptions): Promise<HttpResult> {
  const { log } = options;
  const server: Server = await startServer({ dir: options.dir, port: options.port, databasePath: options.databasePath, nodeOptions: options.nodeOptions, log });
  try {
    const { url, pid } = server;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleBytes = residentBytes(pid);
    log(`空闲时常驻内存 ${(idleBytes / 2 ** 20).toFixed(0)} MiB`);

    const cookies = new Map<string, string>();
    for (const account of [plan.clerk, ...plan.staff]) {
      if (!cookies.has(account.username)) cookies.set(account.username, await signIn(url, account.username, account.password));
    }
    const clerkCookie = cookies.get(plan.clerk.username) as string;

    const bareTarget: Target = { kind: "bare", path: BARE_PATH };
    const reportTarget: Target = { kind: "report", path: plan.reportPath };
    await expectPage(url, bareTarget, "<h1>公开</h1>");
    await expectPage(url, reportTarget, "政府信息公开工作年度报告");
    const run = async (label: string, pick: () => Target, connections = options.connections, seconds = options.seconds) => {
      if (options.warmUpSeconds > 0) await load({ url, pid, connections, seconds: options.warmUpSeconds, pick });
      const result = await load({ url, pid, connections, seconds, pick });
      log(
        `  ${label}: ${result.perSecond.toFixed(1)} 次/秒，p50 ${result.latency.median.toFixed(1)} ms，p99 ${result.latency.p99.toFixed(1)} ms，` +
          `服务器 CPU ${result.cpuPerRequest.toFixed(1)} ms/次，非 2xx ${result.non2xx}，错误 ${result.errors + result.timeouts}，内存最高 ${(result.memory.max / 2 ** 20).toFixed(0)} MiB` +
          (result.serverProcessesEnded > 0 ? `，服务进程退出 ${result.serverProcessesEnded} 个` : ""),
      );
      return result;
    };

    log(`HTTP：${options.connections} 个连接，每项 ${options.seconds} s（另预热 ${options.warmUpSeconds} s）`);
    const bare = await run(`空白页 ${BARE_PATH}`, fixed(bareTarget));
    const report = await run(`公开年报 ${plan.reportPath}`, fixed(reportTarget));

    const ledger: HttpResult["ledger"] = [];
    for (const testCase of plan.measureLedger ? plan.ledgerCases : []) {
      const target: Target = { kind: testCase.key, path: ledgerPath(testCase.filter), cookie: clerkCookie };
      await expectPage(url, target, 'aria-label="筛选台账"');
      ledger.push({ key: testCase.key, label: testCase.label, path: target.path, result: await run(`台账 ${testCase.label}`, fixed(target)) });
    }

    const weights: HttpResult["weights"] = [
      { label: "bare page", weight: await pageWeight(url, BARE_PATH) },
      { label: "public report page", weight: await pageWeight(url, plan.reportPath) },
      { label: "public home", weight: await pageWeight(url, "/") },
      { label: "staff ledger list", weight: await pageWeight(url, "/staff/applications", clerkCookie) },
    ];

    let mixed: LoadResult | null = null;
    const kindCosts: HttpResult["kindCosts"] = {};
    if (options.loadSeconds > 0) {
      const random = createRandom(6);
      const staff = plan.staff.map((account) => ({ account, cookie: cookies.get(account.username) as string }));
      /** A page of the kind: a random published report, signed-in person, application or filter. */
      const targetOf = (kind: string): Target => {
        const published = random.pick(plan.published);
        const person = random.pick(staff);
        const ids = plan.applicationIds[person.account.username] ?? [];
        switch (kind) {
          case "public: home (latest publications, agencies by name)":
            return { kind, path: random.pick(HOME_PAGES) };
          case "public: an agency's page (every year and version)":
            return { kind, path: `/reports/${published.code}` };
          case "public: report page (latest version)":
            return { kind, path: `/reports/${published.code}/${published.year}` };
          case "public: report page (version 1)":
            return { kind, path: `/reports/${published.code}/${published.year}/v/1` };
          case "staff: 工作台":
            return { kind, path: "/staff", cookie: person.cookie };
          case "staff: ledger list (a random filter)":
            return { kind, path: ledgerPath(random.pick(plan.ledgerCases).filter), cookie: person.cookie };
          case "staff: application detail":
            return ids.length > 0 ? { kind, path: `/staff/applications/${random.pick(ids)}`, cookie: person.cookie } : { kind: "staff: 工作台", path: "/staff", cookie: person.cookie };
          default:
            return { kind, path: `/staff/reports/${plan.reportYear}`, cookie: person.cookie };
        }
      };
      const pick = (): Target => targetOf(random.weighted(MIX));
      // Every kind of page answers as meant before the load starts.
      for (const person of staff) {
        await expectPage(url, { kind: "check", path: "/staff", cookie: person.cookie }, "</html>");
        const ids = plan.applicationIds[person.account.username] ?? [];
        if (ids[0] !== undefined) await expectPage(url, { kind: "check", path: `/staff/applications/${ids[0]}`, cookie: person.cookie }, "</html>");
        await expectPage(url, { kind: "check", path: `/staff/reports/${plan.reportYear}`, cookie: person.cookie }, "</html>");
      }
      await expectPage(url, { kind: "check", path: "/" }, "政府信息公开工作年度报告");
      // What each kind costs the server alone, one request at a time: where the mixed load's time goes.
      log(`各类页面单独测量：1 个连接，每类 ${KIND_SECONDS} s`);
      for (const kind of Object.keys(MIX)) {
        const alone = await load({ url, pid, connections: 1, seconds: KIND_SECONDS, pick: () => targetOf(kind) });
        kindCosts[kind] = { cpuPerRequest: alone.cpuPerRequest, latency: alone.latency, requests: alone.completed, failed: alone.errors + alone.timeouts + alone.non2xx };
        log(`  ${kind}：服务器 CPU ${alone.cpuPerRequest.toFixed(1)} ms/次，p50 ${alone.latency.median.toFixed(1)} ms`);
      }
      log(`混合负载：${options.loadConnections} 个连接，${options.loadSeconds} s`);
      mixed = await run("混合负载", pick, options.loadConnections, options.loadSeconds);
    }
    return { reportPath: plan.reportPath, nodeOptions: options.nodeOptions, idleBytes, bare, report, ledger, weights, mixed, mixedShares: MIX, kindCosts };
  } finally {
    await server.stop();
  }
}
