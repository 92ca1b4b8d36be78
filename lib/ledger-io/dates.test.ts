import { describe, expect, it } from "vitest";
import { excelSerialToIsoDate, parseLedgerDate } from "./dates";

describe("dates in a ledger file", () => {
  it.each([
    ["2022-01-05", "2022-01-05"],
    ["2022/1/5", "2022-01-05"],
    ["2022/01/05", "2022-01-05"],
    ["2022-1-5", "2022-01-05"],
    ["2022.1.5", "2022-01-05"],
    ["2022年1月5日", "2022-01-05"],
    [" 2022/1/5 ", "2022-01-05"],
    ["2022/1/5 0:00", "2022-01-05"],
    ["2022-01-05 14:30:00", "2022-01-05"],
    ["２０２２/１/５", "2022-01-05"],
    ["44566", "2022-01-05"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseLedgerDate(text)).toEqual({ ok: true, date: expected });
  });

  it("reads Excel date cells (UTC midnight, or with a time of day) and serial numbers", () => {
    expect(parseLedgerDate(new Date(Date.UTC(2022, 0, 5)))).toEqual({ ok: true, date: "2022-01-05" });
    expect(parseLedgerDate(new Date(Date.UTC(2022, 0, 5, 18, 30)))).toEqual({ ok: true, date: "2022-01-05" });
    // Floating-point noise just before midnight still names the day.
    expect(parseLedgerDate(new Date(Date.UTC(2022, 0, 5) - 0.4))).toEqual({ ok: true, date: "2022-01-05" });
    expect(parseLedgerDate(44566)).toEqual({ ok: true, date: "2022-01-05" });
    expect(parseLedgerDate(44566.75)).toEqual({ ok: true, date: "2022-01-05" });
    expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
    expect(excelSerialToIsoDate(45658)).toBe("2025-01-01");
  });

  it.each([
    ["2022-13-01", "不是有效的日期"],
    ["2022-02-30", "不是有效的日期"],
    ["2022年2月", "不是日期"],
    ["明天", "不是日期"],
    ["20220105", "不是日期"],
    ["2007-12-31", "早于 2008 年"],
    ["39000", "早于 2008 年"],
  ])("refuses %j (%s)", (text, reason) => {
    const parsed = parseLedgerDate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });

  it("refuses numbers that are no serial day and invalid Date objects", () => {
    expect(parseLedgerDate(20220105).ok).toBe(false);
    expect(parseLedgerDate(-3).ok).toBe(false);
    expect(parseLedgerDate(new Date(Number.NaN)).ok).toBe(false);
    expect(parseLedgerDate(true).ok).toBe(false);
  });
});
