// Viterbi decoding of BIOES label sequences under the transition constraints of labels.ts.
// BIOES leaves few choices: I and E continue a B or I of their type (two candidates each), and
// O, B and S follow O, E or S (fifteen candidates). The search is written for that shape.
import { ALLOWED, LABEL_COUNT, canEnd, canStart } from './labels.js';

const L = LABEL_COUNT;
const TYPES = (L - 1) / 4;
/** labels a name may start after, or that start one: O, then E and S, or B and S, of each type */
const CLOSED: Int32Array = Int32Array.from([0, ...Array.from({ length: TYPES }, (_, t) => [3 + 4 * t, 4 + 4 * t]).flat()]);
const OPENING: Int32Array = Int32Array.from([0, ...Array.from({ length: TYPES }, (_, t) => [1 + 4 * t, 4 + 4 * t]).flat()]);
const START_OK = Uint8Array.from({ length: L }, (_, l) => (canStart(l) ? 1 : 0));
const END_OK = Uint8Array.from({ length: L }, (_, l) => (canEnd(l) ? 1 : 0));
for (const f of CLOSED) for (const t of OPENING) if (!ALLOWED[f * L + t]) throw new Error('viterbi: BIOES shape changed');

let score = new Float64Array(0);
let back = new Uint8Array(0);
/** for each opening label, its weights from the closed labels in CLOSED order, and their largest */
const col = new Float64Array(OPENING.length * CLOSED.length);
const colMax = new Float64Array(OPENING.length);
/** the closed labels' scores at the previous character, in CLOSED order */
const cs = new Float64Array(CLOSED.length);

/**
 * The best label sequence for emission scores `emit` (n × L, row-major) and transition
 * scores `trans` (L × L, from-major). Ties go to the first candidate in a fixed order, so the
 * result is deterministic.
 */
export function viterbi(emit: Float64Array | Int32Array, n: number, trans: Float64Array, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  if (n === 0) return out;
  if (score.length < n * L) {
    score = new Float64Array(n * L * 2);
    back = new Uint8Array(n * L * 2);
  }
  const C = CLOSED.length;
  const O = OPENING.length;
  for (let j = 0; j < O; j++) {
    let max = -Infinity;
    for (let k = 0; k < C; k++) max = Math.max(max, (col[j * C + k] = trans[CLOSED[k]! * L + OPENING[j]!]!));
    colMax[j] = max;
  }
  // module buffers as locals: V8 keeps them in registers
  const sc = score;
  const bk = back;
  const closed = CLOSED;
  const opening = OPENING;
  const cl = col;
  for (let l = 0; l < L; l++) sc[l] = START_OK[l] ? emit[l]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    // O, B and S: after O, E or S. The best closed label with its own transition bounds what an
    // opening label can get: when the runner-up cannot reach that bound even with the largest
    // transition into the label, the best one wins outright (as it does for nearly every
    // character); otherwise every closed label is tried, ties going to the lower label.
    let top = 0;
    let second = -Infinity;
    for (let k = 0; k < C; k++) {
      const s = (cs[k] = sc[prev + closed[k]!]!);
      if (k === 0) continue;
      if (s > cs[top]!) {
        second = cs[top]!;
        top = k;
      } else if (s > second) second = s;
    }
    const sTop = cs[top]!;
    for (let j = 0; j < O; j++) {
      const base = j * C;
      const bound = sTop + cl[base + top]!;
      let best = bound;
      let arg = closed[top]!;
      if (!(second + colMax[j]! < bound)) {
        best = -Infinity;
        for (let k = 0; k < C; k++) {
          const s = cs[k]! + cl[base + k]!;
          if (s > best) {
            best = s;
            arg = closed[k]!;
          }
        }
      }
      const to = opening[j]!;
      sc[cur + to] = best + emit[cur + to]!;
      bk[cur + to] = arg;
    }
    // I and E: after B or I of their type
    for (let t = 0; t < TYPES; t++) {
      const b = 1 + 4 * t;
      const inside = b + 1;
      const sB = sc[prev + b]!;
      const sI = sc[prev + inside]!;
      for (let to = inside; to <= inside + 1; to++) {
        const fromB = sB + trans[b * L + to]!;
        const fromI = sI + trans[inside * L + to]!;
        const useI = fromI > fromB;
        sc[cur + to] = (useI ? fromI : fromB) + emit[cur + to]!;
        bk[cur + to] = useI ? inside : b;
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let l = 0; l < L; l++) {
    if (END_OK[l] && sc[last + l]! > best) {
      best = sc[last + l]!;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = bk[i * L + out[i]!]!;
  return out;
}
