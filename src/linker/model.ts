// The relation classifier: multinomial logistic regression over the candidate's feature keys.
// Classes: none and the three relation types; a candidate may take only the classes its types
// allow. Weights are 16-bit, as the model file stores them, so a model in memory decides exactly
// as the same model read back.
import { RELATION_TYPES, type RelationType } from '../types.js';
import { mulberry32, runSeeds } from '../random.js';

export const CLASSES = ['none', ...RELATION_TYPES] as const;
const C = CLASSES.length;
export const classOf = (r: RelationType): number => 1 + RELATION_TYPES.indexOf(r);

export interface LinkerModel {
  /** feature keys, ascending */
  keys: Uint32Array;
  /** keys × classes, in units of `scale` */
  weights: Int16Array;
  scale: number;
  /**
   * Open addressing over `keys`: each slot the row of a key + 1 (0: empty), a key probed from its
   * low bits. Feature keys are 32-bit unsigned: in a Map most of them are heap numbers, hashed
   * on every look-up, and a pair's keys are looked up a few million times in a build.
   */
  slots: Int32Array;
  mask: number;
}

export interface LinkExample {
  features: Uint32Array;
  /** 0 for none, else 1 + the relation type's index */
  label: number;
  /** the classes this pair may take (always none) */
  allowed: readonly number[];
}

export interface LinkerOptions {
  epochs: number;
  /** runs, each in its own order of the examples (their seeds: runSeeds); the weights are their mean */
  runs?: number;
  seed: number;
  /** how much a true relation's loss counts, against 1 for a pair with none */
  positiveWeight: number;
  /** AdaGrad's step size */
  rate: number;
  /** the L2 penalty, applied to the weights of the features an example has, as it is seen */
  l2: number;
}

/**
 * Multinomial logistic regression over the classes each pair may take, trained by AdaGrad with a
 * small L2 penalty, examples in a seeded shuffle per pass. Convex, so a small change to the
 * features (a rule's vote) changes the decisions a little, not by the path a perceptron took.
 * With several runs the weights are their mean: one run's decisions hang a little on the order it
 * saw the examples in (in cross-validation one run's relation F1 spread over 0.007 to 0.008
 * across five seeds, three runs' over 0.002 to 0.006 across three), the mean's less.
 */
export function trainLinker(examples: readonly LinkExample[], options: LinkerOptions): LinkerModel {
  const row = new Map<number, number>();
  for (const ex of examples) for (const k of ex.features) if (!row.has(k)) row.set(k, row.size);
  // a pair's keys are each written once (pairFeatures), as classification reads them
  const rows = examples.map((ex) => Int32Array.from(ex.features, (k) => row.get(k)!));
  const seeds = runSeeds(options.seed, options.runs);
  const runs = seeds.length;
  const mean = new Float64Array(row.size * C);
  for (const seed of seeds) {
    const w = trainRun(examples, rows, row.size, { ...options, seed });
    for (let i = 0; i < w.length; i++) mean[i] = mean[i]! + w[i]! / runs;
  }
  // in key order, quantised
  const keys = Uint32Array.from(row.keys()).sort();
  const out = new Float64Array(keys.length * C);
  let max = 0;
  keys.forEach((k, i) => {
    const x = row.get(k)!;
    for (let l = 0; l < C; l++) {
      out[i * C + l] = mean[x * C + l]!;
      max = Math.max(max, Math.abs(mean[x * C + l]!));
    }
  });
  const scale = max > 0 ? max / 32767 : 1;
  return fromArrays(keys, Int16Array.from(out, (v) => Math.round(v / scale)), scale);
}

