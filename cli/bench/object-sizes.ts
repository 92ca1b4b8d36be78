import type Database from "better-sqlite3";

/** A table or index of the database, the bytes of its pages, and the statement that created it (null for automatic indexes). */
export type StoredObject = { name: string; type: "table" | "index"; table: string; bytes: number; sql: string | null };

/**
 * Every table and index with the bytes its pages take, largest first, read from SQLite's `dbstat` table
 * (better-sqlite3 has it); empty where the build lacks it. Reading it visits every page of the file.
 */
export function storedObjects(connection: Database.Database): StoredObject[] {
  try {
    return connection
      .prepare(
        `select s.name as name, s.type as type, s.tbl_name as "table", d.pgsize as bytes, s.sql as sql
         from dbstat('main', 1) d join sqlite_schema s on s.name = d.name
         order by bytes desc, s.name`,
      )
      .all() as StoredObject[];
  } catch {
    return [];
  }
}

/** An index's column list as its `create index` statement gives it, without the identifier quotes. */
export function indexColumns(object: StoredObject): string | null {
  const columns = object.sql?.match(/\bon\s+\S+\s*(\(.*\))/is)?.[1];
  return columns ? columns.replace(/[`"]/g, "") : null;
}
