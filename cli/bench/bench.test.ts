import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyAuditChainOf } from "@/db/audit-chain";
import { db, sqlite } from "@/db/client";
import { ledgerStatus } from "@/lib/ledger/status";
import { signInWithPassword } from "@/lib/server/sign-in";
import { asSession } from "@/lib/server/testing/callers";
import { createRandom } from "@/lib/seeded-random";
import { describeDataset } from "./dataset";
import { generateDataset } from "./generate";
import { captureStatements, measure } from "./measure";
import { BIG_AGENCY, sizeAgencies } from "./province";
import { renderReport, TARGETS, type CaseResult } from "./report";

/**
 * Keeps the benchmark scripts working (CI runs this, never the benchmark): the data generator on a small data
 * set, and one in-process benchmark case rendered into the report. No figure is checked against a target.
 */

describe("agency sizes", () => {
  it("share out exactly the applications asked for, the same for the same seed", () => {
    const first = sizeAgencies(createRandom(3), 60, 12_345, 0.15);
    const again = sizeAgencies(createRandom(3), 60, 12_345, 0.15);
    expect(first.reduce((sum, agency) => sum + agency.rows, 0)).toBe(12_345);
    expect(first.find((agency) => agency.code === BIG_AGENCY.code)?.rows).toBe(Math.round(12_345 * 0.15));
    expect(first.every((agency) => agency.rows >= 1)).toBe(true);
    expect(again).toEqual(first);
    // Every agency's parent is listed before it, so they can be created in order.
    const seen = new Set<string>();
    for (const agency of first) {
      if (agency.parentCode) expect(seen.has(agency.parentCode)).toBe(true);
      seen.add(agency.code);
    }
  });
});

