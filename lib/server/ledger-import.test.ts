import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { agencies, applicationEvents, applications, auditLog, ledgerImports } from "@/db/schema";
import { addDays, todayInChina } from "@/lib/calendar";
import { EXAMPLE_NOTE, IMPORT_HEADERS } from "@/lib/ledger-io/columns";
import type { LedgerFileSource } from "@/lib/ledger-io/read-ledger-file";
import { bufferSource } from "@/lib/ledger-io/source";
import { csvSource, csvText } from "@/lib/ledger-io/test-files";
import { env } from "@/lib/env";
import { AccessError, InputError } from "./errors";
import { correctEvent, listApplications, recordEvent, registerApplication, voidApplication } from "./ledger";
import { exportApplications, ledgerImportTemplate } from "./ledger-export";
import { confirmLedgerImport, discardLedgerImport, getLedgerImport, importLedgerFile, listLedgerImports, startLedgerImport } from "./ledger-import";
import { generateAnnualReport } from "./reports";
import { anonymous, asSession, asSystem, databaseFingerprint, signedInUser } from "./testing/callers";

type User = Awaited<ReturnType<typeof signedInUser>>;
let clerk: User;
let reviewer: User;
let otherClerk: User;
let admin: User;
let auditor: User;

const as = <T>(user: User, work: () => Promise<T>) => asSession(user.sessionId, work);
const today = todayInChina();

beforeAll(async () => {
  clerk = await signedInUser("clerk", { agencyCode: "imp-a" });
  reviewer = await signedInUser("reviewer", { agencyCode: "imp-a" });
  otherClerk = await signedInUser("clerk", { agencyCode: "imp-b" });
  admin = await signedInUser("admin");
  auditor = await signedInUser("auditor");
});

type Row = Partial<Record<(typeof IMPORT_HEADERS)[number], string>>;
const row = (values: Row): Row => ({ 收到日期: "2025-03-03", 申请方式: "网络", 申请人类型: "自然人", 申请人: "张三", 申请内容: "某某文件", ...values });
const file = (rows: Row[], name = "台账.csv") => csvSource(csvText(IMPORT_HEADERS, rows as Record<string, string>[]), { bom: true, name });

function byNumber(number: string) {
  return db().select().from(applications).where(eq(applications.externalNumber, number)).get() ?? db().select().from(applications).where(eq(applications.trackingNumber, number)).get();
}

function eventsOf(id: number) {
  return db().select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(applicationEvents.id).all();
}

function importAudits(): number {
  return db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "application.import")).get()?.n ?? 0;
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts).toString("utf8");
}

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

