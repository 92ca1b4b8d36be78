import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db/client";
import { agencies, auditLog, reportVersions } from "@/db/schema";
import { APPLICATION_ROW_PATHS, COLUMN_CODES, type AnnualReport } from "@/lib/report";
import { applicationRow } from "@/lib/report/places";
import { REVIEW_COLUMNS, REVIEW_GROUP_KEYS } from "@/lib/report/labels";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { thisYearInChina } from "@/lib/report-workflow/workflow";
import { InputError } from "./errors";
import { recordEvent, registerApplication } from "./ledger";
import { importHistoricalReport, publishReport, returnReportToDraft, saveProactive, saveSections, submitReport } from "./report-drafts";
import { downloadReportDraft, generateAnnualReport, getReportWorkspace, listApplicationsInCell, listReportYears } from "./reports";
import { createReviewCase, deleteReviewCase, listReviewCases, listReviewCasesInCell, updateReviewCase } from "./review-cases";
import { asSession, asSystem, databaseFingerprint, signedInUser } from "./testing/callers";

type User = Awaited<ReturnType<typeof signedInUser>>;
type Entry = { receivedOn: string; applicantType?: string; concluded?: { on: string; outcome: string } };

async function ledger(user: User, entries: Entry[]): Promise<number[]> {
  return asSession(user.sessionId, async () => {
    const ids: number[] = [];
    for (const entry of entries) {
      const applicantType = entry.applicantType ?? "natural_person";
      const { id } = await registerApplication({
        channel: "in_person",
        arrivedOn: entry.receivedOn,
        applicantType,
        applicantName: applicantType === "natural_person" ? "欧阳测试甲" : "某某科技有限公司",
        description: "某项政府信息",
        formWanted: "paper",
      });
      if (entry.concluded) await recordEvent(id, { type: "replied", date: entry.concluded.on, outcome: entry.concluded.outcome, delivery: "post" });
      ids.push(id);
    }
    return ids;
  });
}

const PROACTIVE_FORM = {
  regulationsIssued: "1",
  regulationsAbolished: "0",
  regulationsInForce: "5",
  normativeDocumentsIssued: "3",
  normativeDocumentsAbolished: "1",
  normativeDocumentsInForce: "12",
  licensing: "120",
  penalties: "8",
  enforcement: "0",
  feesTenThousandYuan: "1.2345",
};

/** The failing checks of a report, as (id, where) in a stable order. */
const failing = (report: AnnualReport) =>
  (report.checks ?? [])
    .filter((check) => !check.ok)
    .map((check) => ({ id: check.id, where: check.where }))
    .sort((a, b) => `${a.id} ${a.where}`.localeCompare(`${b.id} ${b.where}`));
const sorted = (list: { id: string; where: string }[]) => [...list].sort((a, b) => `${a.id} ${a.where}`.localeCompare(`${b.id} ${b.where}`));

function versions(agencyCode: string, year: number) {
  return db()
    .select({ version: reportVersions.version, snapshot: reportVersions.snapshot, historical: reportVersions.historical, correctionNote: reportVersions.correctionNote })
    .from(reportVersions)
    .innerJoin(agencies, eq(agencies.id, reportVersions.agencyId))
    .where(and(eq(agencies.code, agencyCode), eq(reportVersions.year, year)))
    .orderBy(reportVersions.version)
    .all();
}

