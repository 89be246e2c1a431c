// How typed names are compared with entity names: width and case folded, traditional characters
// read as simplified, Chinese names also readable as pinyin (full or initials).
import { ConverterFactory } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import { pinyin } from 'pinyin-pro';

/** Full-width letters and brackets as ASCII, case and surrounding space ignored. */
export function fold(s: string): string {
  // most names are Chinese characters alone, which folding leaves as they are: a name index of
  // 100k entities folds 300k names
  if (ALREADY_FOLDED.test(s)) return s;
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Text that NFKC, trimming and lower-casing leave unchanged: CJK unified ideographs, a-z, 0-9, `:` and `-`. */
const ALREADY_FOLDED = /^[\u4e00-\u9fffa-z0-9:-]*$/u;

let t2s: ((s: string) => string) | undefined;

/** Traditional (Taiwan and Hong Kong forms included) → mainland simplified. */
export function toSimplified(s: string): string {
  t2s ??= ConverterFactory(from['tw'] ?? [], from['hk'] ?? [], to['cn'] ?? []);
  return t2s(s);
}

/** The query as pinyin letters (`Jiang Jin`, `jiang'jin` → `jiangjin`), or undefined when it is not pinyin-like. */
export function pinyinQuery(query: string): string | undefined {
  const q = fold(query).replace(/[\s'’\-·]/g, '');
  return /^[a-z][a-z0-9]*$/.test(q) ? q : undefined;
}

export interface PinyinForms {
  /** syllables without tones, joined: 江津区 → jiangjinqu */
  full: string;
  /** first letter of each syllable: 江津区 → jjq */
  initials: string;
}

/** Pinyin of a name; letters and digits in it are kept as they are. */
export function pinyinForms(name: string): PinyinForms {
  const keep = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    full: keep(pinyin(name, { toneType: 'none', type: 'array', v: true })),
    initials: keep(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })),
  };
}

/** Edit distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}
