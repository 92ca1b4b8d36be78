import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateDatabase } from "@/db/client";
import { ROLE_LABELS } from "@/lib/roles";
import { createAgency } from "@/lib/server/agencies";
import { withSource } from "@/lib/server/context";
import { describeChainReport } from "@/lib/audit/chain";
import { exportAuditEntries } from "@/lib/server/audit";
import { verifyAuditTrail } from "@/lib/server/audit-chain";
import { backupDatabase, restoreDatabase } from "@/lib/server/backup";
import { ensureDemoData } from "@/lib/server/system";
import { createUser, getUserByUsername } from "@/lib/server/users";
import { resetUserSecondFactor } from "@/lib/server/second-factor";
import { secondFactorRequired } from "@/lib/auth/second-factor";
import { generateAnnualReport } from "@/lib/server/reports";
import { importHistoricalReport } from "@/lib/server/report-drafts";
import { InputError } from "@/lib/server/errors";
import { reportToCsv } from "@/lib/report/csv";
import { describeCliError } from "./errors";
import { exportCommand, importCommand, LEDGER_HELP } from "./ledger";

const HELP = `用法：npm run gongkai -- <命令> [选项]

命令：
  migrate                         应用数据库迁移
  create-user --username U --name N --role R [--agency CODE]
                                  创建用户（角色 R：admin 管理员、clerk 经办人、reviewer 审核人、auditor 审计员；
                                  经办人和审核人须指定机构）。生成的初始密码只显示一次，首次登录须修改
  reset-second-factor --username U
                                  清除该用户的二次验证（身份验证器和恢复码），结束其所有会话；管理员和审计员下次登录须重新绑定。
                                  用于手机和恢复码都丢失的情况，包括最后一个管理员
  create-agency --code C --name N [--parent CODE]
                                  创建机构（可指定上级机构）
  demo                            数据库为空时创建演示机构和每个角色各一个账户，并显示其密码
  backup FILE                     在线备份数据库到 FILE（服务运行中也可执行，备份内容为同一时刻的数据库，写入前先校验）
  restore FILE                    用备份文件 FILE 替换当前数据库（须先停止服务）：先校验备份（SQLite 文件、完整性、外键、
                                  版本、审计链），不合格则拒绝；原数据库另存为 <数据库文件>.before-restore-<时间>，
                                  恢复后所有用户须重新登录
  audit verify                    校验审计日志的哈希链：完整时显示条数和最后一条的哈希，否则指出断开的位置（退出码 1）
  audit export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--action A] [--user U] [--out FILE]
                                  导出审计日志为 CSV（按链的顺序，含每条的全部字段和哈希，可据以复算），用于定期归档；
                                  不指定 --out 时输出到标准输出
  report --agency CODE --year YYYY --format json|csv|docx|html [--out FILE]
                                  输出该机构该年度年度报告的工作稿（含校验结果）：表三和收费由台账统计，表四由复议诉讼
                                  案件统计，表二和文字部分取自网页上填写的内容；不指定 --out 时输出到标准输出
  import-report FILE.json [--note 更正说明]
                                  录入历史年度报告（gongkai.annual-report/1 格式，机构由文件中的 agency.code 指定），
                                  按原文保存并公开，同时运行核验；该年度已有历史报告时须用 --note 说明更正内容
${LEDGER_HELP}
  help, --help                    显示本帮助

数据库文件由环境变量 GONGKAI_DB 指定，默认 data/gongkai.db。所有修改以 system 用户身份记入审计日志。`;

const reportFormatSchema = z.object({ format: z.enum(["json", "csv", "docx", "html"], { error: "格式应为 json、csv、docx 或 html" }) });

