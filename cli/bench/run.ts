import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultDataPath, readBenchData, type BenchData } from "./data-file";
import type { CaseResult } from "./report";

/**
 * `npm run bench`: every benchmark, each beside its floor measured in the same run, on a working copy of the
 * `bench:data` database (made first when it is missing or older than the migrations); writes
 * docs/performance.md on a full run.
 *
 *   --data FILE          the bench:data database (default data/bench/gongkai-1m.db; with --small gongkai-small.db)
 *   --small              the small data set and short runs, to check the scripts; prints, writes no file unless --out
 *   --only LIST          some of: list,report,http,load,write (comma-separated; default all)
 *   --out FILE           the Markdown file (default docs/performance.md on a full run, none otherwise)
 *   --app DIR            the private production build for the HTTP benchmarks (default <tmp>/gongkai-bench-app)
 *   --reuse-build        keep the build already in --app instead of copying and building again
 *   --port N             the server's port (default: a free one)
 *   --iterations N       timed runs of each in-process case (default 30)
 *   --http-seconds N     each HTTP case (default 10, after 2 s of warm-up)
 *   --connections N      HTTP cases (default 10)
 *   --load-seconds N     the mixed load of issue 6 (default 60)
 *   --load-connections N (default 50)
 *   --import-rows N      the ledger import (default 100000)
 *   --import-runs N      (default 3)
 *   --server-node-options=…   NODE_OPTIONS for next start (e.g. --server-node-options=--max-old-space-size=256), to try memory settings
 *   --keep               keep the working copy of the database (its path is printed)
 */
const GROUPS = ["list", "report", "http", "load", "write"] as const;
type Group = (typeof GROUPS)[number];

