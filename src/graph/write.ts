// Writing files so that a crash never leaves half a file: write a temporary file beside the
// target, then rename it over the target (atomic on one filesystem).
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { DirectedGraph } from 'graphology';
import type { GraphRecords } from './build.js';
import { dirname, basename, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { SkeletonRecorder, isEdgeKey, removeSkeleton, skeletonPath, stampOf } from './skeleton.js';
import { NodeIndex } from './node-index.js';
import { jsonPieces } from './json-pieces.js';
import { Utf8Chunks } from './utf8-chunks.js';
import { ReuseSource, indexBytes, runBytes, runLength, type EdgeColumns, type EdgeCopies, type EdgeSources, type Ranges, type RecordFingerprints, type RecordRanges } from './reuse.js';

/**
 * The temporary file beside `path`: hidden, ending in .tmp, unique per process, thread and call
 * (worker threads share the pid and may write the same record, two files with the same
 * content, in the same millisecond).
 */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Runs `write` on a temporary file beside `path`, then renames it over `path`; on failure no trace is left. */
function atomically(path: string, write: (tmp: string) => void): void {
  const tmp = writtenTemp(path, write);
  renamedOver(tmp, path);
}

/**
 * Makes the folder `dir` and any of its parents that are missing, one at a time: Node 20's
 * `mkdirSync(dir, { recursive: true })` loops for ever where a folder cannot be made and the
 * system answers ENOENT (under /proc, say). Fails with the system's error for the folder it
 * could not make, or ENOTDIR where a file stands in the way.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    let stats;
    try {
      stats = statSync(at);
    } catch (err) {
      // (ENOTDIR: a file stands on the way up, found there)
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
    }
    if (stats) {
      if (stats.isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', path: at });
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      // (made meanwhile by another process: fine, if it is a folder)
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw err;
    }
  }
}

/** A temporary file beside `path` (its folder made if need be) that `write` filled; on failure none is left. */
function writtenTemp(path: string, write: (tmp: string) => void): string {
  makeFolders(dirname(path));
  const tmp = tempPath(path);
  try {
    write(tmp);
    return tmp;
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** `tmp` renamed over `path`; on failure it is removed. */
function renamedOver(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes `data` (text as UTF-8, bytes, or pieces of bytes one after the other) to `path` atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  atomically(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      if (typeof data === 'string') writeText(fd, data);
      else if (data instanceof Uint8Array) writeAll(fd, data);
      else for (const piece of data) writeAll(fd, piece);
    } finally {
      closeSync(fd);
    }
  });
}

/**
 * Writes all of `bytes` to `fd`, in calls of at most WRITE_PIECE bytes. Measured on this host's
 * ext4 (476 MB written to a new file, after a sync): calls of 1 MB took 780–910 ms, calls of
 * 64–512 KB 120–150 ms, with the same bytes from the same buffer.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, Math.min(WRITE_PIECE, bytes.length - at));
}

const WRITE_PIECE = 1 << 18;

/**
 * Writes `text` to `fd` as UTF-8. A long text is encoded a piece at a time into one buffer
 * (Utf8Chunks): encoded whole, its bytes would be as much fresh memory.
 */
function writeText(fd: number, text: string): void {
  // (a UTF-16 unit is at most 3 bytes of UTF-8)
  if (text.length * 3 <= WRITE_PIECE) return writeAll(fd, Buffer.from(text, 'utf8'));
  const out = new Utf8Chunks(WRITE_PIECE, (bytes) => writeAll(fd, bytes));
  out.put(text);
  out.flush();
}

/** Writes `JSON.stringify(value)` to `fd` without making that string: piece by piece (json-pieces.ts). */
function writeJson(fd: number, value: unknown): void {
  const out = new Utf8Chunks(WRITE_PIECE, (bytes) => writeAll(fd, bytes));
  jsonPieces(value, out.put);
  out.flush();
}

export interface WriteGraphOptions {
  /** also write the graph's skeleton beside it, for fast queries (src/graph/skeleton.ts) */
  skeleton: boolean;
  /**
   * the records' fingerprints (corpus/fingerprints.ts) and the index file that keeps them with
   * their byte ranges: a record whose fingerprint the index of the file at `path` holds is copied
   * from that file instead of serialised (graph/reuse.ts), and the index is rewritten for the new
   * file. A build that made only some of its edges gives the file it replaces as it opened it
   * (`source`, closed here), the edges it copies (`copies`: the fingerprints are in their order),
   * and where the edges came from (`sources`), kept in the index for the next build.
   */
  reuse: { index: string; fingerprints: RecordFingerprints; source?: ReuseSource; copies?: EdgeCopies; sources?: EdgeSources };
  /**
   * the records (given as such) are let go once written to the temporary file, before it is renamed
   * (so also when the rename fails): their node and edge lists are emptied.
   * kg build's records hold the corpus's mentions (2 M objects at ×100), which a collection while
   * the skeleton is worked out would otherwise mark.
   */
  release: boolean;
}

/** What writeGraphFile did: records (nodes and edges) written, and of those, copied from the graph file it replaced. */
export interface WriteStats {
  total: number;
  copied: number;
}

/**
 * Writes `JSON.stringify(graph.export())` without building that string: a graph of a large corpus
 * serialises to hundreds of megabytes, which would double the build's peak memory (and can pass
 * V8's longest string). Written piece by piece to a temporary file, then renamed. With
 * `skeleton`, the skeleton follows, stamped with the renamed file's size and time. The graph may
 * be given as its records (the shape of export(), as `kg build` makes it): the same bytes.
 */
export function writeGraphFile(path: string, graph: DirectedGraph | GraphRecords, options: Partial<WriteGraphOptions> = {}): WriteStats {
  const source = sourceOf(path, options);
  try {
    const written = writeGraphTemp(path, graph, options, source);
    const sidecars = sidecarsOf(written);
    try {
      renamedOver(written.tmp, path);
    } catch (err) {
      sidecars.discard();
      throw err;
    }
    sidecars.prepare();
    sidecars.write();
    return written.stats;
  } finally {
    source?.close();
  }
}

/**
 * writeGraphFile, the skeleton and the index worked out (the skeleton written to its temporary
 * file) while the graph file is renamed over `path` off the thread: renaming over a file, ext4
 * first writes out the new one's delayed blocks (`auto_da_alloc`), 0.12–0.16 s for the ×100
 * graph's 476 MB, and the skeleton's JSON took about as long.
 */
export async function writeGraphFileOverlapped(path: string, graph: DirectedGraph | GraphRecords, options: Partial<WriteGraphOptions> = {}): Promise<WriteStats> {
  const source = sourceOf(path, options);
  try {
    const written = writeGraphTemp(path, graph, options, source);
    const sidecars = sidecarsOf(written);
    const renamed = rename(written.tmp, path).catch((err: unknown) => {
      rmSync(written.tmp, { force: true });
      throw err;
    });
    try {
      sidecars.prepare();
    } catch (err) {
      // (the rename in flight ends before the failure is told)
      await renamed.catch(() => {});
      throw err;
    }
    try {
      await renamed;
    } catch (err) {
      sidecars.discard();
      throw err;
    }
    sidecars.write();
    return written.stats;
  } finally {
    source?.close();
  }
}

/** The sidecars of a graph written to its temporary file; that file removed if they cannot be begun. */
function sidecarsOf(written: GraphTemp): Sidecars {
  try {
    return written.sidecars();
  } catch (err) {
    rmSync(written.tmp, { force: true });
    throw err;
  }
}

function sourceOf(path: string, options: Partial<WriteGraphOptions>): ReuseSource | undefined {
  const reuse = options.reuse;
  return reuse ? (reuse.source ?? ReuseSource.open(reuse.index, path)) : undefined;
}

/** The graph written to a temporary file beside `path`, to be renamed over it; then the skeleton and index that describe it (`sidecars()`). */
interface GraphTemp {
  tmp: string;
  stats: WriteStats;
  sidecars(): Sidecars;
}

/**
 * The skeleton and index of a graph file written to its temporary file: worked out (`prepare`,
 * the skeleton written to a temporary file of its own, opened when these were asked for), then
 * put in place once the graph file is renamed (`write`), or dropped if it is not (`discard`).
 */
interface Sidecars {
  prepare(): void;
  write(): void;
  discard(): void;
}

function writeGraphTemp(path: string, graph: DirectedGraph | GraphRecords, options: Partial<WriteGraphOptions>, source: ReuseSource | undefined): GraphTemp {
  // a graph is written as its export(): the node and edge records (shallow copies of their attributes)
  const records = Array.isArray((graph as GraphRecords).nodes) ? (graph as GraphRecords) : (graph as DirectedGraph).export();
  const reuse = options.reuse;
  // (the nodes' keys and their index serve the skeleton and the edge columns: a plain write needs neither)
  const nodeKeys = options.skeleton || reuse ? records.nodes.map((n) => n.key) : [];
  const index = new NodeIndex(nodeKeys);
  const recorder = options.skeleton ? new SkeletonRecorder(records.attributes ?? {}) : undefined;
  const copies = reuse?.copies;
  const edgeCount = copies ? copies.order.length : records.edges.length;
  if (reuse && (reuse.fingerprints.nodes.length !== 2 * records.nodes.length || reuse.fingerprints.edges.length !== 2 * edgeCount)) {
    throw new Error('kg: the fingerprints do not match the records');
  }
  if (copies && !source?.columns) throw new Error('kg: edges to copy without the graph file they are in');
  // (edges copied whole: the few made are found by their key instead, EdgeCopies.sameKey)
  source?.match(reuse!.fingerprints, copies);
  const ranges: RecordRanges | undefined = reuse
    ? { nodeAt: new Float64Array(records.nodes.length), nodeLen: new Uint32Array(records.nodes.length), edgeAt: new Float64Array(edgeCount), edgeLen: new Uint32Array(edgeCount) }
    : undefined;
  const columns = reuse ? new ColumnsRecorder(nodeKeys, edgeCount) : undefined;
  let written: { size: number; mtimeMs: number; ino: number } | undefined;
  const tmp = writtenTemp(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      writeGraphJson(records, (chunk) => writeAll(fd, chunk), { recorder, source, ranges, columns, copies, index });
    } catch (err) {
      // an edge to copy that the file no longer holds: the next build must not count on the index
      // (any other failure, a full disk, leaves it: it still describes the file, which stays)
      if (err instanceof StaleGraphError) rmSync(reuse!.index, { force: true });
      throw err;
    } finally {
      closeSync(fd);
    }
    // stamped from the temporary file (a rename keeps size and time): another build renaming
    // its own graph over `path` meanwhile cannot lend this skeleton its stamp
    written = statSync(tmp);
  });
  const total = records.nodes.length + edgeCount;
  if (options.release && records === graph) {
    records.nodes.length = 0;
    records.edges.length = 0;
  }
  const stats: WriteStats = { total, copied: source?.copied ?? 0 };
  const stamp = stampOf(written!);
  const sidecars = (): Sidecars => {
    const skeleton = recorder?.finish(stamp);
    // the skeleton's temporary file opened now, before the graph file is renamed: a file made in
    // the folder meanwhile waits for the rename (ext4 holds the folder while it writes the renamed
    // file's blocks out; 0.13 s in a ×100 rebuild's profile), writes to an open one do not
    const skeletonTmp = skeleton ? tempPath(skeletonPath(path)) : undefined;
    let fd = skeletonTmp ? openSync(skeletonTmp, 'w') : undefined;
    let indexData: Buffer[] | undefined;
    // (a descriptor is forgotten before it is closed: a close that fails has released it all the same)
    const close = () => {
      const open = fd;
      fd = undefined;
      if (open !== undefined) closeSync(open);
    };
    const discard = () => {
      try {
        close();
      } finally {
        if (skeletonTmp) rmSync(skeletonTmp, { force: true });
      }
    };
    const prepare = () => {
      if (fd !== undefined) {
        try {
          // (serialised as it is written: tens of megabytes of JSON for a large corpus)
          writeJson(fd, skeleton);
          close();
        } catch (err) {
          try {
            discard();
          } catch {
            // (the failure told is the write's)
          }
          throw err;
        }
      }
      if (reuse && ranges) {
        try {
          indexData = indexBytes(stamp, reuse.fingerprints, ranges, columns?.result(), reuse.sources);
        } catch {
          // (no index: the next build copies less)
        }
      }
    };
    const write = () => {
      if (recorder) {
        if (skeletonTmp) renamedOver(skeletonTmp, skeletonPath(path));
        else removeSkeleton(path);
      }
      if (reuse && indexData) {
        // the index is a cache, written last: a graph written without it is only copied from less next time
        try {
          writeFileAtomic(reuse.index, indexData);
        } catch {
          // (an index left from before describes another file: its stamp no longer matches)
        }
      }
    };
    return { prepare, write, discard };
  };
  return { tmp, stats, sidecars };
}

