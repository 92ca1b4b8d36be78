import fc from "fast-check";

/**
 * Input an attacker or a broken client could send, for the fuzz tests: wrong types, huge strings, control
 * characters, emoji, lone surrogates, prototype keys, numbers where text belongs. Pure fast-check, no I/O.
 */

export const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83D", "\uDE00b"] as const;

/** Keys that reach Object.prototype when code builds objects from what was typed. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"] as const;

/** Characters that break text formats: CSV and XML specials, formula starters, invisible and bidi controls. */
const AWKWARD_CHARACTERS = ['"', "'", ",", ";", "\n", "\r", "\t", "<", ">", "&", "=", "+", "-", "@", "\\", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u200B", "\u202E", "\uFFFE", "\uFFFF", "\u3000", "\u00A0"];

const controlCharacter = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f)).map((code) => String.fromCharCode(code));
const emoji = fc.constantFrom("😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇨🇳", "1️⃣", "𠀀", "𪚥");
const loneSurrogate = fc.constantFrom(...LONE_SURROGATES);

const awkwardUnit = fc.oneof(controlCharacter, emoji, loneSurrogate, fc.constantFrom(...AWKWARD_CHARACTERS), fc.constantFrom("中", "文", "a", "1", " "));

// Arrays of characters joined rather than fc.string: fc.string works out "dangerous" slices of its unit when it
// is made, a second or more for the whole of Unicode (the dangerous strings are in PROTOTYPE_KEYS above anyway).
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((code) => code < 0xd800 || code > 0xdfff).map((code) => String.fromCodePoint(code));
const smallCodePoint = fc.integer({ min: 0x20, max: 0x2fff }).map((code) => String.fromCodePoint(code));
const binaryText = fc.array(fc.oneof(anyCodePoint, smallCodePoint), { maxLength: 40 }).map((units) => units.join(""));
const awkwardText = fc.array(awkwardUnit, { maxLength: 30 }).map((units) => units.join(""));

/** Numbers as a form would carry them, including the ones that parse oddly. */
export const numericText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -3, max: 3 }).map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "-0", "1e309", "0x10", "0b1", "  12  ", "１２", "1,000", "1.5", "9007199254740993", "-1", "0"),
);

/** Dates in every shape a date field could be sent, valid or not. */
export const dateLikeText: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom("2024-02-30", "2023-02-29", "2024-13-01", "0000-01-01", "9999-12-31", "2024-1-5", "2024/01/05", "20240105", "2024-01-05T00:00:00Z", " 2024-01-05 "),
);

/** A very long string, sometimes of characters that take several bytes. */
const hugeText = fc
  .tuple(fc.constantFrom(2_001, 20_001, 100_001), fc.constantFrom("a", "中", "😀", "\u0000", "=", "\uD800"))
  .map(([length, unit]) => unit.repeat(length));

/** Any text a hostile client could put into one field (a huge one about once in a hundred, as they are slow to check). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 35, arbitrary: binaryText },
  { weight: 20, arbitrary: awkwardText },
  { weight: 15, arbitrary: numericText },
  { weight: 10, arbitrary: dateLikeText },
  { weight: 10, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, "", " ", "\u3000", "null", "undefined", "true", "false", "[]", "{}", '{"__proto__":{"polluted":1}}') },
  { weight: 1, arbitrary: hugeText },
);

/** What a form field can carry: text, or a file where text was expected. */
export type FieldValue = string | { file: Uint8Array; name: string; type: string };

export const hostileFile: fc.Arbitrary<FieldValue> = fc.record({
  file: fc.oneof(fc.uint8Array({ maxLength: 512 }), hostileText.map((text) => new TextEncoder().encode(text))),
  name: fc.oneof(fc.constantFrom("台账.csv", "a.xlsx", "../../etc/passwd", "", "x".repeat(300), "con.csv"), hostileText),
  type: fc.constantFrom("text/csv", "application/octet-stream", "", "text/html"),
});

export type FormEntries = [string, FieldValue][];

/** How one field of a form arrives: as it should, garbled, left out, given twice, or as a file. */
function fieldArbitrary(name: string, good: fc.Arbitrary<string>, badWeight: number): fc.Arbitrary<[string, FieldValue][]> {
  return fc
    .oneof(
      { weight: 12, arbitrary: good.map((value): FieldValue[] => [value]) },
      { weight: 6 * badWeight, arbitrary: hostileText.map((value): FieldValue[] => [value]) },
      { weight: 2 * badWeight, arbitrary: fc.constant<FieldValue[]>([]) },
      { weight: 2 * badWeight, arbitrary: fc.tuple(good, fc.oneof(good, hostileText)).map((values): FieldValue[] => values) },
      { weight: badWeight, arbitrary: hostileFile.map((file): FieldValue[] => [file]) },
    )
    .map((values) => values.map((value): [string, FieldValue] => [name, value]));
}

/**
 * A form submission for a form with these fields (each with the values it accepts). Each run picks how wild
 * to be: every field as it should be (so writes happen, with awkward but acceptable text), or a few, many or
 * most fields garbled, left out, given twice or given as a file; plus now and then keys the form never had.
 */
export function formEntries(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<FormEntries> {
  const extraKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, "$ACTION_ID_0123456789abcdef", "$ACTION_REF_1", "$ACTION_1:0", "id", "agencyId", "role", "password"), hostileText);
  const extras = fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, fc.oneof(hostileText, hostileFile)), { minLength: 1, maxLength: 3 }) });
  return fc.constantFrom(0, 0, 1, 3, 12).chain((badWeight) =>
    fc
      .tuple(fc.tuple(...Object.entries(fields).map(([name, good]) => (badWeight === 0 ? good.map((value): [string, FieldValue][] => [[name, value]]) : fieldArbitrary(name, good, badWeight)))), extras)
      .map(([given, extra]) => [...given.flat(), ...extra]),
  );
}

export function toFormData(entries: FormEntries): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") formData.append(name, value);
    else formData.append(name, new File([value.file.slice()], value.name, { type: value.type }));
  }
  return formData;
}

/** Arguments a direct POST could hand an action instead of (state, FormData). */
export const hostileArguments: fc.Arbitrary<unknown[]> = fc.array(fc.oneof(fc.anything(), hostileText), { maxLength: 3 });

/** Free text a form accepts (its length after trimming within bounds) but that is awkward to store and show. */
export function acceptableText(options: { min?: number; max: number }): fc.Arbitrary<string> {
  const min = options.min ?? 0;
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom("张三", "某某有限公司", "关于某某文件的公开申请", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(1)") },
      { weight: 5, arbitrary: awkwardText },
      { weight: 2, arbitrary: binaryText },
      { weight: 1, arbitrary: fc.constantFrom("a", "中", "😀", "\u0001").map((unit) => unit.repeat(Math.max(min, options.max))) },
    )
    .filter((text) => text.trim().length >= min && text.trim().length <= options.max);
}
