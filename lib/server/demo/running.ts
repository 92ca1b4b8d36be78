import { addDays } from "@/lib/calendar";
import type { ApplicantType } from "@/lib/identity";
import type { HistoryContext } from "./history";
import { workingDayAfter, workingDayBefore } from "./paths";
import { newApplicant, requestText, THIRD_PARTIES } from "./people";
import { createRandom } from "@/lib/seeded-random";
import type { PlannedApplication, Step } from "./script";

/**
 * The applications still running today, placed in working days before today so that every card of
 * the 工作台 shows something: overdue, due within 3 working days, awaiting correction, consulting, an
 * extension awaiting approval; and beside them an approved extension, a fee notice unpaid, new ones.
 */
export function runningNow(context: HistoryContext): PlannedApplication[] {
  const { calendar, today } = context;
  const random = createRandom(20261231);
  const before = (n: number) => workingDayBefore(calendar, today, n);
  /** Received so that the 20 working days end `k` working days after today. */
  const dueOn = (k: number) => workingDayBefore(calendar, workingDayAfter(calendar, today, k), 20);
  const open = (receivedOn: string, steps: Step[], type: ApplicantType = "natural_person", channel = "online"): PlannedApplication => {
    const applicant = newApplicant(random, type);
    return {
      registration: {
        channel,
        arrivedOn: receivedOn,
        applicantType: applicant.applicantType,
        applicantName: applicant.applicantName,
        idNumber: applicant.idNumber,
        phone: applicant.phone,
        address: applicant.address,
        description: requestText(random, Number(receivedOn.slice(0, 4)), type, null),
        formWanted: channel === "online" ? "electronic" : "paper",
      },
      receivedOn,
      steps,
      outcome: null,
      concludedOn: null,
    };
  };

  const correctionNotice = before(4);
  const consultationSent = before(4);
  const extendedFrom = before(28);
  const feeNotice = before(6);
  return [
    // Overdue: 20 working days passed with no reply.
    open(before(27), [], "natural_person", "registered_post"),
    open(before(23), [], "commercial_enterprise"),
    // Due within 3 working days: received 20 working days before the next and the one after.
    open(dueOn(1), [], "natural_person", "in_person"),
    open(dueOn(2), [], "legal_service_org", "registered_post"),
    // Awaiting the applicant's correction.
    open(before(6), [{ kind: "event", date: correctionNotice, event: { type: "correction_notice_sent", correctBy: addDays(correctionNotice, 15), note: "请明确所需信息的时间范围和具体项目名称" } }]),
    // Waiting for a third party's opinion.
    open(before(9), [{ kind: "event", date: consultationSent, event: { type: "consultation_sent", party: "third_party", addressee: random.pick(THIRD_PARTIES) } }]),
    // An extension the clerk asked for yesterday; the reviewer has not approved it yet.
    open(before(14), [{ kind: "event", date: before(1), event: { type: "extension_requested", reason: "申请内容涉及多个年度的档案，需调档查阅" } }], "research_institution"),
    // An extension approved: the reply is due 40 working days after receipt.
    open(extendedFrom, [
      { kind: "event", date: workingDayAfter(calendar, extendedFrom, 17), event: { type: "extension_requested", reason: "所需信息需向相关部门核实" } },
      { kind: "event", date: workingDayAfter(calendar, extendedFrom, 18), by: "reviewer", event: { type: "extension_approved", notifiedOn: workingDayAfter(calendar, extendedFrom, 18) } },
    ]),
    // A fee notice not paid yet (85 pages: 55 × 10 元 = 550 元).
    open(before(12), [{ kind: "event", date: feeNotice, event: { type: "fee_notice_sent", method: "per_page", pages: 85, deliveredOn: before(4), note: "申请公开的信息页数较多，按页计收信息处理费" } }], "other_org", "registered_post"),
    // New this week.
    open(before(2), [], "social_welfare_org", "email"),
    open(before(1), []),
    open(before(0), [], "natural_person", "in_person"),
  ];
}
