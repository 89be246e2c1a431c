// Records a rebuild takes from the graph file it replaces. Each node and edge record of a graph
// built with a cache has a fingerprint of what determines its bytes (corpus/fingerprints.ts: the
// documents its mentions come from and their places among the documents' mentions, the relation
// lists its evidence comes from and the relations' places in them, its key and position), so the
// writer knows a record is unchanged without serialising it. The fingerprints and byte ranges of
// the last graph written go to an index in the cache (store.ts: graphIndexPath); the next build
// copies the bytes of each record whose fingerprint it finds there, and serialises the others.
// The index also keeps each edge's columns (its ends, relation, weight) and where it came from
// (EdgeSources), by which a rebuild copies edges it does not make at all (corpus/clean-edges.ts).
//
// The index is a cache: stamped with the graph file's size, time and inode (checked on the open
// file, so a graph renamed over it meanwhile is not read with its ranges), with a hash of kg's
// code and a checksum of its parts (all but the head's counts), and ignored (everything serialised) when missing, stale
// or damaged.
import { createHash } from 'node:crypto';
import { framedBytes, readFramed } from '../framed-file.js';
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two 32-bit lanes per record, in the records' order; (0, 0): none (the record is serialised). */
export interface RecordFingerprints {
  nodes: Uint32Array;
  edges: Uint32Array;
}

/** Where each record went in a written graph file: byte offset and length, in the records' order. */
export interface RecordRanges {
  nodeAt: Float64Array;
  nodeLen: Uint32Array;
  edgeAt: Float64Array;
  edgeLen: Uint32Array;
}

/** A graph file as written: a rename keeps all three. */
export interface FileStamp {
  bytes: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Of each edge record, what the skeleton and a build's summary need of it without its bytes: its
 * ends (node record indices), its relation (in `relations`), its weight, and `derived` (0 false,
 * 1 true, 2 absent). With the nodes' keys, the writer keeps them in the index, so that a rebuild
 * can copy an edge record it never made (EdgeCopies).
 */
export interface EdgeColumns {
  nodeKeys: string[];
  source: Uint32Array;
  target: Uint32Array;
  relation: Uint8Array;
  relations: string[];
  weight: Uint32Array;
  derived: Uint8Array;
}

/**
 * Where a graph's edges came from, as the build that wrote it knew (corpus/fingerprints.ts), kept
 * in the index for the next build (corpus/clean-edges.ts). Its entries are the edge records in
 * order, then the relations merged that the graph left out (`hidden`).
 */
export interface EdgeSources {
  /** the build's inputs (each article's relation cache key), each SOURCE_KEY_LENGTH characters, one after the other */
  inputs: string;
  /** the inputs of entry e (ordinals into `inputs`, in the order they were merged): of[start[e]] … of[start[e + 1] − 1] */
  start: Uint32Array;
  of: Uint32Array;
  /** per entry, 1 where a relation derived from the gazetteer went into it */
  derived: Uint8Array;
  /** the entries that are no record, as `head\u0000relation\u0000tail` */
  hidden: string[];
}

/** The length of each input's key in EdgeSources.inputs (a relation cache key: 40 hex digits). */
export const SOURCE_KEY_LENGTH = 40;

/**
 * The edge records a rebuild copies from the graph file it replaces without making them: the
 * edges in the new file's order, each an old record's index (≥ 0) or −1 − the index of a record
 * made (GraphRecords.edges); and the new index of each old node (−1: gone). Copied edges keep
 * their old fingerprints (the fingerprints given hold them).
 */
export interface EdgeCopies {
  order: Int32Array;
  nodeOf: Int32Array;
  /** per record made, the old record with its key (−1: none): copied if its fingerprint is the made one's */
  sameKey: Int32Array;
}

const INDEX_FORMAT = 3;

interface IndexHead {
  kgGraphIndex: typeof INDEX_FORMAT;
  code: string;
  graph: FileStamp;
  nodes: number;
  edges: number;
  /** the bytes of the nodes' keys and of the relations' names (JSON), when the index holds the columns */
  columns?: { keyBytes: number; relationBytes: number };
  /** the bytes of the inputs and of the hidden entries' keys (JSON) */
  sources?: { inputs: number; entries: number; contributions: number; hiddenBytes: number };
}

/**
 * The graph file a build replaces, as its index describes it: the byte ranges and fingerprints of
 * its records, the edge columns and sources when kept, and the file itself, open, to copy records
 * from. Opened before the build when the build means to copy edges it does not make, else by the
 * writer.
 */
export class ReuseSource {
  private window = Buffer.allocUnsafe(WINDOW);
  private windowAt = 0;
  private windowEnd = 0;
  private nodes: Ranges | undefined;
  private edges: Ranges | undefined;
  /** records copied so far */
  copied = 0;
  private closed = false;

