// The tagger's model: per feature key the weights it gives each label, and label transition
// weights. Most features weigh on two or three of the 29 labels, so rows are sparse (label, weight)
// lists. The model file (src/model-file.ts) stores these arrays; the same model gives the same bytes.
import { BIAS_KEY, FEATURES_PER_CHAR, GROUP_TEMPLATES } from './features.js';
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
  /**
   * One bit per value of a key's bits 12–31 (128 KB), set where the model has such a key: most
   * keys the model lacks are told by this bit, without a probe into the 2 MB table.
   */
  present: Int32Array;
}

/** A key's bit in TaggerModel.present. */
const presentBit = (key: number): number => (key >>> 12) & 0xfffff;

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
function indexed(m: Omit<TaggerModel, 'table' | 'mask' | 'overflow' | 'bias' | 'present'>): TaggerModel {
  // at most 36 % full (36 k keys: 2 MB): timed on generated articles before the presence bits,
  // emissions took 0.9× as long as with the table half full, when each key the model lacks
  // probed until an empty slot; with the bits, a table half full (1 MB) timed the same.
  let size = 1;
  while (size < m.keys.length * 2.8) size <<= 1;
  const table = new Int32Array(size * 4);
  const mask = size - 1;
  const long: number[] = [];
  const present = new Int32Array(1 << 15);
  for (let r = 0; r < m.keys.length; r++) {
    const key = m.keys[r]!;
    const bit = presentBit(key);
    present[bit >>> 5]! |= 1 << (bit & 31);
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
  return { ...m, table, mask, overflow: Int32Array.from(long), bias, present };
}

let scratch = new Int32Array(0);

/**
 * Templates whose keys take few values (character classes, jieba's tags, the rules' labels,
 * positions in a clause …) and whose rows are long: together they add about 190 of a character's
 * ≈ 280 weights, while the tuple of their keys recurs (generated articles: ≈ 10 k distinct tuples
 * in 400 articles; the 64 train-set articles: 16 k in 42 k characters). Their summed row is
 * remembered per tuple of keys. The sums are integers, so the scores are the same as adding
 * each row in turn. Timed by hand on the train-set's sentences, emissions take ≈ 0.75× as long once
 * the memo has the frequent tuples, ≈ 1.15× on a first pass over 64 articles; on generated
 * articles ≈ 0.6×.
 */
const GROUP: Int32Array = Int32Array.from(GROUP_TEMPLATES);
const OTHER: Int32Array = Int32Array.from({ length: FEATURES_PER_CHAR - 1 }, (_, f) => f + 1).filter((f) => !GROUP.includes(f));
const G = GROUP.length;
/** remembered tuples at most (a memo of ≈ 11 MB); past it, a new tuple's rows are summed one by one */
const MEMO_CAP = 1 << 16;

interface Memo {
  /** tuple slot → entry + 1 (0: empty) */
  slots: Int32Array;
  /** each entry's keys, G of them */
  keys: Int32Array;
  /** each entry's summed row, L of them */
  rows: Int32Array;
  count: number;
}
const memos = new WeakMap<TaggerModel, Memo>();
function memoOf(model: TaggerModel): Memo {
  let m = memos.get(model);
  if (!m) memos.set(model, (m = { slots: new Int32Array(MEMO_CAP * 2), keys: new Int32Array(MEMO_CAP * G), rows: new Int32Array(MEMO_CAP * L), count: 0 }));
  return m;
}

/** Adds the row of `key` (if the model has it) to out[o … o + L). */
function addRow(model: TaggerModel, out: Int32Array, o: number, key: number): void {
  // a third of the keys looked up are not in the model: most of them end here (train-set and
  // generated articles: 33 % of the look-ups, 97 % of them told by the bit; emissions 0.86–0.92×
  // as long as when the table was probed for them)
  const bit = presentBit(key);
  if ((model.present[bit >>> 5]! & (1 << (bit & 31))) === 0) return;
  const { table, mask, overflow } = model;
  const wrap = (mask << 2) | 3;
  let s = (key & mask) << 2;
  let at = table[s]!;
  while (at !== key && at !== 0) {
    s = (s + 4) & wrap;
    at = table[s]!;
  }
  // an empty slot holds zeros, as does a short row's unused entry: each adds 0 to label O, which
  // costs less than the branches that would skip it (their outcome is hard to predict)
  const a = table[s + 1]!;
  if (a & 32) {
    const first = (a >> 6) + 1;
    const last = first + overflow[first - 1]!;
    for (let e = first; e < last; e++) {
      const p = overflow[e]!;
      out[o + (p & 31)] = out[o + (p & 31)]! + (p >> 6);
    }
    return;
  }
  const b = table[s + 2]!;
  const c = table[s + 3]!;
  out[o + (a & 31)] = out[o + (a & 31)]! + (a >> 6);
  out[o + (b & 31)] = out[o + (b & 31)]! + (b >> 6);
  out[o + (c & 31)] = out[o + (c & 31)]! + (c >> 6);
}

/**
 * Emission scores (n × labels, in units of the model's scale) of a sentence's feature keys. The
 * array is reused by the next call: read it before tagging another sentence.
 */
export function emissions(model: TaggerModel, features: Uint32Array, n: number): Int32Array {
  const F = FEATURES_PER_CHAR;
  if (scratch.length < n * L) scratch = new Int32Array(Math.max(n * L, 2 * scratch.length));
  const out = scratch.subarray(0, n * L);
  const { bias } = model;
  const memo = memoOf(model);
  const { slots, keys: memoKeys, rows: memoRows } = memo;
  const slotMask = slots.length - 1;
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const row = i * F;
    // the group's keys: their summed row, remembered
    let h = 0x2545f491;
    for (let g = 0; g < G; g++) h = Math.imul(h ^ (features[row + GROUP[g]!]! | 0), 0x01000193);
    h ^= h >>> 15;
    let slot = h & slotMask;
    let entry = -1;
    for (;;) {
      const e = slots[slot]!;
      if (e === 0) break;
      const kb = (e - 1) * G;
      let same = true;
      for (let g = 0; g < G; g++) {
        if (memoKeys[kb + g] !== (features[row + GROUP[g]!]! | 0)) {
          same = false;
          break;
        }
      }
      if (same) {
        entry = e - 1;
        break;
      }
      slot = (slot + 1) & slotMask;
    }
    if (entry < 0 && memo.count < MEMO_CAP) {
      entry = memo.count++;
      slots[slot] = entry + 1;
      const kb = entry * G;
      // the first key is the bias (features.ts): its weights in every remembered sum
      memoRows.set(bias, entry * L);
      for (let g = 0; g < G; g++) {
        const key = features[row + GROUP[g]!]! | 0;
        memoKeys[kb + g] = key;
        if (key !== 0) addRow(model, memoRows, entry * L, key);
      }
    }
    if (entry >= 0) {
      const rb = entry * L;
      for (let l = 0; l < L; l++) out[o + l] = memoRows[rb + l]!;
    } else {
      // the memo is full: the bias and the group's rows one by one
      for (let l = 0; l < L; l++) out[o + l] = bias[l]!;
      for (let g = 0; g < G; g++) {
        const key = features[row + GROUP[g]!]! | 0;
        if (key !== 0) addRow(model, out, o, key);
      }
    }
    for (let x = 0; x < OTHER.length; x++) {
      const key = features[row + OTHER[x]!]! | 0;
      if (key !== 0) addRow(model, out, o, key);
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
