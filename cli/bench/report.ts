import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import type { BenchData } from "./data-file";
import type { DatasetShape } from "./dataset";
import type { HttpResult } from "./http/bench";
import type { LoadResult } from "./http/load";
import type { ImportBench } from "./import";
import type { ExplainedStatement, Stats } from "./measure";
import { indexColumns } from "./object-sizes";
import type { ReportScaleResult } from "./report-scale";

/** The targets of issue 7 (and of the issues before it for the in-process figures). */
export const TARGETS = {
  /** The data layer's list call alone, median (issue 3). */
  list: 100,
  register: 50,
  import: 10_000,
  httpP50: 50,
  httpP99: 150,
  reportMs: 100,
  reportRatio: 1.5,
  publicShare: 0.8,
  rssBytes: 300 * 2 ** 20,
} as const;

export type CaseResult = {
  kind: "list" | "register" | "import" | "other";
  key: string;
  label: string;
  target: number;
  stats: Stats;
  /** Matching rows (the list's total), for list cases. */
  rows: number | null;
  /** The statements on `applications` the call ran, with plan and time, for list cases. */
  statements: ExplainedStatement[];
};

/**
 * The indexes migration 0009 (db/migrations/0009_province_indexes.sql) added after this benchmark found them
 * missing at province scale, each with what it serves; the report explains why under Data set. Their columns
 * are read from the database, so the report shows what the migration really made.
 */
const MIGRATION_0009_INDEXES: { name: string; widens: string | null; serves: string }[] = [
  {
    name: "applications_agency_status_due_idx",
    widens: "(agency_id, status, reply_due_on)",
    serves: "the ledger's status counts (tabs and total) for every filter and any combination of them, from the index alone",
  },
  {
    name: "applications_agency_received_idx",
    widens: "(agency_id, received_on)",
    serves:
      "table 三 of the annual report from the index alone; the ledger page (newest first, any depth) skips non-matching rows inside the index — " +
      "`id` right after the date keeps the list's order (received_on desc, id desc) in the index, so a page, however deep, is found without sorting and without reading the rows it skips",
  },
  {
    name: "application_events_fee_notice_idx",
    widens: null,
    serves:
      "the report's fee figures: the year's fee notices directly, instead of every event of every application of the agency; " +
      "partial (`where type = 'fee_notice_sent'`), so the replies an import writes by the thousand never touch it",
  },
  {
    name: "application_events_fee_paid_idx",
    widens: null,
    serves: "the same for the year's fee payments (`where type = 'fee_paid'`)",
  },
  {
    name: "applications_agency_due_order_idx",
    widens: null,
    serves: "the ledger sorted by reply deadline (`sort=due_asc`): the first page without sorting all the agency's rows",
  },
];