const { values: args } = parseArgs({
  options: {
    data: { type: "string" },
    small: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    app: { type: "string" },
    "reuse-build": { type: "boolean", default: false },
    port: { type: "string" },
    iterations: { type: "string" },
    "http-seconds": { type: "string" },
    connections: { type: "string" },
    "load-seconds": { type: "string" },
    "load-connections": { type: "string" },
    "import-rows": { type: "string" },
    "import-runs": { type: "string" },
    "server-node-options": { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

const small = args.small;
const number = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} 应为非负数`);
  return n;
};
const groups = new Set<Group>(
  args.only
    ? args.only.split(",").map((name) => {
        const group = name.trim() as Group;
        if (!GROUPS.includes(group)) throw new Error(`--only：${name} 不是 ${GROUPS.join("、")} 之一`);
        return group;
      })
    : GROUPS,
);
const settings = {
  iterations: Math.max(5, number(args.iterations, small ? 10 : 30, "--iterations")),
  httpSeconds: number(args["http-seconds"], small ? 2 : 10, "--http-seconds"),
  warmUpSeconds: small ? 1 : 2,
  connections: number(args.connections, 10, "--connections"),
  loadSeconds: number(args["load-seconds"], small ? 10 : 60, "--load-seconds"),
  loadConnections: number(args["load-connections"], 50, "--load-connections"),
  importRows: number(args["import-rows"], small ? 2000 : 100_000, "--import-rows"),
  importRuns: Math.max(1, number(args["import-runs"], small ? 1 : 3, "--import-runs")),
  reportPicks: small ? 10 : 30,
};
const fullRun = !small && groups.size === GROUPS.length;
const outFile = args.out ? path.resolve(args.out) : fullRun ? path.join(process.cwd(), "docs", "performance.md") : null;
const log = (line: string) => console.log(line);

// ── the data set ──────────────────────────────────────────────────────────
const dataPath = path.resolve(args.data ?? defaultDataPath(small));
const appDatabase = path.resolve(process.env.GONGKAI_DB ?? "data/gongkai.db");
if (dataPath === appDatabase) {
  console.error(`${dataPath} 是应用的数据库：基准测试只使用 bench:data 生成的数据库。`);
  process.exit(1);
}
let known = readBenchData(dataPath);
if ("problem" in known) {
  log(`基准数据需要重新生成（${known.problem}）……`);
  execFileSync(
    process.execPath,
    [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--tsconfig", "cli/tsconfig.json", path.join("cli", "bench", "data.ts"), "--out", dataPath, "--force", ...(small ? ["--small"] : [])],
    { stdio: "inherit" },
  );
  known = readBenchData(dataPath);
  if ("problem" in known) throw new Error(known.problem);
}
const benchData: BenchData = known.data;

// Every benchmark works on a copy: the writes (registrations, imports, sessions) never touch the generated file.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-"));
const databasePath = path.join(workDir, "gongkai.db");
process.on("exit", () => {
  if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
log(`复制基准数据 ${dataPath} → ${databasePath}`);
fs.copyFileSync(dataPath, databasePath);
// The data layer reads its configuration on first use: settle it before importing anything of it.
process.env.GONGKAI_DB = databasePath;

const { closeDatabase, sqlite } = await import("@/db/client");
const { sessionSource, withSource } = await import("@/lib/server/context");
const { signInWithPassword } = await import("@/lib/server/sign-in");
const ledger = await import("@/lib/server/ledger");
const { todayInChina } = await import("@/lib/calendar");
const { ledgerStatus } = await import("@/lib/ledger/status");
const { LEDGER_PAGE_SIZE } = await import("@/lib/ledger/list-filter");
const { BIG_AGENCY } = await import("./province");
const { describeDataset } = await import("./dataset");
const { captureStatements, explain, measure } = await import("./measure");
const { registrationInput } = await import("./registration");
const { renderReport, machineInfo, TARGETS } = await import("./report");
const { runReportScaleBench } = await import("./report-scale");
const { createRandom } = await import("@/lib/seeded-random");
const { benchImport } = await import("./import");
const { commitFloor } = await import("./floors");

const connection = sqlite();
const today = todayInChina();
const dataset = describeDataset(connection, BIG_AGENCY.code, today);
const account = (username: string) => {
  const found = benchData.accounts.find((entry) => entry.username === username);
  if (!found) throw new Error(`account ${username} is not in the bench data`);
  return found;
};
const bigClerk = account(`clerk.${BIG_AGENCY.code}`);

// The big agency's clerk, signed in through the data layer with the generated password, as a web request would be.
const signedIn = await signInWithPassword({ username: bigClerk.username, password: bigClerk.password });
if (!signedIn.ok) throw new Error("the benchmark clerk could not sign in");
const sessionId = signedIn.sessionId;
const asClerk = <T>(work: () => Promise<T>) => withSource(sessionSource(sessionId), work);

// The stored projection must be what the engine says: re-evaluate a sample through getApplication.
const sampleRandom = createRandom(7);
const maxId = (connection.prepare("select max(id) as n from applications where agency_id = ?").get(dataset.big.agencyId) as { n: number }).n;
let checked = 0;
let mismatches = 0;
await asClerk(async () => {
  while (checked < (small ? 100 : 300)) {
    const id = sampleRandom.int(1, maxId);
    if (!connection.prepare("select 1 from applications where id = ? and agency_id = ?").get(id, dataset.big.agencyId)) continue;
    const { application: stored, report, inForce } = await ledger.getApplication(id);
    const types = inForce.map((event) => event.type);
    const expected = {
      status: ledgerStatus(report, stored.voidedAt !== null),
      replyDueOn: report.reply?.final.date ?? null,
      dueProvisional: report.reply?.final.provisional ?? false,
      extensionPending: types.includes("extension_requested") && !types.includes("extension_approved"),
      concludedOn: report.conclusion?.date ?? null,
      outcome: report.conclusion?.outcome ?? null,
    };
    const actual = {
      status: stored.status,
      replyDueOn: stored.replyDueOn,
      dueProvisional: stored.dueProvisional,
      extensionPending: stored.extensionPending,
      concludedOn: stored.concludedOn,
      outcome: stored.outcome,
    };
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      mismatches += 1;
      if (mismatches <= 3) log(`  投影不一致 #${id}: 存储 ${JSON.stringify(actual)} / 引擎 ${JSON.stringify(expected)}`);
    }
    checked += 1;
  }
});
log(`一致性抽查：${checked} 件经 getApplication 重新计算，不一致 ${mismatches} 件`);

