CREATE TABLE `ledger_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob,
	`state` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`result` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_imports_state_check" CHECK("ledger_imports"."state" in ('checking','checked','importing','imported','failed'))
);
--> statement-breakpoint
CREATE INDEX `ledger_imports_user_idx` ON `ledger_imports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_imports_expires_idx` ON `ledger_imports` (`expires_at`);--> statement-breakpoint
ALTER TABLE `applications` ADD `external_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_external_number_unique` ON `applications` (`agency_id`,`external_number`);