  private constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly old: IndexArrays,
    /** the old edges' columns, if the index kept them */
    readonly columns: EdgeColumns | undefined,
    /** where the old edges came from, if the build that wrote them said */
    readonly sources: EdgeSources | undefined,
  ) {}

  /**
   * The graph file `graphFile` as `indexFile` describes it, or undefined when the index is
   * missing, stale (another graph file, other code) or damaged.
   */
  static open(indexFile: string, graphFile: string): ReuseSource | undefined {
    let fd: number;
    try {
      fd = openSync(graphFile, 'r');
    } catch {
      return undefined;
    }
    try {
      const { head, arrays, columns, sources } = readIndex(readFileSync(indexFile));
      // the file open, not the path: another build may rename its graph over the path meanwhile
      const st = fstatSync(fd);
      if (head.code !== codeHash() || st.size !== head.graph.bytes || st.mtimeMs !== head.graph.mtimeMs || st.ino !== head.graph.ino) {
        closeSync(fd);
        return undefined;
      }
      return new ReuseSource(fd, st.size, arrays, columns, sources);
    } catch {
      closeSync(fd);
      return undefined;
    }
  }

  /**
   * Which old record each new record with a fingerprint is (by its fingerprint): nodeRanges() gives
   * the nodes' old ranges after this, and edge(i) an edge's old bytes. With `copies` (a build that copies the edges it did not
   * make), the edges are not looked up by fingerprint: each edge made is its old record with its
   * key (EdgeCopies.sameKey) when their fingerprints agree.
   */
  match(fingerprints: RecordFingerprints, copies?: EdgeCopies): void {
    const o = this.old;
    this.nodes = lookup(o.nodeFp, o.nodeAt, o.nodeLen, fingerprints.nodes, this.size);
    this.edges = copies ? sameKeyLookup(o, copies, fingerprints.edges) : lookup(o.edgeFp, o.edgeAt, o.edgeLen, fingerprints.edges, this.size);
  }

  /** Per new node record, the old range of the record with its fingerprint (after match()). */
  nodeRanges(): Ranges | undefined {
    return this.nodes;
  }

  /** The old file's edge records' ranges, in its order. */
  oldEdges(): Ranges {
    return { at: this.old.edgeAt, len: this.old.edgeLen };
  }

  /** The old bytes of edge record `i` (a view valid until the next call), or undefined. */
  edge(i: number): Buffer | undefined {
    return this.edges && this.bytes(this.edges.at[i]!, this.edges.len[i]!);
  }

