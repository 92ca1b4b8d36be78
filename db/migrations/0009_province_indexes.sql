DROP INDEX `applications_agency_concluded_idx`;--> statement-breakpoint
DROP INDEX `applications_agency_type_idx`;--> statement-breakpoint
DROP INDEX `applications_agency_status_due_idx`;--> statement-breakpoint
DROP INDEX `applications_agency_received_idx`;--> statement-breakpoint
CREATE INDEX `applications_agency_due_order_idx` ON `applications` (`agency_id`,("reply_due_on" is null),`reply_due_on`);--> statement-breakpoint
CREATE INDEX `applications_agency_status_due_idx` ON `applications` (`agency_id`,`status`,`reply_due_on`,`receipt_year`,`applicant_type`,`outcome`);--> statement-breakpoint
CREATE INDEX `applications_agency_received_idx` ON `applications` (`agency_id`,`received_on`,`id`,`concluded_on`,`applicant_type`,`outcome`,`voided_at`,`receipt_year`,`status`);--> statement-breakpoint
CREATE INDEX `application_events_fee_notice_idx` ON `application_events` (`type`,`occurred_on`) WHERE "application_events"."type" = 'fee_notice_sent';--> statement-breakpoint
CREATE INDEX `application_events_fee_paid_idx` ON `application_events` (`type`,`occurred_on`) WHERE "application_events"."type" = 'fee_paid';