import { describe, expect, it } from "vitest";
import { createWorkingCalendar, officialCalendarData } from "../calendar";
import { computeDeadlines } from "./compute-deadlines";
import type { ApplicationEvent } from "./events";
import { DOMAIN_VECTORS } from "../calendar/domain-vectors";

const calendar = createWorkingCalendar(officialCalendarData());
const compute = (receivedOn: string, events: ApplicationEvent[] = [], today?: string) =>
  computeDeadlines({ receivedOn, events, calendar, today });


describe("domain test vectors", () => {
  it.each(DOMAIN_VECTORS)("receipt %s: correction notice by %s, reply by %s, extended %s", (receipt, noticeBy, replyBy, extendedBy) => {
    const plain = compute(receipt);
    expect(plain.correction.noticeBy.date).toBe(noticeBy);
    expect(plain.reply?.original.date).toBe(replyBy);
    expect(plain.reply?.final.date).toBe(replyBy);
    expect(plain.provisional).toBe(false);

    // Approved and notified on the last day of the first deadline: still in time.
    const extended = compute(receipt, [{ type: "extension_approved", date: replyBy, notifiedOn: replyBy }]);
    expect(extended.reply?.original.date).toBe(replyBy);
    expect(extended.reply?.extension?.deadline.date).toBe(extendedBy);
    expect(extended.reply?.final.date).toBe(extendedBy);
    expect(extended.warnings).toEqual([]);
  });
});

describe("correction (art. 30)", () => {
  const notice: ApplicationEvent = { type: "correction_notice_sent", date: "2023-04-24", correctBy: "2023-05-10" };

  it("stops the reply clock while waiting for the correction", () => {
    const waiting = compute("2023-04-20", [notice], "2023-05-04");
    expect(waiting.status).toBe("awaiting_correction");
    expect(waiting.reply).toBeNull();
    expect(waiting.correction).toMatchObject({ noticeSentOn: "2023-04-24", noticeLate: false, applicantOverdue: false });
    expect(waiting.overdue).toBeNull();
    expect(waiting.trace).toContain("等待申请人补正：答复期限自收到补正后的申请之日起重新计算（第30条）");
  });

  it("flags an applicant who has not corrected by the date given", () => {
    const late = compute("2023-04-20", [notice], "2023-05-11");
    expect(late.correction.applicantOverdue).toBe(true);
    expect(late.warnings.join()).toContain("申请人无正当理由逾期不补正");
  });

  it("restarts the 20 working days from the day the corrected application arrives", () => {
    const report = compute("2023-04-20", [notice, { type: "correction_received", date: "2023-05-08" }]);
    expect(report.status).toBe("open");
    // 5-9 … 6-5: the 20th working day after 5-8, not after the original receipt (5-19).
    expect(report.reply).toMatchObject({ clockStart: "2023-05-08", clockStartReason: "correction" });
    expect(report.reply?.original.date).toBe("2023-06-05");
    expect(report.trace.join("\n")).toContain("自 2023-05-08 收到补正后的申请之日起重新计算 20 个工作日");
  });

  it("warns when the notice went out after the 7th working day", () => {
    const report = compute("2023-04-20", [{ ...notice, date: "2023-05-04" }]);
    expect(report.correction.noticeLate).toBe(true);
    expect(report.warnings).toContain("补正告知 2023-05-04 晚于第7个工作日 2023-04-28");
  });

  it("closes the application when the correction is abandoned", () => {
    const report = compute("2023-04-20", [notice, { type: "correction_abandoned", date: "2023-05-15" }], "2023-06-30");
    expect(report.status).toBe("concluded");
    expect(report.conclusion).toEqual({
      kind: "correction_abandoned",
      date: "2023-05-15",
      outcome: "other.no_correction",
      delivery: null,
    });
    expect(report.reply).toBeNull();
    expect(report.overdue).toBe(false);
  });
});