/** The graph file being replaced no longer holds a record its index says it does. */
class StaleGraphError extends Error {
  constructor() {
    super('kg: the graph file being replaced changed during the build; build again');
  }
}

/**
 * Gathers the edge columns (graph/reuse.ts) as the edges are written; gives none for a graph whose
 * edges they cannot describe (a key not `${source}->${relation}->${target}`, a weight that is no
 * count, more than 256 relations, a node key holding a NUL).
 */
class ColumnsRecorder {
  private readonly c: EdgeColumns;
  private readonly relationIds = new Map<string, number>();
  private ok = true;

  constructor(nodeKeys: string[], edges: number) {
    for (const k of nodeKeys) if (k.includes('\u0000')) this.ok = false;
    this.c = { nodeKeys, source: new Uint32Array(edges), target: new Uint32Array(edges), relation: new Uint8Array(edges), relations: [], weight: new Uint32Array(edges), derived: new Uint8Array(edges) };
  }

  /** Edge `i` of the file, made: from its record (`s`, `t`: its ends' node records, undefined for no node). */
  made(i: number, key: string, source: string, target: string, s: number | undefined, t: number | undefined, a: Record<string, unknown>): void {
    if (!this.ok) return;
    const { relation, weight, derived } = a;
    if (s === undefined || t === undefined || typeof relation !== 'string' || !isEdgeKey(key, source, relation, target) || !(typeof weight === 'number' && Number.isInteger(weight) && weight >= 0 && weight < 2 ** 32) || !(derived === undefined || typeof derived === 'boolean')) {
      this.ok = false;
      return;
    }
    this.put(i, s, t, relation, weight, derived === undefined ? 2 : derived ? 1 : 0);
  }