const lastYear = Number(today.slice(0, 4)) - 1;
// Page 2000 (rows 99,951–100,000) at full size; as deep as the big agency allows on a small data set.
const deepPage = Math.min(2000, Math.max(1, Math.floor(dataset.big.rows / (2 * LEDGER_PAGE_SIZE))));
const thousands = (value: number) => value.toLocaleString("en-US");
const ledgerCases: { key: string; label: string; filter: Record<string, string> }[] = [
  { key: "none", label: "no filter (default sort: received, newest first)", filter: {} },
  { key: "status_open", label: "status=open", filter: { status: "open" } },
  { key: "status_concluded", label: "status=concluded", filter: { status: "concluded" } },
  { key: "year", label: `year=${lastYear}`, filter: { year: String(lastYear) } },
  { key: "type_person", label: "applicantType=natural_person (≈91 %)", filter: { applicantType: "natural_person" } },
  { key: "type_enterprise", label: "applicantType=commercial_enterprise (≈4.5 %)", filter: { applicantType: "commercial_enterprise" } },
  { key: "outcome_granted", label: "outcome=granted (≈39 %)", filter: { outcome: "granted" } },
  { key: "outcome_rare", label: "outcome=withheld.third_party (≈1.5 %)", filter: { outcome: "withheld.third_party" } },
  { key: "overdue", label: "overdue=1", filter: { overdue: "1" } },
  { key: "due_within", label: "dueWithin=3", filter: { dueWithin: "3" } },
  { key: "q_tracking", label: `q=tracking number (${dataset.probes.trackingNumber})`, filter: { q: dataset.probes.trackingNumber } },
  { key: "q_name", label: `q=applicant name (${dataset.probes.applicantName})`, filter: { q: dataset.probes.applicantName } },
  { key: "q_short", label: `q=two-character name (${dataset.probes.shortName})`, filter: { q: dataset.probes.shortName } },
  { key: "q_word", label: `q=content word (${dataset.probes.contentWord})`, filter: { q: dataset.probes.contentWord } },
  { key: "sort_due", label: "sort=due_asc", filter: { sort: "due_asc" } },
  { key: "deep_page", label: `page=${deepPage} (rows ${thousands((deepPage - 1) * LEDGER_PAGE_SIZE + 1)}–${thousands(deepPage * LEDGER_PAGE_SIZE)}, no filter)`, filter: { page: String(deepPage) } },
];

const loadBefore = os.loadavg();
const results: CaseResult[] = [];

/** The data layer in-process, each filter as the big agency's clerk: the floor under the HTTP figures. */
async function listCases(): Promise<CaseResult[]> {
  log(`\n台账列表（数据层，进程内）：「${dataset.big.name}」${dataset.big.rows} 件，每项 ${settings.iterations} 次`);
  const out: CaseResult[] = [];
  for (const testCase of ledgerCases) {
    let total = 0;
    const result = await asClerk(async () => {
      const timing = await measure(settings.iterations, 3, async () => {
        total = (await ledger.listApplications(testCase.filter)).total;
      });
      const statements = await captureStatements(connection, () => ledger.listApplications(testCase.filter));
      const explained = statements.filter((statement) => /from "applications"/.test(statement.sql)).map((statement) => explain(connection, statement));
      return { timing, explained };
    });
    out.push({ kind: "list", key: testCase.key, label: `listApplications ${testCase.label}`, target: TARGETS.list, stats: result.timing, rows: total, statements: result.explained });
    log(`  ${testCase.label}: ${total} 件，中位数 ${result.timing.median.toFixed(1)} ms`);
  }
  const workbench = await asClerk(() => measure(Math.max(settings.iterations, 50), 3, () => ledger.workbenchCounts()));
  out.push({ kind: "other", key: "workbench", label: "workbenchCounts()", target: TARGETS.list, stats: workbench, rows: null, statements: [] });
  return out;
}

async function reportCases() {
  log("");
  const result = await runReportScaleBench({ databasePath, picks: settings.reportPicks, runs: 5, bigAgency: BIG_AGENCY.code, log });
  log(`  generateAnnualReport 中位数 ${result.report.median.toFixed(2)} ms；汇总 ${result.figuresOnly.median.toFixed(2)} ms；sqlite3 ${result.floor?.median.toFixed(2) ?? "–"} ms`);
  return result;
}

let build: { dir: string; built: boolean; seconds: number } | null = null;
async function httpCases(options: { ledger: boolean; loadSeconds: number }) {
  const { prepareApp, freePort } = await import("./http/app");
  const { runHttpBench } = await import("./http/bench");
  log("");
  build = prepareApp({ root: process.cwd(), dir: path.resolve(args.app ?? path.join(os.tmpdir(), "gongkai-bench-app")), reuse: args["reuse-build"], log });
  const staffNames = benchData.accounts.filter((entry) => entry.role === "clerk" || entry.role === "reviewer").map((entry) => entry.username);
  const applicationIds: Record<string, number[]> = {};
  const idRandom = createRandom(5);
  for (const username of staffNames) {
    const agencyId = (connection.prepare("select agency_id from users where username = ?").pluck().get(username) as number | undefined) ?? 0;
    const ids = connection.prepare("select id from applications where agency_id = ?").pluck().all(agencyId) as number[];
    applicationIds[username] = Array.from({ length: Math.min(500, ids.length) }, () => idRandom.pick(ids));
  }
  const published = connection.prepare("select distinct a.code as code, v.year as year from report_versions v join agencies a on a.id = v.agency_id order by a.code, v.year").all() as { code: string; year: number }[];
  if (published.length === 0) throw new Error("the bench data has no published report");
  return runHttpBench(
    {
      clerk: bigClerk,
      staff: staffNames.map(account),
      ledgerCases,
      measureLedger: options.ledger,
      reportPath: `/reports/${BIG_AGENCY.code}/${lastYear}`,
      published,
      applicationIds,
      reportYear: lastYear,
    },
    {
      dir: build.dir,
      port: args.port ? number(args.port, 0, "--port") : await freePort(),
      databasePath,
      seconds: settings.httpSeconds,
      warmUpSeconds: settings.warmUpSeconds,
      connections: settings.connections,
      loadSeconds: options.loadSeconds,
      loadConnections: settings.loadConnections,
      nodeOptions: args["server-node-options"] ?? null,
      log,
    },
  );
}