describe("consultation pause (art. 32, 33)", () => {
  const sent: ApplicationEvent = { type: "consultation_sent", date: "2023-05-04", consultationId: "c1", party: "third_party" };

  it("pauses from the day after sending through the day the answer arrives", () => {
    const report = compute("2023-04-20", [sent, { type: "consultation_answered", date: "2023-05-10", consultationId: "c1" }]);
    // Paused working days: 5-5, 5-6 (make-up Saturday), 5-8, 5-9, 5-10.
    expect(report.reply?.pausedWorkingDays).toBe(5);
    expect(report.reply?.withoutPauses.date).toBe("2023-05-19");
    expect(report.reply?.original.date).toBe("2023-05-26");
    expect(report.consultations[0]).toMatchObject({
      answerBy: { date: "2023-05-24" },
      answeredOn: "2023-05-10",
      answeredLate: false,
      pause: { startsAfter: "2023-05-04", endsOn: "2023-05-10", ending: "answered", workingDaysAdded: 5 },
    });
    expect(report.trace.some((line) => line.startsWith("征求意见 2023-05-04 至 2023-05-10 暂停计算 5 个工作日"))).toBe(true);
    // The Sunday inside the pause is covered by the pause line, not repeated among skipped days.
    const skipLines = report.trace.filter((line) => line.startsWith("跳过"));
    expect(skipLines.at(-1)).toBe(
      "跳过 2023-04-22 周六、2023-04-29 至 2023-05-03 劳动节、2023-05-13 至 2023-05-14 周末、2023-05-20 至 2023-05-21 周末",
    );
  });

  it("without an answer, pauses until the 15-working-day answer deadline", () => {
    const report = compute("2023-04-20", [sent], "2023-05-26");
    expect(report.consultations[0]?.answerBy.date).toBe("2023-05-24");
    expect(report.consultations[0]?.overdue).toBe(true);
    expect(report.reply?.pausedWorkingDays).toBe(15);
    expect(report.reply?.original.date).toBe("2023-06-09");
    expect(report.trace.join("\n")).toContain("尚未答复，计至答复期限 2023-05-24");
  });

  it("does not stretch the pause for an answer that arrives after its deadline", () => {
    const report = compute("2023-04-20", [sent, { type: "consultation_answered", date: "2023-05-30", consultationId: "c1" }]);
    expect(report.consultations[0]).toMatchObject({ answeredLate: true, pause: { endsOn: "2023-05-24", ending: "answer_deadline" } });
    expect(report.reply?.original.date).toBe("2023-06-09");
  });

  it("reports paused today and counts remaining days without the paused ones", () => {
    const report = compute("2023-04-20", [sent, { type: "consultation_answered", date: "2023-05-10", consultationId: "c1" }], "2023-05-08");
    expect(report.pausedToday).toBe(true);
    // After the pause: 5-11, 5-12, 5-15…5-19, 5-22…5-26.
    expect(report.workingDaysRemaining).toBe(12);
  });

  it("ignores a pause that starts after the deadline", () => {
    const report = compute("2023-04-20", [{ ...sent, date: "2023-05-22" }]);
    expect(report.reply?.original.date).toBe("2023-05-19");
    expect(report.consultations[0]?.pause.workingDaysAdded).toBe(0);
    expect(report.trace.join("\n")).toContain("征求意见 2023-05-22 发出，未落在答复期限内，不影响答复期限");
  });

  it("warns about an answer to an unknown consultation", () => {
    const report = compute("2023-04-20", [{ type: "consultation_answered", date: "2023-05-10", consultationId: "zz" }]);
    expect(report.warnings).toEqual(["收到答复的征求意见编号 zz 没有发出记录，已忽略"]);
    expect(report.reply?.original.date).toBe("2023-05-19");
  });
});

