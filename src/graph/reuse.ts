// Records a rebuild takes from the graph file it replaces. Each node and edge record of a graph
// built with a cache has a fingerprint of what determines its bytes (corpus/fingerprints.ts: the
// documents its mentions come from and their places among the documents' mentions, the relation
// lists its evidence comes from and the relations' places in them, its key and position), so the
// writer knows a record is unchanged without serialising it. The fingerprints and byte ranges of
// the last graph written go to an index in the cache (store.ts: graphIndexPath); the next build
// copies the bytes of each record whose fingerprint it finds there, and serialises the others.
//
// The index is a cache: stamped with the graph file's size, time and inode (checked on the open
// file, so a graph renamed over it meanwhile is not read with its ranges), with a hash of kg's
// code and a checksum of its own arrays, and ignored (everything serialised) when missing, stale
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

const INDEX_FORMAT = 2;

interface IndexHead {
  kgGraphIndex: typeof INDEX_FORMAT;
  code: string;
  graph: FileStamp;
  nodes: number;
  edges: number;
}

/** Byte ranges in the old graph file of the records a new graph can copy, found by fingerprint. */
export class ReuseSource {
  private window = Buffer.allocUnsafe(WINDOW);
  private windowAt = 0;
  private windowEnd = 0;
  /** records copied so far */
  copied = 0;

  private constructor(
    private readonly fd: number,
    private readonly nodes: Lookup,
    private readonly edges: Lookup,
  ) {}

  /**
   * The reuse `fingerprints` allow from `graphFile` as `indexFile` describes it, or undefined when
   * the index is missing, stale (another graph file, other code) or damaged.
   */
  static open(indexFile: string, graphFile: string, fingerprints: RecordFingerprints): ReuseSource | undefined {
    let fd: number;
    try {
      fd = openSync(graphFile, 'r');
    } catch {
      return undefined;
    }
    try {
      const { head, arrays } = readIndex(readFileSync(indexFile));
      // the file open, not the path: another build may rename its graph over the path meanwhile
      const st = fstatSync(fd);
      if (head.code !== codeHash() || st.size !== head.graph.bytes || st.mtimeMs !== head.graph.mtimeMs || st.ino !== head.graph.ino) {
        closeSync(fd);
        return undefined;
      }
      const nodes = lookup(arrays.nodeFp, arrays.nodeAt, arrays.nodeLen, fingerprints.nodes, st.size);
      const edges = lookup(arrays.edgeFp, arrays.edgeAt, arrays.edgeLen, fingerprints.edges, st.size);
      return new ReuseSource(fd, nodes, edges);
    } catch {
      closeSync(fd);
      return undefined;
    }
  }

  /** The old bytes of node record `i` (a view valid until the next call), or undefined. */
  node(i: number): Buffer | undefined {
    return this.bytes(this.nodes, i);
  }

  /** The old bytes of edge record `i` (a view valid until the next call), or undefined. */
  edge(i: number): Buffer | undefined {
    return this.bytes(this.edges, i);
  }

  close(): void {
    closeSync(this.fd);
  }

  private bytes(l: Lookup, i: number): Buffer | undefined {
    const at = l.at[i]!;
    if (at < 0) return undefined;
    const len = l.len[i]!;
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

const WINDOW = 4 << 20;

/** For each new record, the old byte range of the record with its fingerprint (at −1: none). */
interface Lookup {
  at: Float64Array;
  len: Uint32Array;
}

function lookup(oldFp: Uint32Array, oldAt: Float64Array, oldLen: Uint32Array, newFp: Uint32Array, fileBytes: number): Lookup {
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
  const out: Lookup = { at: new Float64Array(m).fill(-1), len: new Uint32Array(m) };
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

/** The index of a graph file just written: its stamp, and each record's fingerprint and range (a framed file, framed-file.ts). */
export function indexBytes(stamp: FileStamp, fingerprints: RecordFingerprints, ranges: RecordRanges): Buffer[] {
  const head: IndexHead = { kgGraphIndex: INDEX_FORMAT, code: codeHash(), graph: stamp, nodes: ranges.nodeAt.length, edges: ranges.edgeAt.length };
  const parts = [fingerprints.nodes, ranges.nodeAt, ranges.nodeLen, fingerprints.edges, ranges.edgeAt, ranges.edgeLen];
  return framedBytes({ ...head }, parts.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
}

function readIndex(buf: Buffer): { head: IndexHead; arrays: { nodeFp: Uint32Array; nodeAt: Float64Array; nodeLen: Uint32Array; edgeFp: Uint32Array; edgeAt: Float64Array; edgeLen: Uint32Array } } {
  const file = readFramed(buf);
  const head = file.head as unknown as IndexHead;
  if (head.kgGraphIndex !== INDEX_FORMAT || !Number.isInteger(head.nodes) || !Number.isInteger(head.edges)) throw new Error('not a graph index');
  const nodeFp = file.numbers(Uint32Array, 2 * head.nodes);
  const nodeAt = file.numbers(Float64Array, head.nodes);
  const nodeLen = file.numbers(Uint32Array, head.nodes);
  const edgeFp = file.numbers(Uint32Array, 2 * head.edges);
  const edgeAt = file.numbers(Float64Array, head.edges);
  const edgeLen = file.numbers(Uint32Array, head.edges);
  file.end();
  return { head, arrays: { nodeFp, nodeAt, nodeLen, edgeFp, edgeAt, edgeLen } };
}

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