type Command = (args: string[]) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  async migrate() {
    return `数据库已是最新结构：${migrateDatabase()}`;
  },
  async "create-user"(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string" }, agency: { type: "string" } },
    });
    const created = await createUser({
      username: values.username,
      displayName: values.name,
      role: values.role,
      agencyCode: values.agency,
    });
    return `已创建用户 ${created.username}。初始密码（只显示这一次，首次登录须修改）：${created.password}`;
  },
  async "reset-second-factor"(args) {
    const { values } = parseArgs({ args, strict: true, options: { username: { type: "string" } } });
    const user = await getUserByUsername(values.username);
    await resetUserSecondFactor(user.id, { confirm: "yes" });
    return `已清除用户 ${user.username} 的二次验证，其所有会话已结束${secondFactorRequired(user.role) ? "；该用户下次登录须重新绑定身份验证器" : ""}。`;
  },
  async "create-agency"(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { code: { type: "string" }, name: { type: "string" }, parent: { type: "string" } },
    });
    const agency = await createAgency({ code: values.code, name: values.name, parentCode: values.parent });
    return `已创建机构 ${agency.name}（${agency.code}）${agency.parentName ? `，上级机构：${agency.parentName}` : ""}`;
  },
  async demo() {
    const credentials = await ensureDemoData();
    if (!credentials) return "数据库中已有数据，未创建演示数据。";
    return ["已创建演示机构和账户（密码只显示这一次）：", ...credentials.map((c) => `  ${ROLE_LABELS[c.role]}  用户名 ${c.username}  密码 ${c.password}`)].join("\n");
  },
  async report(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { agency: { type: "string" }, year: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    });
    const { format } = reportFormatSchema.parse({ format: values.format });
    if (format === "docx" && !values.out) throw new Error("docx 格式须用 --out 指定输出文件");
    const report = await generateAnnualReport({ agencyCode: values.agency, year: values.year });
    if (format === "docx") {
      const { reportToDocx } = await import("@/lib/report/docx");
      fs.writeFileSync(values.out ?? "", await reportToDocx(report));
    } else {
      const html = format === "html" ? (await import("@/app/_ui/report/static-html")).reportToHtml : null;
      const text = format === "json" ? `${JSON.stringify(report, null, 2)}\n` : html ? html(report) : reportToCsv(report);
      if (!values.out) return text.trimEnd();
      fs.writeFileSync(values.out, text);
    }
    const failed = (report.checks ?? []).filter((check) => !check.ok && check.severity === "error").length;
    return `已写入 ${values.out}（${report.agency.name} ${report.year} 年，${failed === 0 ? "校验全部通过" : `${failed} 项校验未通过`}）`;
  },
  async "import-report"(args) {
    const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { note: { type: "string" } } });
    const file = positionals[0];
    if (positionals.length !== 1 || !file) throw new Error("请指定一个报告 JSON 文件，例如：npm run gongkai -- import-report 2022.json");
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new Error(error instanceof SyntaxError ? `${file} 不是有效的 JSON：${error.message}` : `无法读取 ${file}`);
    }
    const result = await importHistoricalReport(json, { correctionNote: values.note }).catch((error: unknown) => {
      // Errors come keyed by the JSON path of the place (or the note); say them as such.
      if (!(error instanceof InputError)) throw error;
      const lines = Object.entries(error.fieldErrors).map(([key, message]) =>
        key === "_form" ? message : key === "correctionNote" ? `--note：${message}` : message.startsWith(`${key}：`) ? message : `${key}：${message}`,
      );
      throw new Error(lines.join("\n"));
    });
    const failed = (result.report.checks ?? []).filter((check) => !check.ok);
    return [
      `已录入 ${result.agency.name} ${result.year} 年历史报告（第 ${result.version} 版），${failed.length === 0 ? "校验全部通过" : `${failed.length} 处校验未通过（按原文保存）：`}`,
      ...failed.map((check) => `  ${check.message}`),
    ].join("\n");
  },
  import: importCommand,
  export: exportCommand,
  async backup(args) {
    const file = onlyFile(args, "请指定一个备份文件路径，例如：npm run gongkai -- backup backups/gongkai-2026-11-29.db");
    const result = await backupDatabase(file);
    const upTo = result.auditHead ? `；含审计日志至第 ${result.auditHead.id} 条，哈希 ${result.auditHead.hash}` : "";
    return `已备份到 ${result.file}（${result.bytes} 字节，已通过完整性和外键检查${upTo}）`;
  },
  async restore(args) {
    const file = onlyFile(args, "请指定一个备份文件，例如：npm run gongkai -- restore backups/gongkai-2026-11-29.db");
    const result = await restoreDatabase(file);
    return [
      `已用 ${result.from} 恢复数据库 ${result.database}（审计链完整，共 ${result.auditEntries} 条）。所有用户须重新登录。`,
      result.kept ? `恢复前的数据库另存为 ${result.kept}` : null,
    ]
      .filter(Boolean)
      .join("\n");
  },
  async audit(args) {
    const { positionals, values } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { from: { type: "string" }, to: { type: "string" }, action: { type: "string" }, user: { type: "string" }, out: { type: "string" } },
    });
    const [sub] = positionals;
    if (positionals.length === 1 && sub === "verify" && Object.keys(values).length === 0) {
      const report = await verifyAuditTrail();
      if (!report.ok) throw new Error(describeChainReport(report));
      return describeChainReport(report);
    }
    if (positionals.length !== 1 || sub !== "export") throw new Error("用法：npm run gongkai -- audit verify | audit export [--from 日期] [--to 日期] [--action 操作] [--user 用户名] [--out 文件]");
    if (values.out && fs.existsSync(values.out)) throw new Error(`文件已存在：${values.out}（为免覆盖，请换一个文件名）`);
    const download = await exportAuditEntries({ from: values.from, to: values.to, action: values.action, user: values.user });
    if (!values.out) {
      await pipeline(download.stream, process.stdout, { end: false });
      return "";
    }
    await pipeline(download.stream, fs.createWriteStream(values.out, { flags: "wx" }));
    return `已导出审计日志到 ${values.out}`;
  },
};

function onlyFile(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
  if (positionals.length !== 1 || !positionals[0]) throw new Error(usage);
  return positionals[0];
}

/** Flag names for field names, so an error points at what the user typed. */
const FLAG_NAMES = { username: "username", displayName: "name", role: "role", agencyCode: "agency", code: "code", name: "name", parentCode: "parent", year: "year", format: "format" };

export async function runCli(argv: string[]): Promise<{ code: number; output: string }> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return { code: name ? 0 : 1, output: HELP };
  const command = COMMANDS[name];
  if (!command) return { code: 2, output: `未知命令：${name}\n\n${HELP}` };
  try {
    const output = await withSource({ kind: "system" }, () => command(args));
    return { code: 0, output };
  } catch (error) {
    return { code: 1, output: `错误：${describeCliError(error, FLAG_NAMES)}` };
  }
}