describe("fee pause (art. 42, 国办函〔2020〕109号)", () => {
  const notice: ApplicationEvent = { type: "fee_notice_sent", date: "2024-10-08", amountYuan: 1700, deliveredOn: "2024-10-10" };

  it("gives 20 working days from the day after delivery and pauses until payment", () => {
    const report = compute("2024-09-25", [notice, { type: "fee_paid", date: "2024-10-15" }]);
    expect(report.fee).toMatchObject({
      noticeReceivedOn: "2024-10-10",
      payBy: { date: "2024-11-06" },
      paidOn: "2024-10-15",
      pause: { endsOn: "2024-10-15", ending: "paid", workingDaysAdded: 6 },
    });
    // 10-9, 10-10, 10-11, 10-12 (make-up Saturday), 10-14, 10-15 paused: 10-28 + 6 working days.
    expect(report.reply?.original.date).toBe("2024-11-05");
  });

  it("uses the sending date when no delivery date is recorded", () => {
    const report = compute("2024-09-25", [{ type: "fee_notice_sent", date: "2024-10-08", amountYuan: 100 }]);
    // 10-9…10-11, 10-12 (make-up Saturday), 10-14…11-1, 11-4: two working days earlier than from 10-10.
    expect(report.fee?.payBy.date).toBe("2024-11-04");
  });

  it("without payment, pauses until the payment deadline and flags it once passed", () => {
    const report = compute("2024-09-25", [notice], "2024-11-07");
    expect(report.fee?.pause).toMatchObject({ endsOn: "2024-11-06", ending: "payment_deadline", workingDaysAdded: 22 });
    expect(report.reply?.original.date).toBe("2024-11-27");
    expect(report.fee?.paymentOverdue).toBe(true);
    expect(report.warnings.join()).toContain("申请人逾期未按收费通知要求缴纳费用");
  });

  it("closes the application when the fee is abandoned", () => {
    const report = compute("2024-09-25", [notice, { type: "fee_abandoned", date: "2024-11-07" }]);
    expect(report.conclusion).toMatchObject({ kind: "fee_abandoned", outcome: "other.unpaid_fee" });
    expect(report.status).toBe("concluded");
  });
});

describe("overlapping pauses", () => {
  const events: ApplicationEvent[] = [
    { type: "consultation_sent", date: "2023-05-04", consultationId: "c1", party: "third_party" },
    { type: "consultation_answered", date: "2023-05-10", consultationId: "c1" },
    { type: "fee_notice_sent", date: "2023-05-08", amountYuan: 1700 },
    { type: "fee_paid", date: "2023-05-16" },
  ];

  it("counts a working day covered by two pauses once", () => {
    const report = compute("2023-04-20", events);
    // Consultation 5-5…5-10 (5 working days) ∪ fee 5-9…5-16 (6) = 9 distinct working days, not 11.
    expect(report.reply?.pausedWorkingDays).toBe(9);
    expect(report.reply?.original.date).toBe("2023-06-01");
    expect(report.consultations[0]?.pause).toMatchObject({ workingDaysAdded: 5, workingDaysOverlapping: 0 });
    expect(report.fee?.pause).toMatchObject({ workingDaysAdded: 4, workingDaysOverlapping: 2 });
    expect(report.trace).toContain("暂停合计 9 个工作日（重叠部分只计一次）");
  });

  it("adds nothing for a pause nested inside another", () => {
    const nested = compute("2023-04-20", [
      ...events.slice(0, 2),
      { type: "consultation_sent", date: "2023-05-05", consultationId: "c2", party: "agency" },
      { type: "consultation_answered", date: "2023-05-09", consultationId: "c2" },
    ]);
    expect(nested.reply?.original.date).toBe("2023-05-26");
    expect(nested.consultations[1]?.pause).toMatchObject({ workingDaysAdded: 0, workingDaysOverlapping: 3 });
  });
});

