import { execFileSync } from "node:child_process";
import path from "node:path";
import { stats, type Stats } from "./measure";

/**
 * One agency-year annual report on the benchmark database (1,000,000 applications, 500 agencies), generated
 * through the data layer, beside the same aggregation run by the sqlite3 command line: the floor with no app
 * around it. The figures are measured in a child process (report-scale-worker.ts) on the same file.
 */

export type ReportCase = { agency: string; year: number; big: boolean; rows: number; reportMs: number; figuresMs: number; driverMs: number; floorMs: number | null };

export type ReportScaleResult = {
  cases: ReportCase[];
  /** Over the random agency-years: the whole data-layer call, the aggregation alone, and its floor. */
  report: Stats;
  figuresOnly: Stats;
  /** The captured statements prepared once and run on better-sqlite3: the floor inside the app's own SQLite. */
  driverOnly: Stats;
  floor: Stats | null;
  /** The big agency's last finished year, the heaviest report there is. */
  big: ReportCase | null;
  shell: string | null;
};

/**
 * Runs each case's statements in the sqlite3 shell and reads the shell's own timer. The timer counts whole
 * milliseconds, so each case runs REPEAT times and the mean is its time.
 */
const REPEAT = 20;
function sqliteShell(databasePath: string, cases: { statements: string[] }[]): { perCase: (number | null)[]; version: string } | null {
  let version: string;
  try {
    version = execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0] ?? "?";
  } catch {
    return null;
  }
  const marker = (i: number) => `select 'case-${i}';`;
  const script = [".timer on", ...cases.flatMap((testCase, i) => [marker(i), ...Array.from({ length: REPEAT }, () => testCase.statements.map((sql) => `${sql};`)).flat()])].join("\n");
  const output = execFileSync("sqlite3", ["-readonly", databasePath], { input: script, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const perCase = output.split(/^case-\d+$/m).slice(1).map((part) => {
    const times = [...part.matchAll(/Run Time: real ([\d.]+)/g)].map((match) => Number(match[1]) * 1000);
    // The first timer line belongs to the marker statement.
    return times.length > 1 ? times.slice(1).reduce((sum, t) => sum + t, 0) / REPEAT : null;
  });
  return { perCase, version };
}

export async function runReportScaleBench(options: { databasePath: string; picks: number; runs: number; bigAgency: string; log: (line: string) => void }): Promise<ReportScaleResult> {
  options.log(`年度报告：${options.picks} 个随机的机构年度，另加最大机构的上一年度……`);
  const output = execFileSync(
    process.execPath,
    [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), "--tsconfig", "cli/tsconfig.json", path.join("cli", "bench", "report-scale-worker.ts")],
    {
      env: { ...process.env, GONGKAI_DB: options.databasePath, BENCH_PICKS: String(options.picks), BENCH_RUNS: String(options.runs), BENCH_BIG_AGENCY: options.bigAgency },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const measured = JSON.parse(output.trim().split("\n").pop() ?? "{}") as {
    cases: (Omit<ReportCase, "floorMs"> & { statements: string[] })[];
    report: Stats;
    figuresOnly: Stats;
    driverOnly: Stats;
  };
  const shell = sqliteShell(options.databasePath, measured.cases);
  const cases: ReportCase[] = measured.cases.map((testCase, i) => ({
    agency: testCase.agency,
    year: testCase.year,
    big: testCase.big,
    rows: testCase.rows,
    reportMs: testCase.reportMs,
    figuresMs: testCase.figuresMs,
    driverMs: testCase.driverMs,
    floorMs: shell?.perCase[i] ?? null,
  }));
  const floors = cases.filter((testCase) => !testCase.big && testCase.floorMs !== null).map((testCase) => testCase.floorMs as number);
  return {
    cases,
    report: measured.report,
    figuresOnly: measured.figuresOnly,
    driverOnly: measured.driverOnly,
    floor: floors.length > 0 ? stats(floors) : null,
    big: cases.find((testCase) => testCase.big) ?? null,
    shell: shell?.version ?? null,
  };
}