describe("importing a ledger file", () => {
  it("writes a clean file in one transaction with one audit entry, as typed applications are written", async () => {
    const audits = importAudits();
    const registrations = db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "application.register")).get()?.n;
    const summary = await as(clerk, () =>
      importLedgerFile(
        file([
          row({ 编号: "城区〔2025〕1号", 申请人: "李一", 办理结果: "部分公开", 办结日期: "2025-03-20", 证件号码: "11010519491231002X" }),
          row({ 编号: "城区〔2025〕2号", 申请人: "李二", 收到日期: addDays(today, -3), 申请方式: "" }),
          row({ 申请人: "李三", 办理结果: "其他", 办结日期: "2025-03-10" }),
        ]),
      ),
    );
    expect(summary).toMatchObject({ written: true, rows: 3, created: 3, updated: 0, unchanged: 0, issues: [], format: "csv", encoding: "utf-8" });
    const first = byNumber("城区〔2025〕1号");
    expect(first).toMatchObject({ applicantName: "李一", arrivedOn: "2025-03-03", receivedOn: "2025-03-03", formWanted: "other", channel: "online", status: "concluded", outcome: "partial", concludedOn: "2025-03-20", replyDueOn: "2025-03-31" });
    expect(first?.trackingNumber).toMatch(/^2025-\d{4}$/);
    const reply = eventsOf(first?.id ?? 0);
    expect(reply.map((event) => [event.type, event.occurredOn, JSON.parse(event.details)])).toEqual([["replied", "2025-03-20", { outcome: "partial", delivery: "unknown", note: "由台账导入" }]]);
    expect(byNumber("城区〔2025〕2号")).toMatchObject({ status: "open", channel: "other", concludedOn: null });
    expect(importAudits()).toBe(audits + 1);
    expect(db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "application.register")).get()?.n).toBe(registrations);
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "application.import")).orderBy(desc(auditLog.id)).get();
    expect(entry?.actorName).toBe(clerk.username);
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ fileName: "台账.csv", rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(entry?.after).not.toContain("李一");
  });

  it("makes imported applications findable by any part of their text, and registrations after it too", async () => {
    await as(clerk, () => importLedgerFile(file([row({ 编号: "搜-1", 申请人: "欧阳搜索甲", 申请内容: "关于翠微路拓宽工程的批复文件" })])));
    const { id: typed } = await as(clerk, () =>
      registerApplication({ channel: "in_person", arrivedOn: "2025-03-04", applicantType: "natural_person", applicantName: "欧阳搜索乙", description: "翠微路拓宽的环评报告", formWanted: "paper" }),
    );
    const found = async (q: string) => (await as(clerk, () => listApplications({ q }))).rows.map((listed) => listed.id);
    expect(await found("翠微路拓宽")).toEqual(expect.arrayContaining([byNumber("搜-1")?.id, typed]));
    expect(await found("拓宽工程的批")).toEqual([byNumber("搜-1")?.id]);
    expect(await found("欧阳搜索")).toHaveLength(2);
  });

  it("gives imported applications the deadlines and status a typed one gets", async () => {
    const typed = await as(clerk, () =>
      registerApplication({ channel: "online", arrivedOn: "2025-06-03", applicantType: "natural_person", applicantName: "王甲", description: "某文件", formWanted: "paper" }),
    );
    await as(clerk, () => recordEvent(typed.id, { type: "replied", date: "2025-06-30", outcome: "granted", delivery: "post" }));
    const open = await as(clerk, () =>
      registerApplication({ channel: "online", arrivedOn: addDays(today, -1), applicantType: "natural_person", applicantName: "王乙", description: "某文件", formWanted: "paper" }),
    );
    await as(clerk, () =>
      importLedgerFile(file([row({ 编号: "同-1", 收到日期: "2025-06-03", 办理结果: "予以公开", 办结日期: "2025-06-30" }), row({ 编号: "同-2", 收到日期: addDays(today, -1) })])),
    );
    const projection = (id: number | undefined) => {
      const stored = db().select().from(applications).where(eq(applications.id, id ?? 0)).get();
      return stored && { status: stored.status, replyDueOn: stored.replyDueOn, dueProvisional: stored.dueProvisional, concludedOn: stored.concludedOn, outcome: stored.outcome };
    };
    expect(projection(byNumber("同-1")?.id)).toEqual(projection(typed.id));
    expect(projection(byNumber("同-2")?.id)).toEqual(projection(open.id));
    expect(projection(typed.id)).toMatchObject({ status: "concluded", replyDueOn: "2025-07-01" });
  });

  it("counts imported applications in the annual report as typed ones", async () => {
    const reporter = await signedInUser("clerk", { agencyCode: "imp-report" });
    await as(reporter, () =>
      importLedgerFile(
        file([
          row({ 收到日期: "2024-12-20", 办理结果: "部分公开", 办结日期: "2025-01-08" }),
          row({ 收到日期: "2025-02-03", 申请人类型: "商业企业", 申请人: "某公司", 办理结果: "予以公开", 办结日期: "2025-02-20" }),
          row({ 收到日期: "2025-12-22" }),
        ]),
      ),
    );
    const report = await as(reporter, () => generateAnnualReport({ year: 2025 }));
    const total = (cells: number[]) => cells.at(-1);
    expect(total(report.applications.received)).toBe(2);
    expect(total(report.applications.carriedOver)).toBe(1);
    expect(total(report.applications.outcomes.partial)).toBe(1);
    expect(report.applications.outcomes.granted[1]).toBe(1);
    expect(total(report.applications.carriedForward)).toBe(1);
  });

  it("writes nothing when any row is bad, and lists every bad row with its column and reason", async () => {
    const before = databaseFingerprint();
    const summary = await as(clerk, () =>
      importLedgerFile(
        file([
          row({ 编号: "坏-1" }),
          row({ 编号: "坏-2", 收到日期: "2025-02-30" }),
          row({ 编号: "坏-3" }),
          row({ 编号: "坏-4", 申请人类型: "个体户", 证件号码: "123" }),
          row({ 编号: "坏-5", 办理结果: "予以公开" }),
        ]),
      ),
    );
    expect(summary.written).toBe(false);
    expect(summary.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [3, "收到日期"],
      [5, "申请人类型"],
      [6, "办结日期"],
    ]);
    expect(summary.created).toBe(2);
    expect(databaseFingerprint()).toBe(before);
  });

  it("checks rows against the ledger too: voided applications, numbers of this system from another year, two rows for one application", async () => {
    const voided = await as(clerk, () => registerApplication({ channel: "online", arrivedOn: "2025-04-01", applicantType: "natural_person", applicantName: "赵某", description: "某文件", formWanted: "paper" }));
    await as(clerk, () => voidApplication(voided.id, { reason: "重复登记" }));
    await as(clerk, () => importLedgerFile(file([row({ 编号: "外-9", 收到日期: "2025-04-01" })])));
    const target = byNumber("外-9");
    const before = databaseFingerprint();
    const summary = await as(clerk, () =>
      importLedgerFile(
        file([
          row({ 编号: voided.trackingNumber, 收到日期: "2025-04-01" }),
          row({ 编号: "2019-0042", 收到日期: "2025-04-01" }),
          row({ 编号: "外-9", 收到日期: "2025-04-01" }),
          row({ 编号: target?.trackingNumber, 收到日期: "2025-04-01" }),
          row({ 编号: "外-9-次年", 收到日期: "2026-01-05" }),
        ]),
      ),
    );
    expect(summary.issues).toEqual([
      { row: 2, column: "编号", message: `编号 ${voided.trackingNumber} 的申请（${voided.trackingNumber}）已作废，不能用导入修改` },
      { row: 3, column: "编号", message: "本机关没有编号为 2019-0042 的申请；这是本系统编号的格式，但年份与收到日期（2025 年）不符，不能作为新申请的编号" },
      { row: 5, column: "编号", message: `与第 4 行是同一件申请（${target?.trackingNumber}）` },
    ]);
    expect(databaseFingerprint()).toBe(before);
  });

  it("updates the application of the same 编号 instead of duplicating it; the same file again changes nothing", async () => {
    const rows = [
      row({ 编号: "重-1", 申请人: "钱一", 办理结果: "予以公开", 办结日期: "2025-03-20" }),
      row({ 编号: "重-2", 申请人: "钱二" }),
      row({ 编号: "重-3", 申请人: "钱三", 办理结果: "部分公开", 办结日期: "2025-03-21" }),
    ];
    await as(clerk, () => importLedgerFile(file(rows)));
    const ids = ["重-1", "重-2", "重-3"].map((number) => byNumber(number)?.id ?? 0);
    const eventsBefore = ids.map((id) => eventsOf(id).length);

    const again = await as(clerk, () => importLedgerFile(file(rows)));
    expect(again).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 3 });
    expect(ids.map((id) => eventsOf(id).length)).toEqual(eventsBefore);
    expect(db().select({ n: count() }).from(applications).where(eq(applications.externalNumber, "重-1")).get()?.n).toBe(1);

    const changed = await as(clerk, () =>
      importLedgerFile(
        file([
          row({ 编号: "重-1", 申请人: "钱壹", 通讯地址: "山西省晋城市城区", 办理结果: "予以公开", 办结日期: "2025-03-20" }),
          row({ 编号: "重-2", 申请人: "钱二", 办理结果: "本机关不掌握相关政府信息", 办结日期: "2025-03-25" }),
          row({ 编号: "重-3", 申请人: "钱三", 办理结果: "予以公开", 办结日期: "2025-03-24" }),
        ]),
      ),
    );
    expect(changed).toMatchObject({ written: true, created: 0, updated: 3, unchanged: 0, updatedRows: [2, 3, 4] });
    expect(byNumber("重-1")).toMatchObject({ id: ids[0], applicantName: "钱壹", address: "山西省晋城市城区", outcome: "granted" });
    expect(byNumber("重-2")).toMatchObject({ status: "concluded", outcome: "unavailable.not_held", concludedOn: "2025-03-25" });
    expect(byNumber("重-3")).toMatchObject({ outcome: "granted", concludedOn: "2025-03-24" });
    const corrected = eventsOf(ids[2] ?? 0);
    expect(corrected).toHaveLength(2);
    expect(corrected[1]).toMatchObject({ correctsEventId: corrected[0]?.id, occurredOn: "2025-03-24" });
    expect(corrected[1]?.correctionReason).toContain("台账导入更正");

    const otherYear = await as(clerk, () => importLedgerFile(file([row({ 编号: "重-2", 收到日期: "2024-12-31" })])));
    expect(otherYear.issues[0]).toMatchObject({ row: 2, column: "收到日期" });
  });

  it("updates a typed application by its tracking number, keeps a conclusion the file leaves empty, and says so", async () => {
    const typed = await as(clerk, () => registerApplication({ channel: "in_person", arrivedOn: "2025-05-06", applicantType: "natural_person", applicantName: "孙某", description: "某文件", formWanted: "paper" }));
    await as(clerk, () => recordEvent(typed.id, { type: "replied", date: "2025-05-20", outcome: "granted", delivery: "post" }));
    const summary = await as(clerk, () => importLedgerFile(file([row({ 编号: typed.trackingNumber, 收到日期: "2025-05-06", 申请方式: "当面", 申请人: "孙某某", 申请内容: "某文件" })])));
    expect(summary).toMatchObject({ updated: 1, created: 0 });
    expect(summary.warnings[0]?.message).toContain("保留系统中的办结记录");
    const stored = db().select().from(applications).where(eq(applications.id, typed.id)).get();
    expect(stored).toMatchObject({ applicantName: "孙某某", formWanted: "paper", status: "concluded", outcome: "granted", externalNumber: null });
  });

  it("refuses a receipt date after the conclusion the file leaves empty (found by the fuzz tests)", async () => {
    await as(clerk, () => importLedgerFile(file([row({ 编号: "后-1", 收到日期: "2025-01-06", 办理结果: "予以公开", 办结日期: "2025-01-08" })])));
    const summary = await as(clerk, () => importLedgerFile(file([row({ 编号: "后-1", 收到日期: "2025-03-30" })])));
    expect(summary).toMatchObject({ written: false, issues: [{ row: 2, column: "收到日期", message: "收到日期不能晚于该申请的办结日期（2025-01-08）" }] });
    expect(byNumber("后-1")).toMatchObject({ receivedOn: "2025-01-06", concludedOn: "2025-01-08" });
  });

  it("refuses to change a conclusion the system reached by abandonment", async () => {
    const typed = await as(clerk, () => registerApplication({ channel: "in_person", arrivedOn: "2025-05-06", applicantType: "natural_person", applicantName: "周某", description: "某文件", formWanted: "paper" }));
    await as(clerk, () => recordEvent(typed.id, { type: "correction_notice_sent", date: "2025-05-08", correctBy: "2025-05-20" }));
    await as(clerk, () => recordEvent(typed.id, { type: "correction_abandoned", date: "2025-05-26" }));
    const summary = await as(clerk, () => importLedgerFile(file([row({ 编号: typed.trackingNumber, 收到日期: "2025-05-06", 申请方式: "当面", 申请人: "周某", 办理结果: "予以公开", 办结日期: "2025-05-30" })])));
    expect(summary.issues[0]).toMatchObject({ row: 2, column: "办理结果" });
    expect(summary.issues[0]?.message).toContain("视为放弃申请");
  });

  it("makes an unknown 编号 of this system's form the tracking number, and numbers later applications after it", async () => {
    const fresh = await signedInUser("clerk", { agencyCode: "imp-serial" });
    await as(fresh, () => importLedgerFile(file([row({ 编号: "2025-0007" }), row({}), row({ 编号: "自编-1" })])));
    const agency = db().select().from(agencies).where(eq(agencies.code, "imp-serial")).get();
    const numbers = db()
      .select({ trackingNumber: applications.trackingNumber, externalNumber: applications.externalNumber })
      .from(applications)
      .where(eq(applications.agencyId, agency?.id ?? 0))
      .orderBy(applications.id)
      .all();
    // The row without 编号 comes after the adopted 0007, whatever its place in the file.
    expect(numbers).toEqual([
      { trackingNumber: "2025-0007", externalNumber: null },
      { trackingNumber: "2025-0008", externalNumber: null },
      { trackingNumber: "2025-0009", externalNumber: "自编-1" },
    ]);
    const typed = await as(fresh, () => registerApplication({ channel: "in_person", arrivedOn: "2025-05-06", applicantType: "natural_person", applicantName: "吴某", description: "某文件", formWanted: "paper" }));
    expect(typed.trackingNumber).toBe("2025-0010");
  });

  it("refuses a file over GONGKAI_IMPORT_MAX_MB before reading a byte of it", async () => {
    let opened = false;
    const huge: LedgerFileSource = { name: "巨大.csv", size: env().importMaxBytes + 1, head: new Uint8Array([0x41]), open: () => ((opened = true), bufferSource("x", new Uint8Array()).open()) };
    await expect(as(clerk, () => importLedgerFile(huge))).rejects.toThrow(/超过了导入上限 50 MB/);
    expect(opened).toBe(false);
  });
});

