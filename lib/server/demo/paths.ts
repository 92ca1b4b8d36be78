import { addDays, type IsoDate, type WorkingCalendar } from "@/lib/calendar";
import type { OutcomeCode } from "@/lib/report/labels";
import { newApplicant, OTHER_AGENCIES, requestText, THIRD_PARTIES, type Applicant } from "./people";
import type { Random } from "@/lib/seeded-random";
import type { PlannedApplication, Registration, Step } from "./script";

/**
 * The ways an application goes, from receipt to conclusion, as script steps with dates that keep to
 * the statutory periods (art. 30–35, 109号), except the one path meant to be late. The deadline engine
 * decides every stored deadline; these dates only have to make sense to it.
 */
export const PATH_KINDS = [
  "plain",
  "onTheSpot",
  "late",
  "correctionOk",
  "correctionAbandoned",
  "consultation",
  "consultationLapsed",
  "extension",
  "feePagePaid",
  "feePageUnpaid",
  "reasonsRejected",
  "reasonsLater",
] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/** A replied outcome (the two "deemed abandoned" outcomes come from their own events). */
export type ReplyOutcome = Exclude<OutcomeCode, "other.no_correction" | "other.unpaid_fee">;

export const REPLY_OUTCOME_WEIGHTS: Record<ReplyOutcome, number> = {
  granted: 34,
  partial: 13,
  "withheld.state_secret": 0.6,
  "withheld.prohibited_by_law": 1,
  "withheld.security_stability": 0.6,
  "withheld.third_party": 1,
  "withheld.internal_affairs": 1.5,
  "withheld.process_info": 2.5,
  "withheld.enforcement_file": 1,
  "withheld.query_matter": 1.2,
  "unavailable.not_held": 24,
  "unavailable.needs_creation": 3,
  "unavailable.still_unclear": 0,
  "rejected.petition": 3.5,
  "rejected.duplicate": 2.5,
  "rejected.publication": 1.5,
  "rejected.excessive": 0,
  "rejected.confirmation": 1.5,
  "other.other": 2.5,
};

const CHANNEL_WEIGHTS = { online: 40, registered_post: 24, in_person: 20, ordinary_post: 6, email: 8, fax: 1, other: 1 } as const;
type Channel = keyof typeof CHANNEL_WEIGHTS;
const FORM_WEIGHTS = { paper: 50, electronic: 40, inspection: 7, other: 3 } as const;

export type Planning = { random: Random; calendar: WorkingCalendar };

/** The n-th working day after `from` (n = 0: `from` itself). */
export function workingDayAfter(calendar: WorkingCalendar, from: IsoDate, n: number): IsoDate {
  return n <= 0 ? from : calendar.addWorkingDays(from, n).date;
}