describe("the benchmark data generator (small)", () => {
  it("fills a database whose ledger, search index, reports and accounts the app accepts", async () => {
    const options = { seed: 11, agencies: 12, applications: 1500, bigShare: 0.3, years: 5 };
    const { stats, accounts } = await generateDataset(options, () => undefined);
    const connection = sqlite();
    const one = <T>(query: string, ...params: unknown[]) => connection.prepare(query).get(...params) as T;

    expect(stats.applications).toBe(1500);
    expect(one<{ n: number }>("select count(*) as n from applications").n).toBe(1500);
    expect(one<{ n: number }>("select count(*) as n from agencies").n).toBe(12);
    expect(stats.intendedMismatches).toBe(0);
    // Tracking numbers are gap-free per agency and year, in receipt order.
    const gaps = one<{ n: number }>(
      "select count(*) as n from (select agency_id, receipt_year, count(*) as c, max(serial) as m from applications group by 1, 2) where c <> m",
    ).n;
    expect(gaps).toBe(0);
    const outOfOrder = one<{ n: number }>(
      "select count(*) as n from applications a join applications b on a.agency_id = b.agency_id and a.receipt_year = b.receipt_year and b.serial = a.serial + 1 where b.received_on < a.received_on",
    ).n;
    expect(outOfOrder).toBe(0);
    // The search index holds every row: a tracking number is found through it.
    const probe = one<{ id: number; tracking_number: string }>("select id, tracking_number from applications order by id desc limit 1");
    const found = connection.prepare("select rowid from applications_search where applications_search match ?").pluck().all(`"${probe.tracking_number}"`) as number[];
    expect(found).toContain(probe.id);
    // The bulk-written audit entries are chained like the data layer's own: the whole trail verifies.
    const chain = await verifyAuditChainOf(connection);
    expect(chain.ok).toBe(true);
    expect(chain.entries).toBe(one<{ n: number }>("select count(*) as n from audit_log").n);
    // Every finished year of every agency was published through the data layer, every check passing.
    expect(stats.reports.refused).toEqual([]);
    expect(stats.reports.published).toBe(12 * (options.years - 1));

    // The accounts written down sign in with their passwords; the big agency's clerk sees its ledger, and each
    // stored projection is what the engine says of the events (as getApplication evaluates them).
    const clerk = accounts.find((account) => account.username === `clerk.${BIG_AGENCY.code}`);
    expect(clerk).toBeDefined();
    const signedIn = await signInWithPassword({ username: clerk?.username, password: clerk?.password });
    if (!signedIn.ok) throw new Error("the generated clerk could not sign in");
    const ledger = await import("@/lib/server/ledger");
    const sample = connection.prepare("select id from applications where agency_id = (select id from agencies where code = ?) order by id limit 40").pluck().all(BIG_AGENCY.code) as number[];
    await asSession(signedIn.sessionId, async () => {
      for (const id of sample) {
        const { application, report } = await ledger.getApplication(id);
        expect(application.status).toBe(ledgerStatus(report, application.voidedAt !== null));
        expect(application.replyDueOn).toBe(report.reply?.final.date ?? null);
        expect(application.outcome).toBe(report.conclusion?.outcome ?? null);
      }
    });

    // One tiny benchmark, rendered into the report the way `npm run bench` writes it.
    const dataset = describeDataset(connection, BIG_AGENCY.code, stats.today);
    let total = 0;
    const timing = await asSession(signedIn.sessionId, () =>
      measure(3, 1, async () => {
        total = (await ledger.listApplications({ status: "concluded" })).total;
      }),
    );
    expect(total).toBe(dataset.big.byStatus.concluded);
    // The report's aggregation prepares its statements once per connection; the report-scale floor still needs
    // to see them when they run again.
    const { applicationFigures, feeFigures } = await import("@/lib/server/internal/report-figures");
    const lastYear = Number(stats.today.slice(0, 4)) - 1;
    const figures = async () => {
      applicationFigures(db(), dataset.big.agencyId, lastYear);
      feeFigures(db(), dataset.big.agencyId, lastYear);
    };
    await figures();
    const captured = await captureStatements(connection, figures);
    expect(captured.some((statement) => /from "applications"/.test(statement.sql) && statement.params.includes(dataset.big.agencyId))).toBe(true);
    const result: CaseResult = { kind: "list", key: "status_concluded", label: "listApplications status=concluded", target: TARGETS.list, stats: timing, rows: total, statements: [] };
    const markdown = renderReport({
      machine: { cpu: "test", cores: 1, memoryGiB: 1, os: "test", node: process.version, sqlite: "test", sqliteShell: null, betterSqlite3: "test", next: "test", loadBefore: [0, 0, 0], loadAfter: [0, 0, 0] },
      today: stats.today,
      small: true,
      groups: ["list"],
      partial: true,
      settings: { iterations: 3, httpSeconds: 0, warmUpSeconds: 0, connections: 0, loadSeconds: 0, loadConnections: 0, importRows: 0, importRuns: 0, reportPicks: 0 },
      benchData: { migrations: "test", generatedAt: stats.today, stats, accounts },
      dataPath: "test.db",
      dataset,
      consistency: { checked: sample.length, mismatches: 0 },
      results: [result],
      reportScale: null,
      http: null,
      build: null,
      commit: null,
      imported: null,
      publicData: null,
    });
    expect(markdown).toContain("| listApplications status=concluded |");
    expect(markdown).toContain("`--small` run");
    // Each index of migration 0009 is found in the database, its columns and size read from it.
    const created = [...fs.readFileSync("db/migrations/0009_province_indexes.sql", "utf8").matchAll(/CREATE INDEX `(\w+)`/g)].map((match) => match[1]);
    const migrationRows = markdown.split("\n").filter((line) => /^\| `\w+_idx` \|/.test(line));
    expect(migrationRows.map((line) => /^\| `(\w+)`/.exec(line)?.[1]).sort()).toEqual(created.sort());
    for (const line of migrationRows) expect(line).not.toContain("| – |");
  }, 60_000);
});
