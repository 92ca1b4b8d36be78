import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { accountsFileOf, defaultDataPath, migrationsFingerprint, removeBenchData, writeBenchData } from "./data-file";

/**
 * `npm run bench:data`: builds the benchmark database — 1,000,000 applications across 500 agencies and 5
 * years, the staff accounts, the published annual reports (cli/bench/generate.ts) — and writes the
 * passwords of the accounts the benchmark signs in with beside it (`<db>.accounts.json`, mode 600).
 *
 *   --out FILE          the database file (default data/bench/gongkai-1m.db, or data/bench/gongkai-small.db with --small)
 *   --seed N            the seed of every random choice (default 20261129): the same seed on the same day gives the same data
 *   --small             40 agencies, 20,000 applications: for CI and for checking the scripts
 *   --agencies N        agencies (2–724)
 *   --applications N    applications in all
 *   --force             replace an existing file
 */
const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    seed: { type: "string" },
    small: { type: "boolean", default: false },
    agencies: { type: "string" },
    applications: { type: "string" },
    force: { type: "boolean", default: false },
  },
});

const out = path.resolve(args.out ?? defaultDataPath(args.small));
const appDatabase = path.resolve(process.env.GONGKAI_DB ?? "data/gongkai.db");
if (out === appDatabase) {
  console.error(`${out} 是应用的数据库：基准数据只写入单独的文件。`);
  process.exit(1);
}
if (fs.existsSync(out) && !args.force) {
  console.error(`${out} 已存在；用 --force 替换。`);
  process.exit(1);
}
const integer = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} 应为非负整数`);
  return n;
};

removeBenchData(out);
fs.mkdirSync(path.dirname(out), { recursive: true });
// The data layer reads its configuration on first use: settle it before importing anything of it.
process.env.GONGKAI_DB = out;
const { closeDatabase, migrateDatabase } = await import("@/db/client");
const { FULL_DATASET, SMALL_DATASET, generateDataset } = await import("./generate");

const base = args.small ? SMALL_DATASET : FULL_DATASET;
const options = {
  ...base,
  seed: integer(args.seed, "--seed") ?? base.seed,
  agencies: integer(args.agencies, "--agencies") ?? base.agencies,
  applications: integer(args.applications, "--applications") ?? base.applications,
};
console.log(`基准数据：${options.applications} 件申请，${options.agencies} 个机构，${options.years} 年，种子 ${options.seed} → ${out}`);
try {
  migrateDatabase();
  const { stats, accounts } = await generateDataset(options, console.log);
  closeDatabase();
  writeBenchData(out, { migrations: migrationsFingerprint(), generatedAt: new Date().toISOString(), stats, accounts });
  const size = fs.statSync(out).size;
  console.log(
    `完成：${stats.seconds.total.toFixed(1)} s；${stats.applications} 件申请、${stats.events} 条办理记录，${stats.reports.published} 份年度报告；` +
      `文件 ${(size / 2 ** 30).toFixed(2)} GiB。账户与密码：${accountsFileOf(out)}`,
  );
  if (stats.reports.refused.length > 0) console.log(`未能发布的报告：\n  ${stats.reports.refused.slice(0, 10).join("\n  ")}`);
  if (stats.intendedMismatches > 0) console.log(`引擎给出的状态与生成器预期不同：${stats.intendedMismatches} 件`);
} catch (error) {
  closeDatabase();
  removeBenchData(out);
  throw error;
}
