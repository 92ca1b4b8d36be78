import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printableText } from "./printable-text";

/** What an XML 1.0 document may contain (https://www.w3.org/TR/xml/#charsets), checked code point by code point. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

describe("printableText", () => {
  it("leaves ordinary text, tabs, line breaks and characters outside the BMP alone", () => {
    const text = "申请人\t张三\r\n第二行\n😀𠀀 <b>&</b>";
    expect(printableText(text)).toBe(text);
  });

  it("turns the soft line break and form feed of pasted office text into line breaks", () => {
    expect(printableText("第一行\u000B第二行\u000C第三行")).toBe("第一行\n第二行\n第三行");
  });

  it("drops invisible controls and non-characters, and replaces half a surrogate pair", () => {
    expect(printableText("a\u0000b\u0001c\u001Fd\u007Fe\uFFFEf\uFFFF")).toBe("abcdef");
    expect(printableText("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
  });

  it("always gives text an XML document can hold, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 50 }), (text) => {
        const cleaned = printableText(text);
        expect([...cleaned].every((character) => isXmlCharacter(character.codePointAt(0) ?? -1))).toBe(true);
        expect(printableText(cleaned)).toBe(cleaned);
      }),
      { numRuns: 2000 },
    );
  });
});
