import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import type { CaseResult } from "./report";

/**
 * `npm run bench`: builds a throw-away database with 200,000 applications, times the ledger's data-layer
 * functions on it as a signed-in clerk of the largest agency, prints the figures and rewrites
 * docs/performance.md with them.
 *
 *   --db FILE         reuse (or keep) this database instead of a fresh one in the temp directory
 *   --keep            keep the temp database afterwards (its path is printed)
 *   --rows N          total applications (default 200000; 90 % in the big agency)
 *   --iterations N    timed runs per list case (default 30, after 3 warm-up runs)
 *   --no-write        print only; leave docs/performance.md alone
 *   --no-report-scale skip the annual report at 1,000,000 applications (report-scale.ts)
 *   --import-rows N   rows of the ledger-import case (default 100000; 0 leaves it out)
 *   --import-runs N   timed imports (default 3), each into a new agency
 */
/** The benchmark writes (a clerk, 210 registrations): only ever into a database it generated itself. */
function isBenchDatabase(file: string): boolean {
  try {
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return probe.prepare("select 1 from users where username = 'clerk.jc-gov'").get() !== undefined;
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    keep: { type: "boolean", default: false },
    rows: { type: "string" },
    iterations: { type: "string", default: "30" },
    "no-write": { type: "boolean", default: false },
    "no-report-scale": { type: "boolean", default: false },
    "import-rows": { type: "string", default: "100000" },
    "import-runs": { type: "string", default: "3" },
  },
});

