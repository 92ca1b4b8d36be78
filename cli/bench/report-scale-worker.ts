import { withSource } from "@/lib/server/context";
import { captureStatements, measure } from "./measure";
import { createRandom } from "@/lib/seeded-random";

/**
 * Measures in its own process, on the database report-scale.ts built (GONGKAI_DB), and prints the
 * figures as the last line of JSON. A bench exception: it calls the internal aggregation directly to
 * time it alone.
 */
const { db, sqlite, closeDatabase } = await import("@/db/client");
const { generateAnnualReport } = await import("@/lib/server/reports");
const { applicationFigures, feeFigures } = await import("@/lib/server/internal/report-figures");

const agencies = Number(process.env.BENCH_AGENCIES ?? 500);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 30);
const random = createRandom(7);
const pick = () => ({ agencyId: random.int(1, agencies), year: random.int(2022, 2025) });

const report = await withSource({ kind: "system" }, () =>
  measure(iterations, 3, async () => {
    const { agencyId, year } = pick();
    await generateAnnualReport({ agencyCode: `scale-${agencyId}`, year });
  }),
);
const figuresOnly = await measure(iterations, 3, async () => {
  const { agencyId, year } = pick();
  applicationFigures(db(), agencyId, year);
  feeFigures(db(), agencyId, year);
});
const sample = pick();
const captured = await captureStatements(sqlite(), async () => {
  applicationFigures(db(), sample.agencyId, sample.year);
  feeFigures(db(), sample.agencyId, sample.year);
});
const { inlineStatement } = await import("./report-scale-sql");
closeDatabase();
console.log(JSON.stringify({ report, figuresOnly, statements: captured.map((statement) => inlineStatement(statement.sql, statement.params)) }));
