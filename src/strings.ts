// A slice of a long string can keep the whole of it alive (V8 stores slices of 13 or more
// characters as views on their parent). The graph keeps names and evidence sentences from every
// article; as views they would hold every article's text in memory, which the build must not.

/** `s` as a string of its own, sharing no storage with the text it was cut from. */
export function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * The one order of ids, keys and names in what a build writes: by UTF-16 code unit. Not the
 * locale's collation (`localeCompare`, `Intl.Collator()`): that follows the user's LANG, so the
 * same corpus built under zh_CN and under en_US gave a different graph (another label among
 * forms of one length, edges in another order). A display may collate; a build may not.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Is each of `list` after the one before it, by code unit (so no two alike)? */
export function ascending(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1]! < list[i]!)) return false;
  return true;
}

/**
 * The UTF-16 units at `at` and `at + 1` as one number (0 for a unit past the end): a two-character
 * prefix to look names up by, with no string made per position.
 */
export const pairKey = (text: string, at: number): number => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);

/** Round brackets, full- and half-width: the opening one of each closing one, and the other way. */
export const OPENING_OF: Readonly<Record<string, string>> = { '）': '（', ')': '(' };
export const CLOSING_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OPENING_OF).map(([close, open]) => [open, close]));
// compared, not looked up: the character passed is most often a string of its own (text[i] of a
// Chinese character), which an object look-up must first hash; the maps above list the same pairs
export const isOpenBracket = (c: string | undefined): boolean => c === '（' || c === '(';
export const isCloseBracket = (c: string | undefined): boolean => c === '）' || c === ')';
/** Is text[start, end) written in brackets (（甲县）)? */
export const inBrackets = (text: string, start: number, end: number): boolean => isOpenBracket(text[start - 1]) && isCloseBracket(text[end]);

/** A space that layout puts between words, as captions and interview headings set a name apart from its title (主任 李艳). */
export const isLayoutSpace = (c: string | undefined): boolean => c === ' ' || c === '\u3000';

/** 2 for 两 or 2, 12 for 十二; undefined for what is not a plain count */
export function countValue(s: string): number | undefined {
  if (/^[0-9０-９]+$/u.test(s)) return Number(s.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)));
  const digit = (c: string | undefined) => (c === undefined ? undefined : '一二三四五六七八九'.indexOf(c) + 1 || (c === '两' ? 2 : undefined));
  let n: number | undefined;
  if (s.length === 1) n = s === '十' ? 10 : digit(s);
  else if (s.length === 2 && s[0] === '十') n = 10 + (digit(s[1]) ?? NaN);
  else if (s.length === 2 && s[1] === '十') n = (digit(s[0]) ?? NaN) * 10;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** FNV-1a over UTF-16 units, one unit at a time: the hash SliceMap keys are looked up by. */
export const FNV_START = 0x811c9dc5;
export const fnvStep = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
/** FNV-1a of text[at, at + length). */
export function fnvHashAt(text: string, at: number, length: number): number {
  let h = FNV_START;
  for (let j = at; j < at + length; j++) h = fnvStep(h, text.charCodeAt(j));
  return h;
}

/**
 * A map from strings, looked up by a slice of a text (text, start, length) without cutting it
 * out: a lexicon scanned at every position of every sentence tried each candidate length as a
 * new string, hashed by the Map and then thrown away. Keys live in an open-addressing table by
 * their FNV-1a hash; a hit is confirmed unit by unit. The first value given for a key is kept.
 */
export class SliceMap<V> {
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  /** slot → key index + 1, 0 empty */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    const seen = new Set<string>();
    for (const [k, v] of entries) {
      if (seen.has(k)) continue;
      seen.add(k);
      this.keys.push(k);
      this.values.push(v);
    }
    let size = 16;
    while (size < this.keys.length * 2) size <<= 1;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.keys.forEach((k, i) => {
      let slot = spread(fnvHashAt(k, 0, k.length)) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
    });
  }

  /** The value of the key text[at, at + length), or undefined. */
  get(text: string, at: number, length: number): V | undefined {
    return this.getHashed(fnvHashAt(text, at, length), text, at, length);
  }

  /** get(), given the slice's fnvHashAt (one hash for several maps, or made as a longer one is). */
  getHashed(hash: number, text: string, at: number, length: number): V | undefined {
    const { table, mask, keys } = this;
    for (let slot = spread(hash) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const i = table[slot]! - 1;
      const k = keys[i]!;
      if (k.length === length && sameUnitsAt(text, at, k)) return this.values[i];
    }
    return undefined;
  }
}

/** A hash's high bits folded into its low ones, which pick the slot. */
const spread = (h: number): number => h ^ (h >>> 15);

/** Does `text` hold `word` at `at`? */
function sameUnitsAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}
