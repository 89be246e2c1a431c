// Character classes shared by the normalisation steps.

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    cp === 0x3007 // 〇
  );
}

export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isHan(ch.codePointAt(0)!);
}

/** Chinese (full-width) punctuation, including the curly quotes, … and — used in Chinese text. */
const CJK_PUNCT = new Set(Array.from('，。、；：！？“”‘’（）《》〈〉【】〔〕「」『』〖〗…—～·﹏．・｜'));

export function isCjkPunct(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  if (CJK_PUNCT.has(ch)) return true;
  const c = ch.charCodeAt(0);
  // CJK symbols block (except the ideographic space) and the full-width punctuation forms.
  return (c > 0x3000 && c <= 0x303f && c !== 0x3007) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9' && ch.length === 1;
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Any punctuation or symbol, ASCII or CJK (used to find the punctuation runs of doubled lines). */
export function isPunct(ch: string): boolean {
  return isCjkPunct(ch) || /^[\p{P}\p{S}]$/u.test(ch);
}

/**
 * Display width in half-width cells, as a typesetter would count it: CJK characters and
 * full-width forms take 2, ASCII and half-width forms take 1. The quotes and dashes that
 * Chinese text uses are counted as full width.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x1100) w += 1;
    else if ((c >= 0x2018 && c <= 0x201d) || c === 0x2026 || c === 0x2014) w += 2;
    else if (c >= 0x2e80 && !(c >= 0xff61 && c <= 0xffdc)) w += 2;
    else w += 1;
  }
  return w;
}
