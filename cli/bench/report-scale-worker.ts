import { todayInChina } from "@/lib/calendar";
import { withSource } from "@/lib/server/context";
import { captureStatements, measure, stats } from "./measure";
import { createRandom } from "@/lib/seeded-random";

/**
 * Measures in its own process, on the benchmark database (GONGKAI_DB), and prints the figures as the last
 * line of JSON. A bench exception: it calls the internal aggregation directly to time it alone. Cases:
 * BENCH_PICKS random agency-years of finished years, then the big agency's last finished year.
 */
const { db, sqlite, closeDatabase } = await import("@/db/client");
const { generateAnnualReport } = await import("@/lib/server/reports");
const { applicationFigures, feeFigures } = await import("@/lib/server/internal/report-figures");
const { inlineStatement } = await import("./report-scale-sql");

const picks = Number(process.env.BENCH_PICKS ?? 30);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const bigCode = process.env.BENCH_BIG_AGENCY ?? "jc-gov";
const connection = sqlite();
const agencies = connection.prepare("select id, code from agencies where exists (select 1 from applications where agency_id = agencies.id) order by id").all() as { id: number; code: string }[];
const thisYear = Number(todayInChina().slice(0, 4));
const years = connection.prepare("select distinct receipt_year from applications where receipt_year < ? order by 1").pluck().all(thisYear) as number[];
const random = createRandom(7);
const big = agencies.find((agency) => agency.code === bigCode);
const cases = Array.from({ length: picks }, () => ({ agency: random.pick(agencies), year: random.pick(years), big: false }));
if (big && years.length > 0) cases.push({ agency: big, year: years[years.length - 1] as number, big: true });

const figures = (agencyId: number, year: number) => {
  applicationFigures(db(), agencyId, year);
  feeFigures(db(), agencyId, year);
};
const measured = [];
for (const testCase of cases) {
  const report = await withSource({ kind: "system" }, () => measure(runs, 1, () => generateAnnualReport({ agencyCode: testCase.agency.code, year: testCase.year })));
  const figuresOnly = await measure(runs, 1, async () => figures(testCase.agency.id, testCase.year));
  const captured = await captureStatements(connection, async () => figures(testCase.agency.id, testCase.year));
  // The same statements prepared once and run straight on the driver: what is left without the query builder.
  const prepared = captured.map((statement) => ({ statement: connection.prepare(statement.sql), params: statement.params }));
  const driverOnly = await measure(runs, 1, async () => {
    for (const { statement, params } of prepared) statement.all(...params);
  });
  const rows = (connection.prepare("select count(*) from applications where agency_id = ? and receipt_year = ?").pluck().get(testCase.agency.id, testCase.year) as number) ?? 0;
  measured.push({
    agency: testCase.agency.code,
    year: testCase.year,
    big: testCase.big,
    rows,
    reportMs: report.median,
    figuresMs: figuresOnly.median,
    driverMs: driverOnly.median,
    statements: captured.map((statement) => inlineStatement(statement.sql, statement.params)),
  });
}
closeDatabase();
const randomCases = measured.filter((entry) => !entry.big);
console.log(
  JSON.stringify({
    cases: measured,
    report: stats(randomCases.map((entry) => entry.reportMs)),
    figuresOnly: stats(randomCases.map((entry) => entry.figuresMs)),
    driverOnly: stats(randomCases.map((entry) => entry.driverMs)),
  }),
);
