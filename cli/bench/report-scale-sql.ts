/** A captured statement with its parameters written in, for the sqlite3 shell (bench data only: no untrusted input). */
export function inlineStatement(sql: string, params: unknown[]): string {
  const flat = params.flat();
  let index = 0;
  return sql.replace(/\?/g, () => {
    const value = flat[index++];
    return typeof value === "number" ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
