// Text safe for XML 1.0: the five special characters escaped, and characters XML 1.0 forbids
// (control characters, lone surrogates, U+FFFE/U+FFFF) removed, since no escape can carry them.

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// line breaks and tabs as references too: a parser would turn them into spaces inside attribute values
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL, '');
}

/** For element text and attribute values alike. */
export function escapeXml(value: unknown): string {
  return stripIllegalXml(String(value)).replace(/[&<>"'\n\r\t]/g, (c) => ESCAPES[c]!);
}
