import { describe, expect, it } from "vitest";
import { attachment, contentDisposition } from "./download-headers";

describe("download headers", () => {
  it("name the file in ASCII for old clients and in Chinese for the rest (RFC 6266 / 5987)", () => {
    expect(contentDisposition("jccq 2025 (v2).csv", "晋城市城区2025年报告（第2版）'*.csv")).toBe(
      `attachment; filename="jccq_2025__v2_.csv"; filename*=UTF-8''${encodeURIComponent("晋城市城区2025年报告（第2版）")}%27%2A.csv`,
    );
  });

  it("keep staff files out of every cache unless told otherwise, and forbid sniffing", () => {
    const file = { filename: "a.csv", displayName: "甲.csv", contentType: "text/csv; charset=utf-8" };
    expect(attachment(file)).toMatchObject({ "cache-control": "no-store", "x-content-type-options": "nosniff", "content-type": "text/csv; charset=utf-8" });
    expect(attachment(file, "public, max-age=300")).toMatchObject({ "cache-control": "public, max-age=300" });
  });
});