/** One run of AdaGrad over the examples (their keys as rows of the weight table) in the seed's shuffles: the weights, rows × classes. */
function trainRun(examples: readonly LinkExample[], rows: readonly Int32Array[], size: number, options: LinkerOptions): Float64Array {
  const w = new Float64Array(size * C);
  // AdaGrad's sums of squared gradients; the start keeps the first step finite
  const g2 = new Float64Array(size * C).fill(1e-8);
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(C);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const ex = examples[idx]!;
      const r = rows[idx]!;
      // softmax over the allowed classes
      let max = -Infinity;
      for (const k of ex.allowed) {
        let s = 0;
        for (const x of r) s += w[x * C + k]!;
        p[k] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (const k of ex.allowed) z += p[k] = Math.exp(p[k]! - max);
      const weight = ex.label === 0 ? 1 : options.positiveWeight;
      for (const k of ex.allowed) {
        const grad = weight * (p[k]! / z - (k === ex.label ? 1 : 0));
        for (const x of r) {
          const at = x * C + k;
          const g = grad + options.l2 * w[at]!;
          g2[at] = g2[at]! + g * g;
          w[at] = w[at]! - (options.rate * g) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return w;
}

export function fromArrays(keys: Uint32Array, weights: Int16Array, scale: number): LinkerModel {
  // at most half full
  let size = 2;
  while (size < keys.length * 2) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  keys.forEach((k, i) => {
    let s = k & mask;
    // a key given twice (a damaged file) keeps its last row, as a Map would
    while (slots[s] !== 0 && keys[slots[s]! - 1] !== k) s = (s + 1) & mask;
    slots[s] = i + 1;
  });
  return { keys, weights, scale, slots, mask };
}

/** The row of feature key `key`, or -1 when the model has none. */
function rowOf(model: LinkerModel, key: number): number {
  const { slots, keys, mask } = model;
  for (let s = key & mask; ; s = (s + 1) & mask) {
    const r = slots[s]! - 1;
    if (r < 0 || keys[r] === key) return r;
  }
}

/** A pair's class (0 for none) and by how much its score beats none's, in weight units. */
export interface Decision {
  k: number;
  margin: number;
}

/** a pair's score per class, reused */
const SUMS = new Float64Array(C);

/**
 * The class a pair gets, the best-scoring of those it may take (ties to the lower class), and by
 * how much its score beats none's (in weight units; 0 for none).
 */
export function decide(model: LinkerModel, features: Uint32Array, allowed: readonly number[]): Decision {
  // each feature's row looked up once, its weights added for every class the pair may take
  SUMS.fill(0);
  for (const f of features) {
    const r = rowOf(model, f);
    if (r < 0) continue;
    for (const k of allowed) SUMS[k] = SUMS[k]! + model.weights[r * C + k]!;
  }
  const k = best(allowed, (k) => SUMS[k]!);
  return { k, margin: SUMS[k]! - SUMS[0]! };
}

function best(allowed: readonly number[], score: (k: number) => number): number {
  let arg = allowed[0]!;
  let top = -Infinity;
  for (const k of allowed) {
    const s = score(k);
    if (s > top) {
      top = s;
      arg = k;
    }
  }
  return arg;
}

/** The classifier's arrays for the model file: keys, then weights. */
export function linkerPayload(m: LinkerModel): { meta: { keys: number; classes: string[]; scale: number }; bytes: Buffer } {
  const bytes = Buffer.alloc(m.keys.length * 4 + m.weights.length * 2);
  let at = 0;
  for (const k of m.keys) at = bytes.writeUInt32LE(k, at);
  for (const v of m.weights) at = bytes.writeInt16LE(v, at);
  return { meta: { keys: m.keys.length, classes: [...CLASSES], scale: m.scale }, bytes };
}

export function linkerFromPayload(meta: { keys: number; classes: string[]; scale: number }, raw: Buffer, fail: (reason: string) => never): LinkerModel {
  if (meta.classes?.join(',') !== CLASSES.join(',')) fail('model made for other relation classes: train it again (kg train)');
  if (raw.length !== meta.keys * 4 + meta.keys * C * 2) fail('damaged model file (relation weights of the wrong size)');
  const keys = new Uint32Array(meta.keys);
  let at = 0;
  for (let i = 0; i < meta.keys; i++, at += 4) keys[i] = raw.readUInt32LE(at);
  const weights = new Int16Array(meta.keys * C);
  for (let i = 0; i < weights.length; i++, at += 2) weights[i] = raw.readInt16LE(at);
  return fromArrays(keys, weights, meta.scale);
}

