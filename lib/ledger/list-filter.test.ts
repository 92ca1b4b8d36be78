import { describe, expect, it } from "vitest";
import { ledgerFilterSchema } from "./list-filter";

describe("the ledger list's search text", () => {
  it("drops control characters, so nothing typed can reach the search index's padding", () => {
    expect(ledgerFilterSchema.parse({ q: "侯\u0001静\u0000" }).q).toBe("侯静");
    expect(ledgerFilterSchema.parse({ q: "\u0001\u0007" }).q).toBeUndefined();
  });

  it("keeps what a person types, trimmed", () => {
    expect(ledgerFilterSchema.parse({ q: "  2024-0001 棚户区 " }).q).toBe("2024-0001 棚户区");
  });

  it("refuses a search longer than 100 characters with a message in Chinese", () => {
    const result = ledgerFilterSchema.safeParse({ q: "字".repeat(101) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("搜索内容最多 100 个字符");
  });
});