describe("extension (art. 33)", () => {
  it("adds 20 working days after the paused original deadline", () => {
    const report = compute("2023-04-20", [
      { type: "consultation_sent", date: "2023-05-04", consultationId: "c1", party: "third_party" },
      { type: "consultation_answered", date: "2023-05-10", consultationId: "c1" },
      { type: "extension_approved", date: "2023-05-22", notifiedOn: "2023-05-23" },
    ]);
    expect(report.reply?.original.date).toBe("2023-05-26");
    // 20 working days after 5-26 cross 端午 6-22…6-24 and count the make-up Sunday 6-25.
    expect(report.reply?.extension?.deadline.date).toBe("2023-06-26");
  });

  it("keeps pausing during the extension", () => {
    const report = compute("2022-01-25", [
      { type: "extension_approved", date: "2022-02-20", notifiedOn: "2022-02-21" },
      { type: "consultation_sent", date: "2022-03-01", consultationId: "c1", party: "agency" },
      { type: "consultation_answered", date: "2022-03-03", consultationId: "c1" },
    ]);
    expect(report.reply?.original.date).toBe("2022-02-25");
    expect(report.reply?.final.date).toBe("2022-03-29");
  });

  it("is void when notified after the first deadline, and only the first one counts", () => {
    const late = compute("2022-01-25", [{ type: "extension_approved", date: "2022-02-25", notifiedOn: "2022-02-28" }]);
    expect(late.reply?.extension).toBeNull();
    expect(late.reply?.final.date).toBe("2022-02-25");
    expect(late.warnings).toEqual(["延长于 2022-02-28 才批准或告知，已超过原答复期限 2022-02-25，延长无效（第33条）"]);

    const twice = compute("2022-01-25", [
      { type: "extension_approved", date: "2022-02-10", notifiedOn: "2022-02-10" },
      { type: "extension_approved", date: "2022-03-20", notifiedOn: "2022-03-21" },
    ]);
    expect(twice.reply?.final.date).toBe("2022-03-25");
    expect(twice.warnings.join()).toContain("延长只能一次");
  });
});

describe("art. 35 later reply date", () => {
  it("replaces the deadline with the later date the office set", () => {
    const report = compute("2023-04-20", [{ type: "reasons_requested", date: "2023-05-05", laterReplyBy: "2023-07-31" }]);
    expect(report.reply?.original.date).toBe("2023-05-19");
    expect(report.reply?.final).toEqual({ date: "2023-07-31", provisional: false, unpublishedYears: [] });
    expect(report.trace).toContain("申请理由合理但无法按期答复，确定延迟答复期限 2023-07-31 并告知申请人（第35条）");
  });

  it("does not pause the clock by asking for reasons", () => {
    const report = compute("2023-04-20", [{ type: "reasons_requested", date: "2023-05-05" }]);
    expect(report.reply?.final.date).toBe("2023-05-19");
  });
});

describe("reply, overdue and remaining days", () => {
  it("counts working days left, the last day, and days overdue", () => {
    expect(compute("2022-01-25", [], "2022-02-24")).toMatchObject({ workingDaysRemaining: 1, overdue: false });
    const lastDay = compute("2022-01-25", [], "2022-02-25");
    expect(lastDay.workingDaysRemaining).toBe(0);
    expect(lastDay.trace).toContain("截至 2022-02-25，今日为答复期限最后一日");
    expect(compute("2022-01-25", [], "2022-03-01")).toMatchObject({ workingDaysRemaining: -2, overdue: true });
    expect(compute("2022-01-25")).toMatchObject({ workingDaysRemaining: null, overdue: null });
  });

  it("judges a reply against the deadline in force", () => {
    const inTime = compute("2022-01-25", [{ type: "replied", date: "2022-02-25", outcome: "partial", delivery: "post" }]);
    expect(inTime).toMatchObject({ status: "concluded", overdue: false });
    expect(inTime.conclusion).toEqual({ kind: "replied", date: "2022-02-25", outcome: "partial", delivery: "post" });
    expect(inTime.trace).toContain("2022-02-25 答复（部分公开，邮寄送达），在答复期限内");

    const late = compute("2022-01-25", [{ type: "replied", date: "2022-02-28", outcome: "granted", delivery: "in_person" }]);
    expect(late.overdue).toBe(true);
  });
});

