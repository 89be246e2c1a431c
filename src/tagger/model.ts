// The tagger's model: per feature key a row of weights (one per label), and label transition
// weights. Stored as one binary file: a magic line, a JSON header, then the arrays deflated.
// The same model gives the same bytes (no time stamps; keys sorted; fixed compression level).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FEATURES_PER_CHAR } from './features.js';
import { LABEL_COUNT, LABEL_NAMES } from './labels.js';
import { viterbi } from './viterbi.js';

const MAGIC = 'KGTAGGER';
/** Bump when features.ts computes different keys: an older model would then be read wrongly. */
export const FEATURE_VERSION = 1;
const L = LABEL_COUNT;

/** What a model file says about itself. */
export interface ModelMeta {
  format: 1;
  featureVersion: number;
  labels: string[];
  featuresPerChar: number;
  rows: number;
  /** weights are stored as int16 × scale */
  scale: number;
  /** sha256 of the deflated arrays */
  sha256: string;
  /** how it was trained: the data read and the settings, for the README and `kg train` */
  training: Record<string, unknown>;
}

export interface TaggerModel {
  meta: ModelMeta;
  /** feature keys, ascending */
  keys: Uint32Array;
  /** rows × labels */
  weights: Float32Array;
  /** from × to */
  transitions: Float32Array;
  /** open-addressing table: key → row + 1 */
  table: Int32Array;
  mask: number;
  /** sha256 of the file it was read from ('' for a model made in memory): builds key their cache by it */
  fileSha256: string;
}

/** A model file that cannot be used: the message names the file and the fault. */
export class ModelError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ModelError';
  }
}

export function makeModel(keys: Uint32Array, weights: Float32Array, transitions: Float32Array, training: Record<string, unknown>): TaggerModel {
  const meta: ModelMeta = {
    format: 1,
    featureVersion: FEATURE_VERSION,
    labels: [...LABEL_NAMES],
    featuresPerChar: FEATURES_PER_CHAR,
    rows: keys.length,
    scale: 1,
    sha256: '',
    training,
  };
  return withTable({ meta, keys, weights, transitions, table: new Int32Array(0), mask: 0, fileSha256: '' });
}

function withTable(model: TaggerModel): TaggerModel {
  let size = 1;
  while (size < model.keys.length * 2) size <<= 1;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < model.keys.length; r++) {
    let slot = model.keys[r]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = r + 1;
  }
  return { ...model, table, mask };
}

/** The row of a feature key, or -1. */
export function rowOf(model: TaggerModel, key: number): number {
  const { table, mask, keys } = model;
  let slot = key & mask;
  for (;;) {
    const r = table[slot]!;
    if (r === 0) return -1;
    if (keys[r - 1] === key) return r - 1;
    slot = (slot + 1) & mask;
  }
}

/** Emission scores (n × labels) of a sentence's feature keys. */
export function emissions(model: TaggerModel, features: Uint32Array, n: number): Float64Array {
  const F = FEATURES_PER_CHAR;
  const out = new Float64Array(n * L);
  const w = model.weights;
  for (let i = 0; i < n; i++) {
    const o = i * L;
    for (let f = 0; f < F; f++) {
      const key = features[i * F + f]!;
      if (key === 0) continue;
      const r = rowOf(model, key);
      if (r < 0) continue;
      const base = r * L;
      for (let l = 0; l < L; l++) out[o + l] = out[o + l]! + w[base + l]!;
    }
  }
  return out;
}

/** The best labels for a sentence's feature keys. */
export function decode(model: TaggerModel, features: Uint32Array, n: number): Uint8Array {
  return viterbi(emissions(model, features, n), n, model.transitions);
}

/** The model file's bytes. */
export function serializeModel(model: TaggerModel): Buffer {
  let max = 0;
  for (const v of model.weights) max = Math.max(max, Math.abs(v));
  for (const v of model.transitions) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(model.weights[i]! / scale);
  const t = new Int16Array(model.transitions.length);
  for (let i = 0; i < t.length; i++) t[i] = Math.round(model.transitions[i]! / scale);
  const payload = deflateRawSync(Buffer.concat([le(model.keys), le(t), le(q)]), { level: 9 });
  const meta: ModelMeta = { ...model.meta, rows: model.keys.length, scale, sha256: createHash('sha256').update(payload).digest('hex') };
  const header = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, header, payload]);
}

/** Reads a model file; any fault is a ModelError naming the file. */
export function parseModel(bytes: Buffer, file: string): TaggerModel {
  const fail = (reason: string): never => {
    throw new ModelError(file, reason);
  };
  if (bytes.length < MAGIC.length + 4 || bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) fail('not a kg tagger model (no KGTAGGER header)');
  const len = bytes.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + len > bytes.length) fail('truncated model file (header cut short)');
  let meta: ModelMeta;
  try {
    meta = JSON.parse(bytes.subarray(start, start + len).toString('utf8')) as ModelMeta;
  } catch {
    return fail('damaged model file (its header is not valid JSON)');
  }
  if (meta.format !== 1) fail(`model format ${String(meta.format)} is not one this kg reads`);
  if (meta.featureVersion !== FEATURE_VERSION) fail(`model made for feature version ${meta.featureVersion}, this kg computes version ${FEATURE_VERSION}: train it again (kg train)`);
  if (meta.featuresPerChar !== FEATURES_PER_CHAR || meta.labels?.join(',') !== LABEL_NAMES.join(',')) fail('model made for other labels or features: train it again (kg train)');
  const payload = bytes.subarray(start + len);
  if (createHash('sha256').update(payload).digest('hex') !== meta.sha256) fail('damaged model file (checksum mismatch; truncated or changed)');
  let raw: Buffer;
  try {
    raw = inflateRawSync(payload);
  } catch {
    return fail('damaged model file (cannot be decompressed)');
  }
  const rows = meta.rows;
  const want = rows * 4 + L * L * 2 + rows * L * 2;
  if (!Number.isInteger(rows) || rows < 0 || raw.length !== want) fail(`damaged model file (${raw.length} bytes of weights, expected ${want})`);
  const keys = new Uint32Array(rows);
  let at = 0;
  for (let i = 0; i < rows; i++, at += 4) keys[i] = raw.readUInt32LE(at);
  const transitions = new Float32Array(L * L);
  for (let i = 0; i < L * L; i++, at += 2) transitions[i] = raw.readInt16LE(at) * meta.scale;
  const weights = new Float32Array(rows * L);
  for (let i = 0; i < rows * L; i++, at += 2) weights[i] = raw.readInt16LE(at) * meta.scale;
  return withTable({ meta, keys, weights, transitions, table: new Int32Array(0), mask: 0, fileSha256: createHash('sha256').update(bytes).digest('hex') });
}

const loaded = new Map<string, TaggerModel>();

/** Reads a model file once per process. */
export function loadModel(file: string): TaggerModel {
  let model = loaded.get(file);
  if (model) return model;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelError(file, code === 'ENOENT' ? 'no such model file (kg train writes one; --rules-only builds without)' : `cannot read the model file (${code ?? (err as Error).message})`);
  }
  model = parseModel(bytes, file);
  loaded.set(file, model);
  return model;
}

function le(a: Uint32Array | Int16Array): Buffer {
  const b = Buffer.alloc(a.byteLength);
  if (a instanceof Uint32Array) a.forEach((v, i) => b.writeUInt32LE(v, i * 4));
  else a.forEach((v, i) => b.writeInt16LE(v, i * 2));
  return b;
}
