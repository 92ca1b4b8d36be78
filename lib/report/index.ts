export * from "./labels";
export {
  annualReportSchema,
  checkResultSchema,
  parseAnnualReport,
  CHECK_IDS,
  REPORT_FORMAT,
  REPORT_STATUSES,
  type AnnualReport,
  type AnnualReportInput,
  type CheckId,
  type CheckSeverity,
  type ParseReportResult,
  type ReportSchemaError,
} from "./schema";
export { runChecks, type CheckResult } from "./checks";
export { generateProse, type DefaultProse } from "./prose";
export { findFigureQuotes, QUOTED_FIGURES, type FigureQuote, type QuotedFigure } from "./quoted-figures";
export {
  APPLICATION_ROW_PATHS,
  applicationRow,
  applicationRowLabels,
  type ApplicationRowPath,
} from "./places";
