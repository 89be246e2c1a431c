// The tagger's model: per feature key the weights it gives each label, and label transition
// weights. Most features weigh on two or three of the 29 labels, so rows are sparse (label, weight)
// lists. The model file (src/model-file.ts) stores these arrays; the same model gives the same bytes.
import { BIAS_KEY, FEATURES_PER_CHAR } from './features.js';
import { LABEL_COUNT, LABEL_NAMES } from './labels.js';
import { viterbi } from './viterbi.js';

/** Bump when features.ts computes different keys: an older model would then be read wrongly. */
export const FEATURE_VERSION = 2;
const L = LABEL_COUNT;

/** What the model file says about the tagger's arrays. */
export interface TaggerMeta {
  featureVersion: number;
  labels: string[];
  featuresPerChar: number;
  /** feature keys, and (label, weight) entries over all rows */
  rows: number;
  entries: number;
  /** weights are stored as int16 × scale */
  scale: number;
}

export interface TaggerModel {
  meta: TaggerMeta;
  /** feature keys, ascending */
  keys: Uint32Array;
  /** entries of row r: its labels and weights, in units of meta.scale */
  start: Uint32Array;
  labels: Uint8Array;
  values: Int16Array;
  /** from × to, in units of meta.scale */
  transitions: Float64Array;
  /**
   * Open addressing, four numbers per slot: the key, then up to three entries of its row, each
   * weight << 6 | label (0: none); a row of more entries has instead (where it begins in
   * `overflow`) << 6 | 32. A look-up reads one slot, most often one cache line.
   */
  table: Int32Array;
  mask: number;
  /** long rows: each its length, then its entries, weight << 6 | label */
  overflow: Int32Array;
  /** the bias feature's weights per label (every character's first key, added without a look-up) */
  bias: Int32Array;
}

/**
 * A model from dense weights (rows × labels), quantised to 16 bits as the file stores them, so a
 * model in memory decides exactly as the same model read back. Zero rows and entries are left out.
 */
export function makeModel(keys: Uint32Array, dense: Float32Array, transitions: Float32Array, pruneBelow = 0): TaggerModel {
  let max = 0;
  for (const v of dense) max = Math.max(max, Math.abs(v));
  for (const v of transitions) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  // weights under `pruneBelow` of the largest count for nothing: the tagger adds fewer per character
  const floor = pruneBelow * 32767;
  const q = (v: number) => {
    const x = Math.round(v / scale);
    return Math.abs(x) < floor ? 0 : x;
  };
  const keep: number[] = [];
  let entries = 0;
  for (let r = 0; r < keys.length; r++) {
    let k = 0;
    for (let l = 0; l < L; l++) if (q(dense[r * L + l]!) !== 0) k++;
    if (k > 0) {
      keep.push(r);
      entries += k;
    }
  }
  const outKeys = new Uint32Array(keep.length);
  const start = new Uint32Array(keep.length + 1);
  const labels = new Uint8Array(entries);
  const values = new Int16Array(entries);
  let e = 0;
  keep.forEach((r, i) => {
    outKeys[i] = keys[r]!;
    start[i] = e;
    for (let l = 0; l < L; l++) {
      const w = q(dense[r * L + l]!);
      if (w !== 0) {
        labels[e] = l;
        values[e++] = w;
      }
    }
  });
  start[keep.length] = e;
  const meta: TaggerMeta = { featureVersion: FEATURE_VERSION, labels: [...LABEL_NAMES], featuresPerChar: FEATURES_PER_CHAR, rows: outKeys.length, entries, scale };
  return indexed({ meta, keys: outKeys, start, labels, values, transitions: Float64Array.from(transitions, (v) => Math.round(v / scale)) });
}

/** The look-up structures of a model: the hash table with rows inline, and the long rows apart. */
function indexed(m: Omit<TaggerModel, 'table' | 'mask' | 'overflow' | 'bias'>): TaggerModel {
  let size = 1;
  while (size < m.keys.length * 1.4) size <<= 1;
  const table = new Int32Array(size * 4);
  const mask = size - 1;
  const long: number[] = [];
  for (let r = 0; r < m.keys.length; r++) {
    const key = m.keys[r]!;
    let slot = key & mask;
    while (table[slot * 4] !== 0) slot = (slot + 1) & mask;
    const s = slot * 4;
    table[s] = key | 0;
    const from = m.start[r]!;
    const to = m.start[r + 1]!;
    if (to - from <= 3) {
      for (let e = from; e < to; e++) table[s + 1 + e - from] = (m.values[e]! << 6) | m.labels[e]!;
    } else {
      table[s + 1] = (long.length << 6) | 32;
      long.push(to - from);
      for (let e = from; e < to; e++) long.push((m.values[e]! << 6) | m.labels[e]!);
    }
  }
  const bias = new Int32Array(L);
  const r = m.keys.indexOf(BIAS_KEY);
  if (r >= 0) for (let e = m.start[r]!; e < m.start[r + 1]!; e++) bias[m.labels[e]!] = m.values[e]!;
  return { ...m, table, mask, overflow: Int32Array.from(long), bias };
}

