// Longest-match look-up of a fixed word list in a text, each word with a small class number.
import { pairKey } from '../strings.js';

export class WordIndex {
  private readonly classOf = new Map<string, number>();
  /** first two characters' codes → lengths (≥ 2) of words starting with them, longest first */
  private readonly lengths = new Map<number, number[]>();
  /** one-character words by code */
  private readonly single = new Map<number, number>();
  /** per UTF-16 code: 1 if a word starts with it (most characters of a text begin none) */
  private readonly starts = new Uint8Array(65536);

  constructor(words: Iterable<readonly [string, number]>) {
    for (const [w, c] of words) {
      if (!w || this.classOf.has(w)) continue;
      this.classOf.set(w, c);
      this.starts[w.charCodeAt(0)] = 1;
      if (w.length === 1) {
        this.single.set(w.charCodeAt(0), c);
        continue;
      }
      const k = pairKey(w, 0);
      const list = this.lengths.get(k) ?? [];
      if (!list.includes(w.length)) list.push(w.length);
      this.lengths.set(k, list);
    }
    for (const list of this.lengths.values()) list.sort((a, b) => b - a);
  }

  /** The longest word starting at `at`: its length and class, or undefined. */
  longestAt(text: string, at: number): { length: number; cls: number } | undefined {
    if (this.starts[text.charCodeAt(at)] === 0) return undefined;
    const lens = at + 1 < text.length ? this.lengths.get(pairKey(text, at)) : undefined;
    if (lens) {
      for (const len of lens) {
        if (at + len > text.length) continue;
        const cls = this.classOf.get(len === 2 ? text.slice(at, at + 2) : text.slice(at, at + len));
        if (cls !== undefined) return { length: len, cls };
      }
    }
    const cls = this.single.get(text.charCodeAt(at));
    return cls === undefined ? undefined : { length: 1, cls };
  }

  /**
   * Per character, the class and BIES position of the longest word covering it, found left to
   * right without overlaps: cover[i] = cls * 8 + part (1..4), 0 where no word is. With `into`,
   * the cover is written into its first text.length entries (the rest is left as it was).
   */
  cover(text: string, into?: Uint16Array): Uint16Array {
    const out = into ? into.fill(0, 0, text.length) : new Uint16Array(text.length);
    for (let i = 0; i < text.length; ) {
      const hit = this.longestAt(text, i);
      if (!hit) {
        i++;
        continue;
      }
      markSpan(out, i, i + hit.length, hit.cls);
      i += hit.length;
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
