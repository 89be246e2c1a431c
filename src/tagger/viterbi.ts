// Viterbi decoding of BIOES label sequences under the transition constraints of labels.ts.
import { ALLOWED, LABEL_COUNT, canEnd, canStart } from './labels.js';

const L = LABEL_COUNT;
/** For each label, the labels allowed before it. */
const FROM: Int32Array[] = Array.from({ length: L }, (_, to) => {
  const list: number[] = [];
  for (let from = 0; from < L; from++) if (ALLOWED[from * L + to]) list.push(from);
  return Int32Array.from(list);
});
const START_OK = Uint8Array.from({ length: L }, (_, l) => (canStart(l) ? 1 : 0));
const END_OK = Uint8Array.from({ length: L }, (_, l) => (canEnd(l) ? 1 : 0));

/**
 * The best label sequence for emission scores `emit` (n × L, row-major) and transition
 * scores `trans` (L × L, from-major). Ties go to the lower label, so the result is deterministic.
 */
export function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  if (n === 0) return out;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = START_OK[l] ? emit[l]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let to = 0; to < L; to++) {
      const from = FROM[to]!;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const f = from[k]!;
        const s = score[prev + f]! + trans[f * L + to]!;
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      score[cur + to] = best + emit[cur + to]!;
      back[cur + to] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let l = 0; l < L; l++) {
    if (END_OK[l] && score[last + l]! > best) {
      best = score[last + l]!;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
  return out;
}
