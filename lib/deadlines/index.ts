export { computeDeadlines, type DeadlineInput } from "./compute-deadlines";
export { canRequestExtension, type ExtensionCheck, type ExtensionState } from "./extension";
export {
  REPLY_DELIVERIES,
  REPLY_OUTCOME_CODES,
  applicationEventSchema,
  type ApplicationEvent,
  type ApplicationEventType,
  type ConsultationAnswered,
  type ConsultationParty,
  type ConsultationSent,
  type CorrectionAbandoned,
  type CorrectionNoticeSent,
  type CorrectionReceived,
  type ExtensionApproved,
  type ExtensionRequested,
  type FeeAbandoned,
  type FeeNoticeSent,
  type FeePaid,
  type ReasonsRequested,
  type Replied,
  type ReplyDelivery,
  type ReplyOutcome,
} from "./events";
export type {
  ApplicationStatus,
  ComputedDate,
  Conclusion,
  ConsultationDeadline,
  CorrectionSummary,
  DeadlineReport,
  ExtensionSummary,
  FeeDeadline,
  Pause,
  ReplyDeadline,
} from "./report-types";
export {
  CONSULTATION_ANSWER_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  EXTENSION_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  REPLY_WORKING_DAYS,
} from "./rules";
