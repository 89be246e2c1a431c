// Longest-match look-up of a fixed word list in a text, each word with a small class number.
import { FNV_START, SliceMap, fnvStep, pairKey } from '../strings.js';

export class WordIndex {
  /** the words of two or more characters, by their text */
  private readonly classOf: SliceMap<number>;
  /** first two characters' codes → lengths (≥ 2) of words starting with them, longest first */
  private readonly lengths = new Map<number, number[]>();
  /** one-character words by code */
  private readonly single = new Map<number, number>();
  /** per UTF-16 code: 1 if a word starts with it (most characters of a text begin none) */
  private readonly starts = new Uint8Array(65536);
  /** per length from the match's start, the hash of the characters so far */
  private prefix = new Int32Array(16);
  /** the class of the word matchAt() found last */
  private hitClass = 0;

  constructor(words: Iterable<readonly [string, number]>) {
    const long: Array<readonly [string, number]> = [];
    for (const [w, c] of words) {
      if (!w) continue;
      this.starts[w.charCodeAt(0)] = 1;
      if (w.length === 1) {
        if (!this.single.has(w.charCodeAt(0))) this.single.set(w.charCodeAt(0), c);
        continue;
      }
      long.push([w, c]);
      const k = pairKey(w, 0);
      const list = this.lengths.get(k) ?? [];
      if (!list.includes(w.length)) list.push(w.length);
      this.lengths.set(k, list);
    }
    for (const list of this.lengths.values()) list.sort((a, b) => b - a);
    this.classOf = new SliceMap(long);
  }

  /** The longest word starting at `at`: its length and class, or undefined. */
  longestAt(text: string, at: number): { length: number; cls: number } | undefined {
    const length = this.matchAt(text, at);
    return length === 0 ? undefined : { length, cls: this.hitClass };
  }

  /** The length of the longest word starting at `at` (its class in hitClass), or 0. */
  private matchAt(text: string, at: number): number {
    if (this.starts[text.charCodeAt(at)] === 0) return 0;
    const lens = at + 1 < text.length ? this.lengths.get(pairKey(text, at)) : undefined;
    if (lens) {
      // each candidate length's hash from one pass over the longest one's characters
      const longest = Math.min(lens[0]!, text.length - at);
      if (this.prefix.length <= longest) this.prefix = new Int32Array(2 * longest);
      const prefix = this.prefix;
      let h = FNV_START;
      for (let k = 0; k < longest; k++) prefix[k + 1] = h = fnvStep(h, text.charCodeAt(at + k));
      for (const len of lens) {
        if (len > longest) continue;
        const cls = this.classOf.getHashed(prefix[len]!, text, at, len);
        if (cls === undefined) continue;
        this.hitClass = cls;
        return len;
      }
    }
    const cls = this.single.get(text.charCodeAt(at));
    if (cls === undefined) return 0;
    this.hitClass = cls;
    return 1;
  }

  /**
   * Per character, the class and BIES position of the longest word covering it, found left to
   * right without overlaps: cover[i] = cls * 8 + part (1..4), 0 where no word is. With `into`,
   * the cover is written into its first text.length entries (the rest is left as it was).
   */
  cover(text: string, into?: Uint16Array): Uint16Array {
    const out = into ? into.fill(0, 0, text.length) : new Uint16Array(text.length);
    for (let i = 0; i < text.length; ) {
      const length = this.matchAt(text, i);
      if (length === 0) {
        i++;
        continue;
      }
      markSpan(out, i, i + length, this.hitClass);
      i += length;
    }
    return out;
  }
}

/** Marks [s, e) in a cover array with class `cls`: cls * 8 + part, part B=1, I=2, E=3, S=4. */
export function markSpan(cover: Uint16Array, s: number, e: number, cls: number): void {
  if (e - s === 1) cover[s] = cls * 8 + 4;
  else {
    cover[s] = cls * 8 + 1;
    for (let k = s + 1; k < e - 1; k++) cover[k] = cls * 8 + 2;
    cover[e - 1] = cls * 8 + 3;
  }
}

/** Does the word covering this character end here (E or S)? */
export const endsHere = (c: number): boolean => (c & 7) >= 3;