export type Machine = { cpu: string; cores: number; memoryGiB: number; os: string; node: string; sqlite: string; sqliteShell: string | null; betterSqlite3: string; next: string; loadBefore: number[]; loadAfter: number[] };

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function machineInfo(connection: Database.Database, loadBefore: number[]): Machine {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const line = fs.readFileSync("/proc/cpuinfo", "utf8").split("\n").find((entry) => entry.startsWith("model name"));
    if (line) cpu = line.split(":")[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() already gave the model
  }
  let sqliteShell: string | null = null;
  try {
    sqliteShell = execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0] ?? null;
  } catch {
    // no shell: the floors that need it are left out
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: (connection.prepare("select sqlite_version() as v").get() as { v: string }).v,
    sqliteShell,
    betterSqlite3: packageVersion("better-sqlite3"),
    next: packageVersion("next"),
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

export type ReportInput = {
  machine: Machine;
  today: string;
  small: boolean;
  groups: string[];
  partial: boolean;
  settings: { iterations: number; httpSeconds: number; warmUpSeconds: number; connections: number; loadSeconds: number; loadConnections: number; importRows: number; importRuns: number; reportPicks: number };
  benchData: BenchData;
  dataPath: string;
  dataset: DatasetShape;
  consistency: { checked: number; mismatches: number };
  results: CaseResult[];
  reportScale: ReportScaleResult | null;
  http: HttpResult | null;
  build: { dir: string; built: boolean; seconds: number } | null;
  commit: Stats | null;
  imported: ImportBench | null;
  /** The public report's data read in-process (`getPublishedReport` + `publishedSeries`), to split the page's cost. */
  publicData: Stats | null;
};

const ms = (value: number) => (!Number.isFinite(value) ? "–" : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const thousands = (value: number) => value.toLocaleString("en-US");
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part / whole < 0.01 ? 2 : 1)} %`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** Sizes of tables and indexes, which range from a few KiB on the small data set to a GiB on the full one. */
const size = (bytes: number) => (bytes >= 100 * 2 ** 20 ? mib(bytes) : bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : kib(bytes));
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

function tallyLine(tally: Record<string, number>, whole: number): string {
  return Object.entries(tally)
    .map(([key, n]) => `${key} ${thousands(n)} (${percent(n, whole)})`)
    .join(", ");
}

function statementKind(statement: ExplainedStatement): string {
  return /group by/i.test(statement.sql) ? "status counts" : /limit/i.test(statement.sql) ? "page" : "other";
}

/** No error, no timeout, nothing but 2xx — and something answered at all. */
const loadOk = (result: LoadResult) => result.completed > 0 && result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && result.serverProcessesEnded === 0;
const loadErrors = (result: LoadResult) =>
  `${thousands(result.errors)} errors, ${thousands(result.timeouts)} timeouts, ${thousands(result.non2xx)} non-2xx` +
  (result.serverProcessesEnded > 0 ? `, ${result.serverProcessesEnded} server process(es) ended during the run` : "");

/** The summary table: every target of the issue, its figure and its floor from this run. */
function summary(input: ReportInput): string[] {
  const { reportScale, http, commit, imported, results } = input;
  const rows: string[] = [];
  const row = (what: string, figure: string, floor: string, target: string, ok: boolean | null) => rows.push(`| ${what} | ${figure} | ${floor} | ${target} | ${ok === null ? "" : verdict(ok)} |`);
  if (reportScale) {
    const ratio = reportScale.floor ? reportScale.figuresOnly.median / reportScale.floor.median : Number.NaN;
    row(
      `Annual report, one agency-year (${reportScale.report.n} random agency-years), \`generateAnnualReport\` median`,
      `${ms(reportScale.report.median)} ms`,
      "–",
      `< ${TARGETS.reportMs} ms`,
      reportScale.report.median < TARGETS.reportMs,
    );
    if (reportScale.big) {
      const big = reportScale.big;
      row(
        `… the heaviest agency-year (${big.agency} ${big.year}, ${thousands(big.rows)} received)`,
        `${ms(big.reportMs)} ms`,
        big.floorMs === null ? "" : `sqlite3 ${ms(big.floorMs)} ms`,
        `< ${TARGETS.reportMs} ms`,
        big.reportMs < TARGETS.reportMs,
      );
    }
    row(
      "Its aggregation (table 三 + fees) vs. the same SQL in the sqlite3 shell, median",
      `${ms(reportScale.figuresOnly.median)} ms`,
      reportScale.floor ? `${ms(reportScale.floor.median)} ms (${ratio.toFixed(2)}×)` : "no sqlite3 shell",
      `≤ ${TARGETS.reportRatio}×`,
      reportScale.floor ? ratio <= TARGETS.reportRatio : null,
    );
  }
  if (http && http.ledger.length > 0) {
    const worstP50 = http.ledger.reduce((worst, entry) => (entry.result.latency.median > worst.result.latency.median ? entry : worst));
    const worstP99 = http.ledger.reduce((worst, entry) => (entry.result.latency.p99 > worst.result.latency.p99 ? entry : worst));
    const failed = http.ledger.filter((entry) => !loadOk(entry.result));
    row(
      `Ledger list over HTTP, each of ${http.ledger.length} filters, ${input.settings.connections} connections, slowest p50 (${worstP50.label})`,
      `${ms(worstP50.result.latency.median)} ms`,
      `bare page ${ms(http.bare.latency.median)} ms`,
      `< ${TARGETS.httpP50} ms`,
      worstP50.result.latency.median < TARGETS.httpP50,
    );
    row(
      `… slowest p99 (${worstP99.label})`,
      `${ms(worstP99.result.latency.p99)} ms`,
      `bare page ${ms(http.bare.latency.p99)} ms`,
      `< ${TARGETS.httpP99} ms`,
      worstP99.result.latency.p99 < TARGETS.httpP99,
    );
    row("… errors and non-2xx answers over all filters", failed.length === 0 ? "0" : failed.map((entry) => `${entry.label}: ${loadErrors(entry.result)}`).join("; "), "", "0", failed.length === 0);
  }
  if (http) {
    const share = http.report.perSecond / http.bare.perSecond;
    row(
      `Public report page \`${http.reportPath}\` requests/s, ${input.settings.connections} connections`,
      `${http.report.perSecond.toFixed(1)}/s`,
      `bare page ${http.bare.perSecond.toFixed(1)}/s`,
      `≥ ${TARGETS.publicShare * 100} % of the bare page`,
      share >= TARGETS.publicShare,
    );
    const reportWeight = http.weights.find((entry) => entry.label === "public report page")?.weight;
    const bareWeight = http.weights.find((entry) => entry.label === "bare page")?.weight;
    if (reportWeight && bareWeight) {
      row(
        "JavaScript the public report page sends (script files + inline), gzip / raw",
        `${kib(reportWeight.total.gzip)} / ${kib(reportWeight.total.raw)}`,
        `bare page ${kib(bareWeight.total.gzip)} / ${kib(bareWeight.total.raw)}`,
        "vs. the bare page",
        null,
      );
    }
    const runs = [http.bare, http.report, ...http.ledger.map((entry) => entry.result), ...(http.mixed ? [http.mixed] : [])];
    const peak = Math.max(...runs.map((run) => run.memory.max));
    row("Server resident memory (next-server, RSS), highest sample under load", mib(peak), `idle after start ${mib(http.idleBytes)}`, `< ${mib(TARGETS.rssBytes)}`, peak < TARGETS.rssBytes);
    if (http.mixed) {
      const mixed = http.mixed;
      row(
        `Issue 6 load: ${mixed.connections} connections for ${mixed.seconds} s, public and staff pages mixed — requests/s and p99`,
        `${mixed.perSecond.toFixed(1)}/s, p99 ${ms(mixed.latency.p99)} ms`,
        "",
        "written down",
        null,
      );
      row("… errors and non-2xx answers", loadErrors(mixed), "", "0", loadOk(mixed));
    }
  }
  const register = results.find((result) => result.key === "register");
  if (register) row("Registering an application (`registerApplication`), median", `${ms(register.stats.median)} ms`, commit ? `one-row commit ${ms(commit.median)} ms` : "", `< ${TARGETS.register} ms`, register.stats.median < TARGETS.register);
  if (imported) {
    row(
      `Importing a ${thousands(imported.rows)}-row CSV (\`importLedgerFile\`), median`,
      `${ms(imported.write.median)} ms`,
      imported.floor ? `sqlite3 \`.import\` ${ms(imported.floor.median)} ms` : "no sqlite3 shell",
      `< ${TARGETS.import} ms`,
      imported.write.median < TARGETS.import,
    );
  }
  if (rows.length === 0) return [];
  return ["| what | figure | floor, same run | target | |", "|---|---:|---:|---|---|", ...rows];
}

