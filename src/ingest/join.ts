// Which line breaks are paragraph breaks and which are only page layout?
//
// The corpus mixes three layouts:
//  1. narrow newspaper columns, 10–25 characters a line, each line wrapped wherever the column
//     ends (西部（重\n庆）科学城), sometimes with blank lines inside a paragraph and sometimes
//     with a wedge of growing line widths around a picture;
//  2. one paragraph a line (web pages, markdown), with an occasional break, even a blank line,
//     in the middle of a word (营商环境持续改\n\n善);
//  3. headings, captions, bylines and mastheads between paragraphs, which never end in
//     punctuation and must stay separate (创新政企联动招商机制\n打造央地合作示范样本).
//
// A global wrap width does not work (column widths change within one page), so every decision
// uses the line's own evidence and a *local* width: the median display width of up to four
// non-empty lines before and after it. Decisions, in order (first that applies wins):
//
//  break  markdown headings and rules on either side; the next line starts a list item, a
//         bullet (▲ ● ◆ …), a numbered point or a news dateline (本报讯（记者…）, …电（记者…）);
//  break  the line ends a sentence: 。！？；：… (ASCII too), possibly followed by closing quotes
//         or brackets, or by a bracketed note after the sentence (。（下转第四版）);
//  break  the line is furniture or ends with a credit (摄/林晓光), unless a bracket is still open
//         (a byline broken across lines); or the next line is furniture;
//  join   the next line starts with punctuation that cannot start a line (，、。）” …), the line
//         ends with one that cannot end one (“（《、，+ — …) or leaves a bracket/quote open;
//  join   a number continues with its unit (3 月 4\n日, 总投资近24\n亿元);
//  then, for the first content line of the document (maybe its title), join only if no blank
//  line follows and it fills the local width or has clause punctuation; otherwise:
//  join   the line has clause punctuation (，、。：…) inside, i.e. it is running text — headings,
//         captions and titles practically never contain a comma;
//  join   it fills the local width (≥ 75 % of the median) and no blank line follows — a column
//         line (a blank line is allowed when the paragraph began right below a line ending a
//         sentence: in a column that is just a line whose predecessor ended with 。); inside a
//         paragraph that already has punctuation a line only needs half the width when no
//         blank line follows, which covers the wedge layouts;
//  join   it is very long (≥ 60 characters): nobody writes headings that long;
//  break  otherwise: a short line without punctuation is a heading, caption or name.
//
// The price of a wrong join (a heading glued to its paragraph) is far lower than that of a wrong
// break inside a name, so the rules lean towards joining running text and keep breaking only
// for lines that look like headings.
import { displayWidth } from './chars.js';
import { endsWithCredit, isFurnitureLine } from './furniture.js';

export interface LineInfo {
  text: string;
  /** a markdown heading (`# …`), markers already removed */
  heading?: boolean;
  /** a markdown list item (`- …`, `1. …`) */
  listItem?: boolean;
  /** a markdown horizontal rule: separates, has no text */
  rule?: boolean;
}

const LONG = 120; // display cells, i.e. 60 CJK characters
const FULL = 0.75;
const HALF = 0.5;

const TERMINAL = new Set(Array.from('。！？!?；;：:…'));
const CLOSERS = new Set(Array.from('”’」』）)】》〉"\''));
const OPENERS_AT_END = new Set(Array.from('（(“‘《【「『〈、，,+-—/·～~'));
const NON_INITIAL = /^[，、。；：！？）」』”’》】〉,.;:!?)%％…]/;
const CLAUSE = /[，、,。！？；：!?;]/;
const BULLET = /^[•●▲◆■□★☆○◇△▼►▶◎※]/;
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}、|\d{1,2}\.\s)/;
const DATELINE = /^(?:本报讯|[\u4e00-\u9fff\d]{1,20}?(?:讯|电)\s*[（(]\s*(?:本报|特约|融媒体|全媒体)?记者)/;
const UNIT_START = /^[年月日号时点分秒亿万千百元个家项名人倍岁次%％米吨户台套条所座件]/;
const PAIRS: Array<[string, string]> = [
  ['（', '）'],
  ['(', ')'],
  ['“', '”'],
  ['《', '》'],
  ['【', '】'],
  ['「', '」'],
  ['『', '』'],
];

/** Whether the line ends a sentence. */
export function endsSentence(t: string): boolean {
  // 。（下转第四版） / 。（相关内容见四版）: a bracketed note after a finished sentence.
  if (/[。！？!?；…][（(][^（）()]{0,40}[）)]$/.test(t)) return true;
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t[i]!)) i--;
  if (i < 0) return false;
  const last = t[i]!;
  if (TERMINAL.has(last)) return true;
  // An English full stop, but not the end of a number such as "3."
  return last === '.' && i > 0 && !/[0-9]/.test(t[i - 1]!);
}

