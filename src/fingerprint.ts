// 64-bit fingerprints, as two 32-bit lanes mixed independently (murmur3's steps and finaliser with
// different constants per lane), for telling which of a graph's records a build left unchanged
// (corpus/fingerprints.ts, graph/reuse.ts). Not cryptographic: they are compared with what the
// same code computed for the previous build of the same corpus, never with chosen input.
// hashStringInto also places the nodes of a graph too big to lay out (graph/build.ts): changing
// a constant here moves them.

/** The lanes a fingerprint starts from. */
export const LANE_A = 0x243f6a88;
export const LANE_B = 0x85a308d3;

/** Mixes the 32-bit integer `v` into lane A. */
export function stepA(h: number, v: number): number {
  h ^= Math.imul(v, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Mixes the 32-bit integer `v` into lane B. */
export function stepB(h: number, v: number): number {
  h ^= Math.imul(v, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0x561ccd1b) | 0;
}

/** A lane's final mix: every input bit reaches every output bit. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Both lanes of a string's fingerprint, into `out` at pair `i` (its length and every UTF-16 unit). */
export function hashStringInto(s: string, out: Uint32Array, i: number): void {
  let a = stepA(LANE_A, s.length);
  let b = stepB(LANE_B, s.length);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    a = stepA(a, c);
    b = stepB(b, c);
  }
  out[2 * i] = finish(a);
  out[2 * i + 1] = finish(b);
}

const scratch = new Uint32Array(2);
const bits = new Float64Array(1);
const bitsAsInts = new Uint32Array(bits.buffer);

/** A number's 64 bits as two 32-bit integers, into `out` at pair `i`. */
export function numberBitsInto(v: number, out: Uint32Array, i: number): void {
  bits[0] = v;
  out[2 * i] = bitsAsInts[0]!;
  out[2 * i + 1] = bitsAsInts[1]!;
}

/** Mixes a string's fingerprint into the lanes at pair `i` of `to`. */
export function mixString(to: Uint32Array, i: number, s: string): void {
  hashStringInto(s, scratch, 0);
  to[2 * i] = stepA(to[2 * i]!, scratch[0]!);
  to[2 * i + 1] = stepB(to[2 * i + 1]!, scratch[1]!);
}

/** Mixes a number's bits into the lanes at pair `i` of `to`. */
export function mixNumber(to: Uint32Array, i: number, v: number): void {
  numberBitsInto(v, scratch, 0);
  to[2 * i] = stepA(stepA(to[2 * i]!, scratch[0]!), scratch[1]!);
  to[2 * i + 1] = stepB(stepB(to[2 * i + 1]!, scratch[0]!), scratch[1]!);
}

/** Finishes the lanes at pair `i` of `to` in place; a result of (0, 0), which means "none", becomes (0, 1). */
export function finishPair(to: Uint32Array, i: number): void {
  const a = finish(to[2 * i]!);
  const b = finish(to[2 * i + 1]!);
  to[2 * i] = a;
  to[2 * i + 1] = a === 0 && b === 0 ? 1 : b;
}
