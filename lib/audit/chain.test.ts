import { describe, expect, it } from "vitest";
import { canonicalEntry, describeChainReport, entryHash, storableText, verifyChain, type ChainedEntry, type StoredEntry } from "./chain";

function entry(id: number, overrides: Partial<ChainedEntry> = {}): ChainedEntry {
  return {
    id,
    at: `2026-03-0${(id % 9) + 1}T02:00:00.000Z`,
    actorUserId: id % 2 ? 7 : null,
    actorName: id % 2 ? "clerk" : "system",
    action: "application.register",
    entity: "application",
    entityId: String(100 + id),
    agencyId: 3,
    before: null,
    after: JSON.stringify({ trackingNumber: `2026-${String(id).padStart(4, "0")}` }),
    detail: id === 2 ? "备注：\u0000控制字符与 emoji 😀" : null,
    ...overrides,
  };
}

/** Entries chained the way recordAudit chains them. */
function chained(count: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (let id = 1; id <= count; id++) {
    const prevHash = entries.at(-1)?.hash ?? null;
    const fields = entry(id);
    entries.push({ ...fields, prevHash, hash: entryHash(fields, prevHash) });
  }
  return entries;
}

describe("the audit hash chain", () => {
  it("verifies an intact chain and reports its length and head", () => {
    const entries = chained(6);
    const report = verifyChain(entries, 6);
    expect(report).toEqual({ ok: true, entries: 6, head: { id: 6, at: entries[5]?.at, hash: entries[5]?.hash } });
    expect(verifyChain([], null)).toEqual({ ok: true, entries: 0, head: null });
  });

  it("covers every field of an entry: changing any one of them is found at that entry", () => {
    const replacements: { [K in keyof ChainedEntry]?: ChainedEntry[K] } = {
      at: "2026-03-04T02:00:01.000Z",
      actorUserId: 8,
      actorName: "reviewer",
      action: "application.void",
      entity: "user",
      entityId: "999",
      agencyId: 4,
      before: "{}",
      after: JSON.stringify({ trackingNumber: "2026-0099" }),
      detail: "改过的说明",
    };
    for (const [field, value] of Object.entries(replacements)) {
      const entries = chained(5);
      entries[2] = { ...entries[2], [field]: value } as StoredEntry;
      const report = verifyChain(entries, 5);
      expect(report.ok, field).toBe(false);
      if (!report.ok) expect(report.break, field).toMatchObject({ kind: "altered", entryId: 3, at: entries[2]?.at });
    }
  });

  it("tells a null field from an empty one, and one field's text from the next one's", () => {
    const base = entry(1, { detail: null, before: null });
    expect(entryHash({ ...base, detail: "" }, null)).not.toBe(entryHash(base, null));
    expect(entryHash({ ...base, before: "x", detail: null }, null)).not.toBe(entryHash({ ...base, before: null, detail: "x" }, null));
    expect(entryHash(base, "a".repeat(64))).not.toBe(entryHash(base, null));
  });

  it("finds an entry that was changed and given a new hash at the entry after it", () => {
    const entries = chained(5);
    const forged = { ...entry(3), detail: "改过" };
    entries[2] = { ...forged, prevHash: entries[1]?.hash ?? null, hash: entryHash(forged, entries[1]?.hash ?? null) };
    const report = verifyChain(entries, 5);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.break).toMatchObject({ kind: "relinked", entryId: 4 });
  });

  it("finds a removed entry, and renumbering the rest does not hide it", () => {
    const entries = chained(6);
    const removed = entries.filter((e) => e.id !== 3);
    const report = verifyChain(removed, 6);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.break).toMatchObject({ kind: "missing", entryId: 4, missing: { from: 3, to: 3 } });
      expect(report.entries).toBe(2);
    }
    const renumbered = removed.map((e, i) => ({ ...e, id: i + 1 }));
    const again = verifyChain(renumbered, 5);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.break).toMatchObject({ entryId: 3 });
  });

  it("finds entries removed from the end when the database issued higher ids", () => {
    const entries = chained(6).slice(0, 4);
    const report = verifyChain(entries, 6);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.break).toMatchObject({ kind: "missing_tail", entryId: 4, missing: { from: 5, to: 6 } });
    const emptied = verifyChain([], 6);
    expect(emptied.ok).toBe(false);
    if (!emptied.ok) expect(emptied.break).toMatchObject({ kind: "missing_tail", entryId: null, missing: { from: 1, to: 6 } });
  });

  it("finds an entry written around the chain", () => {
    const entries = chained(3);
    entries.push({ ...entry(4), prevHash: null, hash: null });
    const report = verifyChain(entries, 4);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.break).toMatchObject({ kind: "unchained", entryId: 4 });
  });

  it("stops reading at the first break", () => {
    const entries = chained(5);
    entries[1] = { ...entries[1], detail: "改过" } as StoredEntry;
    let read = 0;
    function* counted() {
      for (const e of entries) {
        read += 1;
        yield e;
      }
    }
    verifyChain(counted(), 5);
    expect(read).toBe(2);
  });

  it("names the entry and its Beijing time, and the missing ids", () => {
    const entries = chained(6);
    entries[4] = { ...entries[4], at: "2026-01-02T03:04:05.000Z", detail: "改过" } as StoredEntry;
    const message = describeChainReport(verifyChain(entries, 6));
    expect(message).toContain("第 5 条");
    expect(message).toContain("2026/1/2 11:04:05");
    expect(describeChainReport(verifyChain(chained(6).filter((e) => e.id !== 2 && e.id !== 3), 6))).toMatch(/第 4 条.*第 2–3 条已被删除/);
    expect(describeChainReport(verifyChain(chained(2), 2))).toMatch(/审计链完整：共 2 条，最后一条为第 2 条/);
  });

  it("makes text storable: halves of surrogate pairs become U+FFFD, everything else stays", () => {
    expect(storableText("a\uD800b\uDC00c")).toBe("a\uFFFDb\uFFFDc");
    const intact = "😀 \u0000 控制 \u202E";
    expect(storableText(intact)).toBe(intact);
    expect(canonicalEntry(entry(1, { detail: storableText("\uDBFF") }), null)).toContain("\uFFFD");
  });
});
