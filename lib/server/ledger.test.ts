import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { applications, auditLog } from "@/db/schema";
import { InputError } from "./errors";
import { correctEvent, getApplication, listApplications, recordEvent, registerApplication, updateRegistration, voidApplication, workbenchCounts } from "./ledger";
import { asSession, databaseFingerprint, signedInUser } from "./testing/callers";

const PERSON = {
  channel: "in_person",
  arrivedOn: "2026-09-15",
  applicantType: "natural_person",
  applicantName: "欧阳测试甲",
  idNumber: "11010519491231002X",
  phone: "13812345678",
  address: "山西省晋城市城区凤台街道某某小区3号楼",
  description: "请求公开2025年城区道路维修项目的招标文件",
  formWanted: "paper",
};

let clerk: Awaited<ReturnType<typeof signedInUser>>;
let reviewer: Awaited<ReturnType<typeof signedInUser>>;
let otherClerk: Awaited<ReturnType<typeof signedInUser>>;

const asClerk = <T>(work: () => Promise<T>) => asSession(clerk.sessionId, work);
const asReviewer = <T>(work: () => Promise<T>) => asSession(reviewer.sessionId, work);

beforeAll(async () => {
  clerk = await signedInUser("clerk", { agencyCode: "ledger-a" });
  reviewer = await signedInUser("reviewer", { agencyCode: "ledger-a" });
  otherClerk = await signedInUser("clerk", { agencyCode: "ledger-b" });
});

function row(id: number) {
  return db().select().from(applications).where(eq(applications.id, id)).get();
}

describe("registration", () => {
  it("numbers applications per agency and year without gaps, voided ones keeping theirs", async () => {
    const first = await asClerk(() => registerApplication(PERSON));
    const second = await asClerk(() => registerApplication({ ...PERSON, arrivedOn: "2025-12-30" }));
    const third = await asClerk(() => registerApplication(PERSON));
    await asClerk(() => voidApplication(third.id, { reason: "重复登记" }));
    const fourth = await asClerk(() => registerApplication(PERSON));
    const elsewhere = await asSession(otherClerk.sessionId, () => registerApplication(PERSON));
    const serial = (tracking: string) => Number(tracking.split("-")[1]);
    expect(first.trackingNumber).toMatch(/^2026-\d{4}$/);
    expect(second.trackingNumber).toMatch(/^2025-\d{4}$/);
    expect(serial(third.trackingNumber)).toBe(serial(first.trackingNumber) + 1);
    expect(serial(fourth.trackingNumber)).toBe(serial(third.trackingNumber) + 1);
    expect(elsewhere.trackingNumber).toBe("2026-0001");
  });

  it("computes the reply deadline from the receipt date (domain.md §3 vector)", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    expect(row(id)).toMatchObject({ status: "open", replyDueOn: "2026-10-19", dueProvisional: false });
  });

  it("refuses bad input with the field named and writes nothing", async () => {
    const before = databaseFingerprint();
    await expect(asClerk(() => registerApplication({ ...PERSON, idNumber: "11010519491231002Y" }))).rejects.toBeInstanceOf(ZodError);
    expect(databaseFingerprint()).toBe(before);
  });

  it("is for clerks and reviewers only", async () => {
    const admin = await signedInUser("admin");
    const auditor = await signedInUser("auditor");
    for (const sessionId of [admin.sessionId, auditor.sessionId, null]) {
      await expect(asSession(sessionId, () => registerApplication(PERSON))).rejects.toMatchObject({ name: "AccessError" });
      await expect(asSession(sessionId, () => listApplications({}))).rejects.toMatchObject({ name: "AccessError" });
    }
  });
});

describe("another agency", () => {
  it("cannot see or change an application, and learns nothing from trying", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    const before = databaseFingerprint();
    const intruder = <T>(work: () => Promise<T>) => asSession(otherClerk.sessionId, work);
    await expect(intruder(() => getApplication(id))).rejects.toMatchObject({ reason: "not_found" });
    await expect(intruder(() => getApplication(999_999))).rejects.toMatchObject({ reason: "not_found" });
    await expect(intruder(() => recordEvent(id, { type: "replied", date: "2026-10-09", outcome: "granted", delivery: "post" }))).rejects.toMatchObject({ reason: "not_found" });
    await expect(intruder(() => voidApplication(id, { reason: "恶意作废" }))).rejects.toMatchObject({ reason: "not_found" });
    const page = await intruder(() => listApplications({ q: PERSON.applicantName }));
    expect(page.rows.every((listed) => listed.id !== id)).toBe(true);
    expect(databaseFingerprint()).toBe(before);
  });
});