function machineLines(input: ReportInput): string[] {
  const { machine } = input;
  return [
    "## Machine",
    "",
    `- Date: ${new Date().toISOString()} (China date ${input.today})`,
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGiB} GiB`,
    `- OS: ${machine.os}`,
    `- Node.js ${machine.node}; Next.js ${machine.next}; SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3}); sqlite3 shell ${machine.sqliteShell ?? "not installed"}`,
    `- Load average (1/5/15 min) before the timed runs ${machine.loadBefore.map((n) => n.toFixed(2)).join(" / ")}, after ${machine.loadAfter.map((n) => n.toFixed(2)).join(" / ")}.` +
      ` The benchmark client (autocannon) runs on the same machine as the server and shares its ${machine.cores} cores.`,
    `- Database: a working copy of \`${path.relative(process.cwd(), input.dataPath) || input.dataPath}\` in the temp directory; WAL, \`synchronous=FULL\`, as \`db/client.ts\` opens it; no \`ANALYZE\` statistics (the app never runs ANALYZE).`,
    "",
  ];
}

function datasetLines(input: ReportInput): string[] {
  const { dataset, benchData } = input;
  const big = dataset.big;
  const generation = benchData.stats;
  const sizes = dataset.agencies.map((agency) => agency.rows).sort((a, b) => b - a);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  return [
    "## Data set",
    "",
    `Made by \`npm run bench:data\` (cli/bench/data.ts, generate.ts) on ${generation.today}, seed ${generation.options.seed}, in **${generation.seconds.total.toFixed(0)} s**: ` +
      `agencies ${generation.seconds.agencies.toFixed(1)} s, accounts ${generation.seconds.accounts.toFixed(1)} s, applications ${generation.seconds.rows.toFixed(0)} s, ` +
      `search index ${generation.seconds.searchIndex.toFixed(1)} s (one statement), audit hash chain ${(generation.seconds.auditChain ?? 0).toFixed(0)} s, annual reports ${generation.seconds.reports.toFixed(0)} s. ` +
      `The same seed on the same day gives the same data.`,
    "",
    `- **${thousands(dataset.applications)} applications** in ${thousands(dataset.agencies.length)} agencies, receipt years ${generation.years[0]}–${generation.years.at(-1)} (the last up to today); ` +
      `${thousands(dataset.events)} events (${thousands(dataset.correctingEvents)} of them corrections of an earlier entry, with a reason), ${thousands(dataset.auditRows)} audit rows; database file ${mib(dataset.databaseBytes)}.`,
    `- Agencies of a province (Shanxi): the provincial government's office and departments, the eleven cities' government offices and departments, county governments and their land, housing and agriculture bureaus, each under its parent. ` +
      `Sizes spread log-normally by kind (land and housing busiest): largest ${thousands(sizes[0] ?? 0)}, median ${thousands(median)}, smallest ${thousands(sizes.at(-1) ?? 0)} applications.`,
    `- **${thousands(big.rows)} (${percent(big.rows, dataset.applications)}) in one agency**, 「${big.name}」 (\`${big.code}\`): every list query is scoped to one agency, so this is the worst case. All ledger timings are this agency's clerk.`,
    "- Ids interleave the agencies in receipt order, as in a shared database: one agency's rows are spread over the whole table.",
    `- ${thousands(dataset.users)} accounts: one clerk and one reviewer per agency; those the benchmark signs in with (an admin, an auditor, the clerks of the largest, second largest, a middling and the smallest agency, the largest agency's reviewer) made by \`createUser\` with generated passwords, kept beside the database in \`<db>.accounts.json\` (mode 600); the others bulk-inserted with password hashes that match no password.`,
    `- ${thousands(dataset.reportVersions)} published report versions from ${thousands(dataset.publishingAgencies)} agencies: every finished year of every agency, table 二 typed in, submitted and published through the data layer (\`saveProactive\`, \`submitReport\`, \`publishReport\`), every check passing (carry-over from the year before included); every ${500}th published again as a correction (更正).`,
    `- Receipt years (big agency): ${tallyLine(big.byYear, big.rows)}. Receipt dates respect the working-day calendar: paper and in-person requests are received on working days; online requests that arrive on a rest day are received the next working day, with that reason recorded. Applications received in December and answered in January carry over.`,
    `- Applicant types (big agency): ${tallyLine(big.byApplicantType, big.rows)}. Chinese names by surname frequency; resident ID numbers and unified social credit codes with valid check characters; phone numbers; addresses; request texts built from the usual subjects.`,
    `- Status (big agency): ${tallyLine(big.byStatus, big.rows)}; ${thousands(big.overdue)} still-running applications are past their reply deadline.`,
    `- Outcomes (big agency, concluded): ${tallyLine(big.byOutcome, Object.values(big.byOutcome).reduce((sum, n) => sum + n, 0))}.`,
    "- Timelines: most concluded applications have one `replied` event within the 20 working days; a few percent went through an extension (asked, approved), a consultation (征求意见, answered or lapsed), a correction request (补正, received or abandoned) or a fee (paid or abandoned); 0.4 % of replies were entered with a wrong outcome and corrected.",
    `- The projection columns (\`status\`, \`reply_due_on\`, \`due_provisional\`, \`extension_pending\`, \`concluded_on\`, \`outcome\`) are computed by the data layer's own \`projectionOf\` from the event rows and the calendar, as registration and import store them; the engine's status differed from the one the generator aimed at for ${thousands(generation.intendedMismatches)} applications. ` +
      `In this run ${input.consistency.checked} random applications of the big agency were re-evaluated through \`getApplication\`: **${input.consistency.mismatches} mismatches**.`,
    `- Search probes: tracking number \`${dataset.probes.trackingNumber}\` (${thousands(dataset.probes.trackingNumberRows)} matching rows), applicant name 「${dataset.probes.applicantName}」 (${thousands(dataset.probes.applicantNameRows)}), two-character name 「${dataset.probes.shortName}」 (${thousands(dataset.probes.shortNameRows)}), content word 「${dataset.probes.contentWord}」 (${thousands(dataset.probes.contentWordRows)}).`,
    ...spaceLines(dataset),
    "",
    ...migration0009Lines(dataset),
  ];
}