async function registrationCase(registrations: number): Promise<CaseResult> {
  const registrationRandom = createRandom(11);
  log(`\n登记：${registrations} 件`);
  const register = await asClerk(() => measure(registrations, 10, async () => ledger.registerApplication(registrationInput(registrationRandom, today))));
  return { kind: "register", key: "register", label: `registerApplication (${registrations} after 10 warm-up)`, target: TARGETS.register, stats: register, rows: null, statements: [] };
}

function importResults(bench: Awaited<ReturnType<typeof benchImport>>): CaseResult[] {
  const size = `${(bench.bytes / 2 ** 20).toFixed(1)} MiB`;
  const rows = bench.rows.toLocaleString("en-US");
  return [
    { kind: "import", key: "import_dry_run", label: `importLedgerFile --dry-run: ${rows}-row CSV (${size}), read and checked, nothing written`, target: TARGETS.import, stats: bench.dryRun, rows: bench.rows, statements: [] },
    { kind: "import", key: "import", label: `importLedgerFile: ${rows}-row CSV (${size}) into a new agency, one transaction`, target: TARGETS.import, stats: bench.write, rows: bench.rows, statements: [] },
    { kind: "import", key: "export_xlsx", label: `exportApplications xlsx: the ${rows} rows streamed to a file (${(bench.xlsx.bytes / 2 ** 20).toFixed(1)} MiB)`, target: TARGETS.import, stats: bench.xlsx.exported, rows: bench.rows, statements: [] },
    { kind: "import", key: "import_xlsx", label: "importLedgerFile: that XLSX into a new agency", target: TARGETS.import, stats: bench.xlsx.imported, rows: bench.rows, statements: [] },
  ];
}

if (groups.has("list")) results.push(...(await listCases()));
const reportScale = groups.has("report") ? await reportCases() : null;
// The ledger cases over HTTP, the report page against the bare page, and the mixed load, on one server.
const http = groups.has("http") || groups.has("load") ? await httpCases({ ledger: groups.has("http"), loadSeconds: groups.has("load") ? settings.loadSeconds : 0 }) : null;
// The public report page's data alone, read in-process as the page reads it: to split its cost from rendering.
const publicData = http
  ? await measure(settings.iterations, 3, async () => {
      const { getPublishedReport, publishedSeries } = await import("@/lib/server/public-reports");
      await getPublishedReport({ agencyCode: BIG_AGENCY.code, year: String(lastYear) });
      await publishedSeries(BIG_AGENCY.code);
    })
  : null;

// ── write: registration and the ledger import, each beside its floor ───────
let commit: Awaited<ReturnType<typeof commitFloor>> | null = null;
let imported: Awaited<ReturnType<typeof benchImport>> | null = null;
if (groups.has("write")) {
  const register = await registrationCase(small ? 50 : 200);
  results.push(register);
  commit = await commitFloor(connection, register.stats.n);
  log(`  registerApplication 中位数 ${register.stats.median.toFixed(2)} ms；单行提交（fsync）${commit.median.toFixed(2)} ms`);
  if (settings.importRows > 0) {
    log(`\n台账导入：${settings.importRows} 行的 CSV，每次导入一个新机构……`);
    imported = await benchImport({ rows: settings.importRows, runs: settings.importRuns, today, log });
    results.push(...importResults(imported));
  }
}

const markdown = renderReport({
  machine: machineInfo(connection, loadBefore),
  today,
  small,
  groups: [...groups],
  partial: groups.size < GROUPS.length,
  settings,
  benchData,
  dataPath,
  dataset,
  consistency: { checked, mismatches },
  results,
  reportScale,
  http,
  build,
  commit,
  imported,
  publicData,
});
closeDatabase();
if (outFile) {
  fs.writeFileSync(outFile, markdown);
  log(`\n已写入 ${path.relative(process.cwd(), outFile)}`);
} else {
  log(`\n${markdown}`);
}
if (args.keep) log(`工作副本保留在 ${databasePath}`);
