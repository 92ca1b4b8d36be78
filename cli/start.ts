import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm start`: one command from a fresh clone to a running app. Builds when there is no build,
 * provides a secret when none is configured, migrates, seeds the demo agency into an empty
 * database, then serves.
 */
const root = process.cwd();
const databasePath = path.resolve(process.env.GONGKAI_DB ?? "data/gongkai.db");
const port = process.env.PORT ?? "3000";

/** A generated secret kept beside the database, so sessions survive a restart without any setup. */
function ensureSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(databasePath), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64"), { mode: 0o600 });
    console.log(`已生成会话密钥：${file}（也可用环境变量 NEXTAUTH_SECRET 指定）`);
  }
  return fs.readFileSync(file, "utf8").trim();
}

Object.assign(process.env, { NODE_ENV: "production" });
process.env.GONGKAI_DB = databasePath;
process.env.NEXTAUTH_SECRET = ensureSecret();
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("首次启动：正在构建（约需一两分钟）……");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported only now, after the environment is settled: the data layer reads it on load.
const { closeDatabase, migrateDatabase } = await import("@/db/client");
const { withSource } = await import("@/lib/server/context");
const { ensureDemoData } = await import("@/lib/server/system");
const { ROLE_LABELS } = await import("@/lib/roles");

const demoStarted = performance.now();
const credentials = await withSource({ kind: "system" }, async () => {
  migrateDatabase();
  return ensureDemoData();
});
const demoSeconds = (performance.now() - demoStarted) / 1000;
closeDatabase();

console.log(`数据库：${databasePath}`);
if (credentials) {
  console.log(
    `\n已创建演示数据（用时 ${demoSeconds.toFixed(1)} 秒）：演示机构「晋城市城区人民政府办公室」（jccq）自 2021 年以来的台账、复议诉讼案件、` +
      "2022 年至上一年度已发布的年度报告和本年度报告草稿，其下属「晋城市城区教育局」（jccq-edu）的台账，以及以下账户。",
  );
  console.log("密码只显示这一次，请记下：");
  for (const account of credentials) {
    const agency = account.agency ? `  ${account.agency}` : "";
    console.log(`  ${ROLE_LABELS[account.role].padEnd(4, "　")} 用户名 ${account.username.padEnd(10)} 密码 ${account.password}${agency}`);
  }
  console.log("忘记时可用 npm run gongkai -- create-user 另建账户，或由管理员重置密码。\n");
}

const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: ["inherit", "pipe", "inherit"], env: process.env });
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) console.log(`\ngongkai 已启动：http://localhost:${port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