/** Where the file's bytes are: tables against indexes, and each index of the two ledger tables. */
function spaceLines(dataset: DatasetShape): string[] {
  const { objects } = dataset;
  if (objects.length === 0) return ["- Space by table and index: not measured (this SQLite has no `dbstat` table)."];
  const total = (list: typeof objects) => list.reduce((sum, object) => sum + object.bytes, 0);
  const ledgerTable = (table: string) => {
    const own = objects.find((object) => object.type === "table" && object.name === table);
    const indexes = objects.filter((object) => object.type === "index" && object.table === table);
    return `\`${table}\` ${size(own?.bytes ?? 0)}, its indexes ${size(total(indexes))} (${indexes.map((index) => `\`${index.name}\` ${size(index.bytes)}`).join(", ")})`;
  };
  const search = objects.filter((object) => object.name.startsWith("applications_search_"));
  return [
    `- Space (SQLite's \`dbstat\`): tables ${size(total(objects.filter((object) => object.type === "table")))}, indexes ${size(total(objects.filter((object) => object.type === "index")))}. ` +
      `${ledgerTable("applications")}; ${ledgerTable("application_events")}; the search index \`applications_search\` (FTS5 trigram, its shadow tables) ${size(total(search))}.`,
  ];
}

/** The indexes of migration 0009, as this database has them, and why they exist. */
function migration0009Lines(dataset: DatasetShape): string[] {
  const found = (name: string) => dataset.objects.find((object) => object.type === "index" && object.name === name);
  return [
    "Migration 0009 (`db/migrations/0009_province_indexes.sql`) gave the ledger and the annual report these indexes after this benchmark found them missing at province scale. " +
      `An agency's applications are spread over the whole table (they arrive among every other agency's), so a query that must read the table row of each of the big agency's ${thousands(dataset.big.rows)} applications reads that many scattered pages. ` +
      "Two of the indexes widen an index of the ledger migration with the columns its queries read, so those queries never visit the table; two are new.",
    "",
    "| index | columns, as in this database | before 0009 | size | serves |",
    "|---|---|---|---:|---|",
    ...MIGRATION_0009_INDEXES.map((index) => {
      const object = found(index.name);
      const columns = object ? indexColumns(object) : null;
      return `| \`${index.name}\` | ${columns ? `\`${columns}\`` : "–"} | ${index.widens ? `\`${index.widens}\`` : "new"} | ${object ? size(object.bytes) : "–"} | ${index.serves} |`;
    }),
    "",
  ];
}

function loadRow(label: string, result: LoadResult, floor?: Stats): string {
  return `| ${label} | ${thousands(result.completed)} | ${result.perSecond.toFixed(1)} | ${ms(result.latency.median)} | ${ms(result.latency.p90)} | ${ms(result.latency.p99)} | ${ms(result.latency.max)} | ${ms(result.cpuPerRequest)} | ${floor ? ms(floor.median) : ""} | ${result.errors + result.timeouts} / ${result.non2xx} | ${mib(result.memory.max)} |`;
}

function httpLines(input: ReportInput): string[] {
  const { http, results } = input;
  if (!http) return [];
  const out: string[] = [
    "## Over HTTP: `next start` of the production build",
    "",
    "`npm run bench` copies the project (the sources git knows, without tests and CLI) into a private directory, adds one page, " +
      "`app/(public)/bench-bare/page.tsx` (the source is cli/bench/http/bare-page.tsx), runs `next build` there and serves it with `next start` " +
      "(NODE_ENV=production, a generated NEXTAUTH_SECRET) on the working copy of the database" +
      (input.build ? (input.build.built ? ` (build ${input.build.seconds.toFixed(0)} s)` : " (an earlier build, `--reuse-build`)") : "") +
      ". The bare page is the floor of every page: the same root and public layouts, the same proxy with its CSP nonce, the same dynamic rendering, and no content — it reads nothing. It exists only in that private build, never in the app.",
    "",
    `Each case: autocannon with ${input.settings.connections} connections, ${input.settings.warmUpSeconds} s of warm-up, then ${input.settings.httpSeconds} s measured; every connection asks again as soon as it has its answer. ` +
      "Latency is from writing the request to the end of the response (every request, in milliseconds with fractions). The staff pages carry the session cookie of the big agency's clerk, signed in through next-auth's credentials form like a browser. `errors / non-2xx` counts connection errors and timeouts, then every answer other than 2xx (a redirect to sign-in would count). Memory is the server's resident set (next-server and any child), sampled every 250 ms. Server CPU per request is the CPU time (user + system) next-server used during the case divided by the requests it answered: unlike latency and requests/s it hardly changes when other work shares the machine, and the machine's cores divided by it bound the requests/s.",
    "",
    "| page | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU ms per request | data layer alone, median ms | errors / non-2xx | RSS max |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    loadRow("bare page `/bench-bare` (floor)", http.bare),
    loadRow(`public report page \`${http.reportPath}\``, http.report),
  ];
  for (const entry of http.ledger) {
    const inProcess = results.find((result) => result.kind === "list" && result.key === entry.key);
    out.push(loadRow(`ledger \`${entry.path}\``, entry.result, inProcess?.stats));
  }
  out.push(
    "",
    `The public report page answers ${((100 * http.report.perSecond) / http.bare.perSecond).toFixed(0)} % of the bare page's requests per second. ` +
      `Server memory: ${mib(http.idleBytes)} idle after start; highest sample ${mib(Math.max(http.bare.memory.max, http.report.memory.max, ...http.ledger.map((entry) => entry.result.memory.max)))} during these cases.`,
    "",
    "### JavaScript sent to the browser",
    "",
    "Every `<script src>` the page's HTML references, fetched and counted once, plus the inline scripts (React's payload for hydration); gzip at level 6.",
    "",
    "| page | script files | files raw | files gzip | inline raw | inline gzip | total raw | total gzip | HTML raw | HTML gzip |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...http.weights.map(
      ({ label, weight }) =>
        `| ${label} \`${weight.path}\` | ${weight.files.length} | ${kib(weight.filesTotal.raw)} | ${kib(weight.filesTotal.gzip)} | ${kib(weight.inline.raw)} | ${kib(weight.inline.gzip)} | ${kib(weight.total.raw)} | ${kib(weight.total.gzip)} | ${kib(weight.html.raw)} | ${kib(weight.html.gzip)} |`,
    ),
    "",
  );
  const bareFiles = new Set(http.weights.find((entry) => entry.label === "bare page")?.weight.files.map((file) => file.src) ?? []);
  const reportFiles = http.weights.find((entry) => entry.label === "public report page")?.weight.files.map((file) => file.src) ?? [];
  const extra = reportFiles.filter((src) => !bareFiles.has(src));
  out.push(
    extra.length === 0
      ? "The public report page loads exactly the script files of the bare page (the framework, React and the layouts' links): it adds no JavaScript of its own; what it adds is inline — the React payload that repeats the page's content for hydration."
      : `The public report page loads ${extra.length} script file(s) the bare page does not: ${extra.map((src) => `\`${src}\``).join(", ")}.`,
    "",
  );
  if (http.mixed) {
    const mixed = http.mixed;
    out.push(
      "## The load test of issue 6",
      "",
      `${mixed.connections} connections for ${mixed.seconds} s against the same server, each request drawn at random (seeded) from a mix of public and staff pages; ` +
        `the staff requests carry the session of one of ${input.benchData.accounts.filter((entry) => entry.role === "clerk" || entry.role === "reviewer").length} signed-in clerks and reviewers (agencies from the largest to the smallest). ` +
        "Application detail pages are random applications of the signed-in user's agency; report pages random published agency-years.",
      "",
      `**${thousands(mixed.completed)} requests, ${mixed.perSecond.toFixed(1)} per second; latency p50 ${ms(mixed.latency.median)} ms, p90 ${ms(mixed.latency.p90)} ms, p99 ${ms(mixed.latency.p99)} ms, max ${ms(mixed.latency.max)} ms; ${loadErrors(mixed)}; status codes ${Object.entries(mixed.statuses).map(([code, n]) => `${code}: ${thousands(n)}`).join(", ")}; server memory highest ${mib(mixed.memory.max)}.**`,
      "",
      "| page kind | share | requests | p50 ms | p90 ms | p99 ms | max ms | non-2xx |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...Object.entries(mixed.byKind)
        .sort((a, b) => b[1].latency.n - a[1].latency.n)
        .map(([kind, entry]) => `| ${kind} | ${http.mixedShares[kind] ?? ""} % | ${thousands(entry.latency.n)} | ${ms(entry.latency.median)} | ${ms(entry.latency.p90)} | ${ms(entry.latency.p99)} | ${ms(entry.latency.max)} | ${entry.non2xx} |`),
      "",
    );
    const kinds = Object.entries(http.kindCosts);
    if (kinds.length > 0) {
      const weighted = kinds.reduce((sum, [kind, cost]) => sum + ((http.mixedShares[kind] ?? 0) / 100) * cost.cpuPerRequest, 0);
      out.push(
        "What each kind costs the server, measured alone just before the load (one connection, the same random pages of the kind): the mix's time goes where share × CPU is largest.",
        "",
        "| page kind | share | server CPU ms per request | share × CPU ms | p50 ms alone | requests | failed |",
        "|---|---:|---:|---:|---:|---:|---:|",
        ...kinds.map(([kind, cost]) => {
          const share = http.mixedShares[kind] ?? 0;
          return `| ${kind} | ${share} % | ${ms(cost.cpuPerRequest)} | ${ms((share / 100) * cost.cpuPerRequest)} | ${ms(cost.latency.median)} | ${thousands(cost.requests)} | ${cost.failed} |`;
        }),
        `| **the mix** | 100 % | | **${ms(weighted)}** | | | |`,
        "",
        `The mix's pages cost ${ms(weighted)} ms of server CPU each when asked for one at a time; under the 50 connections the server used ${ms(mixed.cpuPerRequest)} ms per request. Both count all of the server's threads (garbage collection and I/O run beside the JavaScript thread, on the second core), so the requests/s the one JavaScript thread allows is somewhat above 1000 / ${ms(weighted)}; measured: ${mixed.perSecond.toFixed(1)}.`,
        "",
      );
    }
  }
  return out;
}

function inProcessLines(input: ReportInput): string[] {
  const lists = input.results.filter((result) => result.kind === "list" || result.key === "workbench");
  if (lists.length === 0) return [];
  const out = [
    "## The ledger list in-process (the data layer alone)",
    "",
    `\`listApplications\` called as the big agency's clerk inside \`withSource\` with a real session, as a page does — session check, input parsing, the SQL, masking — without HTTP or React: the floor under the HTTP figures above. ${input.settings.iterations} timed calls each after 3 untimed, one after another.`,
    "",
    "| call | rows matched | N | median ms | p90 ms | p99 ms | min ms | max ms | status counts ms | page ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const result of lists) {
    const counts = result.statements.find((statement) => statementKind(statement) === "status counts");
    const page = result.statements.find((statement) => statementKind(statement) === "page");
    const s = result.stats;
    out.push(`| ${result.label} | ${result.rows === null ? "" : thousands(result.rows)} | ${s.n} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.min)} | ${ms(s.max)} | ${counts ? ms(counts.medianMs) : ""} | ${page ? ms(page.medianMs) : ""} |`);
  }
  out.push("", "`status counts` and `page` are the two statements `listApplications` runs on `applications` (the counts for the tabs and the total, and the 50 rows), each timed alone (median of 5).", "");
  return out;
}

