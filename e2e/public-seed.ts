import { CANARY_APPLICANTS, HISTORICAL_YEAR, PUBLIC_AGENCY, PUBLIC_YEAR } from "./canaries";

/**
 * Published reports for the public-site tests (e2e/public.spec.ts), seeded as the system actor: an
 * agency whose ledger holds applicants with canary personal data, its 2025 report generated from that
 * ledger and published twice (version 2 a correction), and its 2024 report typed in as historical
 * with the seed report's published error. Run inside `withSource({ kind: "system" })`.
 *
 * The versions are written straight into report_versions (a test fixture): publishing through the
 * staff workflow is tested with the staff pages.
 */
export async function seedPublishedReports(): Promise<void> {
  const { db } = await import("@/db/client");
  const { agencies, reportVersions } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createAgency } = await import("@/lib/server/agencies");
  const { registerApplication } = await import("@/lib/server/ledger");
  const { generateAnnualReport } = await import("@/lib/server/reports");
  const { runChecks } = await import("@/lib/report/checks");
  const { seedReport } = await import("@/lib/report/fixtures");

  await createAgency(PUBLIC_AGENCY);
  const agency = db().select({ id: agencies.id }).from(agencies).where(eq(agencies.code, PUBLIC_AGENCY.code)).get();
  if (!agency) throw new Error("public test agency missing");

  for (const [index, applicant] of CANARY_APPLICANTS.entries()) {
    const given = Object.fromEntries(Object.entries(applicant).filter(([, value]) => value !== null));
    await registerApplication(
      { channel: "in_person", arrivedOn: `${PUBLIC_YEAR}-0${index + 3}-10`, formWanted: "paper", ...given },
      { agencyCode: PUBLIC_AGENCY.code },
    );
  }

  const historical = seedReport("published");
  historical.agency = { ...PUBLIC_AGENCY };
  historical.year = HISTORICAL_YEAR;
  historical.status = "historical";
  historical.checks = runChecks(historical, null);

  const generated = await generateAnnualReport({ agencyCode: PUBLIC_AGENCY.code, year: PUBLIC_YEAR });
  const first = { ...generated, status: "published" as const };
  const corrected = { ...first, proactive: { ...first.proactive, licensing: 3 } };

  const rows = [
    { year: HISTORICAL_YEAR, version: 1, historical: true, snapshot: historical, correctionNote: null, publishedAt: "2025-03-20T02:00:00.000Z" },
    { year: PUBLIC_YEAR, version: 1, historical: false, snapshot: first, correctionNote: null, publishedAt: "2026-01-20T02:00:00.000Z" },
    { year: PUBLIC_YEAR, version: 2, historical: false, snapshot: corrected, correctionNote: "更正表二行政许可处理决定数量。", publishedAt: "2026-02-03T02:00:00.000Z" },
  ];
  for (const row of rows) {
    db()
      .insert(reportVersions)
      .values({ agencyId: agency.id, ...row, snapshot: JSON.stringify(row.snapshot), publishedBy: null })
      .run();
  }
}
