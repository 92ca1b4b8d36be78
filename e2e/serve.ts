import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNT_SPECS, ACCOUNTS_FILE, E2E_DIR, type Accounts } from "./accounts";

/** Starts the production build on a fresh database holding the accounts the tests sign in with. */
fs.rmSync(E2E_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_DIR, { recursive: true });
const port = process.env.E2E_PORT ?? "3100";
Object.assign(process.env, {
  NODE_ENV: "production",
  GONGKAI_DB: path.join(E2E_DIR, "gongkai.db"),
  NEXTAUTH_SECRET: randomBytes(48).toString("base64"),
  NEXTAUTH_URL: `http://localhost:${port}`,
});

const { closeDatabase } = await import("@/db/client");
const { sessionSource, withSource } = await import("@/lib/server/context");
const { createAgency } = await import("@/lib/server/agencies");
const { createUser } = await import("@/lib/server/users");
const { signInWithPassword, signOut } = await import("@/lib/server/sign-in");
const { beginSecondFactorEnrollment, confirmSecondFactorEnrollment } = await import("@/lib/server/second-factor");
const { secondFactorRequired } = await import("@/lib/auth/second-factor");
const { base32Decode, totp } = await import("@/lib/auth/totp");

/** Enrols the account's second factor as its owner would on the security page; returns the secret. */
async function enrolSecondFactor(username: string, password: string): Promise<string> {
  const signedIn = await signInWithPassword({ username, password });
  if (!signedIn.ok) throw new Error(`${username} could not sign in to enrol`);
  return withSource(sessionSource(signedIn.sessionId), async () => {
    const { secret } = await beginSecondFactorEnrollment();
    await confirmSecondFactorEnrollment({ code: totp(base32Decode(secret) ?? Buffer.alloc(0), Date.now()) });
    await signOut();
    return secret;
  });
}

const accounts = await withSource({ kind: "system" }, async () => {
  await createAgency({ code: "jccq", name: "晋城市城区人民政府办公室" });
  await createAgency({ code: "other", name: "另一个机构" });
  await createAgency({ code: "e2e-import", name: "导入测试机构" });
  await createAgency({ code: "e2e-cases", name: "案件测试机构" });
  const created: Partial<Accounts> = {};
  for (const [name, spec] of Object.entries(ACCOUNT_SPECS)) {
    const username = `e2e-${name}`;
    const { password } = await createUser({ username, ...spec }, { mustChangePassword: false });
    created[name as keyof Accounts] = { username, password };
  }
  return created as Accounts;
});
for (const [name, spec] of Object.entries(ACCOUNT_SPECS)) {
  const account = accounts[name as keyof Accounts];
  if (secondFactorRequired(spec.role) && !("unenrolled" in spec)) account.totpSecret = await enrolSecondFactor(account.username, account.password);
}
// Published reports (and a ledger with canary personal data behind them) for e2e/public.spec.ts.
const { seedPublishedReports } = await import("./public-seed");
await withSource({ kind: "system" }, seedPublishedReports);
// Script-injection payloads in every free-text field, for e2e/xss.spec.ts.
const { seedSecurityData } = await import("./security-seed");
await withSource({ kind: "system" }, seedSecurityData);
closeDatabase();
fs.writeFileSync(ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });

const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  stdio: ["inherit", "pipe", "pipe"],
  env: process.env,
});
// Everything the server prints also goes to a file, which e2e/personal-data.spec.ts searches for personal data.
const log = fs.createWriteStream(path.join(E2E_DIR, "server.log"));
server.stdout.pipe(process.stdout);
server.stderr.pipe(process.stderr);
server.stdout.pipe(log);
server.stderr.pipe(log);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