function reportScaleLines(input: ReportInput): string[] {
  const scale = input.reportScale;
  if (!scale) return [];
  const ratio = scale.floor ? scale.figuresOnly.median / scale.floor.median : Number.NaN;
  const big = scale.big;
  return [
    "## The annual report at province scale",
    "",
    `${scale.report.n} random agency-years (finished years) of the ${thousands(input.dataset.applications)} applications; each case timed 5 times after one untimed call, its median kept. ` +
      "The floor runs each case's captured statements (the parameters written in) 20 times in the `sqlite3` shell on the same file and takes the mean of its own timer" +
      (scale.shell && scale.shell !== input.machine.sqlite ? ` (the shell is SQLite ${scale.shell}, the app's better-sqlite3 ${input.machine.sqlite})` : "") +
      ".",
    "",
    "| call | N | median ms | p90 ms | p99 ms | min ms | max ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
    `| \`generateAnnualReport\` (data layer: session check, SQL aggregation, draft, checks, prose) | ${scale.report.n} | ${ms(scale.report.median)} | ${ms(scale.report.p90)} | ${ms(scale.report.p99)} | ${ms(scale.report.min)} | ${ms(scale.report.max)} |`,
    `| table 三 + fees aggregation alone, through drizzle | ${scale.figuresOnly.n} | ${ms(scale.figuresOnly.median)} | ${ms(scale.figuresOnly.p90)} | ${ms(scale.figuresOnly.p99)} | ${ms(scale.figuresOnly.min)} | ${ms(scale.figuresOnly.max)} |`,
    `| the same statements prepared once, on better-sqlite3 (no query builder) | ${scale.driverOnly.n} | ${ms(scale.driverOnly.median)} | ${ms(scale.driverOnly.p90)} | ${ms(scale.driverOnly.p99)} | ${ms(scale.driverOnly.min)} | ${ms(scale.driverOnly.max)} |`,
    scale.floor
      ? `| the same SQL in the \`sqlite3\` shell (floor) | ${scale.floor.n} | ${ms(scale.floor.median)} | ${ms(scale.floor.p90)} | ${ms(scale.floor.p99)} | ${ms(scale.floor.min)} | ${ms(scale.floor.max)} |`
      : "| the same SQL in the `sqlite3` shell (floor) | – | – | – | – | – | – |",
    "",
    scale.floor ? `Aggregation through the app vs. the sqlite3 shell: **${ratio.toFixed(2)}×** the floor at the median.` : "No sqlite3 command line on this machine (apt-get install -y sqlite3): no floor.",
    big
      ? `The heaviest case, the big agency's ${big.year} (${thousands(big.rows)} applications received that year): \`generateAnnualReport\` ${ms(big.reportMs)} ms, aggregation ${ms(big.figuresMs)} ms, prepared once ${ms(big.driverMs)} ms, sqlite3 shell ${big.floorMs === null ? "–" : `${ms(big.floorMs)} ms`}.`
      : "",
    "",
  ];
}