describe("exporting the ledger", () => {
  it("exports what the list shows with the same filters, in tracking order, with the computed columns", async () => {
    const exported = await as(clerk, () => exportApplications({ year: "2025", q: "钱" }, "json"));
    const rows = JSON.parse(await text(exported.stream)) as Record<string, string>[];
    expect(rows.map((entry) => entry["编号"])).toEqual(["重-1", "重-2", "重-3"]);
    expect(rows[0]).toMatchObject({ 申请人: "钱壹", 办理结果: "予以公开", 状态: "已办结", 是否逾期: "否" });
    expect(exported.rows()).toBe(3);
    expect(exported.filename).toMatch(/^ledger-imp-a-\d{8}\.json$/);
    const csv = await as(clerk, () => exportApplications({ status: "open" }, "csv"));
    const lines = (await text(csv.stream)).split("\r\n");
    expect(lines[0]).toBe(`\uFEFF${[...IMPORT_HEADERS, "状态", "答复期限", "期限说明", "是否逾期"].join(",")}`);
    for (const line of lines.slice(1, -1)) expect(line).toContain(",办理中,");
  });

  it("round-trips: export → import into a fresh agency → export gives the same file", async () => {
    // Every kind of row: typed and imported, open, concluded (late too), provisional, abandoned, voided.
    const source = await signedInUser("clerk", { agencyCode: "rt-source" });
    await as(source, () =>
      importLedgerFile(
        file([
          row({ 编号: "RT-1", 申请人: "=危险公式", 办理结果: "部分公开", 办结日期: "2025-03-20", 备注: "-减号开头", 联系电话: "+86 13812345678" }),
          row({ 编号: "RT-2", 收到日期: "2025-01-02", 办理结果: "予以公开", 办结日期: "2025-03-20" }),
          row({ 收到日期: addDays(today, -2), 申请人类型: "法律服务机构", 申请人: "某律师事务所", 证件号码: "91140502MA0K3U2L00" }),
        ]),
      ),
    );
    const typed = await as(source, () => registerApplication({ channel: "fax", arrivedOn: addDays(today, -5), applicantType: "natural_person", applicantName: "冯某", description: "传真申请", formWanted: "paper", notes: "备注，含逗号" }));
    const voided = await as(source, () => registerApplication({ channel: "fax", arrivedOn: addDays(today, -5), applicantType: "natural_person", applicantName: "作废某", description: "错登", formWanted: "paper" }));
    await as(source, () => voidApplication(voided.id, { reason: "录入错误" }));
    void typed;

    for (const format of ["csv", "xlsx"] as const) {
      const first = await bytes((await as(source, () => exportApplications({}, format))).stream);
      const target = await signedInUser("clerk", { agencyCode: `rt-target-${format}` });
      const imported = await as(target, () => importLedgerFile(bufferSource(`导出.${format}`, first)));
      expect(imported).toMatchObject({ written: true, created: 4, issues: [] });
      expect(imported.skipped).toEqual([expect.objectContaining({ reason: "已作废的申请，未导入" })]);
      const second = await bytes((await as(target, () => exportApplications({}, format))).stream);
      const rowsOf = async (content: Buffer) => {
        const json = await import("@/lib/ledger-io/read-ledger-file").then(({ readLedgerFile }) => readLedgerFile(bufferSource(`x.${format}`, content), { today }));
        return json.records.map((record) => ({ ...record, row: 0 }));
      };
      expect(await rowsOf(second)).toEqual(await rowsOf(first));
      if (format === "csv") {
        const withoutVoided = (content: Buffer) => content.toString("utf8").split("\r\n").filter((line) => !line.includes(",已作废,"));
        expect(withoutVoided(second)).toEqual(withoutVoided(first));
        expect(first.toString("utf8")).toContain("'=危险公式");
      }
    }
  });

  it("serves the template to the agency's staff only", async () => {
    const template = await as(reviewer, () => ledgerImportTemplate());
    expect(template.body.subarray(0, 2).toString()).toBe("PK");
    await expect(as(admin, () => ledgerImportTemplate())).rejects.toMatchObject({ reason: "forbidden" });
  });
});

