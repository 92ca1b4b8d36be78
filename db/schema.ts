import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Timestamps are ISO-8601 UTC strings: portable to PostgreSQL and readable in a dump. */

export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => agencies.id),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("agencies_code_unique").on(t.code), index("agencies_parent_idx").on(t.parentId)],
);

export const ROLES = ["admin", "clerk", "reviewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Raised whenever existing sessions must end: disabling, a password change, a new role or agency. */
    sessionVersion: integer("session_version").notNull().default(1),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: text("locked_until"),
    lastSignInAt: text("last_sign_in_at"),
    /** The TOTP secret, encrypted with a key derived from the app secret; set while enrolling. */
    totpSecret: text("totp_secret"),
    /** Set when the user confirmed a code from the authenticator app: from then on sign-in asks for one. */
    totpEnabledAt: text("totp_enabled_at"),
    /** The time step of the last accepted code: a code (or an older one) is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    index("users_agency_idx").on(t.agencyId),
    check("users_role_check", sql`${t.role} in ('admin','clerk','reviewer','auditor')`),
    check(
      "users_agency_role_check",
      sql`(${t.role} in ('clerk','reviewer')) = (${t.agencyId} is not null)`,
    ),
  ],
);

/** One row per sign-in; the signed cookie only carries its id, so the server can end it at any time. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    sessionVersion: integer("session_version").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    endedAt: text("ended_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time codes that stand in for the authenticator app; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Append-only: migration 0001 adds triggers that refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    agencyId: integer("agency_id"),
    before: text("before"),
    after: text("after"),
    detail: text("detail"),
    /** The previous entry's hash: a changed or removed entry breaks the chain (`audit verify`). */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_action_idx").on(t.action, t.at),
  ],
);

/**
 * The working-day calendar as data (domain.md §3): days that differ from the Monday–Friday rule.
 * A holiday is a day off (also listed when it falls on a weekend, so traces can name it); a
 * make-up workday is a weekend day declared a working day (调休).
 */
export const calendarDays = sqliteTable(
  "calendar_days",
  {
    date: text("date").primaryKey(),
    kind: text("kind", { enum: ["holiday", "make_up_workday"] }).notNull(),
    name: text("name").notNull(),
  },
  (t) => [check("calendar_days_kind_check", sql`${t.kind} in ('holiday','make_up_workday')`)],
);

/** Years whose official schedule is entered; for other years deadlines are provisional (暂定). */
export const calendarYears = sqliteTable("calendar_years", {
  year: integer("year").primaryKey(),
  source: text("source").notNull(),
});

export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Tracking number parts: year of the legal receipt date and a gap-free serial within it. */
    receiptYear: integer("receipt_year").notNull(),
    serial: integer("serial").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    /**
     * The agency's own number (编号) when the application came in with a ledger import; re-importing a row
     * with the same 编号 updates this application. Never in the form of a tracking number: an imported
     * 编号 of that form becomes the tracking number itself (docs/decisions/006).
     */
    externalNumber: text("external_number"),
    channel: text("channel").notNull(),
    arrivedOn: text("arrived_on").notNull(),
    receivedOn: text("received_on").notNull(),
    receivedOnReason: text("received_on_reason"),
    applicantType: text("applicant_type").notNull(),
    applicantName: text("applicant_name").notNull(),
    idNumber: text("id_number"),
    phone: text("phone"),
    address: text("address"),
    agentName: text("agent_name"),
    agentPhone: text("agent_phone"),
    description: text("description").notNull(),
    formWanted: text("form_wanted").notNull(),
    notes: text("notes"),
    voidedAt: text("voided_at"),
    voidReason: text("void_reason"),
    /**
     * Projection of the deadline engine over the events and the calendar, rebuilt in the same
     * transaction as every event and every calendar change; never written any other way
     * (docs/decisions/004). It exists so lists can filter and sort on deadlines in SQL.
     */
    status: text("status").notNull(),
    replyDueOn: text("reply_due_on"),
    dueProvisional: integer("due_provisional", { mode: "boolean" }).notNull().default(false),
    extensionPending: integer("extension_pending", { mode: "boolean" }).notNull().default(false),
    concludedOn: text("concluded_on"),
    outcome: text("outcome"),
    createdAt: text("created_at").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("applications_tracking_unique").on(t.agencyId, t.receiptYear, t.serial),
    uniqueIndex("applications_external_number_unique").on(t.agencyId, t.externalNumber),
    // Wide enough for the ledger's status counts and table 三 to be answered from the index alone (migration 0009):
    // an agency's rows are scattered over the whole table, so reading each one costs a page.
    index("applications_agency_status_due_idx").on(t.agencyId, t.status, t.replyDueOn, t.receiptYear, t.applicantType, t.outcome),
    // `id` keeps the list's order (received_on desc, id desc) in the index: a page at any depth without a sort.
    index("applications_agency_received_idx").on(
      t.agencyId,
      t.receivedOn,
      t.id,
      t.concludedOn,
      t.applicantType,
      t.outcome,
      t.voidedAt,
      t.receiptYear,
      t.status,
    ),
    // The ledger sorted by reply deadline (`sort=due_asc`, open ones first): its first page without sorting the agency.
    index("applications_agency_due_order_idx").on(t.agencyId, sql`(${t.replyDueOn} is null)`, t.replyDueOn),
  ],
);

