import type Database from "better-sqlite3";
import { ACTIVE_STATUSES } from "@/lib/ledger/codes";
import { storedObjects, type StoredObject } from "./object-sizes";

export type DatasetShape = {
  agencies: { code: string; name: string; rows: number }[];
  applications: number;
  events: number;
  /** Events that correct an earlier one (更正, with a reason). */
  correctingEvents: number;
  auditRows: number;
  users: number;
  /** Published report versions (corrections included) and the agencies that published. */
  reportVersions: number;
  publishingAgencies: number;
  big: {
    code: string;
    name: string;
    agencyId: number;
    rows: number;
    byStatus: Record<string, number>;
    byYear: Record<string, number>;
    byApplicantType: Record<string, number>;
    byOutcome: Record<string, number>;
    overdue: number;
  };
  /** Values the search cases look for, taken from the data, and how many of the big agency's rows match them. */
  probes: {
    trackingNumber: string;
    trackingNumberRows: number;
    applicantName: string;
    applicantNameRows: number;
    /** A two-character name: too short for a trigram index, should the search ever use one. */
    shortName: string;
    shortNameRows: number;
    contentWord: string;
    contentWordRows: number;
  };
  databaseBytes: number;
  /** The file's tables and indexes by size (empty where SQLite lacks `dbstat`). */
  objects: StoredObject[];
};

const CONTENT_WORD = "棚户区";

/** What is in the database, read back with SQL (the same description for a fresh or a reused file). */
export function describeDataset(connection: Database.Database, bigAgencyCode: string, today: string): DatasetShape {
  const all = <T>(query: string, ...params: unknown[]) => connection.prepare(query).all(...params) as T[];
  const one = <T>(query: string, ...params: unknown[]) => connection.prepare(query).get(...params) as T;
  const tally = (rows: { k: string | number | null; n: number }[]) => Object.fromEntries(rows.map((row) => [String(row.k), row.n]));

  const agencies = all<{ code: string; name: string; rows: number }>(
    "select a.code, a.name, count(x.id) as rows from agencies a left join applications x on x.agency_id = a.id group by a.id order by rows desc, a.code",
  );
  const big = one<{ id: number; name: string } | undefined>("select id, name from agencies where code = ?", bigAgencyCode);
  if (!big) throw new Error(`agency ${bigAgencyCode} not found`);
  const active = ACTIVE_STATUSES.map((status) => `'${status}'`).join(",");

  // A natural person's application from the middle of 2024: neither the newest nor the oldest rows.
  const in2024 = one<{ n: number }>("select count(*) as n from applications where agency_id = ? and applicant_type = 'natural_person' and receipt_year = 2024", big.id).n;
  const probe = one<{ t: string; n: string } | undefined>(
    "select tracking_number as t, applicant_name as n from applications where agency_id = ? and applicant_type = 'natural_person' and receipt_year = 2024 order by serial limit 1 offset ?",
    big.id,
    Math.floor(in2024 / 2),
  );
  const short = one<{ n: string } | undefined>(
    "select applicant_name as n from applications where agency_id = ? and applicant_type = 'natural_person' and length(applicant_name) = 2 and receipt_year = 2024 order by serial limit 1",
    big.id,
  );
  if (!probe || !short) throw new Error("the big agency has no applications in 2024 to pick search probes from");
  // Rows the ledger's q search finds: the same three columns as listApplications.
  const containing = (value: string) =>
    one<{ n: number }>(
      "select count(*) as n from applications where agency_id = ? and (tracking_number like ? or applicant_name like ? or description like ?)",
      big.id,
      `%${value}%`,
      `%${value}%`,
      `%${value}%`,
    ).n;

  const pageCount = connection.pragma("page_count", { simple: true }) as number;
  const pageSize = connection.pragma("page_size", { simple: true }) as number;
  return {
    agencies,
    applications: one<{ n: number }>("select count(*) as n from applications").n,
    events: one<{ n: number }>("select count(*) as n from application_events").n,
    correctingEvents: one<{ n: number }>("select count(*) as n from application_events where corrects_event_id is not null").n,
    users: one<{ n: number }>("select count(*) as n from users").n,
    reportVersions: one<{ n: number }>("select count(*) as n from report_versions").n,
    publishingAgencies: one<{ n: number }>("select count(distinct agency_id) as n from report_versions").n,
    auditRows: one<{ n: number }>("select count(*) as n from audit_log").n,
    big: {
      code: bigAgencyCode,
      name: big.name,
      agencyId: big.id,
      rows: one<{ n: number }>("select count(*) as n from applications where agency_id = ?", big.id).n,
      byStatus: tally(all("select status as k, count(*) as n from applications where agency_id = ? group by status order by n desc", big.id)),
      byYear: tally(all("select receipt_year as k, count(*) as n from applications where agency_id = ? group by receipt_year order by receipt_year", big.id)),
      byApplicantType: tally(all("select applicant_type as k, count(*) as n from applications where agency_id = ? group by applicant_type order by n desc", big.id)),
      byOutcome: tally(all("select outcome as k, count(*) as n from applications where agency_id = ? and outcome is not null group by outcome order by n desc", big.id)),
      overdue: one<{ n: number }>(`select count(*) as n from applications where agency_id = ? and status in (${active}) and reply_due_on < ?`, big.id, today).n,
    },
    probes: {
      trackingNumber: probe.t,
      trackingNumberRows: containing(probe.t),
      applicantName: probe.n,
      applicantNameRows: containing(probe.n),
      shortName: short.n,
      shortNameRows: containing(short.n),
      contentWord: CONTENT_WORD,
      contentWordRows: containing(CONTENT_WORD),
    },
    databaseBytes: pageCount * pageSize,
    objects: storedObjects(connection),
  };
}