describe("who may import and export", () => {
  it("keeps every clerk to their own agency", async () => {
    const mine = await as(clerk, () => exportApplications({}, "json"));
    const theirs = await as(otherClerk, () => exportApplications({}, "json"));
    const mineRows = JSON.parse(await text(mine.stream)) as unknown[];
    const theirRows = JSON.parse(await text(theirs.stream)) as Record<string, string>[];
    expect(mineRows.length).toBeGreaterThan(0);
    expect(theirRows).toEqual([]);
    // A clerk names no agency: whatever is passed, the import goes into their own.
    const before = mineRows.length;
    await as(otherClerk, () => importLedgerFile(file([row({ 编号: "越界-1" })]), { agencyCode: "imp-a" }));
    const after = JSON.parse(await text((await as(clerk, () => exportApplications({}, "json"))).stream)) as unknown[];
    expect(after).toHaveLength(before);
    expect(JSON.parse(await text((await as(otherClerk, () => exportApplications({}, "json"))).stream))).toHaveLength(1);
  });

  it("refuses admins, auditors and visitors without a session", async () => {
    for (const user of [admin, auditor]) {
      await expect(as(user, () => importLedgerFile(file([row({})])))).rejects.toMatchObject({ reason: "forbidden" });
      await expect(as(user, () => exportApplications({}, "csv"))).rejects.toMatchObject({ reason: "forbidden" });
      await expect(as(user, () => startLedgerImport(new File(["x"], "x.csv")))).rejects.toMatchObject({ reason: "forbidden" });
    }
    await expect(anonymous(() => exportApplications({}, "csv"))).rejects.toMatchObject({ reason: "unauthenticated" });
    await expect(anonymous(() => importLedgerFile(file([row({})])))).rejects.toBeInstanceOf(AccessError);
  });

  it("lets the system import into and export from a named agency (the CLI)", async () => {
    const summary = await asSystem(() => importLedgerFile(file([row({ 编号: "系统-1" })]), { agencyCode: "imp-b" }));
    expect(summary.written).toBe(true);
    const exported = JSON.parse(await text((await asSystem(() => exportApplications({}, "json", { agencyCode: "imp-b" }))).stream)) as Record<string, string>[];
    expect(exported.map((entry) => entry["编号"]).sort()).toEqual(["系统-1", "越界-1"]);
    await expect(asSystem(() => exportApplications({}, "json", { agencyCode: "nowhere" }))).rejects.toBeInstanceOf(InputError);
  });
});