function writeLines(input: ReportInput): string[] {
  const register = input.results.find((result) => result.key === "register");
  const imports = input.results.filter((result) => result.kind === "import");
  if (!register && imports.length === 0) return [];
  const out = ["## Writes", "", "| call | N | median ms | p90 ms | p99 ms | min ms | max ms | floor, median ms | target |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"];
  const line = (label: string, s: Stats, floor: string, target: string) => out.push(`| ${label} | ${s.n} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.min)} | ${ms(s.max)} | ${floor} | ${target} |`);
  if (register) line(register.label, register.stats, input.commit ? `${ms(input.commit.median)} (one-row commit)` : "", `< ${TARGETS.register} ms`);
  for (const result of imports) line(result.label, result.stats, result.key === "import" && input.imported?.floor ? `${ms(input.imported.floor.median)} (sqlite3 \`.import\`)` : "", `< ${TARGETS.import} ms`);
  out.push(
    "",
    "Registration: a full `registerApplication` as the big agency's clerk into the big agency — session check, validation, next serial, insert, projection, search index, audit row, commit with fsync. " +
      "Its floor: one row inserted in its own `BEGIN IMMEDIATE` transaction and committed on the same connection and file (WAL, `synchronous=FULL`), the commit every write pays.",
    "",
  );
  if (input.imported) {
    const { imported } = input;
    out.push(
      `Import: \`importLedgerFile\` as a signed-in clerk, as the CLI's \`import\` and the web confirmation call it, on a generated CSV (UTF-8 with BOM, realistic rows, half with the office's own 编号), each run into a new agency so every row is created: streamed and checked, then written in one \`BEGIN IMMEDIATE\` transaction with the projection of each row, the search index in one statement, one audit entry, and committed. ` +
        `The dry run is everything but the write, so the write transaction takes about ${ms(imported.write.median - imported.dryRun.median)} ms of the ${ms(imported.write.median)} ms. ` +
        "The floor: the sqlite3 shell's `.import` of the same file into a bare table of a new database (no checks, no indexes, no ledger). The XLSX rows: the last agency's ledger exported by `exportApplications` and imported into a new agency (one run each).",
      "",
    );
  }
  return out;
}

