import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/ledger-io/export";
import { fileSource } from "@/lib/ledger-io/source";
import type { ImportIssue } from "@/lib/ledger-io/validate-row";
import { exportApplications } from "@/lib/server/ledger-export";
import { importLedgerFile, type ImportSummary } from "@/lib/server/ledger-import";
import { InputError } from "@/lib/server/errors";

/** The ledger's import and export commands (interfaces.md §4), registered in commands.ts. */

export const LEDGER_HELP = `  import --agency CODE FILE [--dry-run]
                                  导入台账（.xlsx 或 .csv，CSV 可为 UTF-8 或 GB18030）：先检查全部行，任何一行有误
                                  则不写入并列出每一处错误；编号与已有申请相同的行更新该申请。--dry-run 只检查不写入
  export --agency CODE [--year YYYY] --format xlsx|csv|json [--out FILE]
                                  导出台账（可按收到年份筛选），列与导入相同，另加状态、答复期限、期限说明、是否逾期；
                                  不指定 --out 时输出到标准输出`;

function issueLine(issue: ImportIssue): string {
  if (issue.row === null) return `  ${issue.message}`;
  return `  第 ${issue.row} 行${issue.column ? `「${issue.column}」` : ""}：${issue.message}`;
}

/** The summary in Chinese lines: what was (or would be) done, then every problem, skipped row and warning. */
export function describeImport(summary: ImportSummary, dryRun: boolean): string {
  const lines: string[] = [];
  const source = `${summary.fileName}（${summary.format === "xlsx" ? "XLSX" : summary.format === "csv" ? `CSV，${summary.encoding === "gb18030" ? "GB18030" : "UTF-8"}` : "格式不明"}，${summary.rows} 行）`;
  if (summary.issues.length > 0) {
    const rows = new Set(summary.issues.map((issue) => issue.row).filter((row) => row !== null)).size;
    lines.push(`${source}有 ${summary.issues.length} 处错误${rows > 0 ? `（涉及 ${rows} 行）` : ""}，未导入任何内容：`, ...summary.issues.map(issueLine));
  } else if (summary.written) {
    lines.push(`已导入 ${source}：新增 ${summary.created} 件，更新 ${summary.updated} 件，未变 ${summary.unchanged} 件`);
    if (summary.firstCreated) lines.push(`  新增申请的编号：${summary.firstCreated}${summary.lastCreated && summary.lastCreated !== summary.firstCreated ? ` 至 ${summary.lastCreated}` : ""}`);
  } else {
    lines.push(`${dryRun ? "检查通过（未写入）" : "未写入"} ${source}：将新增 ${summary.created} 件，更新 ${summary.updated} 件，未变 ${summary.unchanged} 件`);
  }
  if (summary.skipped.length > 0) lines.push(`跳过 ${summary.skipped.length} 行：`, ...summary.skipped.map((entry) => `  第 ${entry.row} 行：${entry.reason}`));
  if (summary.warnings.length > 0) lines.push("提示：", ...summary.warnings.map(issueLine));
  return lines.join("\n");
}

export async function importCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { agency: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
  const file = positionals[0];
  if (positionals.length !== 1 || !file) throw new Error("请指定一个台账文件，例如：npm run gongkai -- import --agency jccq 台账.xlsx");
  if (!values.agency) throw new InputError({ agencyCode: "请指定机构" });
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`找不到文件：${file}`);
  const dryRun = values["dry-run"] ?? false;
  const summary = await importLedgerFile(fileSource(file), { agencyCode: values.agency, dryRun });
  const text = describeImport(summary, dryRun);
  if (summary.issues.length > 0) throw new Error(text);
  return text;
}

const exportFormatSchema = z.object({ format: z.enum(EXPORT_FORMATS, { error: "格式应为 xlsx、csv 或 json" }) });

export async function exportCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { agency: { type: "string" }, year: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
  });
  const { format } = exportFormatSchema.parse({ format: values.format });
  if (!values.agency) throw new InputError({ agencyCode: "请指定机构" });
  if (!values.out && format === "xlsx" && process.stdout.isTTY) throw new Error("xlsx 是二进制文件：请用 --out 指定输出文件，或把标准输出重定向到文件");
  if (values.out && fs.existsSync(values.out)) throw new Error(`文件已存在：${values.out}（为免覆盖，请换一个文件名）`);
  const download = await exportApplications({ year: values.year }, format, { agencyCode: values.agency });
  if (!values.out) {
    try {
      await pipeline(download.stream, process.stdout, { end: false });
    } catch (error) {
      // The reader went away (`… | head`): nothing more to write, and nothing wrong with the export.
      if ((error as { code?: string }).code !== "EPIPE") throw error;
      download.stream.destroy();
    }
    return "";
  }
  await pipeline(download.stream, fs.createWriteStream(values.out, { flags: "wx" }));
  return `已导出 ${download.rows()} 件申请到 ${values.out}`;
}
