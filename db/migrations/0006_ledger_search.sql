-- Substring search over the ledger (tracking number, own number, applicant, request text) without a full
-- scan: an FTS5 index with the trigram tokenizer, kept in step with `applications` by triggers. SQLite's
-- own form of what PostgreSQL does with pg_trgm (docs/decisions/007). Searches shorter than three
-- characters cannot use it and fall back to LIKE.
CREATE VIRTUAL TABLE `applications_search` USING fts5(
  tracking_number, external_number, applicant_name, description,
  content='applications', content_rowid='id', tokenize='trigram'
);
--> statement-breakpoint
-- A bulk import pauses the per-row insert trigger and indexes its rows in one statement at the end of its
-- transaction, four times faster (lib/server/internal/search-index.ts).
CREATE TABLE `search_index_paused` (`paused` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `applications_search_insert` AFTER INSERT ON `applications`
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused) BEGIN
  INSERT INTO applications_search(rowid, tracking_number, external_number, applicant_name, description)
  VALUES (new.id, new.tracking_number, new.external_number, new.applicant_name, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_delete` AFTER DELETE ON `applications` BEGIN
  INSERT INTO applications_search(applications_search, rowid, tracking_number, external_number, applicant_name, description)
  VALUES ('delete', old.id, old.tracking_number, old.external_number, old.applicant_name, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_update` AFTER UPDATE OF tracking_number, external_number, applicant_name, description ON `applications` BEGIN
  INSERT INTO applications_search(applications_search, rowid, tracking_number, external_number, applicant_name, description)
  VALUES ('delete', old.id, old.tracking_number, old.external_number, old.applicant_name, old.description);
  INSERT INTO applications_search(rowid, tracking_number, external_number, applicant_name, description)
  VALUES (new.id, new.tracking_number, new.external_number, new.applicant_name, new.description);
END;
--> statement-breakpoint
INSERT INTO applications_search(applications_search) VALUES ('rebuild');
