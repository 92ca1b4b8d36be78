import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { runCli } from "./commands";

function file(name: string, content: unknown): string {
  const target = path.join(os.tmpdir(), `gongkai-${process.pid}-${name}`);
  fs.writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

describe("import-report and report", () => {
  it("imports a historical report as typed, naming its failed checks, and the next year is checked against it", async () => {
    expect((await runCli(["create-agency", "--code", "jccq", "--name", "晋城市城区人民政府办公室"])).code).toBe(0);
    const published = await runCli(["import-report", file("published.json", seed.published)]);
    expect(published.code).toBe(0);
    expect(published.output).toContain("2022 年历史报告（第 1 版）");
    expect(published.output).toContain("2 处校验未通过");
    expect(published.output).toContain("部分公开");

    const again = await runCli(["import-report", file("corrected.json", seed.corrected)]);
    expect(again.code).not.toBe(0);
    expect(again.output).toContain("--note：");
    const corrected = await runCli(["import-report", file("corrected.json", seed.corrected), "--note", "更正部分公开行总计"]);
    expect(corrected.output).toContain("第 2 版");
    expect(corrected.output).toContain("校验全部通过");

    const next = await runCli(["report", "--agency", "jccq", "--year", "2023", "--format", "json"]);
    expect(next.code).toBe(0);
    const report = JSON.parse(next.output) as { status: string; checks: { id: string; ok: boolean }[]; sections: { overview: string } };
    expect(report.status).toBe("draft");
    expect(report.checks.some((check) => check.id === "carry-over" && check.ok)).toBe(true);
    expect(report.sections.overview).toContain("（二）依申请公开");
    const csv = await runCli(["report", "--agency", "jccq", "--year", "2023", "--format", "csv"]);
    expect(csv.output).toContain("四、政府信息公开行政复议、行政诉讼情况");
  });

  it("says in Chinese what is wrong with a file", async () => {
    const broken = await runCli(["import-report", file("broken.json", "{ not json")]);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain("不是有效的 JSON");
    const wrong = await runCli(["import-report", file("wrong.json", { ...seed.corrected, year: 2019, applications: { ...seed.corrected.applications, received: [1, 2] } })]);
    expect(wrong.output).toContain("applications.received：「一、本年新收政府信息公开申请数量」行");
    const unknown = await runCli(["import-report", file("unknown.json", { ...seed.corrected, agency: { code: "nowhere", name: "无" } })]);
    expect(unknown.output).toContain("机构 nowhere 不存在");
    expect((await runCli(["--help"])).output).toContain("import-report");
  });
});
