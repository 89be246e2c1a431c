// 32-bit feature keys made from small integers (template, character codes, tag ids): no string
// is built per character. MurmurHash3's mixing steps; never 0, which marks "no feature".
// Keys and string hashes are returned as signed 32-bit integers, the same bits as the unsigned
// keys (a Uint32Array stores them so, and the mixing reads only the low 32 bits): V8 holds a
// signed one unboxed, while an unsigned one of 2^31 or more returned from a call that is not
// inlined is a heap number (a build made ≈ 40 million of them, 660 MB, for the collector).
import { fnvHashAt } from '../strings.js';

export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h || 1;
}

/** Each template's starting hash, mixed once. */
const SEEDS = Int32Array.from({ length: 256 }, (_, t) => mix(0x2545f491, t));

export const key1 = (t: number, a: number): number => finish(mix(SEEDS[t]!, a));
export const key2 = (t: number, a: number, b: number): number => finish(mix(mix(SEEDS[t]!, a), b));
export const key3 = (t: number, a: number, b: number, c: number): number => finish(mix(mix(mix(SEEDS[t]!, a), b), c));

/** A string as one number (FNV-1a over UTF-16 units), for words and tags. */
export const stringHash = (s: string): number => fnvHashAt(s, 0, s.length);
