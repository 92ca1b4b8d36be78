CREATE TABLE `report_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`year` integer NOT NULL,
	`workflow` text DEFAULT 'draft' NOT NULL,
	`proactive` text,
	`sections` text,
	`submitted_at` text,
	`submitted_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_drafts_agency_year_unique` ON `report_drafts` (`agency_id`,`year`);--> statement-breakpoint
CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	`historical` integer DEFAULT false NOT NULL,
	`snapshot` text NOT NULL,
	`correction_note` text,
	`published_at` text NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_agency_year_version_unique` ON `report_versions` (`agency_id`,`year`,`version`);--> statement-breakpoint
CREATE INDEX `report_versions_year_idx` ON `report_versions` (`year`);--> statement-breakpoint
CREATE TABLE `review_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`kind` text NOT NULL,
	`application_id` integer,
	`reference` text,
	`filed_on` text NOT NULL,
	`result` text,
	`concluded_on` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_cases_concluded_check" CHECK(("review_cases"."result" is null) = ("review_cases"."concluded_on" is null))
);
--> statement-breakpoint
CREATE INDEX `review_cases_agency_idx` ON `review_cases` (`agency_id`,`filed_on`);