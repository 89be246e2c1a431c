// What both of the tagger's learners (perceptron.ts, crf.ts) train on and give back: each
// example's feature keys as rows of a weight table, and weights as rows × labels.
import type { Example } from './data.js';
import { FEATURES_PER_CHAR } from './features.js';
import { LABEL_COUNT } from './labels.js';

const L = LABEL_COUNT;
const F = FEATURES_PER_CHAR;

export interface FeatureRows {
  /** the feature keys worth a row (seen at least minCount times), sorted */
  keys: Uint32Array;
  /** per example, per character and template, the key's row, or −1 */
  rows: Int32Array[];
}

/** Weights of a linear tagger: rows × labels (row-major, rows as in FeatureRows.keys), and labels × labels transitions. */
export interface LinearWeights {
  dense: Float32Array;
  transitions: Float32Array;
}

export function featureRows(examples: readonly Example[], minCount: number): FeatureRows {
  const counts = new Map<number, number>();
  for (const ex of examples) {
    const fs = ex.features;
    for (let i = 0; i < fs.length; i++) {
      const k = fs[i]!;
      if (k !== 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const keys = Uint32Array.from([...counts].filter(([, c]) => c >= minCount).map(([k]) => k)).sort();
  const rowOf = new Map<number, number>();
  keys.forEach((k, r) => rowOf.set(k, r));
  const rows = examples.map((ex) => {
    const out = new Int32Array(ex.features.length);
    for (let i = 0; i < out.length; i++) out[i] = ex.features[i] === 0 ? -1 : (rowOf.get(ex.features[i]!) ?? -1);
    return out;
  });
  return { keys, rows };
}

/**
 * A sentence's scores under dense weights `w` (rows × labels), written into `out` (n × labels): for
 * each character, the sum of its features' rows, in template order.
 */
export function denseScores(rows: Int32Array, n: number, w: Float64Array, out: Float64Array): Float64Array {
  out.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const o = i * L;
    for (let f = 0; f < F; f++) {
      const row = rows[i * F + f]!;
      if (row < 0) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) out[o + l] = out[o + l]! + w[base + l]!;
    }
  }
  return out;
}

/**
 * Two learners' weights as one linear model: each scaled so that its largest weight is 1, then
 * `(1 − share) × a + share × b`. Scores of the mix are the mix of the two models' scores, so one
 * table decides as the two would together.
 */
export function mixWeights(a: LinearWeights, b: LinearWeights, share: number): LinearWeights {
  const ka = (1 - share) / largest(a);
  const kb = share / largest(b);
  return {
    dense: Float32Array.from(a.dense, (x, i) => x * ka + b.dense[i]! * kb),
    transitions: Float32Array.from(a.transitions, (x, i) => x * ka + b.transitions[i]! * kb),
  };
}

function largest(w: LinearWeights): number {
  let max = 0;
  for (const v of w.dense) max = Math.max(max, Math.abs(v));
  for (const v of w.transitions) max = Math.max(max, Math.abs(v));
  return max > 0 ? max : 1;
}

/**
 * `w` with the weights of some rows set to 0 where they are under `share` of the largest weight
 * (the largest of all, transitions included; the transitions themselves are kept): the rows of
 * the `templates` that an example passing `chosen` uses. Rows only other examples use keep theirs.
 */
export function pruneRows(w: LinearWeights, examples: readonly Example[], table: FeatureRows, templates: readonly number[], chosen: (e: Example) => boolean, share: number): LinearWeights {
  // the templates as a mask over a character's feature slots (read for every slot of every example)
  const of = new Uint8Array(F);
  for (const t of templates) of[t] = 1;
  const hit = new Uint8Array(table.keys.length);
  examples.forEach((ex, e) => {
    if (!chosen(ex)) return;
    const r = table.rows[e]!;
    for (let i = 0; i < r.length; i++) if (r[i]! >= 0 && of[i % F]) hit[r[i]!] = 1;
  });
  const floor = share * largest(w);
  return { dense: Float32Array.from(w.dense, (v, i) => (hit[Math.floor(i / L)] && Math.abs(v) < floor ? 0 : v)), transitions: w.transitions };
}
