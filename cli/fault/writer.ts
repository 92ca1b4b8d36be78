import readline from "node:readline";
import { parseArgs } from "node:util";
import { closeDatabase, migrateDatabase } from "@/db/client";
import { HEADER_OF, IMPORT_HEADERS, type ExportHeader } from "@/lib/ledger-io/columns";
import { csvSource, csvText } from "@/lib/ledger-io/test-files";
import { APPLICANT_TYPE_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "@/lib/ledger-io/vocabulary";
import { createRandom } from "@/lib/seeded-random";
import { sessionSource, withSource, type RequestSource } from "@/lib/server/context";
import { recordEvent, registerApplication } from "@/lib/server/ledger";
import { importLedgerFile } from "@/lib/server/ledger-import";
import { CHANNEL_WEIGHTS, personName, requestText } from "../bench/fake";
import { registrationInput } from "../bench/registration";
import { editNote, formatLine, importedNumber, registrationNote, replyNote, writeToken, type Ack, type WriteKind, type WriterLine } from "./protocol";

/**
 * The writer of the crash and concurrency tests (crash-safety.test.ts): registers applications, imports ledger
 * files, edits imported rows by importing them again, and records replies, through the data layer as the CLI
 * runs it (the system actor; replies as a clerk's session, which the system cannot record), printing each
 * write's acknowledgement only after its transaction committed (protocol.ts). Runs until killed, or for
 * `--writes N` writes.
 *
 *   GONGKAI_DB=FILE tsx --tsconfig cli/tsconfig.json cli/fault/writer.ts --seed N --agency CODE --year YYYY
 *     [--session ID] [--kinds register,import,edit,reply] [--writes N] [--import-rows N] [--wait-for-go]
 *
 * `--session` is a signed-in clerk's session of the agency (replies need one). `--import-rows` fixes the size
 * of each imported file (otherwise 1 to 40 rows). `--wait-for-go` loads, says `waiting` and waits for a line
 * `go` on standard input before it opens the database: several writers then start at the same moment, and a
 * test can load the next writer while the last one still runs.
 */

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    agency: { type: "string" },
    year: { type: "string" },
    session: { type: "string" },
    kinds: { type: "string", default: "register,import,edit,reply" },
    writes: { type: "string" },
    "import-rows": { type: "string" },
    "wait-for-go": { type: "boolean", default: false },
  },
});
const seed = Number(values.seed);
const agencyCode = values.agency;
const year = Number(values.year);
if (!Number.isSafeInteger(seed) || !agencyCode || !Number.isSafeInteger(year)) throw new Error("usage: writer.ts --seed N --agency CODE --year YYYY");
const kinds = new Set(values.kinds.split(","));
const writes = values.writes === undefined ? Infinity : Number(values.writes);
const importRows = values["import-rows"] === undefined ? null : Number(values["import-rows"]);

/** A row of a ledger file by header (the import's headers only). */
type ImportRow = Partial<Record<ExportHeader, string>>;

const random = createRandom(seed);
/** What this run wrote that later writes build on: rows it imported, registrations not yet replied to. */
const imported: ImportRow[] = [];
const unreplied: { id: number; trackingNumber: string }[] = [];

function print(line: WriterLine): void {
  process.stdout.write(`${formatLine(line)}\n`);
}

const day = (month: number) => `${year}-${String(month).padStart(2, "0")}-${String(random.int(2, 27)).padStart(2, "0")}`;

const asSystem = <T>(work: () => Promise<T>) => withSource({ kind: "system" }, work);

const clerk: RequestSource | null = values.session ? sessionSource(values.session) : null;

function ledgerFile(token: string, rows: ImportRow[]) {
  return csvSource(csvText(IMPORT_HEADERS, rows as Record<string, string>[]), { bom: true, name: `${token}.csv` });
}

async function register(token: string): Promise<Ack> {
  const input = { ...registrationInput(random, day(3)), notes: registrationNote(token) };
  const registered = await asSystem(() => registerApplication(input, { agencyCode }));
  unreplied.push(registered);
  return { kind: "register", token, trackingNumber: registered.trackingNumber };
}