describe("the timeline", () => {
  it("moves the deadline through correction, consultation and extension", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    await asClerk(() => recordEvent(id, { type: "correction_notice_sent", date: "2026-09-17", correctBy: "2026-09-30" }));
    expect(row(id)).toMatchObject({ status: "awaiting_correction", replyDueOn: null });

    await asClerk(() => recordEvent(id, { type: "correction_received", date: "2026-09-22" }));
    const afterCorrection = row(id);
    expect(afterCorrection?.status).toBe("open");
    // 20 working days from 2026-09-22: 国庆 10-1..10-7 off, 9-20 (before) and 10-10 make-up Saturdays.
    expect(afterCorrection?.replyDueOn).toBe("2026-10-27");

    await asClerk(() => recordEvent(id, { type: "consultation_sent", date: "2026-10-12", party: "third_party", addressee: "某公司" }));
    const detail = await asClerk(() => getApplication(id));
    const consultationId = detail.pendingConsultations[0]?.id;
    expect(row(id)?.status).toBe("consulting");
    await asClerk(() => recordEvent(id, { type: "consultation_answered", date: "2026-10-14", consultationId }));
    const afterConsultation = row(id);
    expect(afterConsultation?.status).toBe("open");
    // Paused 10-13 and 10-14 (the answer day does not count): two working days later.
    expect(afterConsultation?.replyDueOn).toBe("2026-10-29");

    await asClerk(() => recordEvent(id, { type: "extension_requested", date: "2026-10-20", reason: "涉及多个部门" }));
    expect(row(id)?.extensionPending).toBe(true);
    await expect(asClerk(() => recordEvent(id, { type: "extension_approved", date: "2026-10-21", notifiedOn: "2026-10-21" }))).rejects.toBeInstanceOf(InputError);
    await asReviewer(() => recordEvent(id, { type: "extension_approved", date: "2026-10-21", notifiedOn: "2026-10-21" }));
    expect(row(id)).toMatchObject({ status: "extended", extensionPending: false, replyDueOn: "2026-11-26" });

    await asClerk(() => recordEvent(id, { type: "replied", date: "2026-11-20", outcome: "partial", delivery: "post" }));
    expect(row(id)).toMatchObject({ status: "concluded", outcome: "partial", concludedOn: "2026-11-20" });
  });

  it("corrects a wrong reply date with a reason, keeping the old record", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    await asClerk(() => recordEvent(id, { type: "replied", date: "2026-10-09", outcome: "granted", delivery: "post" }));
    const replyEvent = (await asClerk(() => getApplication(id))).inForce.find((event) => event.type === "replied");
    await asClerk(() =>
      correctEvent(id, { correctsEventId: replyEvent?.id, correctionReason: "交邮日期录入错误", type: "replied", date: "2026-10-12", outcome: "granted", delivery: "post" }),
    );
    const detail = await asClerk(() => getApplication(id));
    expect(detail.events).toHaveLength(2);
    expect(row(id)?.concludedOn).toBe("2026-10-12");
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "application.event_correct")).all().at(-1);
    expect(audit?.detail).toBe("交邮日期录入错误");
  });

  it("refuses an event the state does not allow, writing nothing", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    const before = databaseFingerprint();
    await expect(asClerk(() => recordEvent(id, { type: "fee_paid", date: "2026-10-09" }))).rejects.toEqual(new InputError({ _form: "没有待缴的费用" }));
    expect(databaseFingerprint()).toBe(before);
  });

  it("computes the fee per 109号 from the pages", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    await asClerk(() => recordEvent(id, { type: "fee_notice_sent", method: "per_page", date: "2026-09-16", pages: "150" }));
    const fee = (await asClerk(() => getApplication(id))).report.fee;
    expect(fee?.amountYuan).toBe(1700);
    expect(row(id)?.status).toBe("awaiting_fee");
  });
});

