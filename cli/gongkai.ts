import { closeDatabase } from "@/db/client";
import { runCli } from "./commands";

const result = await runCli(process.argv.slice(2));
// A command that streamed its output itself (export to standard output) returns none to print.
if (result.output) (result.code === 0 ? console.log : console.error)(result.output);
closeDatabase();
process.exitCode = result.code;
