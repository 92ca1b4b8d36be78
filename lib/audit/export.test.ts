import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AUDIT_EXPORT_HEADERS, auditCsv, beijingTime, type AuditExportRow } from "./export";

const row = (overrides: Partial<AuditExportRow> = {}): AuditExportRow => ({
  id: 7,
  at: "2026-11-29T18:01:28.123Z",
  actorUserId: 3,
  actorName: "clerk",
  action: "application.update",
  entity: "application",
  entityId: "42",
  agencyId: 1,
  agencyCode: "jccq",
  detail: null,
  before: '{"description":"旧"}',
  after: '{"description":"新"}',
  prevHash: "a".repeat(64),
  hash: "b".repeat(64),
  ...overrides,
});

async function text(rows: AuditExportRow[]): Promise<string> {
  let out = "";
  for await (const chunk of auditCsv((async function* () {
    yield* rows;
  })())) out += chunk;
  return out;
}

describe("the audit trail as CSV", () => {
  it("gives Beijing wall time", () => {
    expect(beijingTime("2026-11-29T18:01:28.123Z")).toBe("2026-11-30 02:01:28");
    expect(beijingTime("not a time")).toBe("not a time");
  });

  it("starts with a BOM and the Chinese headers, one CRLF line per entry, with the label beside the action's code", async () => {
    const csv = await text([row(), row({ id: 8, action: "audit.export", entity: "audit_log", entityId: null, agencyId: null, agencyCode: null, before: null, after: null })]);
    expect(csv.startsWith("\uFEFF序号,时间（北京时间）,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual([...AUDIT_EXPORT_HEADERS]);
    expect(records[1]).toEqual([
      "7", "2026-11-30 02:01:28", "2026-11-29T18:01:28.123Z", "clerk", "3", "修改登记信息", "application.update", "application", "42", "jccq", "1", "",
      '{"description":"旧"}', '{"description":"新"}', "a".repeat(64), "b".repeat(64),
    ]);
    expect(records[2]?.slice(5, 11)).toEqual(["导出审计日志", "audit.export", "audit_log", "", "", ""]);
  });

  it("defuses text a spreadsheet would run, and quotes commas, quotes and line breaks", async () => {
    const records = parse(await text([row({ detail: '=HYPERLINK("http://evil")', actorName: "甲,乙", before: 'a "b"\nc' })]), { bom: true }) as string[][];
    expect(records[1]?.[11]).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[1]?.[3]).toBe("甲,乙");
    expect(records[1]?.[12]).toBe('a "b"\nc');
  });
});