let scratch = new Int32Array(0);

/**
 * Emission scores (n × labels, in units of the model's scale) of a sentence's feature keys. The
 * array is reused by the next call: read it before tagging another sentence.
 */
export function emissions(model: TaggerModel, features: Uint32Array, n: number): Int32Array {
  const F = FEATURES_PER_CHAR;
  if (scratch.length < n * L) scratch = new Int32Array(Math.max(n * L, 2 * scratch.length));
  const out = scratch.subarray(0, n * L);
  const { table, mask, overflow, bias } = model;
  const wrap = (mask << 2) | 3;
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const row = i * F;
    // the first key is the bias (features.ts): its weights without a look-up
    out.set(bias, o);
    for (let f = 1; f < F; f++) {
      const key = features[row + f]! | 0;
      if (key === 0) continue;
      let s = (key & mask) << 2;
      let at = table[s]!;
      while (at !== key && at !== 0) {
        s = (s + 4) & wrap;
        at = table[s]!;
      }
      if (at === 0) continue;
      const a = table[s + 1]!;
      if (a & 32) {
        const first = (a >> 6) + 1;
        const last = first + overflow[first - 1]!;
        for (let e = first; e < last; e++) {
          const p = overflow[e]!;
          out[o + (p & 31)] = out[o + (p & 31)]! + (p >> 6);
        }
        continue;
      }
      out[o + (a & 31)] = out[o + (a & 31)]! + (a >> 6);
      const b = table[s + 2]!;
      if (b === 0) continue;
      out[o + (b & 31)] = out[o + (b & 31)]! + (b >> 6);
      const c = table[s + 3]!;
      if (c !== 0) out[o + (c & 31)] = out[o + (c & 31)]! + (c >> 6);
    }
  }
  return out;
}

/** The best labels for a sentence's feature keys. */
export function decode(model: TaggerModel, features: Uint32Array, n: number): Uint8Array {
  return viterbi(emissions(model, features, n), n, model.transitions);
}

/** The tagger's arrays for the model file: keys, row lengths, transitions, labels, weights. */
export function taggerPayload(model: TaggerModel): { meta: TaggerMeta; bytes: Buffer } {
  const rows = model.keys.length;
  const entries = model.values.length;
  const bytes = Buffer.alloc(rows * 4 + rows + L * L * 2 + entries * 3);
  let at = 0;
  for (const k of model.keys) at = bytes.writeUInt32LE(k, at);
  for (let r = 0; r < rows; r++) bytes[at++] = model.start[r + 1]! - model.start[r]!;
  for (const t of model.transitions) at = bytes.writeInt16LE(t, at);
  bytes.set(model.labels, at);
  at += entries;
  for (const v of model.values) at = bytes.writeInt16LE(v, at);
  return { meta: { ...model.meta, rows, entries }, bytes };
}

/** The tagger from its arrays in a model file; `fail` reports a fault. */
export function taggerFromPayload(meta: TaggerMeta, raw: Buffer, fail: (reason: string) => never): TaggerModel {
  if (meta.featureVersion !== FEATURE_VERSION) fail(`model made for feature version ${meta.featureVersion}, this kg computes version ${FEATURE_VERSION}: train it again (kg train)`);
  if (meta.featuresPerChar !== FEATURES_PER_CHAR || meta.labels?.join(',') !== LABEL_NAMES.join(',')) fail('model made for other labels or features: train it again (kg train)');
  const { rows, entries } = meta;
  const want = rows * 5 + L * L * 2 + entries * 3;
  if (!Number.isInteger(rows) || !Number.isInteger(entries) || rows < 0 || entries < 0 || raw.length !== want) fail(`damaged model file (${raw.length} bytes of tagger weights, expected ${want})`);
  const keys = new Uint32Array(rows);
  let at = 0;
  for (let i = 0; i < rows; i++, at += 4) keys[i] = raw.readUInt32LE(at);
  const start = new Uint32Array(rows + 1);
  for (let i = 0; i < rows; i++) start[i + 1] = start[i]! + raw[at + i]!;
  at += rows;
  if (start[rows] !== entries) fail('damaged model file (row lengths do not add up)');
  const transitions = new Float64Array(L * L);
  for (let i = 0; i < L * L; i++, at += 2) transitions[i] = raw.readInt16LE(at);
  const labels = Uint8Array.from(raw.subarray(at, at + entries));
  at += entries;
  if (labels.some((l) => l >= L)) fail('damaged model file (a label out of range)');
  const values = new Int16Array(entries);
  for (let i = 0; i < entries; i++, at += 2) values[i] = raw.readInt16LE(at);
  return indexed({ meta, keys, start, labels, values, transitions });
}