/**
 * What happened to an application, in order. Rows are never changed: a wrong event is corrected by a
 * later row that names it (`corrects_event_id`) with a reason; the latest row of a chain is in force.
 */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    type: text("type").notNull(),
    occurredOn: text("occurred_on").notNull(),
    /** The event's own fields as JSON (deadline given, party, outcome, fee, …). */
    details: text("details").notNull(),
    correctsEventId: integer("corrects_event_id").references((): AnySQLiteColumn => applicationEvents.id),
    /** A correction that withdraws the event altogether, rather than replacing its values. */
    withdrawn: integer("withdrawn", { mode: "boolean" }).notNull().default(false),
    correctionReason: text("correction_reason"),
    recordedAt: text("recorded_at").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
  },
  (t) => [
    index("application_events_application_idx").on(t.applicationId, t.occurredOn),
    index("application_events_corrects_idx").on(t.correctsEventId),
    // The report's fee figures: the year's fee notices and payments, not every event of every application of the
    // agency. Partial, so the replies and other events an import writes by the thousand never touch them.
    index("application_events_fee_notice_idx").on(t.type, t.occurredOn).where(sql`${t.type} = 'fee_notice_sent'`),
    index("application_events_fee_paid_idx").on(t.type, t.occurredOn).where(sql`${t.type} = 'fee_paid'`),
  ],
);

export const LEDGER_IMPORT_STATES = ["checking", "checked", "importing", "imported", "failed"] as const;
export type LedgerImportState = (typeof LEDGER_IMPORT_STATES)[number];

/**
 * A ledger file uploaded on the web, kept between its preview and the confirmation (so confirming needs no
 * second upload) and while it is checked or written in the background. Only its uploader sees it. The file
 * is dropped once imported, and the whole row after `expires_at`.
 */
export const ledgerImports = sqliteTable(
  "ledger_imports",
  {
    id: text("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    size: integer("size").notNull(),
    /** The uploaded bytes; null once the file has been written (or given up). */
    content: blob("content", { mode: "buffer" }),
    state: text("state", { enum: LEDGER_IMPORT_STATES }).notNull(),
    /** Data rows read so far by the check or the write running now, for the progress page. */
    rowsRead: integer("rows_read").notNull().default(0),
    /** The last check or write: counts, every problem, skipped rows, what each row would do (JSON). */
    result: text("result"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [
    index("ledger_imports_user_idx").on(t.userId, t.createdAt),
    index("ledger_imports_expires_idx").on(t.expiresAt),
    check("ledger_imports_state_check", sql`${t.state} in ('checking','checked','importing','imported','failed')`),
  ],
);

export const REPORT_WORKFLOW = ["draft", "submitted"] as const;

/**
 * The working copy of an agency's report for a year: what staff enter by hand (table 二, the prose).
 * Table 三 and the fees are never stored here; they are counted from the ledger at every view.
 */
export const reportDrafts = sqliteTable(
  "report_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    workflow: text("workflow", { enum: REPORT_WORKFLOW }).notNull().default("draft"),
    /** Table 二 as the report JSON's `proactive` object; null until staff enter it. */
    proactive: text("proactive"),
    /** The prose sections as the report JSON's `sections`; null = the generated sentences. */
    sections: text("sections"),
    submittedAt: text("submitted_at"),
    submittedBy: integer("submitted_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("report_drafts_agency_year_unique").on(t.agencyId, t.year)],
);

/**
 * Published reports, frozen: the complete report JSON at the moment of publication (tables, prose,
 * checks). A correction is a new version with its 更正说明; earlier versions stay, superseded.
 * Historical reports (from before the agency used gongkai) are stored here as typed.
 */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    historical: integer("historical", { mode: "boolean" }).notNull().default(false),
    snapshot: text("snapshot").notNull(),
    correctionNote: text("correction_note"),
    publishedAt: text("published_at").notNull(),
    publishedBy: integer("published_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("report_versions_agency_year_version_unique").on(t.agencyId, t.year, t.version),
    index("report_versions_year_idx").on(t.year),
    // The public home's latest publications: without it every snapshot row is read to sort them.
    index("report_versions_published_idx").on(t.publishedAt),
  ],
);

export const REVIEW_KINDS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"] as const;
export const REVIEW_RESULTS = ["upheld", "corrected", "other"] as const;

/** Administrative reconsideration and litigation cases about disclosure (table 四, domain.md §4.4). */
export const reviewCases = sqliteTable(
  "review_cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: REVIEW_KINDS }).notNull(),
    applicationId: integer("application_id").references(() => applications.id),
    reference: text("reference"),
    filedOn: text("filed_on").notNull(),
    result: text("result", { enum: REVIEW_RESULTS }),
    concludedOn: text("concluded_on"),
    notes: text("notes"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("review_cases_agency_idx").on(t.agencyId, t.filedOn),
    check("review_cases_concluded_check", sql`(${t.result} is null) = (${t.concludedOn} is null)`),
  ],
);
