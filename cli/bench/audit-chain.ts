import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabaseFile } from "@/db/client";
import { chainUnhashedAuditEntries, verifyAuditChainOf } from "@/db/audit-chain";

/**
 * The audit hash chain at scale, on a throw-away database: N entries (default 1,000,000) written in bulk
 * and chained as the backfill after migration 0007 chains them, then `audit verify`'s walk over all of
 * them, with the longest time the walk kept the event loop from other work (what a server answering
 * requests meanwhile would feel).
 *
 *   tsx --tsconfig cli/tsconfig.json cli/bench/audit-chain.ts [--entries N]
 */

const { values } = parseArgs({ options: { entries: { type: "string", default: "1000000" } } });
const entries = Number(values.entries);
const file = path.join(os.tmpdir(), `gongkai-bench-audit-${process.pid}.db`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

const { sqlite } = openDatabaseFile(file);
try {
  const insert = sqlite.prepare(
    "insert into audit_log (at, actor_user_id, actor_name, action, entity, entity_id, agency_id, after) values (?, 5, 'clerk.bench', 'application.register', 'application', ?, 2, ?)",
  );
  let started = performance.now();
  sqlite.transaction(() => {
    for (let i = 1; i <= entries; i++) {
      const after = { trackingNumber: `2025-${String(i).padStart(6, "0")}`, receivedOn: "2025-03-04", applicantType: "natural_person", applicantName: "王某甲" };
      insert.run(new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), String(i), JSON.stringify(after));
    }
  })();
  console.log(`${entries} 条审计日志写入：${seconds(started)} s`);

  started = performance.now();
  const chained = chainUnhashedAuditEntries(sqlite);
  console.log(`补链（迁移 0007 后首次打开时）：${chained} 条，${seconds(started)} s`);

  let longestBlock = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - last);
    last = now;
  }, 1);
  started = performance.now();
  const report = await verifyAuditChainOf(sqlite);
  clearInterval(ticker);
  if (!report.ok) throw new Error("the chain the benchmark built does not verify");
  console.log(`校验全链：${report.entries} 条，${seconds(started)} s；事件循环最长被占用 ${longestBlock.toFixed(0)} ms`);
} finally {
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}