describe("publishing", () => {
  let clerk: User;
  let reviewer: User;
  beforeAll(async () => {
    clerk = await signedInUser("clerk", { agencyCode: "pub" });
    reviewer = await signedInUser("reviewer", { agencyCode: "pub" });
    await ledger(clerk, [
      { receivedOn: "2024-03-01", concluded: { on: "2024-03-20", outcome: "granted" } },
      { receivedOn: "2024-05-06", applicantType: "commercial_enterprise", concluded: { on: "2024-05-27", outcome: "partial" } },
      { receivedOn: "2024-12-27" },
    ]);
  });

  it("lets a clerk fill table 二 but not publish", async () => {
    await asSession(clerk.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM }));
    const workspace = await asSession(clerk.sessionId, () => getReportWorkspace({ year: 2024 }));
    expect(workspace.proactiveEntered).toBe(true);
    expect(workspace.report.proactive.normativeDocuments).toEqual({ issued: 3, abolished: 1, inForce: 12 });
    expect(workspace.report.proactive.feesTenThousandYuan).toBe(1.2345);
    expect(workspace.canPublish).toBe(false);
    const before = databaseFingerprint();
    await expect(asSession(clerk.sessionId, () => publishReport({ year: 2024 }))).rejects.toMatchObject({ name: "AccessError", reason: "forbidden" });
    expect(databaseFingerprint()).toBe(before);
  });

  it("refuses table 二 figures that are not whole numbers, in Chinese", async () => {
    const negative = asSession(clerk.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM, licensing: "-1" }));
    await expect(negative).rejects.toBeInstanceOf(ZodError);
    await expect(negative).rejects.toThrow(/「行政许可」「本年处理决定数量」应为不小于 0 的整数/);
    await expect(asSession(clerk.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM, feesTenThousandYuan: "1.23456" }))).rejects.toThrow(/最多 4 位小数/);
    await expect(asSession(clerk.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM, penalties: "" }))).rejects.toThrow(/请填写「行政处罚」/);
  });

  it("blocks publishing while an error check fails, and names it", async () => {
    await asSession(clerk.sessionId, () =>
      saveSections({ year: 2024, overview: "（二）依申请公开\n本年度共收到政府信息公开申请99件。", problems: "", other: "" }),
    );
    const workspace = await asSession(reviewer.sessionId, () => getReportWorkspace({ year: 2024 }));
    expect(failing(workspace.report)).toEqual([{ id: "prose", where: "sections.overview" }]);
    expect(workspace.canPublish).toBe(false);
    const before = databaseFingerprint();
    await expect(asSession(reviewer.sessionId, () => publishReport({ year: 2024 }))).rejects.toThrow(/校验未通过，不能发布/);
    await expect(asSession(clerk.sessionId, () => submitReport({ year: 2024 }))).rejects.toThrow(/校验未通过，不能提交/);
    expect(databaseFingerprint()).toBe(before);
    await asSession(clerk.sessionId, () => saveSections({ year: 2024, restore: "overview" }));
    expect(failing((await asSession(reviewer.sessionId, () => getReportWorkspace({ year: 2024 }))).report)).toEqual([]);
  });

  it("moves through submit and return, refusing edits while submitted", async () => {
    await asSession(clerk.sessionId, () => submitReport({ year: 2024 }));
    expect((await asSession(clerk.sessionId, () => getReportWorkspace({ year: 2024 }))).workflow).toBe("submitted");
    await expect(asSession(clerk.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM }))).rejects.toThrow(/已提交审核/);
    await expect(asSession(clerk.sessionId, () => submitReport({ year: 2024 }))).rejects.toBeInstanceOf(InputError);
    await asSession(reviewer.sessionId, () => returnReportToDraft({ year: 2024, reason: "请核对行政许可数" }));
    expect((await asSession(clerk.sessionId, () => getReportWorkspace({ year: 2024 }))).workflow).toBe("draft");
    await asSession(clerk.sessionId, () => submitReport({ year: 2024 }));
  });

  it("freezes the report: a ledger change after publishing leaves the published version as it was", async () => {
    const result = await asSession(reviewer.sessionId, () => publishReport({ year: 2024 }));
    expect(result.version).toBe(1);
    const [stored] = versions("pub", 2024);
    expect(stored?.historical).toBe(false);
    const frozen = JSON.parse(stored?.snapshot ?? "{}") as AnnualReport;
    expect(frozen.status).toBe("published");
    expect(frozen.applications.received).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(frozen.proactive.licensing).toBe(120);
    expect(failing(frozen)).toEqual([]);
    expect(frozen.checks?.length).toBeGreaterThan(0);

    const workspace = await asSession(reviewer.sessionId, () => getReportWorkspace({ year: 2024 }));
    expect(workspace.workflow).toBe("draft");
    expect(workspace.versions.map((v) => v.version)).toEqual([1]);
    expect(workspace.changedSincePublished).toBe(false);

    await ledger(clerk, [{ receivedOn: "2024-07-01", concluded: { on: "2024-07-10", outcome: "granted" } }]);
    const [still] = versions("pub", 2024);
    expect(still?.snapshot).toBe(stored?.snapshot);
    const moved = await asSession(reviewer.sessionId, () => getReportWorkspace({ year: 2024 }));
    expect(moved.report.applications.received[6]).toBe(4);
    expect(moved.changedSincePublished).toBe(true);

    const audit = db().select().from(auditLog).where(eq(auditLog.action, "report.publish")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entityId).toBe("pub/2024");
    expect(audit[0]?.after ?? "").not.toContain("欧阳");
  });

  it("needs a correction note for the second version", async () => {
    const before = databaseFingerprint();
    await expect(asSession(reviewer.sessionId, () => publishReport({ year: 2024 }))).rejects.toMatchObject({
      fieldErrors: { correctionNote: expect.stringContaining("更正说明") },
    });
    expect(databaseFingerprint()).toBe(before);
    const result = await asSession(reviewer.sessionId, () => publishReport({ year: 2024, correctionNote: "补录 2024-07-01 收到的一件申请" }));
    expect(result.version).toBe(2);
    const stored = versions("pub", 2024);
    expect(stored.map((row) => [row.version, row.correctionNote])).toEqual(
      expect.arrayContaining([
        [1, null],
        [2, "补录 2024-07-01 收到的一件申请"],
      ]),
    );
    const years = await asSession(clerk.sessionId, () => listReportYears());
    expect(years.years.find((year) => year.year === 2024)?.latestVersion?.version).toBe(2);
  });

  it("publishes no year that has not ended", async () => {
    const thisYear = thisYearInChina();
    await expect(asSession(reviewer.sessionId, () => publishReport({ year: thisYear }))).rejects.toThrow(/尚未结束/);
  });

  it("proposes next year's 现行有效件数 from the published report, and carries the count over", async () => {
    const workspace = await asSession(clerk.sessionId, () => getReportWorkspace({ year: 2025 }));
    expect(workspace.previousYear).toEqual({ year: 2024, version: 2, historical: false });
    expect(workspace.proactiveEntered).toBe(false);
    expect(workspace.report.proactive.regulations).toEqual({ issued: 0, abolished: 0, inForce: 5 });
    expect(workspace.report.proactive.normativeDocuments.inForce).toBe(12);
    expect(workspace.report.applications.carriedOver[6]).toBe(1);
    expect(failing(workspace.report)).toEqual([]);
  });

  it("is refused to admins and auditors", async () => {
    for (const role of ["admin", "auditor"] as const) {
      const user = await signedInUser(role);
      await expect(asSession(user.sessionId, () => getReportWorkspace({ year: 2024 }))).rejects.toMatchObject({ reason: "forbidden" });
      await expect(asSession(user.sessionId, () => saveProactive({ year: 2024, ...PROACTIVE_FORM }))).rejects.toMatchObject({ reason: "forbidden" });
    }
  });
});

