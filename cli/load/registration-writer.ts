import readline from "node:readline";
import { parseArgs } from "node:util";
import { closeDatabase, migrateDatabase } from "@/db/client";
import { todayInChina } from "@/lib/calendar";
import { createRandom } from "@/lib/seeded-random";
import { withSource } from "@/lib/server/context";
import { registerApplication } from "@/lib/server/ledger";
import { registrationInput } from "../bench/registration";

/**
 * A steady write load for the backup test (cli/backup-restore.test.ts): registers applications in one
 * agency through the data layer, as the CLI would (one write transaction each), and prints `ack <id>` for
 * each only after it committed. `ready` once the database is open; answers a line `sync` with `synced` (so the
 * reader knows every acknowledgement printed before it has arrived); stops after the write in progress when a
 * line `stop` arrives on standard input, and says `done`.
 *
 *   GONGKAI_DB=FILE tsx --tsconfig cli/tsconfig.json cli/load/registration-writer.ts --agency CODE --seed N
 */

const { values } = parseArgs({ options: { agency: { type: "string" }, seed: { type: "string", default: "1" } } });
const agencyCode = values.agency;
if (!agencyCode) throw new Error("usage: registration-writer.ts --agency CODE [--seed N]");
const random = createRandom(Number(values.seed));
const today = todayInChina();

let stopping = false;
const input = readline.createInterface({ input: process.stdin });
input.on("line", (line) => {
  if (line.trim() === "stop") stopping = true;
  if (line.trim() === "sync") process.stdout.write("synced\n");
});

migrateDatabase();
process.stdout.write("ready\n");
while (!stopping) {
  const registered = await withSource({ kind: "system" }, () => registerApplication(registrationInput(random, today), { agencyCode }));
  process.stdout.write(`ack ${registered.id}\n`);
  // The data layer never waits on I/O: without a turn of the event loop, `stop` would never be read.
  await new Promise((resolve) => setImmediate(resolve));
}
input.close();
closeDatabase();
process.stdout.write("done\n");