/** The n-th working day before `from` (n = 0: `from`, or the working day before it if it is none). */
export function workingDayBefore(calendar: WorkingCalendar, from: IsoDate, n: number): IsoDate {
  let date = from;
  let left = n;
  while (left > 0 || !calendar.isWorkingDay(date)) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** A working day between two dates, both included (the first working day from `from` if none is random). */
export function randomWorkingDay({ random, calendar }: Planning, from: IsoDate, through: IsoDate): IsoDate {
  for (let attempt = 0; attempt < 20; attempt++) {
    const span = Math.max(0, Math.round((Date.parse(through) - Date.parse(from)) / 86_400_000));
    const date = addDays(from, random.int(0, span));
    if (calendar.isWorkingDay(date)) return date;
  }
  return workingDayAfter(calendar, addDays(from, -1), 1);
}

function delivery(channel: Channel): "in_person" | "post" | "electronic" {
  if (channel === "in_person") return "in_person";
  if (channel === "online" || channel === "email") return "electronic";
  return "post";
}

const REPLY_NOTES = ["已制作《政府信息公开申请答复书》并送达", "答复书及所附文件已一并送达", "已电话告知申请人答复书寄出"];

export type Draft = {
  applicant: Applicant;
  receivedOn: IsoDate;
  path: PathKind;
  /** The outcome of a reply, when the path ends in one; chosen by weight when left out. */
  outcome?: ReplyOutcome;
  channel?: Channel;
  description?: string;
  /** How a fee path charges: by page (default) or by application (the 11th and later of a month, 109号). */
  feeMethod?: "per_page" | "per_application";
};

/** One application of the script from its draft: registration and steps. */
export function planApplication(planning: Planning, draft: Draft): PlannedApplication {
  const { random, calendar } = planning;
  const at = (from: IsoDate, n: number) => workingDayAfter(calendar, from, n);
  const channel = draft.channel ?? (draft.path === "onTheSpot" ? "in_person" : random.weighted(CHANNEL_WEIGHTS));
  let outcome: OutcomeCode = draft.outcome ?? pathOutcome(random, draft.path);
  const start = draft.receivedOn;
  const steps: Step[] = [];
  const reply = (date: IsoDate, by: "clerk" | "reviewer" = "clerk") => {
    steps.push({
      kind: "event",
      date,
      by,
      event: { type: "replied", outcome, delivery: delivery(channel), ...(random.chance(0.3) ? { note: random.pick(REPLY_NOTES) } : {}) },
    });
    return date;
  };

  let concludedOn: IsoDate;
  switch (draft.path) {
    case "plain":
      concludedOn = reply(at(start, random.int(3, 19)), random.chance(0.15) ? "reviewer" : "clerk");
      break;
    case "onTheSpot":
      concludedOn = reply(start);
      break;
    case "late":
      concludedOn = reply(at(start, random.int(21, 24)));
      break;
    case "correctionOk":
    case "correctionAbandoned": {
      const notice = at(start, random.int(1, 5));
      const correctBy = addDays(notice, 15);
      steps.push({
        kind: "event",
        date: notice,
        event: { type: "correction_notice_sent", correctBy, note: random.pick(["申请内容不明确，请补充所需信息的名称、文号或便于查询的其他特征描述", "请补充申请人身份证明复印件", "请明确所需信息的时间范围和具体项目名称"]) },
      });
      if (draft.path === "correctionAbandoned") {
        concludedOn = at(correctBy, random.int(1, 4));
        steps.push({ kind: "event", date: concludedOn, event: { type: "correction_abandoned", note: "补正期限届满，申请人未补正，也未说明正当理由" } });
        outcome = "other.no_correction";
      } else {
        const corrected = at(notice, random.int(2, 8));
        steps.push({ kind: "event", date: corrected <= correctBy ? corrected : correctBy, event: { type: "correction_received" } });
        concludedOn = reply(at(corrected <= correctBy ? corrected : correctBy, random.int(5, 18)));
      }
      break;
    }
    case "consultation":
    case "consultationLapsed": {
      const sentAfter = random.int(3, 8);
      const sent = at(start, sentAfter);
      const thirdParty = outcome === "withheld.third_party" || random.chance(0.75);
      steps.push({
        kind: "event",
        date: sent,
        event: { type: "consultation_sent", party: thirdParty ? "third_party" : "agency", addressee: random.pick(thirdParty ? THIRD_PARTIES : OTHER_AGENCIES) },
      });
      const lapsed = draft.path === "consultationLapsed";
      const answered = lapsed ? at(sent, 16) : at(sent, random.int(3, 12));
      steps.push({ kind: "answer", date: answered, lapsed, note: lapsed ? "书面征求意见后第三方逾期未提出意见" : random.pick(["第三方书面回复不同意公开", "第三方书面回复同意公开", "该机关回函说明有关情况"]) });
      concludedOn = reply(at(answered, random.int(2, Math.max(2, 19 - sentAfter))));
      break;
    }
    case "extension": {
      const requested = at(start, random.int(15, 18));
      const approved = at(requested, random.int(0, 1));
      steps.push({ kind: "event", date: requested, event: { type: "extension_requested", reason: random.pick(["申请内容涉及多个年度的档案，需调档查阅", "所需信息需向相关部门核实", "申请内容较多，需逐项区分处理"]) } });
      steps.push({ kind: "event", date: approved, by: "reviewer", event: { type: "extension_approved", notifiedOn: approved, note: "已书面告知申请人延长答复期限" } });
      concludedOn = reply(at(start, random.int(25, 38)));
      break;
    }
    case "feePagePaid":
    case "feePageUnpaid": {
      const notice = at(start, random.int(5, 10));
      const deliveredOn = at(notice, 2);
      const fee =
        draft.feeMethod === "per_application"
          ? { method: "per_application", note: "申请人本月提出的申请超过10件，按件计收信息处理费" }
          : { method: "per_page", pages: random.int(36, 130), note: "申请公开的信息页数较多，按页计收信息处理费" };
      steps.push({ kind: "event", date: notice, event: { type: "fee_notice_sent", ...fee, deliveredOn } });
      if (draft.path === "feePagePaid") {
        const paid = at(deliveredOn, random.int(3, 12));
        steps.push({ kind: "event", date: paid, event: { type: "fee_paid" } });
        concludedOn = reply(at(paid, random.int(2, 8)));
      } else {
        concludedOn = at(deliveredOn, 20 + random.int(1, 3));
        steps.push({ kind: "event", date: concludedOn, event: { type: "fee_abandoned", note: "缴费期限届满，申请人未缴纳信息处理费" } });
        outcome = "other.unpaid_fee";
      }
      break;
    }
    case "reasonsRejected":
    case "reasonsLater": {
      const asked = at(start, random.int(3, 6));
      const later = draft.path === "reasonsLater" ? at(start, 45) : undefined;
      steps.push({ kind: "event", date: asked, event: { type: "reasons_requested", ...(later ? { laterReplyBy: later } : {}), note: "申请数量明显超出合理范围，要求申请人说明理由" } });
      concludedOn = reply(later ? at(start, random.int(30, 44)) : at(asked, random.int(8, 13)));
      break;
    }
  }
  return {
    registration: registration(planning, draft.applicant, start, channel, draft.description ?? requestText(random, Number(start.slice(0, 4)), draft.applicant.applicantType, outcome)),
    receivedOn: start,
    steps,
    outcome,
    concludedOn,
  };
}

function pathOutcome(random: Random, path: PathKind): ReplyOutcome {
  switch (path) {
    case "consultation":
    case "consultationLapsed":
      return random.weighted({ "withheld.third_party": 4, partial: 3, granted: 3 } as const);
    case "correctionOk":
      return random.weighted({ granted: 4, partial: 2, "unavailable.not_held": 2, "unavailable.still_unclear": 3 } as const);
    case "extension":
    case "feePagePaid":
    case "feePageUnpaid":
      return random.weighted({ granted: 5, partial: 4 } as const);
    case "reasonsRejected":
      return "rejected.excessive";
    case "reasonsLater":
      return random.weighted({ granted: 1, partial: 1 } as const);
    default:
      return random.weighted(REPLY_OUTCOME_WEIGHTS);
  }
}

/** The registration form as staff fill it: some letters confirmed later than they arrived (art. 31). */
function registration(planning: Planning, applicant: Applicant, receivedOn: IsoDate, channel: Channel, description: string): Registration {
  const { random, calendar } = planning;
  const confirmedLater = (channel === "ordinary_post" || channel === "online") && random.chance(0.25);
  const arrivedOn = confirmedLater ? workingDayBefore(calendar, receivedOn, random.int(1, 2)) : receivedOn;
  const agent = applicant.applicantType === "natural_person" && random.chance(0.04);
  return {
    channel,
    arrivedOn,
    ...(confirmedLater
      ? { receivedOn, receivedOnReason: channel === "online" ? `申请提交后，于 ${receivedOn} 与申请人确认申请内容` : `平信无需签收，于 ${receivedOn} 电话与申请人确认` }
      : {}),
    applicantType: applicant.applicantType,
    applicantName: applicant.applicantName,
    idNumber: applicant.idNumber,
    phone: applicant.phone,
    address: applicant.address,
    ...(agent ? { agentName: newApplicant(random, "natural_person").applicantName, agentPhone: `1380000${random.digits(4)}` } : {}),
    description,
    formWanted: channel === "online" || channel === "email" ? random.weighted({ electronic: 8, paper: 2 } as const) : random.weighted(FORM_WEIGHTS),
  };
}
