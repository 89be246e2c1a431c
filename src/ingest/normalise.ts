// Original text → normalised text with an exact offset map and the furniture ranges.
//
// Steps, each a Mapped → Mapped rewrite so that every normalised character keeps the offset of
// the original character it comes from:
//   1. characters: line endings, control and zero-width characters dropped, exotic spaces to
//      ' ', full-width letters/digits/space to half-width, and ． ％ inside numbers (Chinese
//      punctuation is kept as written);
//   2. traditional → simplified (convert.ts);
//   3. per line: doubled PDF lines undoubled (doubling.ts), markdown markers removed;
//   4. lines joined into paragraphs (join.ts), one '\n' between paragraphs;
//   5. layout spaces removed (spaces.ts);
//   6. furniture ranges found on the result (furniture.ts).
import { Builder, finishOffsets, identity, slice, type Mapped } from './mapped.js';
import { toSimplified } from './convert.js';
import { undoubleRanges } from './doubling.js';
import { decideJoins, type LineInfo } from './join.js';
import { normaliseSpaces } from './spaces.js';
import { findDatelines, findFurniture } from './furniture.js';
import { isAsciiDigit, isAsciiLetter } from './chars.js';

export interface Normalised {
  text: string;
  /** text.length + 1 entries, see Document.offsets */
  offsets: Int32Array;
  furniture: Array<[number, number]>;
  /** see Document.datelines */
  datelines: Array<[number, number]>;
}

export function normalise(original: string): Normalised {
  let m = cleanChars(identity(original));
  m = toSimplified(m);
  const lines = splitLines(m).map(prepareLine);
  const joined = assemble(lines, decideJoins(lines));
  const spaced = normaliseSpaces(joined);
  return {
    text: spaced.text,
    offsets: finishOffsets(spaced, original.length),
    furniture: findFurniture(spaced.text),
    datelines: findDatelines(spaced.text),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. characters

function isDroppedControl(c: number): boolean {
  return (c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0b && c !== 0x0c) || (c >= 0x7f && c <= 0x9f);
}

function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

function isLayoutSpace(c: number): boolean {
  return (
    c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function isDigitAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

export function cleanChars(m: Mapped): Mapped {
  const b = new Builder();
  const t = m.text;
  let run = 0; // start of the pending run of unchanged characters, copied in one block
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // printable ASCII: the common case, unchanged
    let out: string | null | undefined; // undefined: unchanged, null: dropped
    if (c === 0x0d) {
      // \r\n → keep the \n; a lone \r (old Mac) is a line break itself.
      out = t.charCodeAt(i + 1) === 0x0a ? null : '\n';
    } else if (c === 0x2028 || c === 0x2029) out = '\n';
    else if (isLayoutSpace(c)) out = ' ';
    else if (isDroppedControl(c) || isZeroWidth(c)) out = null;
    else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      // Full-width letters and digits (what NFKC does to them, and only to them: NFKC would
      // also turn （），：； into ASCII, and the guideline keeps Chinese punctuation as written).
      out = String.fromCharCode(c - 0xfee0);
    } else if ((c === 0xff0e && isDigitAt(t, i - 1) && isDigitAt(t, i + 1)) || (c === 0xff05 && isDigitAt(t, i - 1))) {
      // Inside a number, ． is a decimal point and ％ a unit, not sentence punctuation:
      // １２．５％ → 12.5%.
      out = c === 0xff0e ? '.' : '%';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate (only a string built by hand can hold one; decoders never make them)
      // is no character: U+FFFD, as a decoder would have written.
      const paired = c <= 0xdbff ? isLowSurrogate(t.charCodeAt(i + 1)) : isHighSurrogate(t.charCodeAt(i - 1));
      if (!paired) out = '\ufffd';
    } else if (c >= 0xf900 && c <= 0xfaff) {
      // CJK compatibility ideographs are canonical duplicates of unified ones.
      const n = t[i]!.normalize('NFC');
      if (n.length === 1 && n !== t[i]) out = n;
    }
    if (out === undefined) continue;
    b.copy(m, run, i);
    if (out !== null) b.put(out, m.offs[i]!);
    run = i + 1;
  }
  b.copy(m, run, t.length);
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// 3. lines

interface Line extends LineInfo {
  m: Mapped;
  /** original offset of the '\n' that ends the line, or -1 for the last line */
  nl: number;
}

function splitLines(m: Mapped): Array<{ m: Mapped; nl: number }> {
  const out: Array<{ m: Mapped; nl: number }> = [];
  let start = 0;
  while (start <= m.text.length) {
    let nl = m.text.indexOf('\n', start);
    const last = nl < 0;
    if (last) nl = m.text.length;
    out.push({ m: slice(m, start, nl), nl: last ? -1 : m.offs[nl]! });
    start = nl + 1;
  }
  return out;
}

/** Keeps the given [start, end) ranges of a Mapped. */
function keepRanges(m: Mapped, ranges: Array<[number, number]>): Mapped {
  const b = new Builder();
  for (const [s, e] of ranges) b.copy(m, s, e);
  return b.build();
}

/** Removes the given [start, end) ranges (sorted, non-overlapping) of a Mapped. */
function dropRanges(m: Mapped, ranges: Array<[number, number]>): Mapped {
  if (ranges.length === 0) return m;
  const keep: Array<[number, number]> = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) keep.push([pos, s]);
    pos = Math.max(pos, e);
  }
  if (pos < m.text.length) keep.push([pos, m.text.length]);
  return keepRanges(m, keep);
}

const MD_HEADING = /^[ ]{0,3}#{1,6}[ ]+/;
const MD_RULE = /^[ ]{0,3}([-*_])(?:[ ]*\1){2,}[ ]*$/;
const MD_QUOTE = /^[ ]{0,3}>[ ]?/;
const MD_BULLET = /^[ ]{0,3}[-*+][ ]+(?=\S)/;
const MD_NUMBERED = /^[ ]{0,3}\d{1,3}[.)][ ]+(?=\S)/;