const OPEN_CODE = new Map(PAIRS.map(([open], i) => [open.charCodeAt(0), i]));
const CLOSE_CODE = new Map(PAIRS.map(([, close], i) => [close.charCodeAt(0), i]));

/** Whether a bracket, book-title mark or quote opened in `t` is still open at its end. */
function unbalanced(t: string): boolean {
  const depth = PAIRS.map(() => 0);
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    // All pair characters are ( ) or in U+2000–U+FFFF; skip the rest without a lookup.
    if (code < 0x28 || (code > 0x29 && code < 0x2000)) continue;
    const o = OPEN_CODE.get(code);
    if (o !== undefined) {
      depth[o]!++;
      continue;
    }
    const c = CLOSE_CODE.get(code);
    if (c !== undefined && depth[c]! > 0) depth[c]!--;
  }
  return depth.some((d) => d > 0);
}

function hardStart(n: LineInfo, nt: string): boolean {
  return !!(n.heading || n.listItem || n.rule) || BULLET.test(nt) || NUMBERED.test(nt) || DATELINE.test(nt);
}

function median(values: number[]): number | undefined {
  if (values.length < 3) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * For every line, whether it continues on the next non-empty line (true) or ends a paragraph
 * (false). Entries of empty lines, and of the last non-empty line, are false.
 */
export function decideJoins(lines: LineInfo[]): boolean[] {
  const join = new Array<boolean>(lines.length).fill(false);
  const idx: number[] = [];
  lines.forEach((l, i) => {
    if (l.rule || l.text.trim() !== '') idx.push(i);
  });
  const widths = idx.map((i) => displayWidth(lines[i]!.text.trimEnd()));
  const furniture = idx.map((i) => isFurnitureLine(lines[i]!.text));
  const local = idx.map((_, k) => {
    const around: number[] = [];
    for (let j = Math.max(0, k - 4); j <= Math.min(idx.length - 1, k + 4); j++) if (j !== k) around.push(widths[j]!);
    return median(around);
  });

  let paraStart = true;
  let paraPunct = false; // the paragraph built so far contains clause punctuation
  let paraTail = ''; // the end of the paragraph built so far, for sentence ends across lines
  let softStart = false; // the paragraph began right below a sentence end, no blank line between
  let seenContent = false;
  for (let k = 0; k + 1 < idx.length; k++) {
    const L = lines[idx[k]!]!;
    const N = lines[idx[k + 1]!]!;
    const t = L.text.trim();
    const nt = N.text.trim();
    const gap = idx[k + 1]! - idx[k]! - 1;
    const firstContent = !seenContent && paraStart && !furniture[k] && !L.rule;
    if (!furniture[k] && !L.rule) seenContent = true;
    let sentenceEnd = false;

    const decide = (): boolean => {
      if (L.heading || L.rule || hardStart(N, nt)) return false;
      if (endsSentence(paraTail + t)) {
        sentenceEnd = true;
        return false;
      }
      if ((furniture[k] || endsWithCredit(t)) && !unbalanced(paraTail + t)) return false;
      if (furniture[k + 1]) return false;
      if (NON_INITIAL.test(nt) || OPENERS_AT_END.has(t[t.length - 1]!) || unbalanced(paraTail + t)) return true;
      if ((/[0-9]$/.test(t) && UNIT_START.test(nt)) || (/[年月]$/.test(t) && /^\d{1,2}[月日]/.test(nt))) return true;

      const w = widths[k]!;
      const W = local[k];
      const full = W !== undefined && w >= FULL * W;
      if (firstContent) return gap === 0 && (full || CLAUSE.test(t));
      if (CLAUSE.test(t)) return true;
      if (w >= LONG) return true;
      // Without enough neighbours to measure (tiny texts) running text continues.
      if (!paraStart && paraPunct) return gap === 0 ? W === undefined || w >= HALF * W : full;
      // A column line without punctuation. Across a blank line it only continues when the
      // paragraph began right below a sentence end: in a column that is an ordinary line whose
      // predecessor happened to end with 。 (…能力。\n区委…提出\n\n重点…目标体\n\n系和…), while a
      // heading is set off by a blank line above it too.
      return full && (gap === 0 || softStart);
    };

    const j = decide();
    join[idx[k]!] = j;
    if (j) {
      paraPunct = paraPunct || CLAUSE.test(t);
      paraTail = (paraTail + t).slice(-60);
      paraStart = false;
    } else {
      paraPunct = false;
      paraTail = '';
      paraStart = true;
      softStart = sentenceEnd && gap === 0 && !furniture[k];
    }
  }
  return join;
}
