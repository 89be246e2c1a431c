// Spaces in Chinese text are nearly always layout: justified newspaper lines spread characters
// (芒 种 刚 过 ，), numbers are padded (突破 1100 亿元, 12 月 27 日), letters are spaced out
// (G D P). Real separators remain between words of Latin script (Micro LED) and between the
// parts of headings and bylines (记者 陆海银 王笑伊), where they carry meaning for the extractor.
import { Builder, type Mapped } from './mapped.js';
import { isAsciiDigit, isAsciiLetter, isCjkPunct, isHanChar } from './chars.js';

interface Token {
  start: number;
  end: number;
  /** at most one letter, digit or Han character (the rest punctuation) */
  single: boolean;
}

function coreCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHanChar(ch) || isAsciiDigit(ch) || isAsciiLetter(ch) || /\p{L}|\p{N}/u.test(ch)) n++;
  return n;
}

/**
 * Whether the space between two tokens is layout. `spaced` marks tokens that belong to a run of
 * at least two single-character tokens: a letter-spaced stretch (园 区 产 业 …), whose spaces
 * all go, including the one to the next ordinary token (成 果 显\n著 → 成果显著).
 */
function dropBetween(a: Token, b: Token, text: string, spacedA: boolean, spacedB: boolean): boolean {
  const x = text[a.end - 1]!;
  const y = text[b.start]!;
  if (isCjkPunct(x) || isCjkPunct(y)) return true;
  if ((isAsciiDigit(x) && isHanChar(y)) || (isHanChar(x) && isAsciiDigit(y))) return true;
  if (isAsciiDigit(x) && (y === '%' || y === '‰')) return true;
  // Inside a decimal number: "3. 5" / "3 .5"
  if (x === '.' && isAsciiDigit(y) && isAsciiDigit(text[a.end - 2])) return true;
  if (isAsciiDigit(x) && y === '.' && isAsciiDigit(text[b.start + 1])) return true;
  if (isAsciiLetter(x) && isAsciiLetter(y)) {
    // Letters spaced out one by one (G D P → GDP) join; words (Micro LED) keep their space.
    return latinRun(text, a.end - 1, -1) === 1 && latinRun(text, b.start, 1) === 1 && (a.single || b.single);
  }
  if (spacedA || spacedB) return !isAsciiLetter(x) && !isAsciiLetter(y);
  return false;
}

/** Length of the run of ASCII letters starting at `i` and going in direction `dir`. */
function latinRun(text: string, i: number, dir: 1 | -1): number {
  let n = 0;
  while (isAsciiLetter(text[i])) {
    n++;
    i += dir;
  }
  return n;
}

export function normaliseSpaces(m: Mapped): Mapped {
  const text = m.text;
  const b = new Builder();
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    const tokens: Token[] = [];
    let i = lineStart;
    while (i < nl) {
      while (i < nl && text[i] === ' ') i++;
      if (i >= nl) break;
      const s = i;
      while (i < nl && text[i] !== ' ') i++;
      tokens.push({ start: s, end: i, single: coreCount(text.slice(s, i)) <= 1 });
    }
    const spaced = tokens.map((tk, k) => tk.single && (!!tokens[k - 1]?.single || !!tokens[k + 1]?.single));
    tokens.forEach((tk, k) => {
      if (k > 0) {
        const prev = tokens[k - 1]!;
        if (!dropBetween(prev, tk, text, spaced[k - 1]!, spaced[k]!)) b.copy(m, prev.end, prev.end + 1);
      }
      b.copy(m, tk.start, tk.end);
    });
    if (nl < text.length) b.copy(m, nl, nl + 1);
    lineStart = nl + 1;
  }
  return b.build();
}