  /**
   * Reads records `i` … `i + k − 1` of `r` (runLength said they lie one after the other, and
   * runBytes how many bytes they are) straight into `into` at `offset` (no window between: the
   * writer's chunk takes them), each checked to be an object and the separators commas; false
   * (nothing copied) when they are not the records the index says.
   */
  readRun(r: Ranges, i: number, k: number, into: Buffer, offset: number): boolean {
    if (k < 1) return false;
    const from = r.at[i]!;
    const n = runBytes(r, i, k);
    if (!(from >= 0) || n < 2 || from + n > this.size || offset + n > into.length) return false;
    for (let got = 0; got < n; ) {
      const read = readSync(this.fd, into, offset + got, n - got, from + got);
      if (read === 0) return false;
      got += read;
    }
    for (let x = i; x < i + k; x++) {
      const a = offset + r.at[x]! - from;
      const e = a + r.len[x]! - 1;
      if (into[a] !== 0x7b || into[e] !== 0x7d || (x < i + k - 1 && into[e + 1] !== 0x2c)) return false;
    }
    this.copied += k;
    return true;
  }

  /** The fingerprint of the old file's edge record `j`, into `to` at pair `i`. */
  oldEdgeFingerprint(j: number, to: Uint32Array, i: number): void {
    to[2 * i] = this.old.edgeFp[2 * j]!;
    to[2 * i + 1] = this.old.edgeFp[2 * j + 1]!;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** The record of `len` bytes from `at` (a view valid until the next call), or undefined. */
  private bytes(at: number, len: number): Buffer | undefined {
    if (!(at >= 0) || len < 2 || at + len > this.size) return undefined;
    // records are copied in about the order they were written: the old file is read forward in windows
    if (at < this.windowAt || at + len > this.windowEnd) {
      if (len > this.window.length) this.window = Buffer.allocUnsafe(len);
      const n = readSync(this.fd, this.window, 0, this.window.length, at);
      this.windowAt = at;
      this.windowEnd = at + n;
      if (n < len) return undefined;
    }
    const out = this.window.subarray(at - this.windowAt, at - this.windowAt + len);
    // a record is an object: a range that is not one means the file is not what the index says
    if (out[0] !== 0x7b || out[len - 1] !== 0x7d) return undefined;
    this.copied++;
    return out;
  }
}

/**
 * Records copied in runs rather than one by one (a ×100 rebuild copies 600 k of them): a run is
 * this many bytes or fewer, but for its last record (so usually it fits the writer's 1 MB chunk).
 */
const RUN_BYTES = 1 << 19;

/**
 * How many records of `r` from `i` on (at most `max`) lie one after the other in the old file, a
 * comma between each two, within about RUN_BYTES: 0 when record `i` has no old range.
 * ReuseSource.readRun reads them.
 */
export function runLength(r: Ranges, i: number, max: number): number {
  const { at, len } = r;
  const from = at[i]!;
  if (!(from >= 0)) return 0;
  let k = 1;
  while (k < max && at[i + k]! === at[i + k - 1]! + len[i + k - 1]! + 1 && at[i + k]! - from < RUN_BYTES) k++;
  return k;
}

/** The bytes of the `k` records of `r` from `i` on (runLength), commas between. */
export function runBytes(r: Ranges, i: number, k: number): number {
  return r.at[i + k - 1]! + r.len[i + k - 1]! - r.at[i]!;
}

interface IndexArrays {
  nodeFp: Uint32Array;
  nodeAt: Float64Array;
  nodeLen: Uint32Array;
  edgeFp: Uint32Array;
  edgeAt: Float64Array;
  edgeLen: Uint32Array;
}

const WINDOW = 4 << 20;

/** Byte ranges of records in the old file, by record: `at` −1 where there is none. */
export interface Ranges {
  at: Float64Array;
  len: Uint32Array;
}

/** For each new record, the old byte range of the record with its fingerprint. */
function lookup(oldFp: Uint32Array, oldAt: Float64Array, oldLen: Uint32Array, newFp: Uint32Array, fileBytes: number): Ranges {
  const n = oldAt.length;
  let size = 1;
  while (size < 2 * n + 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  // a fingerprint two old records share copies neither: it cannot tell which one is meant
  const shared = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = oldFp[2 * i]!;
    const b = oldFp[2 * i + 1]!;
    // a range outside the file (a damaged index) is no record
    const at = oldAt[i]!;
    if ((a === 0 && b === 0) || !Number.isInteger(at) || at < 0 || at + oldLen[i]! > fileBytes || oldLen[i]! < 2) continue;
    let s = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (; slots[s]! >= 0; s = (s + 1) & mask) {
      const o = slots[s]!;
      if (oldFp[2 * o] === a && oldFp[2 * o + 1] === b) break;
    }
    if (slots[s]! >= 0) shared[slots[s]!] = 1;
    else slots[s] = i;
  }
  const m = newFp.length / 2;
  const out: Ranges = { at: new Float64Array(m).fill(-1), len: new Uint32Array(m) };
  for (let i = 0; i < m; i++) {
    const a = newFp[2 * i]!;
    const b = newFp[2 * i + 1]!;
    if (a === 0 && b === 0) continue;
    for (let s = (a ^ Math.imul(b, 0x9e3779b1)) & mask; slots[s]! >= 0; s = (s + 1) & mask) {
      const o = slots[s]!;
      if (oldFp[2 * o] === a && oldFp[2 * o + 1] === b) {
        if (shared[o] === 1) break;
        out.at[i] = oldAt[o]!;
        out.len[i] = oldLen[o]!;
        break;
      }
    }
  }
  return out;
}

/**
 * For each edge of the new file's order, the old range of the record with its key where the build
 * made the edge and the fingerprints agree (an edge copied whole is read in runs, not looked up).
 */
function sameKeyLookup(o: IndexArrays, copies: EdgeCopies, newFp: Uint32Array): Ranges {
  const m = copies.order.length;
  const out: Ranges = { at: new Float64Array(m).fill(-1), len: new Uint32Array(m) };
  for (let i = 0; i < m; i++) {
    const made = copies.order[i]!;
    const j = made < 0 ? copies.sameKey[-1 - made]! : -1;
    if (j < 0) continue;
    const a = newFp[2 * i]!;
    const b = newFp[2 * i + 1]!;
    if ((a === 0 && b === 0) || o.edgeFp[2 * j] !== a || o.edgeFp[2 * j + 1] !== b) continue;
    out.at[i] = o.edgeAt[j]!;
    out.len[i] = o.edgeLen[j]!;
  }
  return out;
}

/**
 * The index of a graph file just written: its stamp, and each record's fingerprint and range (a
 * framed file, framed-file.ts); the edge columns and sources when given.
 */
export function indexBytes(stamp: FileStamp, fingerprints: RecordFingerprints, ranges: RecordRanges, columns?: EdgeColumns, sources?: EdgeSources): Buffer[] {
  const head: IndexHead = { kgGraphIndex: INDEX_FORMAT, code: codeHash(), graph: stamp, nodes: ranges.nodeAt.length, edges: ranges.edgeAt.length };
  const parts: ArrayBufferView[] = [fingerprints.nodes, ranges.nodeAt, ranges.nodeLen, fingerprints.edges, ranges.edgeAt, ranges.edgeLen];
  if (columns) {
    // (strings in parts, not in the head: the checksum covers the parts)
    const keys = Buffer.from(columns.nodeKeys.join('\u0000'), 'utf8');
    const relations = Buffer.from(JSON.stringify(columns.relations), 'utf8');
    head.columns = { keyBytes: keys.length, relationBytes: relations.length };
    parts.push(keys, relations, columns.source, columns.target, columns.relation, columns.weight, columns.derived);
  }
  // (sources describe the edge records: they are kept only with the columns that let a build copy them)
  if (columns && sources) {
    const inputs = Buffer.from(sources.inputs, 'latin1');
    const hidden = Buffer.from(JSON.stringify(sources.hidden), 'utf8');
    head.sources = { inputs: inputs.length, entries: sources.derived.length, contributions: sources.of.length, hiddenBytes: hidden.length };
    parts.push(inputs, hidden, sources.start, sources.of, sources.derived);
  }
  return framedBytes({ ...head }, parts.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
}

function readIndex(buf: Buffer): { head: IndexHead; arrays: IndexArrays; columns?: EdgeColumns; sources?: EdgeSources } {
  const file = readFramed(buf);
  const head = file.head as unknown as IndexHead;
  if (head.kgGraphIndex !== INDEX_FORMAT || !Number.isInteger(head.nodes) || !Number.isInteger(head.edges)) throw new Error('not a graph index');
  const nodeFp = file.numbers(Uint32Array, 2 * head.nodes);
  const nodeAt = file.numbers(Float64Array, head.nodes);
  const nodeLen = file.numbers(Uint32Array, head.nodes);
  const edgeFp = file.numbers(Uint32Array, 2 * head.edges);
  const edgeAt = file.numbers(Float64Array, head.edges);
  const edgeLen = file.numbers(Uint32Array, head.edges);
  const arrays = { nodeFp, nodeAt, nodeLen, edgeFp, edgeAt, edgeLen };
  let columns: EdgeColumns | undefined;
  let sources: EdgeSources | undefined;
  if (head.columns) {
    const keys = file.bytes(head.columns.keyBytes).toString('utf8');
    const nodeKeys = head.nodes === 0 ? [] : keys.split('\u0000');
    const relations = JSON.parse(file.bytes(head.columns.relationBytes).toString('utf8')) as unknown;
    if (nodeKeys.length !== head.nodes || !isStrings(relations)) throw new Error('a damaged index');
    columns = {
      nodeKeys,
      relations,
      source: file.numbers(Uint32Array, head.edges),
      target: file.numbers(Uint32Array, head.edges),
      relation: Uint8Array.from(file.bytes(head.edges)),
      weight: file.numbers(Uint32Array, head.edges),
      derived: Uint8Array.from(file.bytes(head.edges)),
    };
    for (let j = 0; j < head.edges; j++) {
      if (columns.source[j]! >= head.nodes || columns.target[j]! >= head.nodes || columns.relation[j]! >= columns.relations.length) throw new Error('a damaged index');
    }
  }
  if (head.sources) {
    const { inputs, entries, contributions, hiddenBytes } = head.sources;
    const inputKeys = file.bytes(inputs).toString('latin1');
    const hidden = JSON.parse(file.bytes(hiddenBytes).toString('utf8')) as unknown;
    if (!isStrings(hidden) || !hidden.every((k) => k.split('\u0000').length === 3)) throw new Error('a damaged index');
    sources = {
      inputs: inputKeys,
      start: file.numbers(Uint32Array, entries + 1),
      of: file.numbers(Uint32Array, contributions),
      derived: Uint8Array.from(file.bytes(entries)),
      hidden,
    };
    const n = inputs / SOURCE_KEY_LENGTH;
    if (!Number.isInteger(n) || entries !== head.edges + hidden.length || sources.start[0] !== 0 || sources.start[entries] !== contributions) throw new Error('a damaged index');
    for (let e = 0; e < entries; e++) if (sources.start[e]! > sources.start[e + 1]!) throw new Error('a damaged index');
    for (let k = 0; k < contributions; k++) if (sources.of[k]! >= n) throw new Error('a damaged index');
  }
  file.end();
  return { head, arrays, ...(columns ? { columns } : {}), ...(sources ? { sources } : {}) };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

let code: string | undefined;

/** A hash of kg's version and of every file of its code: an index is valid for the code that wrote it. */
function codeHash(): string {
  if (code) return code;
  const h = createHash('sha256');
  const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
  h.update(`${name}@${version}\n`);
  const root = fileURLToPath(new URL('../', import.meta.url));
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        h.update(`${rel}${e.name}\n`);
        h.update(readFileSync(join(dir, e.name)));
      }
    }
  };
  walk(root, '');
  code = h.digest('hex').slice(0, 16);
  return code;
}
