import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "@/db/client";
import { runCli } from "./commands";

const outFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gongkai-audit-export-")), name);

describe("audit export", () => {
  beforeAll(async () => {
    for (const code of ["export-a", "export-b"]) expect((await runCli(["create-agency", "--code", code, "--name", `导出测试机构 ${code}`])).code).toBe(0);
  });

  it("writes the filtered trail as CSV in chain order, and records the export", async () => {
    const file = outFile("audit.csv");
    const result = await runCli(["audit", "export", "--action", "agency.create", "--out", file]);
    expect(result).toEqual({ code: 0, output: `已导出审计日志到 ${file}` });
    const [header, ...rows] = parse(fs.readFileSync(file, "utf8"), { bom: true }) as string[][];
    expect(header?.slice(0, 3)).toEqual(["序号", "时间（北京时间）", "时间（UTC，原值）"]);
    const created = sqlite().prepare("select id from audit_log where action = 'agency.create' order by id").pluck().all() as number[];
    expect(rows.map((row) => Number(row[0]))).toEqual(created);
    expect(rows.map((row) => row[3])).toEqual(created.map(() => "system"));
    const recorded = sqlite().prepare("select detail, actor_name from audit_log where action = 'audit.export' order by id desc limit 1").get();
    expect(recorded).toEqual({ detail: "导出筛选：操作 agency.create", actor_name: "system" });
  });

  it("never overwrites a file, and refuses a bad filter or subcommand in Chinese", async () => {
    const file = outFile("exists.csv");
    fs.writeFileSync(file, "keep");
    expect(await runCli(["audit", "export", "--out", file])).toMatchObject({ code: 1, output: expect.stringContaining("文件已存在") });
    expect(fs.readFileSync(file, "utf8")).toBe("keep");
    expect(await runCli(["audit", "export", "--from", "2026-13-01", "--out", outFile("bad.csv")])).toMatchObject({ code: 1, output: expect.stringContaining("日期格式应为 YYYY-MM-DD") });
    expect(await runCli(["audit", "shred"])).toMatchObject({ code: 1, output: expect.stringContaining("audit export") });
  });
});