describe("historical reports", () => {
  let reviewer: User;
  let clerk: User;
  beforeAll(async () => {
    reviewer = await signedInUser("reviewer", { agencyCode: "jccq" });
    clerk = await signedInUser("clerk", { agencyCode: "jccq" });
  });

  it("takes the published 2022 report as printed and flags exactly its errors; the corrected one passes", async () => {
    const published = await asSession(reviewer.sessionId, () => importHistoricalReport(seed.published));
    expect(published.version).toBe(1);
    expect(failing(published.report)).toEqual(sorted(seed.expectedFailures.published));
    const [stored] = versions("jccq", 2022);
    expect(stored?.historical).toBe(true);
    const snapshot = JSON.parse(stored?.snapshot ?? "{}") as AnnualReport;
    expect(snapshot.status).toBe("historical");
    // As typed: the error stays in the stored figures.
    expect(snapshot.applications.outcomes.partial).toEqual(seed.published.applications.outcomes.partial);
    expect(failing(snapshot)).toEqual(sorted(seed.expectedFailures.published));

    await expect(asSession(reviewer.sessionId, () => importHistoricalReport(seed.corrected))).rejects.toMatchObject({
      fieldErrors: { correctionNote: expect.stringContaining("更正说明") },
    });
    const corrected = await asSession(reviewer.sessionId, () => importHistoricalReport(seed.corrected, { correctionNote: "更正「部分公开」行的总计" }));
    expect(corrected.version).toBe(2);
    expect(failing(corrected.report)).toEqual(sorted(seed.expectedFailures.corrected));
  });

  it("says in Chinese where a typed report is wrong", async () => {
    const broken = structuredClone(seed.corrected) as Record<string, unknown> & { applications: { received: unknown[] } };
    broken.applications.received = [6, 0, 0, 0, 0, 0];
    broken.year = 2021;
    const attempt = asSession(reviewer.sessionId, () => importHistoricalReport(broken));
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { "applications.received": expect.stringContaining("一、本年新收政府信息公开申请数量") } });
  });

  it("is for reviewers: a clerk may not enter one", async () => {
    await expect(asSession(clerk.sessionId, () => importHistoricalReport({ ...seed.corrected, year: 2020 }))).rejects.toMatchObject({ reason: "forbidden" });
  });

  it("checks the next year's carry-over against a historical report", async () => {
    // 2022 (historical, corrected): 结转下年度继续办理 is 0. One application received in 2022 still open
    // at the end of the year makes 2023's 上年结转 1, which the historical report does not show.
    await ledger(clerk, [{ receivedOn: "2022-12-28", concluded: { on: "2023-01-12", outcome: "granted" } }]);
    const workspace = await asSession(clerk.sessionId, () => getReportWorkspace({ year: 2023 }));
    expect(workspace.previousYear).toEqual({ year: 2022, version: 2, historical: true });
    const carryOver = (workspace.report.checks ?? []).filter((check) => check.id === "carry-over" && !check.ok);
    expect(carryOver.map((check) => [check.where, check.expected, check.actual])).toEqual([
      ["natural_person", 0, 1],
      ["total", 0, 1],
    ]);
    expect(carryOver[0]?.message).toContain("2022年报告");
    expect(workspace.canPublish).toBe(false);
  });

  it("is refused once the year has a report published from the ledger", async () => {
    const reviewerB = await signedInUser("reviewer", { agencyCode: "ledgeryear" });
    await asSession(reviewerB.sessionId, () => publishReport({ year: 2021 }));
    const json = { ...seed.corrected, agency: { code: "ledgeryear", name: "某机构" }, year: 2021 };
    await expect(asSession(reviewerB.sessionId, () => importHistoricalReport(json, { correctionNote: "x" }))).rejects.toThrow(/已有由台账生成并发布的报告/);
  });

  it("answers another agency as if the report did not exist", async () => {
    const outsider = await signedInUser("reviewer", { agencyCode: "elsewhere" });
    const before = databaseFingerprint();
    await expect(asSession(outsider.sessionId, () => importHistoricalReport({ ...seed.corrected, year: 2019 }))).rejects.toMatchObject({ reason: "not_found" });
    expect(databaseFingerprint()).toBe(before);
    // Their own workspace for 2022 knows nothing of jccq's reports.
    const theirs = await asSession(outsider.sessionId, () => getReportWorkspace({ year: 2022 }));
    expect(theirs.versions).toEqual([]);
    expect(theirs.agency.code).toBe("elsewhere");
  });

  it("the system imports for any agency that exists", async () => {
    const imported = await asSystem(() => importHistoricalReport({ ...seed.corrected, year: 2018 }));
    expect(imported.agency.code).toBe("jccq");
    await expect(asSystem(() => importHistoricalReport({ ...seed.corrected, agency: { code: "nosuch", name: "无" } }))).rejects.toMatchObject({
      fieldErrors: { "agency.code": expect.stringContaining("nosuch") },
    });
  });
});