describe("provisional dates", () => {
  it("marks a deadline that runs into 2027, whose schedule is not published", () => {
    const report = compute("2026-12-10");
    // 12-11, 12-14…12-31 (15 days), 2027-01-01 元旦 (statutory), 1-4…1-8.
    expect(report.reply?.final).toEqual({ date: "2027-01-08", provisional: true, unpublishedYears: [2027] });
    expect(report.correction.noticeBy).toEqual({ date: "2026-12-21", provisional: false, unpublishedYears: [] });
    expect(report.provisional).toBe(true);
    expect(report.unpublishedYears).toEqual([2027]);
    expect(report.trace).toContain("现行答复期限：2027-01-08（暂定）");
    expect(report.trace).toContain("2027 年节假日安排尚未公布：按法定节假日推算，调休未知，相关期限为暂定");
  });

  it("uses the statutory 春节 days of 2027", () => {
    const report = compute("2027-01-25");
    // 1-26…2-4 (8 days), 2-5…2-10 off (除夕–初三 and the substitutes), 2-11…2-26.
    expect(report.reply?.final.date).toBe("2027-02-26");
    expect(report.trace.join("\n")).toContain("2027-02-05 至 2027-02-10 春节（暂定）");
  });

  it("is not provisional when every day counted is in a published year", () => {
    const report = compute("2026-11-02");
    expect(report.reply?.final.date).toBe("2026-11-30");
    expect(report.provisional).toBe(false);
  });
});

describe("trace", () => {
  it("explains which rule applied and which days were skipped, in compact ranges", () => {
    const { trace } = compute("2022-01-25", [{ type: "extension_approved", date: "2022-02-20", notifiedOn: "2022-02-21" }]);
    expect(trace[0]).toBe("收到申请之日 2022-01-25（第31条），不计当日");
    expect(trace).toContain("答复期限（第33条）：自 2022-01-25 起 20 个工作日");
    expect(trace).toContain("计入调休上班日 2022-01-29（周六，春节）、2022-01-30（周日，春节）");
    expect(trace).toContain("跳过 2022-01-31 至 2022-02-06 春节、2022-02-12 至 2022-02-13 周末、2022-02-19 至 2022-02-20 周末");
    expect(trace).toContain("第20个工作日：2022-02-25");
    expect(trace).toContain("经负责人同意延长 20 个工作日（第33条）：2022-02-20 批准，2022-02-21 告知申请人");
    expect(trace).toContain("延长后第20个工作日：2022-03-25");
    expect(trace.at(-1)).toBe("现行答复期限：2022-03-25");
    // One range for the seven days of 春节, never a line per day.
    expect(trace.filter((line) => line.includes("2022-02-02"))).toEqual([]);
  });
});

describe("input", () => {
  it("rejects invalid dates and malformed events", () => {
    expect(() => compute("2022-02-30")).toThrow("收到申请日期格式无效");
    expect(() => compute("2022-01-25", [{ type: "fee_paid", date: "2022/02/01" } as ApplicationEvent])).toThrow();
    expect(() =>
      compute("2022-01-25", [{ type: "replied", date: "2022-02-01", outcome: "approved", delivery: "post" } as unknown as ApplicationEvent]),
    ).toThrow();
  });

  it("warns about events dated before receipt", () => {
    const report = compute("2022-01-25", [{ type: "extension_requested", date: "2022-01-20" }]);
    expect(report.warnings).toContain("2022-01-20 的记录早于收到申请之日 2022-01-25");
  });
});

describe("art. 35 later reply date with a pause after the computed deadline", () => {
  it("does not count the pause as overlapping anything", () => {
    const report = compute("2023-04-20", [
      { type: "reasons_requested", date: "2023-05-05", laterReplyBy: "2023-07-31" },
      { type: "consultation_sent", date: "2023-06-01", consultationId: "c1", party: "third_party" },
    ]);
    expect(report.reply?.final.date).toBe("2023-07-31");
    expect(report.consultations[0]?.pause).toMatchObject({ workingDaysAdded: 0, workingDaysOverlapping: 0 });
  });
});
