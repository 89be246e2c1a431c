// A linear-chain CRF over BIOES label sequences, trained by stochastic gradient descent on the
// (example-weighted) log-likelihood with an L2 penalty (Bottou's scaled-weight trick keeps each
// step sparse). Forward-backward with scaling, under the same transition constraints as Viterbi.
// Deterministic: a seeded order, no clocks.
import { FEATURES_PER_CHAR } from './features.js';
import { ALLOWED, LABEL_COUNT, canEnd, canStart } from './labels.js';
import { denseScores, type FeatureRows, type LinearWeights } from './rows.js';
import type { Example } from './data.js';
import { mulberry32, shuffle } from '../random.js';

export interface CrfOptions {
  epochs: number;
  seed: number;
  /** the L2 penalty over the whole training set (CRFsuite's c2) */
  l2: number;
  /** the first step size; it decays as 1 / (1 + rate × l2 / examples × step) */
  rate: number;
  /** per example, how much its gradient weighs (default 1) */
  weightOf?: (e: Example) => number;
  onEpoch?: (epoch: number, loss: number) => void;
}

const L = LABEL_COUNT;
const F = FEATURES_PER_CHAR;
const START_OK = Float64Array.from({ length: L }, (_, l) => (canStart(l) ? 1 : 0));
const END_OK = Float64Array.from({ length: L }, (_, l) => (canEnd(l) ? 1 : 0));

/** The CRF's weights: the mean of the weights at the end of each epoch of the second half of training. */
export function crfWeights(examples: readonly Example[], table: FeatureRows, options: CrfOptions): LinearWeights {
  const { keys, rows } = table;
  const v = new Float64Array(keys.length * L);
  let scale = 1;
  const T = new Float64Array(L * L);
  const N = examples.length;
  const lambda = options.l2 / N;
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const maxN = Math.max(1, ...examples.map((e) => e.n));
  const emit = new Float64Array(maxN * L);
  const alpha = new Float64Array(maxN * L);
  const beta = new Float64Array(maxN * L);
  const cs = new Float64Array(maxN);
  const expT = new Float64Array(L * L);
  const grad = new Float64Array(L);
  const averageFrom = Math.ceil(options.epochs / 2);
  const avg = new Float64Array(keys.length * L);
  const avgT = new Float64Array(L * L);
  let averaged = 0;
  let t = 0;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (const idx of order) {
      const ex = examples[idx]!;
      const n = ex.n;
      if (n === 0) continue;
      const eta = options.rate / (1 + options.rate * lambda * t);
      t++;
      const r = rows[idx]!;
      const g = ex.labels;
      const weight = options.weightOf?.(ex) ?? 1;
      // emissions, as exp(score − max) per position (v is the weights over `scale`)
      denseScores(r, n, v, emit);
      for (let i = 0; i < n; i++) {
        const o = i * L;
        let max = -Infinity;
        for (let l = 0; l < L; l++) max = Math.max(max, (emit[o + l] = emit[o + l]! * scale));
        loss -= emit[o + g[i]!]! - max;
        for (let l = 0; l < L; l++) emit[o + l] = Math.exp(emit[o + l]! - max);
      }
      let tmax = -Infinity;
      for (let k = 0; k < L * L; k++) if (ALLOWED[k]) tmax = Math.max(tmax, T[k]!);
      for (let k = 0; k < L * L; k++) expT[k] = ALLOWED[k] ? Math.exp(T[k]! - tmax) : 0;
      // forward, scaled
      let c = 0;
      for (let l = 0; l < L; l++) c += alpha[l] = START_OK[l]! * emit[l]!;
      cs[0] = c;
      for (let l = 0; l < L; l++) alpha[l] = alpha[l]! / c;
      for (let i = 1; i < n; i++) {
        const o = i * L;
        const p = o - L;
        c = 0;
        for (let l = 0; l < L; l++) {
          let s = 0;
          for (let k = 0; k < L; k++) s += alpha[p + k]! * expT[k * L + l]!;
          c += alpha[o + l] = s * emit[o + l]!;
        }
        cs[i] = c;
        for (let l = 0; l < L; l++) alpha[o + l] = alpha[o + l]! / c;
      }
      // backward, with the same scales
      const last = (n - 1) * L;
      for (let l = 0; l < L; l++) beta[last + l] = END_OK[l]!;
      for (let i = n - 2; i >= 0; i--) {
        const o = i * L;
        const q = o + L;
        for (let k = 0; k < L; k++) {
          let s = 0;
          for (let l = 0; l < L; l++) s += expT[k * L + l]! * emit[q + l]! * beta[q + l]!;
          beta[o + k] = s / cs[i + 1]!;
        }
      }
      // log Z (in the shifted units) for the loss
      let zEnd = 0;
      for (let l = 0; l < L; l++) zEnd += alpha[last + l]! * END_OK[l]!;
      let logZ = Math.log(zEnd);
      for (let i = 0; i < n; i++) logZ += Math.log(cs[i]!);
      loss += logZ;
      for (let i = 1; i < n; i++) loss -= T[g[i - 1]! * L + g[i]!]! - tmax;
      // the gradient step: the expected minus the gold counts
      const step = (eta * weight) / scale;
      for (let i = 0; i < n; i++) {
        const o = i * L;
        let z = 0;
        for (let l = 0; l < L; l++) z += grad[l] = alpha[o + l]! * beta[o + l]!;
        for (let l = 0; l < L; l++) grad[l] = grad[l]! / z;
        grad[g[i]!] = grad[g[i]!]! - 1;
        for (let f = 0; f < F; f++) {
          const row = r[i * F + f]!;
          if (row < 0) continue;
          const base = row * L;
          for (let l = 0; l < L; l++) {
            const d = grad[l]!;
            if (d !== 0) v[base + l] = v[base + l]! - step * d;
          }
        }
        if (i > 0) {
          const p = o - L;
          let zz = 0;
          for (let k = 0; k < L; k++) {
            const a = alpha[p + k]!;
            if (a === 0) continue;
            for (let l = 0; l < L; l++) zz += a * expT[k * L + l]! * emit[o + l]! * beta[o + l]!;
          }
          for (let k = 0; k < L; k++) {
            const a = alpha[p + k]!;
            if (a === 0) continue;
            for (let l = 0; l < L; l++) {
              const e = expT[k * L + l]!;
              if (e === 0) continue;
              T[k * L + l] = T[k * L + l]! - eta * weight * ((a * e * emit[o + l]! * beta[o + l]!) / zz);
            }
          }
          T[g[i - 1]! * L + g[i]!] = T[g[i - 1]! * L + g[i]!]! + eta * weight;
        }
      }
      // the L2 penalty's shrink of every weight, as one factor
      scale *= 1 - eta * lambda;
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k++) v[k] = v[k]! * scale;
        scale = 1;
      }
    }
    options.onEpoch?.(epoch, loss);
    if (epoch >= averageFrom) {
      for (let k = 0; k < v.length; k++) avg[k] = avg[k]! + v[k]! * scale;
      for (let k = 0; k < L * L; k++) avgT[k] = avgT[k]! + T[k]!;
      averaged++;
    }
  }
  return { dense: Float32Array.from(avg, (x) => x / averaged), transitions: Float32Array.from(avgT, (x) => x / averaged) };
}