describe("importing on the web: upload, preview, confirm", () => {
  const upload = (user: User, content: string, name = "网页.csv") => as(user, () => startLedgerImport(new File([`\uFEFF${content}`], name, { type: "text/csv" })));

  it("checks an upload without writing, previews every row, and writes it all on confirmation", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => row({ 编号: `网-${i + 1}`, 申请人: `网页${i + 1}` }));
    rows.push(row({ 编号: "示例", 备注: EXAMPLE_NOTE }));
    const before = databaseFingerprint().replace(/ledger_imports:.*$/m, "");
    const started = await upload(clerk, csvText(IMPORT_HEADERS, rows as Record<string, string>[]));
    await started.job;
    expect(databaseFingerprint().replace(/ledger_imports:.*$/m, "")).toBe(before);

    const view = await as(clerk, () => getLedgerImport(started.id, { page: "2" }));
    expect(view).toMatchObject({ state: "checked", fileName: "网页.csv", summary: { rows: 151, created: 150, issues: [], written: false } });
    expect(view.preview).toMatchObject({ page: 2, pages: 2, onlyErrors: false });
    expect(view.preview?.lines).toHaveLength(51);
    expect(view.preview?.lines[0]).toMatchObject({ row: 102, status: "create" });
    expect(view.preview?.lines[0]?.values.slice(0, 5)).toEqual(["网-101", "2025-03-03", "网络", "自然人", "网页101"]);
    expect(view.preview?.lines.at(-1)).toMatchObject({ row: 152, status: "skipped", notes: ["模板中的示例行，未导入"] });
    expect((await as(clerk, () => listLedgerImports())).map((entry) => entry.id)).toContain(started.id);

    const confirmed = await as(clerk, () => confirmLedgerImport(started.id));
    await confirmed.job;
    const done = await as(clerk, () => getLedgerImport(started.id));
    expect(done).toMatchObject({ state: "imported", summary: { created: 150, written: true }, preview: null });
    expect(db().select().from(ledgerImports).where(eq(ledgerImports.id, started.id)).get()?.content).toBeNull();
    expect(byNumber("网-150")).toMatchObject({ applicantName: "网页150" });
    await expect(as(clerk, () => confirmLedgerImport(started.id))).rejects.toThrow("这个文件已经导入");
    const entry = db().select().from(auditLog).where(and(eq(auditLog.action, "application.import"), eq(auditLog.entityId, started.id))).get();
    expect(entry?.actorName).toBe(clerk.username);
  });

  it("shows every bad row next to its field and refuses to confirm", async () => {
    const started = await upload(clerk, csvText(IMPORT_HEADERS, [row({}), row({ 收到日期: "不知道" }), row({ 申请人: "" }), row({ 申请方式: "飞鸽" })] as Record<string, string>[]));
    await started.job;
    const view = await as(clerk, () => getLedgerImport(started.id, { errors: "1" }));
    expect(view.preview?.onlyErrors).toBe(true);
    expect(view.preview?.lines.map((line) => [line.row, line.status, line.issues.map((issue) => issue.column)])).toEqual([
      [3, "invalid", ["收到日期"]],
      [4, "invalid", ["申请人"]],
      [5, "invalid", ["申请方式"]],
    ]);
    expect(view.preview?.lines[0]?.values[1]).toBe("不知道");
    await expect(as(clerk, () => confirmLedgerImport(started.id))).rejects.toThrow("文件中有错误，不能导入");
    await as(clerk, () => discardLedgerImport(started.id));
    expect(db().select().from(ledgerImports).where(eq(ledgerImports.id, started.id)).get()).toBeUndefined();
  });

  it("checks again on confirmation: a ledger changed since the preview can stop the import, writing nothing", async () => {
    const typed = await as(clerk, () => registerApplication({ channel: "in_person", arrivedOn: "2025-05-06", applicantType: "natural_person", applicantName: "郑某", description: "某文件", formWanted: "paper" }));
    const started = await upload(clerk, csvText(IMPORT_HEADERS, [row({ 编号: typed.trackingNumber, 收到日期: "2025-05-06", 申请人: "郑某某" })] as Record<string, string>[]));
    await started.job;
    expect((await as(clerk, () => getLedgerImport(started.id))).summary?.updated).toBe(1);
    await as(clerk, () => voidApplication(typed.id, { reason: "重复登记" }));
    await (await as(clerk, () => confirmLedgerImport(started.id))).job;
    const view = await as(clerk, () => getLedgerImport(started.id));
    expect(view.state).toBe("checked");
    expect(view.summary?.issues[0]?.message).toContain("已作废");
    expect(db().select().from(applications).where(eq(applications.id, typed.id)).get()?.applicantName).toBe("郑某");
  });

  it("shows an upload to its uploader only", async () => {
    const started = await upload(clerk, csvText(IMPORT_HEADERS, [row({})] as Record<string, string>[]));
    await started.job;
    for (const user of [reviewer, otherClerk]) {
      await expect(as(user, () => getLedgerImport(started.id))).rejects.toMatchObject({ reason: "not_found" });
      await expect(as(user, () => confirmLedgerImport(started.id))).rejects.toMatchObject({ reason: "not_found" });
      await expect(as(user, () => discardLedgerImport(started.id))).rejects.toMatchObject({ reason: "not_found" });
    }
    await expect(as(clerk, () => getLedgerImport("not-an-id"))).rejects.toMatchObject({ reason: "not_found" });
    await as(clerk, () => discardLedgerImport(started.id));
  });

  it("refuses an empty upload or no file at all, in Chinese", async () => {
    await expect(as(clerk, () => startLedgerImport("字符串"))).rejects.toThrow("请选择要导入的台账文件");
    await expect(as(clerk, () => startLedgerImport(new File([], "空.csv")))).rejects.toThrow("请选择要导入的台账文件");
  });

  it("keeps the audit trail's corrections of imported replies correctable by staff", async () => {
    const id = byNumber("网-1")?.id ?? 0;
    const reply = await as(clerk, () => importLedgerFile(file([row({ 编号: "网-1", 申请人: "网页1", 办理结果: "予以公开", 办结日期: "2025-03-10" })])));
    expect(reply.updated).toBe(1);
    const [event] = eventsOf(id);
    await as(clerk, () => correctEvent(id, { correctsEventId: event?.id, correctionReason: "补记送达方式", type: "replied", date: "2025-03-10", outcome: "granted", delivery: "post" }));
    expect(db().select().from(applications).where(eq(applications.id, id)).get()).toMatchObject({ status: "concluded", outcome: "granted" });
  });
});