/** What the figures say, computed from them: which targets are missed and what bounds them. */
function findings(input: ReportInput): string[] {
  const { http } = input;
  const out: string[] = [];
  if (http) {
    const connections = input.settings.connections;
    const bareCpu = http.bare.cpuPerRequest;
    out.push(
      `- **One Node.js process answers one request at a time.** Server-side rendering runs on its single JavaScript thread, so with ${connections} connections that each ask again as soon as they are answered, a request waits for the ${connections - 1} others: p50 ≈ ${connections} × the server's CPU time per request. ` +
        `The bare page costs ${ms(bareCpu)} ms of server CPU here, which alone puts its p50 near ${ms(connections * bareCpu)} ms (measured ${ms(http.bare.latency.median)} ms). ` +
        (connections * bareCpu >= TARGETS.httpP50
          ? `A ledger page cannot reach p50 < ${TARGETS.httpP50} ms at ${connections} connections from one process on this machine whatever its queries cost; it needs less than ${ms(TARGETS.httpP50 / connections)} ms of CPU per page, or more server processes (one per core, behind the same address), or a faster core.`
          : `Pages that cost under ${ms(TARGETS.httpP50 / connections)} ms of CPU meet p50 < ${TARGETS.httpP50} ms at ${connections} connections.`),
    );
    const ratio = http.report.cpuPerRequest / bareCpu;
    out.push(
      `- **The public report page** costs ${ms(http.report.cpuPerRequest)} ms of server CPU per request, ${ratio.toFixed(1)}× the bare page, so it answers ${((100 * http.report.perSecond) / http.bare.perSecond).toFixed(0)} % of the bare page's requests per second (target ≥ ${TARGETS.publicShare * 100} %). ` +
        (input.publicData ? `Reading and validating its data (\`getPublishedReport\` and \`publishedSeries\`, every year's snapshot parsed by zod) takes ${ms(input.publicData.median)} ms in-process; the rest is rendering a ${kib(http.weights.find((entry) => entry.label === "public report page")?.weight.html.raw ?? 0)} document twice (the HTML and the React payload that repeats it for hydration). ` : "") +
        "A published version never changes, so a cache in front of the server (an HTTP cache or CDN) could answer it without rendering, once the page's per-response CSP nonce gives way to script hashes; inside the app Next refuses `react-dom/server` in server components, so the document cannot be rendered once to a string and reused. Parsing less (the snapshots) saves under a millisecond.",
    );
    const runs = [http.bare, http.report, ...http.ledger.map((entry) => entry.result), ...(http.mixed ? [http.mixed] : [])];
    const peak = Math.max(...runs.map((run) => run.memory.max));
    out.push(
      `- **Memory**: ${mib(http.idleBytes)} after start, ${mib(peak)} at the highest sample under load${http.nodeOptions ? ` (server started with NODE_OPTIONS=\`${http.nodeOptions}\`)` : ""}. ` +
        "Node sizes its heap from the machine's memory and collects lazily, so the resident set grows with concurrency; a cap (`--max-old-space-size`, tried with `npm run bench -- --server-node-options=--max-old-space-size=N`) trades memory for collection time.",
    );
  }
  const scale = input.reportScale;
  if (scale?.floor && scale.figuresOnly.median / scale.floor.median > TARGETS.reportRatio) {
    out.push(
      `- **The report's aggregation** takes ${ms(scale.figuresOnly.median)} ms through drizzle, ${(scale.figuresOnly.median / scale.floor.median).toFixed(1)}× the sqlite3 shell (${ms(scale.floor.median)} ms), while the very same statements prepared once and run on better-sqlite3 take ${ms(scale.driverOnly.median)} ms: ` +
        "the difference is building the three queries and preparing them on every call, which dominates the small agency-years most agencies have. Prepared once with placeholders (per connection, as `perTransaction` in lib/server/internal/applications.ts does for the import), the aggregation would sit at its floor.",
    );
  }
  const list = input.results.filter((result) => result.kind === "list");
  const slow = list.filter((result) => result.stats.median >= TARGETS.httpP50);
  if (slow.length > 0) {
    out.push(
      `- **The data layer alone** exceeds ${TARGETS.httpP50} ms at the median for ${slow.map((result) => `${result.label.replace("listApplications ", "")} (${ms(result.stats.median)} ms)`).join(", ")}: ` +
        "where a plan below reads `applications` other than through a `COVERING INDEX`, the query reads the table row of every application it considers, and an agency's rows are scattered over the whole table, one page each. " +
        "The indexes of migration 0009 (under Data set) keep the ledger's status counts, its newest-first pages at any depth and its deadline sort inside an index.",
    );
  }
  return out.length > 0 ? ["## Findings", "", ...out, ""] : [];
}

