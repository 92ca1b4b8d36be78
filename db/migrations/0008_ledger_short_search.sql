-- One- and two-character searches through the trigram index (docs/decisions/007). Each indexed value is
-- stored with two trailing pad characters (U+0001, which no search can contain), so every character of the
-- text starts at least one trigram; the trigrams that begin with a short search are read from the index's
-- vocabulary (a range look-up) and matched with OR.
-- The index keeps only its own entries (contentless): the padded values are not the table's.
DROP TRIGGER `applications_search_insert`;
--> statement-breakpoint
DROP TRIGGER `applications_search_delete`;
--> statement-breakpoint
DROP TRIGGER `applications_search_update`;
--> statement-breakpoint
DROP TABLE `applications_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `applications_search` USING fts5(
  tracking_number, external_number, applicant_name, description,
  content='', contentless_delete=1, tokenize='trigram'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `applications_search_terms` USING fts5vocab(`applications_search`, 'row');
--> statement-breakpoint
CREATE TRIGGER `applications_search_insert` AFTER INSERT ON `applications`
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused) BEGIN
  INSERT INTO applications_search(rowid, tracking_number, external_number, applicant_name, description)
  VALUES (new.id, new.tracking_number || char(1, 1), coalesce(new.external_number, '') || char(1, 1),
    new.applicant_name || char(1, 1), new.description || char(1, 1));
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_delete` AFTER DELETE ON `applications` BEGIN
  DELETE FROM applications_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_search_update` AFTER UPDATE OF tracking_number, external_number, applicant_name, description ON `applications` BEGIN
  DELETE FROM applications_search WHERE rowid = old.id;
  INSERT INTO applications_search(rowid, tracking_number, external_number, applicant_name, description)
  VALUES (new.id, new.tracking_number || char(1, 1), coalesce(new.external_number, '') || char(1, 1),
    new.applicant_name || char(1, 1), new.description || char(1, 1));
END;
--> statement-breakpoint
-- What a bulk fill inserts (this migration, and imports: lib/server/internal/search-index.ts).
CREATE VIEW `applications_search_rows` AS
SELECT id, tracking_number || char(1, 1) AS tracking_number, coalesce(external_number, '') || char(1, 1) AS external_number,
  applicant_name || char(1, 1) AS applicant_name, description || char(1, 1) AS description
FROM applications;
--> statement-breakpoint
INSERT INTO applications_search(rowid, tracking_number, external_number, applicant_name, description)
SELECT id, tracking_number, external_number, applicant_name, description FROM applications_search_rows;