  /** Edge `i` of the file, copied: as the old file's columns have it. */
  put(i: number, s: number, t: number, relation: string, weight: number, derived: number): void {
    let r = this.relationIds.get(relation);
    if (r === undefined) {
      r = this.c.relations.length;
      if (r > 255) {
        this.ok = false;
        return;
      }
      this.relationIds.set(relation, r);
      this.c.relations.push(relation);
    }
    const c = this.c;
    c.source[i] = s;
    c.target[i] = t;
    c.relation[i] = r;
    c.weight[i] = weight;
    c.derived[i] = derived;
  }

  result(): EdgeColumns | undefined {
    return this.ok ? this.c : undefined;
  }
}

interface WriteAlong {
  recorder?: SkeletonRecorder | undefined;
  source?: ReuseSource | undefined;
  ranges?: RecordRanges | undefined;
  columns?: ColumnsRecorder | undefined;
  copies?: EdgeCopies | undefined;
  /** the nodes' positions by key, for the recorders: an edge made names its ends by key */
  index: NodeIndex;
}

/**
 * The graph's JSON, in the shape of graphology's export(), handed to `emit` as UTF-8 in chunks of
 * about 1 MB (each string encoded once, straight into the chunk); each node and edge record is
 * reported to `recorder` with its byte range. A chunk is reused once `emit` returns. With
 * `copies`, the edges are those it orders: copied from `source`, or made (graph.edges).
 */