describe("table 四 from the review cases", () => {
  let clerk: User;
  beforeAll(async () => {
    clerk = await signedInUser("clerk", { agencyCode: "reviews" });
  });

  it("counts a case as pending in the year it was filed and under its result in the year it ended", async () => {
    const [applicationId] = await ledger(clerk, [{ receivedOn: "2023-08-01", concluded: { on: "2023-08-20", outcome: "unavailable.not_held" } }]);
    expect(applicationId).toBeDefined();
    await asSession(clerk.sessionId, async () => {
      const { id } = await createReviewCase({ kind: "reconsideration", trackingNumber: "2023-0001", filedOn: "2023-11-02", reference: "晋市复〔2023〕12号" });
      await createReviewCase({ kind: "litigation_direct", filedOn: "2023-06-01", result: "corrected", concludedOn: "2023-12-31" });
      await createReviewCase({ kind: "litigation_after_reconsideration", filedOn: "2024-12-31" });
      await updateReviewCase(id, {
        kind: "reconsideration",
        trackingNumber: "2023-0001",
        filedOn: "2023-11-02",
        reference: "晋市复〔2023〕12号",
        result: "upheld",
        concludedOn: "2024-02-20",
      });
    });
    const in2023 = await asSession(clerk.sessionId, () => generateAnnualReport({ year: 2023 }));
    expect(in2023.reviews).toEqual({
      reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    const in2024 = await asSession(clerk.sessionId, () => generateAnnualReport({ year: 2024 }));
    expect(in2024.reviews).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
    // The generated prose of section 五 quotes table 四, and passes the prose check.
    expect(in2024.sections.problems).toContain("行政复议1件");
    expect(failing(in2024)).toEqual([]);
    const cases = await asSession(clerk.sessionId, () => listReviewCases());
    expect(cases.find((c) => c.reference === "晋市复〔2023〕12号")?.trackingNumber).toBe("2023-0001");
  });

  it("lists, behind every cell of table 四, exactly the cases the cell counts", async () => {
    for (const year of [2023, 2024]) {
      const report = await asSession(clerk.sessionId, () => generateAnnualReport({ year }));
      for (const group of REVIEW_GROUP_KEYS) {
        for (const { key: column } of REVIEW_COLUMNS) {
          const listing = await asSession(clerk.sessionId, () => listReviewCasesInCell({ year, group, column }));
          expect(listing.cases.length, `${year} ${group} ${column}`).toBe(report.reviews[group][column]);
        }
      }
    }
    const pending = await asSession(clerk.sessionId, () => listReviewCasesInCell({ year: 2023, group: "reconsideration", column: "pending" }));
    expect(pending.cases.map((c) => c.reference)).toEqual(["晋市复〔2023〕12号"]);
    await expect(asSession(clerk.sessionId, () => listReviewCasesInCell({ year: 2023, group: "appeals", column: "total" }))).rejects.toBeInstanceOf(ZodError);
    const outsider = await signedInUser("clerk", { agencyCode: "reviews-outsider" });
    expect((await asSession(outsider.sessionId, () => listReviewCasesInCell({ year: 2023, group: "reconsideration", column: "total" }))).cases).toEqual([]);
  });

  it("refuses impossible cases in Chinese", async () => {
    await asSession(clerk.sessionId, async () => {
      await expect(createReviewCase({ kind: "reconsideration", filedOn: "2024-01-10", result: "upheld" })).rejects.toThrow(/审结日期/);
      await expect(createReviewCase({ kind: "reconsideration", filedOn: "2024-01-10", concludedOn: "2024-01-09", result: "upheld" })).rejects.toThrow(/不能早于/);
      await expect(createReviewCase({ kind: "reconsideration", filedOn: "2099-01-10" })).rejects.toThrow(/不能晚于今天/);
      await expect(createReviewCase({ kind: "reconsideration", filedOn: "2024-01-10", trackingNumber: "2024-0999" })).rejects.toThrow(/没有编号为 2024-0999/);
    });
  });

  it("deletes a case entered twice: out of table 四 from then on, the case and the reason kept in the audit trail", async () => {
    const year = 2022;
    const input = { kind: "litigation_direct", filedOn: `${year}-05-10`, reference: "（2022）晋0502行初7号", result: "other", concludedOn: `${year}-10-01` };
    const first = await asSession(clerk.sessionId, () => createReviewCase(input));
    const twice = await asSession(clerk.sessionId, () => createReviewCase(input));
    const counted = async () => (await asSession(clerk.sessionId, () => generateAnnualReport({ year }))).reviews.litigationDirect;
    expect((await counted()).other).toBe(2);

    const outsider = await signedInUser("clerk", { agencyCode: "reviews-deleter" });
    const admin = await signedInUser("admin");
    const before = databaseFingerprint();
    await expect(asSession(clerk.sessionId, () => deleteReviewCase(twice.id, { reason: " " }))).rejects.toThrow(/请填写删除理由/);
    await expect(asSession(outsider.sessionId, () => deleteReviewCase(twice.id, { reason: "不是本机关的" }))).rejects.toMatchObject({ reason: "not_found" });
    await expect(asSession(admin.sessionId, () => deleteReviewCase(twice.id, { reason: "管理员删除" }))).rejects.toMatchObject({ reason: "forbidden" });
    expect(databaseFingerprint()).toBe(before);

    await asSession(clerk.sessionId, () => deleteReviewCase(twice.id, { reason: "重复登记" }));
    expect(await counted()).toMatchObject({ other: 1, total: 1 });
    const remaining = (await asSession(clerk.sessionId, () => listReviewCases())).map((c) => c.id);
    expect(remaining).toContain(first.id);
    expect(remaining).not.toContain(twice.id);
    await expect(asSession(clerk.sessionId, () => deleteReviewCase(twice.id, { reason: "重复登记" }))).rejects.toMatchObject({ reason: "not_found" });
    const entry = db().select().from(auditLog).where(and(eq(auditLog.action, "review_case.delete"), eq(auditLog.entityId, String(twice.id)))).get();
    expect(entry?.detail).toBe("重复登记");
    expect(JSON.parse(entry?.before ?? "null")).toMatchObject({ kind: "litigation_direct", reference: "（2022）晋0502行初7号", result: "other" });
    expect(entry?.after).toBeNull();
  });

  it("keeps each agency's cases to itself", async () => {
    const [mine] = await asSession(clerk.sessionId, () => listReviewCases());
    const outsider = await signedInUser("clerk", { agencyCode: "reviews-other" });
    await expect(
      asSession(outsider.sessionId, () => updateReviewCase(mine?.id, { kind: "reconsideration", filedOn: "2023-01-01" })),
    ).rejects.toMatchObject({ reason: "not_found" });
    expect(await asSession(outsider.sessionId, () => listReviewCases())).toEqual([]);
    // Another agency's application cannot be named either.
    await expect(asSession(outsider.sessionId, () => createReviewCase({ kind: "reconsideration", filedOn: "2024-01-10", trackingNumber: "2023-0001" }))).rejects.toThrow(/没有编号/);
  });
});

describe("the applications behind a cell of table 三", () => {
  let clerk: User;
  beforeAll(async () => {
    clerk = await signedInUser("clerk", { agencyCode: "cells" });
    await ledger(clerk, [
      { receivedOn: "2022-12-20", concluded: { on: "2023-01-10", outcome: "partial" } },
      { receivedOn: "2022-12-29" },
      { receivedOn: "2023-02-01", applicantType: "legal_service_org", concluded: { on: "2023-02-20", outcome: "withheld.third_party" } },
      { receivedOn: "2023-05-11", concluded: { on: "2023-05-30", outcome: "withheld.third_party" } },
      { receivedOn: "2023-12-30" },
      { receivedOn: "2024-01-03", concluded: { on: "2024-01-10", outcome: "granted" } },
    ]);
  });

  it("lists exactly as many applications as every cell counts", async () => {
    const report = await asSession(clerk.sessionId, () => generateAnnualReport({ year: 2023 }));
    for (const row of APPLICATION_ROW_PATHS) {
      for (const [index, column] of COLUMN_CODES.entries()) {
        const cell = applicationRow(report, row)?.[index];
        const listing = await asSession(clerk.sessionId, () => listApplicationsInCell({ year: 2023, row, column }));
        expect(listing.total, `${row} ${column}`).toBe(cell);
        expect(listing.rows.length, `${row} ${column}`).toBe(cell);
      }
    }
    const withheld = await asSession(clerk.sessionId, () => listApplicationsInCell({ year: 2023, row: "outcomes.withheld.third_party", column: "total" }));
    expect(withheld.rows.map((row) => row.trackingNumber)).toEqual(["2023-0001", "2023-0002"]);
    // Personal data masked: a natural person's name is never shown whole.
    expect(withheld.rows[1]?.applicantName).not.toBe("欧阳测试甲");
    const carriedOver = await asSession(clerk.sessionId, () => listApplicationsInCell({ year: 2023, row: "carriedOver", column: "natural_person" }));
    expect(carriedOver.rows.map((row) => row.trackingNumber)).toEqual(["2022-0001", "2022-0002"]);
  });

  it("refuses an unknown row, and shows another agency nothing of this one", async () => {
    await expect(asSession(clerk.sessionId, () => listApplicationsInCell({ year: 2023, row: "outcomes.nonsense", column: "total" }))).rejects.toBeInstanceOf(ZodError);
    const outsider = await signedInUser("clerk", { agencyCode: "cells-other" });
    const theirs = await asSession(outsider.sessionId, () => listApplicationsInCell({ year: 2023, row: "received", column: "total" }));
    expect(theirs.total).toBe(0);
  });
});

describe("draft downloads", () => {
  it("give the draft as JSON, CSV and a Word document, to the agency's staff only", async () => {
    const clerk = await signedInUser("clerk", { agencyCode: "download-agency" });
    const year = thisYearInChina() - 1;
    const json = await asSession(clerk.sessionId, () => downloadReportDraft({ year, format: "json" }));
    expect(JSON.parse(String(json.body))).toMatchObject({ format: "gongkai.annual-report/1", year, status: "draft" });
    const csv = await asSession(clerk.sessionId, () => downloadReportDraft({ year, format: "csv" }));
    expect(String(csv.body)).toContain("一、本年新收政府信息公开申请数量");
    const docx = await asSession(clerk.sessionId, () => downloadReportDraft({ year, format: "docx" }));
    expect(docx.filename).toBe(`download-agency-${year}-draft.docx`);
    expect(docx.displayName).toBe(`测试机构 download-agency${year}年政府信息公开工作年度报告（草稿）.docx`);
    expect(Buffer.from(docx.body as Uint8Array).subarray(0, 2).toString()).toBe("PK");
    const auditor = await signedInUser("auditor");
    await expect(asSession(auditor.sessionId, () => downloadReportDraft({ year, format: "json" }))).rejects.toMatchObject({ reason: "forbidden" });
  });
});
