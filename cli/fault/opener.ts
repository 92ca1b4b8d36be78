import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { closeDatabase, migrateDatabase } from "@/db/client";

/**
 * Opens the configured database as every process of the app does (migrations applied, audit entries
 * chained) at the moment `--at` (milliseconds since the epoch), and says `ready` once it has: the start-up
 * test opens one new file from several processes at the same millisecond. Writes nothing else.
 */
const { values } = parseArgs({ options: { at: { type: "string" } } });
const at = Number(values.at);
if (!Number.isFinite(at)) throw new Error("usage: opener.ts --at EPOCH_MS");
process.stdout.write("waiting\n");
// Timers alone wake a few milliseconds apart across processes; the last stretch is spun.
if (at - Date.now() > 20) await sleep(at - Date.now() - 20);
while (Date.now() < at);
try {
  migrateDatabase();
  closeDatabase();
  process.stdout.write("ready\n");
} catch (error) {
  // The stack and its causes, not Node's report of an uncaught error, which quotes the (bundled, one-line) source.
  for (let cause = error; cause instanceof Error; cause = cause.cause) process.stderr.write(`${cause.stack ?? cause.message}\n`);
  process.exitCode = 1;
}