function writeGraphJson(graph: GraphRecords, emit: (chunk: Uint8Array) => void, { recorder, source, ranges, columns, copies, index }: WriteAlong): void {
  const out = new Utf8Chunks(CHUNK, emit);
  const put = out.put;
  // the `k` records of `r` from `i` on, as one run of the old file's bytes (runLength: `n` of
  // them), each record's range in this file handed to `each` (the x-th of the run, from 0); false:
  // the old file does not hold them as its index says, and nothing is written
  const copyRun = (r: Ranges, i: number, k: number, each: (x: number, at: number, len: number) => void): boolean => {
    // (no run: record i has no old range)
    if (k < 1) return false;
    const n = runBytes(r, i, k);
    const start = out.bytes;
    const place = out.reserve(n);
    if (!place) {
      const whole = Buffer.allocUnsafe(n);
      if (!source!.readRun(r, i, k, whole, 0)) return false;
      out.putBytes(whole);
    } else {
      if (!source!.readRun(r, i, k, place.buffer, place.at)) return false;
      out.wrote(n);
    }
    const base = r.at[i]!;
    for (let x = 0; x < k; x++) each(x, start + (r.at[i + x]! - base), r.len[i + x]!);
    return true;
  };
  const { type, multi, allowSelfLoops } = graph.options;
  put(`{"options":${JSON.stringify({ type, multi, allowSelfLoops })},"attributes":`);
  // (a large corpus's list of documents: megabytes, serialised piece by piece)
  jsonPieces(graph.attributes ?? {}, put);
  put(',"nodes":[');
  const nodes = graph.nodes;
  const nodeRange = (i: number, at: number, len: number) => {
    if (ranges) {
      ranges.nodeAt[i] = at;
      ranges.nodeLen[i] = len;
    }
  };
  const oldNodes = source?.nodeRanges();
  const copiedNode = (i: number) => (x: number, at: number, len: number) => {
    const { key, attributes = {} } = nodes[i + x]!;
    recorder?.node(key, attributes, at, len);
    nodeRange(i + x, at, len);
  };
  // (a run the old file does not hold as its index says is serialised, record by record)
  let serialiseUntil = 0;
  for (let i = 0; i < nodes.length; ) {
    if (i > 0) put(',');
    // the records the old file holds one after the other, copied as one run of bytes
    const k = oldNodes && i >= serialiseUntil ? runLength(oldNodes, i, nodes.length - i) : 0;
    if (k > 0 && copyRun(oldNodes!, i, k, copiedNode(i))) {
      i += k;
      continue;
    }
    if (k > 0) serialiseUntil = i + k;
    const { key, attributes = {} } = nodes[i]!;
    const at = out.bytes;
    // the shape of graphology's serializeNode: attributes only when there are some
    put(JSON.stringify(Object.keys(attributes).length > 0 ? { key, attributes } : { key }));
    recorder?.node(key, attributes, at, out.bytes - at);
    nodeRange(i, at, out.bytes - at);
    i++;
  }
  put('],"edges":[');
  const edgeRange = (i: number, at: number, len: number) => {
    if (ranges) {
      ranges.edgeAt[i] = at;
      ranges.edgeLen[i] = len;
    }
  };
  const made = (e: GraphRecords['edges'][number], i: number) => {
    const { key, source: from, target, attributes = {}, undirected } = e;
    if (key === undefined) throw new Error('kg: an edge record without its key');
    const at = out.bytes;
    // (made, yet as the old file has it: its old record by fingerprint, or by key where the edges are copied whole)
    const old = source?.edge(i);
    if (old) out.putBytes(old);
    else {
      // and of serializeEdge: `undirected` only in a mixed graph
      const edge: Record<string, unknown> = { key, source: from, target };
      if (Object.keys(attributes).length > 0) edge.attributes = attributes;
      if (undirected && type === 'mixed') edge.undirected = true;
      put(JSON.stringify(edge));
    }
    // (each end looked up once, for both recorders)
    const s = recorder || columns ? index.get(from) : undefined;
    const t = recorder || columns ? index.get(target) : undefined;
    recorder?.edge(key, attributes, from, target, s, t, at, out.bytes - at);
    columns?.made(i, key, from, target, s, t, attributes);
    edgeRange(i, at, out.bytes - at);
  };
  const count = copies ? copies.order.length : graph.edges.length;
  const oldColumns = source?.columns;
  const oldEdges = copies ? source!.oldEdges() : undefined;
  for (let i = 0; i < count; ) {
    if (i > 0) put(',');
    const j = copies ? copies.order[i]! : -1 - i;
    if (j < 0) {
      made(graph.edges[-1 - j]!, i);
      i++;
      continue;
    }
    // edges this build did not make: their bytes, skeleton entries and columns are the old
    // file's; old records that follow one another here and there are copied as one run
    let m = 1;
    while (i + m < count && copies!.order[i + m] === j + m) m++;
    const k = runLength(oldEdges!, j, m);
    const c = oldColumns!;
    const copied = (x: number, at: number, len: number) => {
      const o = j + x;
      const s = copies!.nodeOf[c.source[o]!]!;
      const t = copies!.nodeOf[c.target[o]!]!;
      if (!(s >= 0 && t >= 0)) throw new Error('kg: an edge copied whose node is gone');
      const relation = c.relations[c.relation[o]!]!;
      recorder?.copiedEdge(s, t, relation, c.weight[o]!, c.derived[o]!, at, len);
      columns?.put(i + x, s, t, relation, c.weight[o]!, c.derived[o]!);
      edgeRange(i + x, at, len);
    };
    if (!copyRun(oldEdges!, j, k, copied)) throw new StaleGraphError();
    i += k;
  }
  put(']}');
  out.flush();
}

const CHUNK = 1 << 20;

/**
 * Removes the temporary files of `path` that a killed process left behind (their pid is no
 * longer running). Returns how many went.
 */
export function removeStaleTemps(path: string): number {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dirname(path), name), { force: true });
    removed++;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
