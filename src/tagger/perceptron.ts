// The averaged structured perceptron (Collins 2002) over BIOES label sequences: decode each
// example with the current weights, and where the best sequence differs from the gold one, move
// the weights toward the gold features and away from the predicted ones. The model keeps the
// average of the weights over all steps. Deterministic: a seeded order, no clocks.
import { FEATURES_PER_CHAR } from './features.js';
import { LABEL_COUNT } from './labels.js';
import { denseScores, type FeatureRows, type LinearWeights } from './rows.js';
import { viterbi } from './viterbi.js';
import type { Example } from './data.js';
import { mulberry32, runSeeds, shuffle } from '../random.js';

export interface PerceptronOptions {
  epochs: number;
  seed: number;
  /**
   * how many times to train, each in its own seeded order of the examples (default 1); the model
   * is the mean of their averaged weights, so it depends less on one order
   */
  runs?: number;
  /** per example, how much one mistake moves the weights (default 1) */
  weightOf?: (e: Example) => number;
  onEpoch?: (epoch: number, sentencesWrong: number, total: number) => void;
}

const L = LABEL_COUNT;
const F = FEATURES_PER_CHAR;

/** The mean of the runs' averaged weights: rows × labels, and the transitions. */
export function perceptronWeights(examples: readonly Example[], rows: FeatureRows, options: PerceptronOptions): LinearWeights {
  const seeds = runSeeds(options.seed, options.runs);
  const runs = seeds.length;
  const sum = new Float64Array(rows.keys.length * L);
  const tsum = new Float64Array(L * L);
  for (const seed of seeds) {
    const { w, tw } = trainRun(examples, rows.rows, rows.keys.length, options, seed);
    for (let k = 0; k < sum.length; k++) sum[k] = sum[k]! + w[k]!;
    for (let i = 0; i < L * L; i++) tsum[i] = tsum[i]! + tw[i]!;
  }
  return { dense: Float32Array.from(sum, (x) => x / runs), transitions: Float32Array.from(tsum, (x) => x / runs) };
}

/** One run of the averaged perceptron from zero weights: the averaged emission and transition weights. */
function trainRun(examples: readonly Example[], rows: readonly Int32Array[], nKeys: number, options: PerceptronOptions, seed: number): { w: Float64Array; tw: Float64Array } {
  // weights and their running sums for the average (w − u / c, Daumé's trick)
  const w = new Float64Array(nKeys * L);
  const u = new Float64Array(nKeys * L);
  const tw = new Float64Array(L * L);
  const tu = new Float64Array(L * L);
  let c = 1;
  const random = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const pred = new Uint8Array(Math.max(1, ...examples.map((e) => e.n)));
  const emit = new Float64Array(pred.length * L);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let wrong = 0;
    for (const idx of order) {
      const ex = examples[idx]!;
      const n = ex.n;
      if (n === 0) continue;
      const r = rows[idx]!;
      const p = viterbi(denseScores(r, n, w, emit), n, tw, pred);
      const g = ex.labels;
      let same = true;
      for (let i = 0; i < n; i++) if (p[i] !== g[i]) same = false;
      if (!same) {
        wrong++;
        const step = options.weightOf?.(ex) ?? 1;
        for (let i = 0; i < n; i++) {
          const gl = g[i]!;
          const pl = p[i]!;
          if (gl !== pl) {
            for (let f = 0; f < F; f++) {
              const row = r[i * F + f]!;
              if (row < 0) continue;
              const base = row * L;
              w[base + gl] = w[base + gl]! + step;
              u[base + gl] = u[base + gl]! + c * step;
              w[base + pl] = w[base + pl]! - step;
              u[base + pl] = u[base + pl]! - c * step;
            }
          }
          if (i > 0) {
            const gt = g[i - 1]! * L + gl;
            const pt = p[i - 1]! * L + pl;
            if (gt !== pt) {
              tw[gt] = tw[gt]! + step;
              tu[gt] = tu[gt]! + c * step;
              tw[pt] = tw[pt]! - step;
              tu[pt] = tu[pt]! - c * step;
            }
          }
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, wrong, examples.length);
  }

  for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / c;
  for (let i = 0; i < L * L; i++) tw[i] = tw[i]! - tu[i]! / c;
  return { w, tw };
}
