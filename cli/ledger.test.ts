import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { agencies, applications } from "@/db/schema";
import { IMPORT_HEADERS } from "@/lib/ledger-io/columns";
import { csvText, encodeGb18030 } from "@/lib/ledger-io/test-files";
import { runCli } from "./commands";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gongkai-cli-ledger-${process.pid}-`));
const at = (name: string) => path.join(dir, name);

function ledgerFile(name: string, rows: Record<string, string>[], options: { gb18030?: boolean } = {}): string {
  const text = `\uFEFF${csvText(IMPORT_HEADERS, rows)}`;
  fs.writeFileSync(at(name), options.gb18030 ? encodeGb18030(text.slice(1)) : text);
  return at(name);
}

const row = (values: Record<string, string>) => ({ 收到日期: "2025-03-03", 申请方式: "当面", 申请人类型: "自然人", 申请人: "张三", 申请内容: "某某文件", ...values });

function applicationsOf(code: string): number {
  const agency = db().select().from(agencies).where(eq(agencies.code, code)).get();
  return db().select({ n: count() }).from(applications).where(eq(applications.agencyId, agency?.id ?? 0)).get()?.n ?? 0;
}

beforeAll(async () => {
  expect((await runCli(["create-agency", "--code", "cli-ledger", "--name", "命令行台账机构"])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the import command", () => {
  it("is listed in the help", async () => {
    const help = await runCli(["--help"]);
    expect(help.output).toContain("import --agency CODE FILE [--dry-run]");
    expect(help.output).toContain("export --agency CODE [--year YYYY] --format xlsx|csv|json [--out FILE]");
  });

  it("checks without writing on --dry-run, then imports", async () => {
    const file = ledgerFile("good.csv", [row({ 编号: "CLI-1", 办理结果: "予以公开", 办结日期: "2025-03-20" }), row({ 编号: "CLI-2" })]);
    const dry = await runCli(["import", "--agency", "cli-ledger", file, "--dry-run"]);
    expect(dry).toEqual({ code: 0, output: "检查通过（未写入） good.csv（CSV，UTF-8，2 行）：将新增 2 件，更新 0 件，未变 0 件" });
    expect(applicationsOf("cli-ledger")).toBe(0);
    const done = await runCli(["import", "--agency", "cli-ledger", file]);
    expect(done.code).toBe(0);
    expect(done.output).toContain("已导入 good.csv（CSV，UTF-8，2 行）：新增 2 件，更新 0 件，未变 0 件");
    expect(done.output).toMatch(/新增申请的编号：2025-0001 至 2025-0002/);
    expect(applicationsOf("cli-ledger")).toBe(2);
    const again = await runCli(["import", "--agency", "cli-ledger", file]);
    expect(again.output).toContain("新增 0 件，更新 0 件，未变 2 件");
  });

  it("reads GB18030 CSV", async () => {
    const file = ledgerFile("gbk.csv", [row({ 编号: "CLI-GB", 申请人: "欧阳某" })], { gb18030: true });
    const result = await runCli(["import", "--agency", "cli-ledger", file, "--dry-run"]);
    expect(result.output).toContain("（CSV，GB18030，1 行）");
  });

  it("exits non-zero listing every bad row, and writes nothing", async () => {
    const before = applicationsOf("cli-ledger");
    const file = ledgerFile("bad.csv", [row({ 编号: "CLI-3" }), row({ 收到日期: "2025/2/30" }), row({ 申请人类型: "外星人", 申请内容: "" })]);
    const result = await runCli(["import", "--agency", "cli-ledger", file]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("错误：bad.csv（CSV，UTF-8，3 行）有 3 处错误（涉及 2 行），未导入任何内容：");
    expect(result.output).toContain("第 3 行「收到日期」：「2025/2/30」不是有效的日期");
    expect(result.output).toContain("第 4 行「申请人类型」：「外星人」不是申请人类型");
    expect(result.output).toContain("第 4 行「申请内容」：申请内容不能为空");
    expect(applicationsOf("cli-ledger")).toBe(before);
  });

  it("says in Chinese what is missing or wrong in the command itself", async () => {
    expect((await runCli(["import", "--agency", "cli-ledger"])).output).toContain("请指定一个台账文件");
    expect((await runCli(["import", at("good.csv")])).output).toContain("--agency：请指定机构");
    expect((await runCli(["import", "--agency", "nowhere", at("good.csv")])).output).toContain("--agency：机构不存在：nowhere");
    expect((await runCli(["import", "--agency", "cli-ledger", at("missing.csv")])).output).toContain("找不到文件");
  });
});

describe("the export command", () => {
  it("writes CSV, JSON and XLSX files, by year", async () => {
    ledgerFile("more.csv", [row({ 编号: "CLI-2024", 收到日期: "2024-12-02" })]);
    expect((await runCli(["import", "--agency", "cli-ledger", at("more.csv")])).code).toBe(0);

    const csv = await runCli(["export", "--agency", "cli-ledger", "--format", "csv", "--out", at("out.csv")]);
    expect(csv).toEqual({ code: 0, output: `已导出 3 件申请到 ${at("out.csv")}` });
    const lines = fs.readFileSync(at("out.csv"), "utf8").split("\r\n");
    expect(lines[0]?.startsWith("\uFEFF编号,收到日期,申请方式,申请人类型,申请人,")).toBe(true);
    expect(lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual(["CLI-2024", "CLI-1", "CLI-2"]);

    const json = await runCli(["export", "--agency", "cli-ledger", "--year", "2025", "--format", "json", "--out", at("out.json")]);
    expect(json.output).toBe(`已导出 2 件申请到 ${at("out.json")}`);
    expect((JSON.parse(fs.readFileSync(at("out.json"), "utf8")) as { 编号: string }[]).map((entry) => entry.编号)).toEqual(["CLI-1", "CLI-2"]);

    expect((await runCli(["export", "--agency", "cli-ledger", "--format", "xlsx", "--out", at("out.xlsx")])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("out.xlsx"));
    expect(workbook.worksheets[0]?.getCell("A2").value).toBe("CLI-2024");
    // The export imports again unchanged.
    expect((await runCli(["import", "--agency", "cli-ledger", at("out.xlsx"), "--dry-run"])).output).toContain("将新增 0 件，更新 0 件，未变 3 件");
  });

  it("writes to standard output without --out", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
      written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write);
    try {
      const result = await runCli(["export", "--agency", "cli-ledger", "--year", "2024", "--format", "json"]);
      expect(result).toEqual({ code: 0, output: "" });
    } finally {
      spy.mockRestore();
    }
    expect((JSON.parse(written.join("")) as { 编号: string }[]).map((entry) => entry.编号)).toEqual(["CLI-2024"]);
  });

  it("refuses a bad format, a bad year, an unknown agency and an existing file, in Chinese", async () => {
    expect((await runCli(["export", "--agency", "cli-ledger", "--format", "pdf"])).output).toContain("--format：格式应为 xlsx、csv 或 json");
    expect((await runCli(["export", "--agency", "cli-ledger", "--format", "csv", "--year", "20x5", "--out", at("y.csv")])).output).toContain("--year：年份无效");
    expect((await runCli(["export", "--agency", "nowhere", "--format", "csv", "--out", at("z.csv")])).output).toContain("机构不存在");
    const existing = await runCli(["export", "--agency", "cli-ledger", "--format", "csv", "--out", at("out.csv")]);
    expect(existing.code).toBe(1);
    expect(existing.output).toContain("文件已存在");
  });
});
