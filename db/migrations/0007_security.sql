CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;--> statement-breakpoint
-- The hash chain (lib/audit/chain.ts): an entry gets its prev_hash and hash once, in the transaction that
-- writes it, or for entries from before the chain when the database is next opened (db/audit-chain.ts).
-- Nothing else of an entry may change, and a hash once set is final. A column added to audit_log later
-- must be added here too.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL
  OR NEW.`id` IS NOT OLD.`id`
  OR NEW.`at` IS NOT OLD.`at`
  OR NEW.`actor_user_id` IS NOT OLD.`actor_user_id`
  OR NEW.`actor_name` IS NOT OLD.`actor_name`
  OR NEW.`action` IS NOT OLD.`action`
  OR NEW.`entity` IS NOT OLD.`entity`
  OR NEW.`entity_id` IS NOT OLD.`entity_id`
  OR NEW.`agency_id` IS NOT OLD.`agency_id`
  OR NEW.`before` IS NOT OLD.`before`
  OR NEW.`after` IS NOT OLD.`after`
  OR NEW.`detail` IS NOT OLD.`detail`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
