/**
 * Characters that carry nothing a reader could see but break the files text ends up in: XML 1.0 (XLSX, DOCX)
 * cannot hold C0 controls other than tab and line breaks, nor U+FFFE/U+FFFF, nor half a surrogate pair, and
 * a file holding one does not open. Word's soft line break (vertical tab) and the form feed come with text
 * pasted from office documents and mean a new line.
 */
const LINE_BREAK_CONTROLS = /[\u000B\u000C]/g;
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it may be stored: the line-break controls as line breaks, other invisible controls dropped, a lone surrogate as U+FFFD. */
export function printableText(text: string): string {
  return text.replace(LINE_BREAK_CONTROLS, "\n").replace(INVISIBLE, "").replace(LONE_SURROGATE, "\uFFFD");
}