/** Undoubles the line, strips markdown markup and records what the markup said. */
function prepareLine(raw: { m: Mapped; nl: number }): Line {
  let m = raw.m;
  const doubled = undoubleRanges(m.text);
  if (doubled) m = keepRanges(m, doubled);

  const line: Line = { m, nl: raw.nl, text: '' };
  if (MD_RULE.test(m.text)) {
    return { ...line, m: { text: '', offs: [] }, rule: true, text: '' };
  }
  const drops: Array<[number, number]> = [];
  let head = 0;
  const q = MD_QUOTE.exec(m.text);
  if (q) head = q[0].length;
  const rest = m.text.slice(head);
  let mm: RegExpExecArray | null;
  if ((mm = MD_HEADING.exec(rest))) {
    line.heading = true;
    drops.push([0, head + mm[0].length]);
    const closing = /[ ]+#+[ ]*$/.exec(m.text);
    if (closing && closing.index > head + mm[0].length) drops.push([closing.index, m.text.length]);
  } else if ((mm = MD_BULLET.exec(rest))) {
    line.listItem = true;
    drops.push([0, head + mm[0].length]);
  } else {
    if (MD_NUMBERED.test(rest)) line.listItem = true;
    if (head > 0) drops.push([0, head]);
  }
  // Inline markup: images vanish, links keep their label, ** and __ emphasis markers go.
  const inline = /!\[[^\]\n]*\]\([^)\n]*\)|\[([^\]\n]+)\]\([^)\s\n]+(?:\s+"[^"\n]*")?\)|\*\*|__/g;
  for (let x = inline.exec(m.text); x; x = inline.exec(m.text)) {
    if (x.index < (drops[0]?.[1] ?? 0)) continue;
    if (x[1] !== undefined) {
      drops.push([x.index, x.index + 1]); // [
      drops.push([x.index + 1 + x[1].length, x.index + x[0].length]); // ](url)
    } else drops.push([x.index, x.index + x[0].length]);
  }
  drops.sort((a, b) => a[0] - b[0]);
  line.m = dropRanges(m, drops);
  line.text = line.m.text;
  return line;
}

// ---------------------------------------------------------------------------------------------
// 4. paragraphs

const isWordChar = (ch: string | undefined): boolean => isAsciiLetter(ch) || isAsciiDigit(ch);

function assemble(lines: Line[], join: boolean[]): Mapped {
  const b = new Builder();
  let pendingBreak = -1; // original offset of the '\n' to emit before the next text, or -1
  let joining = false;
  let lastChar: string | undefined;
  lines.forEach((line, i) => {
    const t = line.m.text;
    let s = 0;
    let e = t.length;
    while (s < e && t[s] === ' ') s++;
    while (e > s && t[e - 1] === ' ') e--;
    if (s < e) {
      if (b.length > 0) {
        if (joining) {
          // English words wrapped across lines need their space back; CJK needs nothing.
          if (isWordChar(lastChar) && isWordChar(t[s]) && pendingBreak >= 0) b.put(' ', pendingBreak);
        } else if (pendingBreak >= 0) b.put('\n', pendingBreak);
      }
      b.copy(line.m, s, e);
      lastChar = t[e - 1];
      joining = join[i]!;
      pendingBreak = line.nl;
    } else if (line.rule) {
      joining = false;
    }
    // Empty lines leave `joining` and `pendingBreak` as they are: a blank line inside a
    // paragraph is layout when the joiner said so.
  });
  return b.build();
}
