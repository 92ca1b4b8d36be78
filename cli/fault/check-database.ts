import fs from "node:fs";
import Database from "better-sqlite3";
import { verifyAuditChainOf } from "@/db/audit-chain";
import { describeChainReport } from "@/lib/audit/chain";
import { editNote, parseEditNote, parseImportedNumber, parseWriteToken, registrationNote, replyNote, type Ack, type WriteKind } from "./protocol";

/**
 * What must hold of the database after a writer died at any moment, read with a connection of its own
 * (opening it after a SIGKILL is SQLite's crash recovery): the file is sound, references hold, the search
 * index matches the ledger, tracking numbers run without gap or repeat, every acknowledged write is there,
 * every import is there whole or not at all, every change has its audit entry and nothing else has one, and
 * the audit trail's hash chain is unbroken.
 */

export type Expectations = {
  agencyCode: string;
  /** Every write acknowledged so far, by every writer. */
  acks: readonly Ack[];
  /** The kind of every write ever begun, by token. */
  begun: ReadonlyMap<string, WriteKind>;
  /** A write begun and not acknowledged by the writer just killed: was it committed? */
  inFlight?: { kind: WriteKind; token: string } | null;
};

export type Check = {
  /** Empty when everything holds; otherwise what does not, in words. */
  problems: string[];
  /** Whether the write in flight at the kill turned out committed (null: there was none). */
  inFlightCommitted: boolean | null;
  applications: number;
  bytes: number;
};

const TRACKING = /^(\d{4})-(\d{4,})$/;

/** `2025-0007`, `2025-0009` → the three numbers from one to the other. */
export function trackingRange(first: string, last: string): string[] {
  const [, year, from] = TRACKING.exec(first) ?? [];
  const [, lastYear, to] = TRACKING.exec(last) ?? [];
  if (!year || year !== lastYear) return [];
  const numbers: string[] = [];
  for (let serial = Number(from); serial <= Number(to); serial++) numbers.push(`${year}-${String(serial).padStart(4, "0")}`);
  return numbers;
}

const sameSets = <T>(a: Set<T>, b: Set<T>) => a.size === b.size && [...a].every((item) => b.has(item));

function fileBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, part) => sum + (fs.existsSync(part) ? fs.statSync(part).size : 0), 0);
}

function soundness(connection: Database.Database, problems: string[]): void {
  const integrity = connection.pragma("integrity_check") as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok") problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 5))}`);
  const foreignKeys = connection.pragma("foreign_key_check") as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);
  try {
    connection.prepare("insert into applications_search (applications_search) values ('integrity-check')").run();
  } catch (error) {
    problems.push(`search index integrity-check: ${(error as Error).message}`);
  }
  const count = (query: string) => (connection.prepare(query).get() as { n: number }).n;
  const unindexed = count("select count(*) as n from applications where id not in (select rowid from applications_search)");
  const stray = count("select count(*) as n from applications_search where rowid not in (select id from applications)");
  if (unindexed + stray > 0) problems.push(`search index: ${unindexed} applications missing from it, ${stray} entries of no application`);
  if (count("select count(*) as n from search_index_paused") > 0) problems.push("search index left paused");
}

function numbering(connection: Database.Database, problems: string[]): void {
  const groups = connection
    .prepare(
      `select agency_id as agency, receipt_year as year, count(*) as n, max(serial) as top, min(serial) as bottom,
         sum(tracking_number <> printf('%d-%04d', receipt_year, serial)) as misprinted
       from applications group by agency_id, receipt_year`,
    )
    .all() as { agency: number; year: number; n: number; top: number; bottom: number; misprinted: number }[];
  for (const group of groups) {
    if (group.bottom !== 1 || group.top !== group.n || group.misprinted > 0) {
      problems.push(`tracking numbers of agency ${group.agency} in ${group.year}: ${group.n} applications numbered ${group.bottom}…${group.top}, ${group.misprinted} misprinted`);
    }
  }
}