const appDatabase = path.resolve(process.env.GONGKAI_DB ?? "data/gongkai.db");
if (args.db !== undefined && path.resolve(args.db) === appDatabase) {
  console.error(`${args.db} 是应用的数据库：基准测试只使用自己生成的数据库。`);
  process.exit(1);
}
const reuse = args.db !== undefined && fs.existsSync(args.db);
if (reuse && !isBenchDatabase(path.resolve(args.db as string))) {
  console.error(`${args.db} 不是基准测试生成的数据库（没有账户 clerk.jc-gov）：为免改动真实数据，拒绝沿用。`);
  process.exit(1);
}
const workDir = args.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-"));
const databasePath = path.resolve(args.db ?? path.join(workDir ?? os.tmpdir(), "gongkai.db"));
// The throw-away database goes away however the run ends, unless asked to keep it.
process.on("exit", () => {
  if (workDir && !args.keep) fs.rmSync(workDir, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
// The data layer reads its configuration on first use: settle it before importing anything of it.
process.env.GONGKAI_DB = databasePath;

const { closeDatabase, migrateDatabase, sqlite } = await import("@/db/client");
const { withSource } = await import("@/lib/server/context");
const { AccessError } = await import("@/lib/server/errors");
const { createUser } = await import("@/lib/server/users");
const { signInWithPassword } = await import("@/lib/server/sign-in");
const ledger = await import("@/lib/server/ledger");
const { todayInChina } = await import("@/lib/calendar");
const { ledgerStatus } = await import("@/lib/ledger/status");
const { BIG_AGENCY, DEFAULT_DATASET, generateDataset } = await import("./generate");
const { describeDataset } = await import("./dataset");
const { captureStatements, explain, measure } = await import("./measure");
const { registrationInput } = await import("./registration");
const { renderReport, renderTable, machineInfo, TARGETS } = await import("./report");
const { renderReportScale, runReportScaleBench } = await import("./report-scale");
const { createRandom } = await import("@/lib/seeded-random");
const { benchImport } = await import("./import");

const log = (line: string) => console.log(line);
const iterations = Math.max(5, Number(args.iterations) || 30);
const totalRows = args.rows ? Number(args.rows) : DEFAULT_DATASET.total;
if (!Number.isInteger(totalRows) || totalRows < 2000) throw new Error("--rows 应为不小于 2000 的整数");
const options = { ...DEFAULT_DATASET, total: totalRows, bigAgencyRows: Math.round(totalRows * (DEFAULT_DATASET.bigAgencyRows / DEFAULT_DATASET.total)) };

log(`数据库：${databasePath}${reuse ? "（沿用已有数据）" : ""}`);
migrateDatabase();

let generation: Awaited<ReturnType<typeof generateDataset>>["stats"] | null = null;
if (!reuse) {
  log(`生成数据：${options.total} 件申请，其中 ${options.bigAgencyRows} 件属于「${BIG_AGENCY.name}」……`);
  generation = (await generateDataset(options, log)).stats;
  log(`生成完成：${generation.seconds.total.toFixed(1)} s（其中账户 ${generation.seconds.accounts.toFixed(1)} s）；引擎计算 ${generation.engineEvaluations} 次，状态与预期不同 ${generation.intendedMismatches} 件`);
}

const connection = sqlite();
const today = todayInChina();
const dataset = describeDataset(connection, BIG_AGENCY.code, today);

// A real clerk of the big agency, created and signed in through the data layer, as a web request would be.
const username = `clerk.bench.${Date.now().toString(36)}`;
const { password } = await withSource({ kind: "system" }, () =>
  createUser({ username, displayName: "基准测试经办人", role: "clerk", agencyCode: BIG_AGENCY.code }, { mustChangePassword: false }),
);
const signedIn = await signInWithPassword({ username, password });
if (!signedIn.ok) throw new Error("the benchmark clerk could not sign in");
const sessionId = signedIn.sessionId;
const asClerk = <T>(work: () => Promise<T>) =>
  withSource(
    {
      kind: "session",
      sessionId: async () => sessionId,
      deny(reason) {
        throw new AccessError(reason);
      },
    },
    work,
  );

// The stored projection must be what the engine says: re-evaluate a sample through getApplication.
const sampleRandom = createRandom(7);
const maxId = (connection.prepare("select max(id) as n from applications where agency_id = ?").get(dataset.big.agencyId) as { n: number }).n;
let checked = 0;
let mismatches = 0;
await asClerk(async () => {
  while (checked < 300) {
    const id = sampleRandom.int(1, maxId);
    const exists = connection.prepare("select 1 from applications where id = ? and agency_id = ?").get(id, dataset.big.agencyId);
    if (!exists) continue;
    const detail = await ledger.getApplication(id);
    const { application: stored, report, inForce } = detail;
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

const listCases: { key: string; label: string; filter: Record<string, string> }[] = [
  { key: "none", label: "no filter (default sort: received, newest first)", filter: {} },
  { key: "status_open", label: "status=open", filter: { status: "open" } },
  { key: "status_concluded", label: "status=concluded", filter: { status: "concluded" } },
  { key: "year", label: "year=2024", filter: { year: "2024" } },
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
  { key: "deep_page", label: "page=2000 (rows 99,951–100,000, no filter)", filter: { page: "2000" } },
];

const loadBefore = os.loadavg();
const results: CaseResult[] = [];
const print = (result: CaseResult) => log(renderTable([result], { header: results.length === 1 }).trimEnd());

for (const testCase of listCases) {
  let total = 0;
  const result = await asClerk(async () => {
    const timing = await measure(iterations, 3, async () => {
      const page = await ledger.listApplications(testCase.filter);
      total = page.total;
    });
    const statements = await captureStatements(connection, () => ledger.listApplications(testCase.filter));
    const explained = statements.filter((statement) => /from "applications"/.test(statement.sql)).map((statement) => explain(connection, statement));
    return { timing, explained };
  });
  results.push({ kind: "list", key: testCase.key, label: `listApplications ${testCase.label}`, target: TARGETS.list, stats: result.timing, rows: total, statements: result.explained });
  print(results.at(-1) as CaseResult);
}

const workbench = await asClerk(() => measure(Math.max(iterations, 50), 3, () => ledger.workbenchCounts()));
results.push({ kind: "other", key: "workbench", label: "workbenchCounts()", target: TARGETS.list, stats: workbench, rows: null, statements: [] });
print(results.at(-1) as CaseResult);

const registrationRandom = createRandom(11);
const registrations = 200;
const register = await asClerk(() => measure(registrations, 10, async () => ledger.registerApplication(registrationInput(registrationRandom, today))));
results.push({ kind: "register", key: "register", label: `registerApplication (${registrations} after 10 warm-up)`, target: TARGETS.register, stats: register, rows: null, statements: [] });
print(results.at(-1) as CaseResult);

const importRows = Number(args["import-rows"]);
if (Number.isInteger(importRows) && importRows > 0) {
  log(`\n台账导入：${importRows} 行的 CSV，每次导入一个新机构……`);
  const imported = await benchImport({ rows: importRows, runs: Math.max(1, Number(args["import-runs"]) || 3), today, log });
  const size = `${(imported.bytes / 2 ** 20).toFixed(1)} MiB`;
  results.push({ kind: "import", key: "import_dry_run", label: `importLedgerFile --dry-run: ${importRows.toLocaleString("en-US")}-row CSV (${size}), read and checked, nothing written`, target: TARGETS.import, stats: imported.dryRun, rows: importRows, statements: [] });
  print(results.at(-1) as CaseResult);
  results.push({ kind: "import", key: "import", label: `importLedgerFile: ${importRows.toLocaleString("en-US")}-row CSV (${size}) into a new agency, one transaction`, target: TARGETS.import, stats: imported.write, rows: importRows, statements: [] });
  print(results.at(-1) as CaseResult);
  const xlsxSize = `${(imported.xlsx.bytes / 2 ** 20).toFixed(1)} MiB`;
  results.push({ kind: "import", key: "export_xlsx", label: `exportApplications xlsx: the ${importRows.toLocaleString("en-US")} rows streamed to a file (${xlsxSize})`, target: TARGETS.import, stats: imported.xlsx.exported, rows: importRows, statements: [] });
  print(results.at(-1) as CaseResult);
  results.push({ kind: "import", key: "import_xlsx", label: `importLedgerFile: that XLSX into a new agency`, target: TARGETS.import, stats: imported.xlsx.imported, rows: importRows, statements: [] });
  print(results.at(-1) as CaseResult);
}

let reportScale = "";
if (!args["no-report-scale"]) {
  log("\n年度报告：100 万件申请、500 个机构、5 年……");
  const scale = await runReportScaleBench({ iterations, log });
  reportScale = renderReportScale(scale);
  log(reportScale);
  results.push({ kind: "other", key: "report_scale", label: "generateAnnualReport at 1,000,000 applications (one agency-year)", target: TARGETS.list, stats: scale.report, rows: null, statements: [] });
}

const report = renderReport({
  machine: machineInfo(connection, loadBefore),
  today,
  databasePath,
  reused: reuse,
  generation,
  dataset,
  consistency: { checked, mismatches },
  iterations,
  results,
});
if (!args["no-write"]) {
  const file = path.join(process.cwd(), "docs", "performance.md");
  fs.writeFileSync(file, reportScale ? `${report.trimEnd()}\n\n${reportScale}` : report);
  log(`\n已写入 ${path.relative(process.cwd(), file)}`);
}

const missed = results.filter((result) => result.stats.median >= result.target);
log(missed.length ? `\n未达标：${missed.map((result) => result.label).join("；")}` : "\n全部达标。");

closeDatabase();
if (!workDir || args.keep) log(`数据库保留在 ${databasePath}（下次可用 --db 沿用）`);