async function importNew(token: string): Promise<Ack> {
  const count = importRows ?? random.int(1, 40);
  const rows: ImportRow[] = [];
  for (let row = 1; row <= count; row++) {
    const concluded = random.chance(0.5);
    rows.push({
      [HEADER_OF.number]: importedNumber(token, row, count),
      [HEADER_OF.receivedOn]: day(3),
      [HEADER_OF.channel]: CHANNEL_WORDS[random.weighted(CHANNEL_WEIGHTS)],
      [HEADER_OF.applicantType]: APPLICANT_TYPE_WORDS.natural_person,
      [HEADER_OF.applicantName]: personName(random).name,
      [HEADER_OF.description]: requestText(random),
      [HEADER_OF.outcome]: concluded ? OUTCOME_WORDS.granted : "",
      [HEADER_OF.concludedOn]: concluded ? day(5) : "",
    });
  }
  const summary = await asSystem(() => importLedgerFile(ledgerFile(token, rows), { agencyCode }));
  if (!summary.written || summary.created !== count || !summary.firstCreated || !summary.lastCreated) throw new Error(`import ${token} not written as expected: ${JSON.stringify(summary)}`);
  imported.push(...rows);
  return { kind: "import", token, rows: count, firstCreated: summary.firstCreated, lastCreated: summary.lastCreated };
}

async function edit(token: string): Promise<Ack> {
  const picked = new Set<ImportRow>();
  const wanted = Math.min(imported.length, random.int(1, 5));
  while (picked.size < wanted) picked.add(random.pick(imported));
  const rows = [...picked].map((row) => ({ ...row, [HEADER_OF.notes]: editNote(token) }));
  const summary = await asSystem(() => importLedgerFile(ledgerFile(token, rows), { agencyCode }));
  if (!summary.written || summary.updated !== rows.length) throw new Error(`edit ${token} not written as expected: ${JSON.stringify(summary)}`);
  for (const row of picked) row[HEADER_OF.notes] = editNote(token);
  return { kind: "edit", token, externalNumbers: rows.map((row) => row[HEADER_OF.number] ?? "") };
}

async function reply(token: string, session: RequestSource): Promise<Ack> {
  const [application] = unreplied.splice(random.int(0, unreplied.length - 1), 1);
  if (!application) throw new Error("nothing to reply to");
  await withSource(session, () => recordEvent(application.id, { type: "replied", date: day(5), outcome: "granted", delivery: "post", note: replyNote(token) }));
  return { kind: "reply", token, trackingNumber: application.trackingNumber };
}

/** The next write, among those that have something to work on. */
function nextKind(): WriteKind {
  const weights: Partial<Record<WriteKind, number>> = { register: 4, import: 2 };
  if (imported.length > 0) weights.edit = 2;
  if (clerk && unreplied.length > 0) weights.reply = 2;
  const possible = Object.fromEntries(Object.entries(weights).filter(([kind]) => kinds.has(kind))) as Record<WriteKind, number>;
  return random.weighted(possible);
}

async function write(kind: WriteKind, token: string): Promise<Ack> {
  switch (kind) {
    case "register":
      return register(token);
    case "import":
      return importNew(token);
    case "edit":
      return edit(token);
    case "reply":
      if (!clerk) throw new Error("replies need --session");
      return reply(token, clerk);
  }
}

/** True on a line `go`; false when standard input ends first (the test that started this writer is gone). */
async function waitForGo(): Promise<boolean> {
  const lines = readline.createInterface({ input: process.stdin });
  try {
    for await (const line of lines) {
      if (line.trim() === "go") return true;
    }
    return false;
  } finally {
    // An open standard input would keep the process alive after its last write.
    lines.close();
    process.stdin.destroy();
  }
}

async function run(): Promise<void> {
  if (values["wait-for-go"]) {
    print({ type: "waiting" });
    if (!(await waitForGo())) return;
  }
  migrateDatabase();
  print({ type: "ready" });
  for (let index = 1; index <= writes; index++) {
    const token = writeToken(seed, index);
    const kind = nextKind();
    print({ type: "begin", kind, token });
    print({ type: "ack", ack: await write(kind, token) });
  }
  closeDatabase();
  print({ type: "done" });
}

// The stack and its causes, not Node's report of an uncaught error, which quotes the (bundled, one-line) source.
await run().catch((error: unknown) => {
  for (let cause = error; cause instanceof Error; cause = cause.cause) process.stderr.write(`${cause.stack ?? cause.message}\n`);
  process.exitCode = 1;
});