function acknowledged(connection: Database.Database, agencyId: number, acks: readonly Ack[], problems: string[]): void {
  const byTracking = connection.prepare("select id, notes, status from applications where agency_id = ? and tracking_number = ?");
  const byExternal = connection.prepare("select notes from applications where agency_id = ? and external_number = ?");
  const ofImport = connection.prepare("select tracking_number as trackingNumber from applications where agency_id = ? and external_number like ?");
  const reply = connection.prepare(
    "select count(*) as n from application_events where application_id = ? and type = 'replied' and json_extract(details, '$.note') = ?",
  );
  const importEntries = connection.prepare(
    "select count(*) as n from audit_log where action = 'application.import' and agency_id = ? and json_extract(after, '$.fileName') = ?",
  );
  for (const ack of acks) {
    switch (ack.kind) {
      case "register": {
        const row = byTracking.get(agencyId, ack.trackingNumber) as { notes: string | null } | undefined;
        if (row?.notes !== registrationNote(ack.token)) problems.push(`acknowledged registration ${ack.token} (${ack.trackingNumber}) not found`);
        break;
      }
      case "import": {
        const numbers = (ofImport.all(agencyId, `${ack.token}-%`) as { trackingNumber: string }[]).map((row) => row.trackingNumber);
        if (numbers.length !== ack.rows || !sameSets(new Set(numbers), new Set(trackingRange(ack.firstCreated, ack.lastCreated)))) {
          problems.push(`acknowledged import ${ack.token} of ${ack.rows} rows (${ack.firstCreated}…${ack.lastCreated}) has ${numbers.length}`);
        }
        break;
      }
      case "edit": {
        const { seed, index } = parseWriteToken(ack.token);
        for (const number of ack.externalNumbers) {
          const row = byExternal.get(agencyId, number) as { notes: string | null } | undefined;
          const editedBy = parseEditNote(row?.notes ?? null);
          const latest = editedBy ? parseWriteToken(editedBy) : null;
          // A later edit of the same writer may have replaced this one; an older state may not come back.
          if (!latest || latest.seed !== seed || latest.index < index) problems.push(`acknowledged edit ${ack.token} of ${number} lost (备注 ${row?.notes ?? "—"})`);
        }
        if ((importEntries.get(agencyId, `${ack.token}.csv`) as { n: number }).n !== 1) problems.push(`acknowledged edit ${ack.token} has no audit entry`);
        break;
      }
      case "reply": {
        const row = byTracking.get(agencyId, ack.trackingNumber) as { id: number; status: string } | undefined;
        const recorded = row ? (reply.get(row.id, replyNote(ack.token)) as { n: number }).n : 0;
        if (recorded !== 1 || row?.status !== "concluded") problems.push(`acknowledged reply ${ack.token} to ${ack.trackingNumber} not found`);
        break;
      }
    }
  }
}

/** Every import is there with all its rows or not at all, and has exactly one audit entry if it is there. */
function wholeImports(connection: Database.Database, agencyId: number, begun: ReadonlyMap<string, WriteKind>, problems: string[]): void {
  const rowsOf = new Map<string, { declared: number; found: Set<number> }>();
  for (const { number } of connection.prepare("select external_number as number from applications where agency_id = ? and external_number is not null").all(agencyId) as { number: string }[]) {
    const parsed = parseImportedNumber(number);
    if (!parsed) {
      problems.push(`application numbered ${number} was written by no writer`);
      continue;
    }
    const entry = rowsOf.get(parsed.token) ?? { declared: parsed.rows, found: new Set<number>() };
    entry.found.add(parsed.row);
    rowsOf.set(parsed.token, entry);
  }
  for (const [token, { declared, found }] of rowsOf) {
    if (found.size !== declared) problems.push(`import ${token} half written: ${found.size} of ${declared} rows`);
  }
  const audited = connection
    .prepare("select json_extract(after, '$.fileName') as file, count(*) as n from audit_log where action = 'application.import' and agency_id = ? group by file")
    .all(agencyId) as { file: string; n: number }[];
  const auditedTokens = new Map(audited.map((entry) => [entry.file.replace(/\.csv$/, ""), entry.n]));
  for (const token of rowsOf.keys()) {
    if (auditedTokens.get(token) !== 1) problems.push(`import ${token} has ${auditedTokens.get(token) ?? 0} audit entries`);
  }
  for (const [token, entries] of auditedTokens) {
    const kind = begun.get(token);
    if (kind === "import" && !rowsOf.has(token)) problems.push(`audit entry of import ${token}, which is not in the ledger`);
    if (kind !== "import" && kind !== "edit") problems.push(`audit entry of an import ${token} no writer began`);
    if (kind === "edit" && entries !== 1) problems.push(`edit ${token} has ${entries} audit entries`);
  }
}

