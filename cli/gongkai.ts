import { closeDatabase } from "@/db/client";
import { runCli } from "./commands";

const result = await runCli(process.argv.slice(2));
(result.code === 0 ? console.log : console.error)(result.output);
closeDatabase();
process.exitCode = result.code;
