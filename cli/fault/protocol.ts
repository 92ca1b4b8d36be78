/**
 * What a fault writer (writer.ts) tells the test that runs it, one line on standard output each: `waiting` once
 * loaded when told to wait for a go, `ready` once the database is open, `begin` before each write, `ack` only after that write's transaction committed, `done`
 * when it ran out of writes. Standard output to a pipe is written synchronously on Linux, so a line printed
 * before a SIGKILL reaches the test.
 */

export type Ack =
  /** A registration and the tracking number it got. */
  | { kind: "register"; token: string; trackingNumber: string }
  /** A ledger file whose rows were all new: how many, and the tracking numbers of the first and last. */
  | { kind: "import"; token: string; rows: number; firstCreated: string; lastCreated: string }
  /** Rows of earlier imports imported again with a changed 备注 (an edit through the import). */
  | { kind: "edit"; token: string; externalNumbers: string[] }
  /** A reply recorded on a registered application by a clerk. */
  | { kind: "reply"; token: string; trackingNumber: string };

export type WriteKind = Ack["kind"];
const WRITE_KINDS: readonly WriteKind[] = ["register", "import", "edit", "reply"];

export type WriterLine = { type: "waiting" } | { type: "ready" } | { type: "done" } | { type: "begin"; kind: WriteKind; token: string } | { type: "ack"; ack: Ack };

export function formatLine(line: WriterLine): string {
  switch (line.type) {
    case "waiting":
    case "ready":
    case "done":
      return line.type;
    case "begin":
      return `begin ${line.kind} ${line.token}`;
    case "ack": {
      const ack = line.ack;
      switch (ack.kind) {
        case "register":
        case "reply":
          return `ack ${ack.kind} ${ack.token} ${ack.trackingNumber}`;
        case "import":
          return `ack import ${ack.token} ${ack.rows} ${ack.firstCreated} ${ack.lastCreated}`;
        case "edit":
          return `ack edit ${ack.token} ${ack.externalNumbers.join(",")}`;
      }
    }
  }
}

function writeKind(word: string | undefined): WriteKind {
  const kind = WRITE_KINDS.find((known) => known === word);
  if (!kind) throw new Error(`unknown write kind ${word}`);
  return kind;
}

/** The line back; anything else a writer prints is a fault of its own and throws. */
export function parseLine(text: string): WriterLine {
  const [type, kindWord, token, ...rest] = text.trim().split(" ");
  if ((type === "waiting" || type === "ready" || type === "done") && kindWord === undefined) return { type };
  if (!token) throw new Error(`unexpected writer output: ${text}`);
  const kind = writeKind(kindWord);
  if (type === "begin" && rest.length === 0) return { type, kind, token };
  if (type !== "ack") throw new Error(`unexpected writer output: ${text}`);
  const [first, second, third] = rest;
  if ((kind === "register" || kind === "reply") && first && rest.length === 1) return { type, ack: { kind, token, trackingNumber: first } };
  if (kind === "edit" && first && rest.length === 1) return { type, ack: { kind, token, externalNumbers: first.split(",") } };
  if (kind === "import" && first && second && third && rest.length === 3) return { type, ack: { kind, token, rows: Number(first), firstCreated: second, lastCreated: third } };
  throw new Error(`unexpected writer output: ${text}`);
}

/**
 * Each write of a writer run has a token: the run's seed and the write's place in the run. Tokens of one run
 * compare by that place, which is how the test tells the latest edit of a row from an earlier one.
 */
export function writeToken(seed: number, index: number): string {
  return `F${seed}-${index}`;
}

export function parseWriteToken(token: string): { seed: number; index: number } {
  const match = /^F(\d+)-(\d+)$/.exec(token);
  if (!match) throw new Error(`not a write token: ${token}`);
  return { seed: Number(match[1]), index: Number(match[2]) };
}

/** The 编号 of row `row` of an import of `rows` rows: each row names its file and the file's size, so a half-written import shows. */
export function importedNumber(token: string, row: number, rows: number): string {
  return `${token}-${row}/${rows}`;
}

export function parseImportedNumber(number: string): { token: string; row: number; rows: number } | null {
  const match = /^(F\d+-\d+)-(\d+)\/(\d+)$/.exec(number);
  if (!match?.[1]) return null;
  return { token: match[1], row: Number(match[2]), rows: Number(match[3]) };
}

/** What a write leaves in the row it wrote (a registration's and an edit's 备注, a reply's 说明), so the test can find it. */
export const registrationNote = (token: string) => `登记 ${token}`;
export const editNote = (token: string) => `修改 ${token}`;
export const replyNote = (token: string) => `答复 ${token}`;

export function parseEditNote(note: string | null): string | null {
  return note?.startsWith("修改 ") ? note.slice("修改 ".length) : null;
}