/** Registrations and replies each have their audit entry, and no entry speaks of one that is not there. */
function audited(connection: Database.Database, agencyId: number, problems: string[]): void {
  const ids = (query: string) => new Set((connection.prepare(query).all(agencyId) as { id: number }[]).map((row) => row.id));
  const registered = ids("select id from applications where agency_id = ? and notes like '登记 %'");
  const registrationEntries = ids("select cast(entity_id as integer) as id from audit_log where action = 'application.register' and agency_id = ?");
  if (!sameSets(registered, registrationEntries)) problems.push(`${registered.size} registrations but ${registrationEntries.size} registration audit entries`);
  const counts = (query: string) => new Map((connection.prepare(query).all(agencyId) as { id: number; n: number }[]).map((row) => [row.id, row.n]));
  const events = counts(
    "select e.application_id as id, count(*) as n from application_events e join applications a on a.id = e.application_id where a.agency_id = ? and e.recorded_by is not null group by e.application_id",
  );
  const eventEntries = counts("select cast(entity_id as integer) as id, count(*) as n from audit_log where action = 'application.event' and agency_id = ? group by entity_id");
  const differing = [...new Set([...events.keys(), ...eventEntries.keys()])].filter((id) => events.get(id) !== eventEntries.get(id));
  if (differing.length > 0) problems.push(`events and their audit entries differ for applications ${differing.slice(0, 10).join(", ")}`);
}

function wasCommitted(connection: Database.Database, agencyId: number, write: { kind: WriteKind; token: string }): boolean {
  const found = (query: string, ...params: unknown[]) => connection.prepare(query).get(agencyId, ...params) !== undefined;
  switch (write.kind) {
    case "register":
      return found("select 1 from applications where agency_id = ? and notes = ?", registrationNote(write.token));
    case "import":
      return found("select 1 from applications where agency_id = ? and external_number like ?", `${write.token}-%`);
    case "edit":
      return found("select 1 from applications where agency_id = ? and notes = ?", editNote(write.token));
    case "reply":
      return found(
        "select 1 from application_events e join applications a on a.id = e.application_id where a.agency_id = ? and json_extract(e.details, '$.note') = ?",
        replyNote(write.token),
      );
  }
}

export async function checkDatabase(file: string, expected: Expectations): Promise<Check> {
  const connection = new Database(file, { fileMustExist: true });
  try {
    const problems: string[] = [];
    soundness(connection, problems);
    const chain = await verifyAuditChainOf(connection);
    if (!chain.ok) problems.push(`audit chain: ${describeChainReport(chain)}`);
    numbering(connection, problems);
    const agency = connection.prepare("select id from agencies where code = ?").get(expected.agencyCode) as { id: number } | undefined;
    if (!agency) return { problems: [...problems, `agency ${expected.agencyCode} missing`], inFlightCommitted: null, applications: 0, bytes: fileBytes(file) };
    acknowledged(connection, agency.id, expected.acks, problems);
    wholeImports(connection, agency.id, expected.begun, problems);
    audited(connection, agency.id, problems);
    return {
      problems,
      inFlightCommitted: expected.inFlight ? wasCommitted(connection, agency.id, expected.inFlight) : null,
      applications: (connection.prepare("select count(*) as n from applications where agency_id = ?").get(agency.id) as { n: number }).n,
      bytes: fileBytes(file),
    };
  } finally {
    connection.close();
  }
}
