CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`type` text NOT NULL,
	`occurred_on` text NOT NULL,
	`details` text NOT NULL,
	`corrects_event_id` integer,
	`withdrawn` integer DEFAULT false NOT NULL,
	`correction_reason` text,
	`recorded_at` text NOT NULL,
	`recorded_by` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_event_id`) REFERENCES `application_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_application_idx` ON `application_events` (`application_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `application_events_corrects_idx` ON `application_events` (`corrects_event_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`receipt_year` integer NOT NULL,
	`serial` integer NOT NULL,
	`tracking_number` text NOT NULL,
	`channel` text NOT NULL,
	`arrived_on` text NOT NULL,
	`received_on` text NOT NULL,
	`received_on_reason` text,
	`applicant_type` text NOT NULL,
	`applicant_name` text NOT NULL,
	`id_number` text,
	`phone` text,
	`address` text,
	`agent_name` text,
	`agent_phone` text,
	`description` text NOT NULL,
	`form_wanted` text NOT NULL,
	`notes` text,
	`voided_at` text,
	`void_reason` text,
	`status` text NOT NULL,
	`reply_due_on` text,
	`due_provisional` integer DEFAULT false NOT NULL,
	`extension_pending` integer DEFAULT false NOT NULL,
	`concluded_on` text,
	`outcome` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_tracking_unique` ON `applications` (`agency_id`,`receipt_year`,`serial`);--> statement-breakpoint
CREATE INDEX `applications_agency_status_due_idx` ON `applications` (`agency_id`,`status`,`reply_due_on`);--> statement-breakpoint
CREATE INDEX `applications_agency_received_idx` ON `applications` (`agency_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `applications_agency_concluded_idx` ON `applications` (`agency_id`,`concluded_on`,`outcome`);--> statement-breakpoint
CREATE INDEX `applications_agency_type_idx` ON `applications` (`agency_id`,`applicant_type`,`received_on`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK("calendar_days"."kind" in ('holiday','make_up_workday'))
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL
);
