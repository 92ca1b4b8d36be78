import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, type IsoDate } from "@/lib/calendar";
import { csvLine } from "@/lib/ledger-io/cells";
import { IMPORT_HEADERS } from "@/lib/ledger-io/columns";
import { APPLICANT_TYPE_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "@/lib/ledger-io/vocabulary";
import { address, APPLICANT_TYPE_WEIGHTS, CHANNEL_WEIGHTS, creditCode, organisationName, personName, phoneNumber, REPLY_OUTCOME_WEIGHTS, requestText, residentIdNumber } from "./fake";
import { csvImportFloor } from "./floors";
import { stats, type Stats } from "./measure";
import { createRandom, type Random } from "@/lib/seeded-random";

/**
 * A ledger CSV as an office would bring it from its old spreadsheet: `rows` applications received over the
 * three years before `today`, nine in ten concluded (办理结果 and 办结日期 filled in), the rest still open,
 * half of them with the office's own 编号. UTF-8 with a BOM, as Excel saves "CSV UTF-8".
 */
export function importFile(random: Random, rows: number, today: IsoDate, numberPrefix: string): string {
  const lines = [`\uFEFF${csvLine(IMPORT_HEADERS)}`];
  for (let i = 0; i < rows; i++) {
    const applicantType = random.weighted(APPLICANT_TYPE_WEIGHTS);
    const person = personName(random);
    const natural = applicantType === "natural_person";
    const receivedOn = addDays(today, -random.int(30, 3 * 365));
    const concluded = random.chance(0.9);
    const concludedOn = addDays(receivedOn, random.int(3, 28));
    lines.push(
      csvLine([
        random.chance(0.5) ? `${numberPrefix}${String(i + 1).padStart(6, "0")}` : "",
        random.chance(0.5) ? receivedOn : receivedOn.replace(/-0?/g, "/"),
        CHANNEL_WORDS[random.weighted(CHANNEL_WEIGHTS)],
        APPLICANT_TYPE_WORDS[applicantType],
        natural ? person.name : organisationName(random, applicantType),
        random.chance(0.8) ? (natural ? residentIdNumber(random, person.male) : creditCode(random, applicantType)) : "",
        random.chance(0.9) ? phoneNumber(random) : "",
        random.chance(0.7) ? address(random) : "",
        requestText(random),
        concluded ? OUTCOME_WORDS[random.weighted(REPLY_OUTCOME_WEIGHTS)] : "",
        concluded ? concludedOn : "",
        random.chance(0.05) ? "申请人电话告知已收到" : "",
      ]),
    );
  }
  return lines.join("");
}

/** Writes the file into a fresh temporary directory; the caller removes it. */
export function writeImportFile(random: Random, rows: number, today: IsoDate, numberPrefix: string): { file: string; bytes: number; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-import-"));
  const file = path.join(dir, `台账-${rows}.csv`);
  fs.writeFileSync(file, importFile(random, rows, today, numberPrefix));
  return { file, bytes: fs.statSync(file).size, dir };
}

export type ImportBench = {
  rows: number;
  bytes: number;
  /** Full imports, each into a fresh agency: read, check, plan, one write transaction. */
  write: Stats;
  /** The same file with --dry-run (read, check, plan; nothing written). */
  dryRun: Stats;
  /** The last agency's ledger exported as XLSX (streamed to a file), and that file imported into a new agency. */
  xlsx: { bytes: number; exported: Stats; imported: Stats };
  /** The floor: the same CSV read into a bare table by the sqlite3 shell (cli/bench/floors.ts). */
  floor: Stats | null;
};

/**
 * Times `importLedgerFile` as a signed-in clerk, the way the CLI and the web confirmation call it: a generated
 * file of `rows` applications imported `runs` times, each time into a new agency (so each run creates every
 * row), plus as many dry runs, and the floor on the same file. The database keeps the imported rows (it is the
 * benchmark's working copy).
 */
export async function benchImport(options: { rows: number; runs: number; today: IsoDate; log: (line: string) => void }): Promise<ImportBench> {
  const { createAgency } = await import("@/lib/server/agencies");
  const { createUser } = await import("@/lib/server/users");
  const { signInWithPassword } = await import("@/lib/server/sign-in");
  const { sessionSource, withSource } = await import("@/lib/server/context");
  const { importLedgerFile } = await import("@/lib/server/ledger-import");
  const { fileSource } = await import("@/lib/ledger-io/source");
  const { exportApplications } = await import("@/lib/server/ledger-export");
  const { pipeline } = await import("node:stream/promises");

  const generated = writeImportFile(createRandom(31), options.rows, options.today, "城区依申请");
  options.log(`导入文件：${options.rows} 行，${(generated.bytes / 2 ** 20).toFixed(1)} MiB`);
  const stamp = Date.now().toString(36);
  const clerkOf = async (code: string) => {
    await withSource({ kind: "system" }, () => createAgency({ code, name: `导入基准 ${code}` }));
    const username = `clerk.${code}`;
    const { password } = await withSource({ kind: "system" }, () => createUser({ username, displayName: "导入基准经办人", role: "clerk", agencyCode: code }, { mustChangePassword: false }));
    const signedIn = await signInWithPassword({ username, password });
    if (!signedIn.ok) throw new Error("the import benchmark clerk could not sign in");
    const sessionId = signedIn.sessionId;
    return <T>(work: () => Promise<T>) => withSource(sessionSource(sessionId), work);
  };
  try {
    const writes: number[] = [];
    const dryRuns: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const asClerk = await clerkOf(`bench-import-${stamp}-${run}`);
      let started = performance.now();
      const checked = await asClerk(() => importLedgerFile(fileSource(generated.file), { dryRun: true }));
      dryRuns.push(performance.now() - started);
      started = performance.now();
      const summary = await asClerk(() => importLedgerFile(fileSource(generated.file)));
      writes.push(performance.now() - started);
      if (!summary.written || summary.created !== options.rows || checked.created !== options.rows) {
        throw new Error(`import benchmark: expected ${options.rows} new applications, got ${summary.created} (${summary.issues.length} problems)`);
      }
      options.log(`  第 ${run + 1} 次：检查 ${(dryRuns.at(-1) ?? 0).toFixed(0)} ms，导入 ${(writes.at(-1) ?? 0).toFixed(0)} ms`);
    }
    // The same rows as XLSX: exported from the last agency, imported into a new one.
    const workbook = path.join(generated.dir, "导出.xlsx");
    const lastAgency = `bench-import-${stamp}-${options.runs - 1}`;
    const exportStarted = performance.now();
    await withSource({ kind: "system" }, async () => pipeline((await exportApplications({}, "xlsx", { agencyCode: lastAgency })).stream, fs.createWriteStream(workbook)));
    const exported = performance.now() - exportStarted;
    const xlsxClerk = await clerkOf(`bench-import-${stamp}-xlsx`);
    const importStarted = performance.now();
    const xlsxSummary = await xlsxClerk(() => importLedgerFile(fileSource(workbook)));
    const imported = performance.now() - importStarted;
    if (!xlsxSummary.written || xlsxSummary.created !== options.rows) throw new Error(`import benchmark (XLSX): expected ${options.rows} new applications, got ${xlsxSummary.created}`);
    options.log(`  XLSX：导出 ${exported.toFixed(0)} ms，导入 ${imported.toFixed(0)} ms`);
    return {
      rows: options.rows,
      bytes: generated.bytes,
      write: stats(writes),
      dryRun: stats(dryRuns),
      xlsx: { bytes: fs.statSync(workbook).size, exported: stats([exported]), imported: stats([imported]) },
      floor: csvImportFloor(generated.file, options.runs),
    };
  } finally {
    fs.rmSync(generated.dir, { recursive: true, force: true });
  }
}
