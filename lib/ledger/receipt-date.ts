import { type IsoDate } from "@/lib/calendar";
import type { Channel } from "./codes";

export type ReceiptProposal = { date: IsoDate; rule: string };

/**
 * The legal receipt date that art. 31 gives for a channel. For channels where the law counts from a
 * confirmation with the applicant, the arrival date is only a proposal: staff change it, with a reason,
 * when the confirmation came later.
 */
export function proposeReceiptDate(channel: Channel, arrivedOn: IsoDate): ReceiptProposal {
  switch (channel) {
    case "in_person":
      return { date: arrivedOn, rule: "当面提交的，以提交之日为收到申请之日（第三十一条第一项）" };
    case "registered_post":
      return { date: arrivedOn, rule: "以邮寄方式提交的，以行政机关签收之日为收到申请之日（第三十一条第二项）" };
    case "ordinary_post":
      return { date: arrivedOn, rule: "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日（第三十一条第二项）" };
    case "online":
    case "email":
    case "fax":
      return { date: arrivedOn, rule: "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（第三十一条第三项）" };
    case "other":
      return { date: arrivedOn, rule: "其他方式提交的，以实际收到并确认之日为收到申请之日" };
  }
}
