import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stats, type Stats } from "./measure";
import { createRandom } from "@/lib/seeded-random";

/**
 * The annual report at province scale (issue 4): 1,000,000 applications across 500 agencies and five
 * years; one agency-year report generated through the data layer, beside the same aggregation run by
 * the sqlite3 command line as the floor. Run by `npm run bench` (see run.ts) or alone:
 * `tsx --tsconfig cli/tsconfig.json cli/bench/report-scale.ts [--agencies N] [--per-agency N]`.
 */

export type ReportScaleResult = {
  agencies: number;
  applications: number;
  generationSeconds: number;
  report: Stats;
  figuresOnly: Stats;
  floor: Stats | null;
  floorNote: string | null;
};

const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const APPLICANT_WEIGHTS = { natural_person: 88, commercial_enterprise: 6, research_institution: 1, social_welfare_org: 1, legal_service_org: 3, other_org: 1 } as const;
const OUTCOME_WEIGHTS = {
  granted: 40, partial: 12, "withheld.third_party": 2, "withheld.process_info": 2, "withheld.internal_affairs": 1, "unavailable.not_held": 20,
  "unavailable.needs_creation": 3, "unavailable.still_unclear": 3, "rejected.petition": 4, "rejected.duplicate": 3, "rejected.publication": 2,
  "other.no_correction": 2, "other.unpaid_fee": 1, "other.other": 5,
} as const;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Bulk rows straight into the tables: the data layer would take an hour for a million registrations. */
function generate(connection: import("better-sqlite3").Database, agencyCount: number, perAgency: number): number {
  const random = createRandom(20261129);
  const now = new Date().toISOString();
  const insertAgency = connection.prepare("insert into agencies (code, name, created_at, updated_at) values (?, ?, ?, ?)");
  const insertApplication = connection.prepare(
    `insert into applications (agency_id, receipt_year, serial, tracking_number, channel, arrived_on, received_on, applicant_type,
      applicant_name, description, form_wanted, status, reply_due_on, concluded_on, outcome, created_at, updated_at)
     values (?, ?, ?, ?, 'in_person', ?, ?, ?, '申请人', '某项政府信息', 'paper', ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = connection.prepare(
    "insert into application_events (application_id, type, occurred_on, details, recorded_at) values (?, ?, ?, ?, ?)",
  );
  let total = 0;
  for (let a = 1; a <= agencyCount; a++) {
    connection.transaction(() => {
      const agencyId = Number(insertAgency.run(`scale-${a}`, `规模测试机构${a}`, now, now).lastInsertRowid);
      const perYear = Math.floor(perAgency / YEARS.length);
      for (const year of YEARS) {
        for (let serial = 1; serial <= perYear; serial++) {
          const receivedOn = addDays(`${year}-01-01`, random.int(0, 364));
          // Most are answered within a month; some carry over the year end; a few are still open.
          const open = year === 2025 && random.chance(0.02);
          const concludedOn = open ? null : addDays(receivedOn, random.int(1, random.chance(0.05) ? 60 : 28));
          const outcome = concludedOn ? random.weighted(OUTCOME_WEIGHTS) : null;
          const id = Number(
            insertApplication.run(
              agencyId, year, serial, `${year}-${String(serial).padStart(4, "0")}`, receivedOn, receivedOn, random.weighted(APPLICANT_WEIGHTS),
              concludedOn ? "concluded" : "open", addDays(receivedOn, 28), concludedOn, outcome, now, now,
            ).lastInsertRowid,
          );
          if (random.chance(0.01)) {
            const amount = random.int(1, 20) * 100;
            insertEvent.run(id, "fee_notice_sent", addDays(receivedOn, 3), JSON.stringify({ method: "per_page", pages: 100, amountYuan: amount }), now);
            if (random.chance(0.7)) insertEvent.run(id, "fee_paid", addDays(receivedOn, 8), "{}", now);
          }
          total += 1;
        }
      }
    })();
  }
  connection.exec("analyze");
  return total;
}

/**
 * Runs the captured statements in the sqlite3 shell and reads its own timer: the floor with no app
 * around it. The shell's timer counts whole milliseconds, so each sample is a batch of REPEAT runs.
 */
const REPEAT = 20;
function sqliteShellFloor(databasePath: string, statements: string[], runs: number): Stats | null {
  const batch = Array.from({ length: REPEAT }, () => statements.map((sql) => `${sql};`)).flat();
  const script = [".timer on", ...Array.from({ length: runs }, () => batch).flat()].join("\n");
  let output: string;
  try {
    output = execFileSync("sqlite3", [databasePath], { input: script, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
  const times = [...output.matchAll(/Run Time: real ([\d.]+)/g)].map((match) => Number(match[1]) * 1000);
  const perRun: number[] = [];
  for (let i = 0; i + batch.length <= times.length; i += batch.length) {
    perRun.push(times.slice(i, i + batch.length).reduce((sum, t) => sum + t, 0) / REPEAT);
  }
  return perRun.length ? stats(perRun) : null;
}

export async function runReportScaleBench(options: { agencies?: number; perAgency?: number; iterations?: number; log?: (line: string) => void } = {}): Promise<ReportScaleResult> {
  const agencyCount = options.agencies ?? 500;
  const perAgency = options.perAgency ?? 2000;
  const iterations = options.iterations ?? 30;
  const log = options.log ?? (() => undefined);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-report-scale-"));
  const databasePath = path.join(workDir, "gongkai.db");
  // This bench opens its own database in a child process, so the ledger bench's connection is untouched.
  const { default: Database } = await import("better-sqlite3");
  const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
  const { drizzle } = await import("drizzle-orm/better-sqlite3");
  try {
    const connection = new Database(databasePath);
    connection.pragma("journal_mode = WAL");
    migrate(drizzle(connection), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
    const started = performance.now();
    log(`生成 ${agencyCount} 个机构 × ${perAgency} 件申请……`);
    const applications = generate(connection, agencyCount, perAgency);
    const generationSeconds = (performance.now() - started) / 1000;
    connection.close();
    log(`已生成 ${applications} 件（${generationSeconds.toFixed(1)} 秒）；测量年度报告……`);

    const output = execFileSync(
      process.execPath,
      [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), "--tsconfig", "cli/tsconfig.json", path.join("cli", "bench", "report-scale-worker.ts")],
      { env: { ...process.env, GONGKAI_DB: databasePath, BENCH_AGENCIES: String(agencyCount), BENCH_ITERATIONS: String(iterations) }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const measured = JSON.parse(output.trim().split("\n").pop() ?? "{}") as { report: Stats; figuresOnly: Stats; statements: string[] };
    const floor = sqliteShellFloor(databasePath, measured.statements, iterations);
    return {
      agencies: agencyCount,
      applications,
      generationSeconds,
      report: measured.report,
      figuresOnly: measured.figuresOnly,
      floor,
      floorNote: floor ? null : "本机没有 sqlite3 命令行（apt-get install -y sqlite3），未测下限",
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export function renderReportScale(result: ReportScaleResult): string {
  const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
  const row = (label: string, s: Stats | null) => (s ? `| ${label} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} | ${ms(s.max)} |` : `| ${label} | – | – | – | – | – |`);
  const ratio = result.floor ? (result.figuresOnly.median / result.floor.median).toFixed(2) : "–";
  return [
    "## The annual report at province scale",
    "",
    `${result.applications.toLocaleString("en")} applications across ${result.agencies} agencies and the years ${YEARS[0]}–${YEARS[YEARS.length - 1]} ` +
      `(${(result.applications / result.agencies).toLocaleString("en")} per agency), bulk-generated in ${result.generationSeconds.toFixed(1)} s. ` +
      "Each timed call is one random agency-year. The target (issue 4): one agency-year report in under 100 ms.",
    "",
    "| call | N | median ms | p95 ms | min ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    row("`generateAnnualReport` (data layer: session check, SQL aggregation, draft, checks, prose)", result.report),
    row("table 三 + fees aggregation alone, through drizzle", result.figuresOnly),
    row("the same SQL in the `sqlite3` shell (floor)", result.floor),
    "",
    result.floorNote ?? `Aggregation through the app vs. the sqlite3 shell: ${ratio}× the floor.`,
    "",
  ].join("\n");
}

if (process.argv[1]?.endsWith("report-scale.ts")) {
  const result = await runReportScaleBench({ log: console.log });
  console.log(renderReportScale(result));
}