function queryPlans(input: ReportInput): string[] {
  const lists = input.results.filter((result) => result.kind === "list");
  if (lists.length === 0) return [];
  const out = ["## Query plans", "", "`EXPLAIN QUERY PLAN` of each list call's statements, with the parameters it ran with.", ""];
  for (const result of lists) {
    out.push(`<details><summary>${result.label} — median ${ms(result.stats.median)} ms</summary>`, "");
    for (const statement of result.statements) {
      out.push(`${statementKind(statement)} (${ms(statement.medianMs)} ms):`, "", "```sql", statement.sql, "```", "", "```", ...statement.plan, "```", "");
    }
    out.push("</details>", "");
  }
  return out;
}

export function renderReport(input: ReportInput): string {
  const out: string[] = [
    "# Performance",
    "",
    "> Written by `npm run bench` (cli/bench/run.ts) from its last run; change the script, not this file.",
    "",
  ];
  if (input.small) out.push("> **`--small` run**: the small data set and short runs, to check the scripts. These figures say nothing about the targets.", "");
  if (input.partial) out.push(`> Partial run (\`--only ${input.groups.join(",")}\`).`, "");
  out.push(
    "Issue 7 asks whether one SQLite file serves a province: 1,000,000 applications across 500 agencies and 5 years, each figure measured beside the floor that cannot be beaten, in the same run on the same machine.",
    "",
    "## Summary",
    "",
    ...summary(input),
    "",
    "Medians and spreads of every figure are in the sections below.",
    "",
    ...machineLines(input),
    ...datasetLines(input),
    ...reportScaleLines(input),
    ...httpLines(input),
    ...inProcessLines(input),
    ...writeLines(input),
    ...findings(input),
    ...queryPlans(input),
  );
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