describe("who recorded what", () => {
  it("names the person who registered the application and each person who recorded an event", async () => {
    const { id } = await asClerk(() => registerApplication(PERSON));
    await asClerk(() => recordEvent(id, { type: "extension_requested", date: "2026-09-17", reason: "涉及多个部门" }));
    await asReviewer(() => recordEvent(id, { type: "extension_approved", date: "2026-09-18", notifiedOn: "2026-09-18" }));
    const detail = await asClerk(() => getApplication(id));
    const names = detail.events.map((event) => (event.recordedBy === null ? null : detail.recorders.get(event.recordedBy)));
    expect(names).toEqual(["测试clerk", "测试reviewer"]);
    expect(detail.application.createdBy === null ? null : detail.recorders.get(detail.application.createdBy)).toBe("测试clerk");
  });
});

describe("privacy", () => {
  it("masks personal data in the list and keeps it out of the audit trail", async () => {
    const { id } = await asClerk(() => registerApplication({ ...PERSON, applicantName: "司马隐私" }));
    const page = await asClerk(() => listApplications({ q: "司马隐私" }));
    const listed = page.rows.find((candidate) => candidate.id === id);
    expect(listed?.applicantName).not.toContain("隐私");
    expect(listed?.phone).toBe("138****5678");
    expect(listed?.idNumber).toMatch(/^110105\*+002X$/);
    const audit = JSON.stringify(db().select().from(auditLog).all());
    expect(audit).not.toContain("司马隐私");
    expect(audit).not.toContain(PERSON.idNumber);
    expect(audit).not.toContain(PERSON.phone);
  });
});

describe("the workbench", () => {
  it("counts what needs attention in the caller's own agency", async () => {
    const counts = await asClerk(() => workbenchCounts());
    expect(counts.overdue).toBeGreaterThan(0); // open applications received in September are past due by today
    const other = await asSession(otherClerk.sessionId, () => workbenchCounts());
    expect(other.active).toBeLessThan(counts.active);
  });
});

describe("search", () => {
  it("finds the same applications through the trigram index as a plain substring match", async () => {
    const words = ["甲乙丙丁戊己庚辛壬癸", "城区老旧小区改造资金", "Road-Repair 2025 tender"];
    const ids: number[] = [];
    for (const description of words) ids.push((await asClerk(() => registerApplication({ ...PERSON, description }))).id);
    const found = async (q: string) => (await asClerk(() => listApplications({ q }))).rows.map((row) => row.id);
    expect(await found("丙丁戊")).toEqual([ids[0]]);
    expect(await found("旧小区改")).toEqual([ids[1]]);
    expect(await found("road-repair")).toEqual([ids[2]]);
    expect(await found("戊己")).toEqual([ids[0]]);
    expect(await found('"引号"')).toEqual([]);
    const tracking = (await asClerk(() => getApplication(ids[1]))).application.trackingNumber;
    expect(await found(tracking)).toEqual([ids[1]]);
  });

  it("finds one- and two-character searches anywhere in each field, first and last characters included", async () => {
    // Rare characters, so no other test's application matches; names and texts of one, two and three characters.
    const values = [
      { applicantName: "乂丌", description: "甪乂丌" },
      { applicantName: "丌", description: "乂甪甪乂" },
      { applicantName: "甪乂丌", description: "丌" },
    ];
    const ids: number[] = [];
    for (const value of values) ids.push((await asClerk(() => registerApplication({ ...PERSON, ...value }))).id);
    const found = async (q: string) =>
      (await asClerk(() => listApplications({ q }))).rows.map((row) => row.id).filter((id) => ids.includes(id)).sort((a, b) => a - b);
    const fragments = new Set(values.flatMap((value) => [value.applicantName, value.description]).flatMap((text) =>
      [...text].flatMap((_, start) => [text.slice(start, start + 1), text.slice(start, start + 2)])));
    for (const q of fragments) {
      const expected = ids.filter((_, index) => [values[index]?.applicantName, values[index]?.description].some((text) => text?.includes(q)));
      expect(await found(q), q).toEqual(expected);
    }
    expect(await found("丌乂")).toEqual([]);
  });

  it("follows edits of the registration", async () => {
    const { id } = await asClerk(() => registerApplication({ ...PERSON, description: "原来的内容某某某" }));
    await asClerk(() => updateRegistration(id, { ...PERSON, description: "改正后的内容某某某", changeReason: "录入错误" }));
    expect((await asClerk(() => listApplications({ q: "改正后" }))).rows.map((row) => row.id)).toEqual([id]);
    expect((await asClerk(() => listApplications({ q: "原来的" }))).rows).toEqual([]);
  });
});
