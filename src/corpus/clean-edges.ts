// The edges a rebuild copies from the graph file it replaces without making them. The index of
// that file (graph/reuse.ts) says where each of its edges came from: the relation cache keys of the
// articles whose relations were merged into it, and whether a relation derived from the gazetteer
// was. Whatever list an article's key holds merges to the same edges (corpus/relation-cache.ts), so
// an old edge all of whose articles kept their keys, to which no new or changed article and no
// change of the derived relations adds or takes a relation, is the same edge, byte for byte: its
// record, skeleton entry and fingerprint are copied. The build reads the relations only of the
// articles that are new or changed and of those that gave an edge that is not clean, and merges
// only the relations of those edges (pipeline.ts), in article order as a full build does.
//
// Besides, every relation the old graph merged but left out (a cluster's leader also belongs to
// it: leads only), and both relations of a pair whose leads or belongs-to-cluster is not clean,
// are merged afresh: whether one is an edge depends on the other.
import type { Relation } from '../types.js';
import type { GraphRecords } from '../graph/build.js';
import { NodeIndex } from '../graph/node-index.js';
import { ascending, compareCodeUnits } from '../strings.js';
import { SOURCE_KEY_LENGTH, type EdgeColumns, type EdgeCopies, type EdgeSources, type ReuseSource } from '../graph/reuse.js';

/** A relation's edge, as the relation merger keys it: `head\0relation\0tail`. */
export const edgeKey = (r: Pick<Relation, 'head' | 'relation' | 'tail'>): string => `${r.head}\u0000${r.relation}\u0000${r.tail}`;

/** The old graph's edge columns and sources: what a rebuild needs to copy edges it does not make. */
export interface PreviousEdges {
  columns: EdgeColumns;
  sources: EdgeSources;
  source: ReuseSource;
}

/** The previous graph's edges, if its index says where they came from. */
export function previousEdges(source: ReuseSource | undefined): PreviousEdges | undefined {
  return source?.columns && source.sources ? { columns: source.columns, sources: source.sources, source } : undefined;
}

/** Which of this build's documents the old graph's inputs are. */
export interface InputMatch {
  /** per old input, this build's document with the same relation key, or −1 */
  newOf: Int32Array;
  /** the documents of this build no old input is: their relations are read and merged whole */
  fresh: number[];
}

export function matchInputs(previous: PreviousEdges, keys: readonly string[]): InputMatch {
  const { inputs } = previous.sources;
  const n = inputs.length / SOURCE_KEY_LENGTH;
  const oldOf = new Map<string, number>();
  for (let o = 0; o < n; o++) oldOf.set(inputs.slice(o * SOURCE_KEY_LENGTH, (o + 1) * SOURCE_KEY_LENGTH), o);
  const newOf = new Int32Array(n).fill(-1);
  const fresh: number[] = [];
  keys.forEach((key, d) => {
    const o = oldOf.get(key);
    if (o === undefined) fresh.push(d);
    else newOf[o] = d;
  });
  return { newOf, fresh };
}

/** What the rebuild makes afresh, and what it copies. */
export interface EdgePlan {
  /** the keys (edgeKey) of the relations merged afresh */
  dirty: Set<string>;
  /** per document of this build: 1 where its relations are read (it is fresh, or gave an edge made afresh) */
  read: Uint8Array;
  /** per old edge record: 1 where it is copied */
  copied: Uint8Array;
  /** per old node, its index among this build's nodes (−1: gone) */
  nodeOf: Int32Array;
}

/**
 * The plan of a rebuild: `ids` are this build's entities' ids (its nodes, in order), `fresh` the
 * relations of the fresh documents (by document), `derived` all relations derived from the gazetteer.
 */
export function planEdges(previous: PreviousEdges, match: InputMatch, ids: readonly string[], fresh: ReadonlyMap<number, readonly Relation[]>, derived: readonly Relation[], documents: number): EdgePlan {
  const { columns: c, sources: s } = previous;
  const records = c.source.length;
  const entries = s.derived.length;
  const nodeOf = positionsIn(c.nodeKeys, ids);
  const keyOf = (e: number): string => (e < records ? `${c.nodeKeys[c.source[e]!]}\u0000${c.relations[c.relation[e]!]}\u0000${c.nodeKeys[c.target[e]!]}` : s.hidden[e - records]!);
  const hiddenAt = new Map<string, number>();
  s.hidden.forEach((key, h) => hiddenAt.set(key, records + h));
  // the entry of a key, or −1: the edge records are in key order (head, relation, tail, by code unit)
  const entryOf = (key: string): number => {
    const hidden = hiddenAt.get(key);
    if (hidden !== undefined) return hidden;
    const [head, relation, tail] = key.split('\u0000') as [string, string, string];
    const at = firstAtOrAfter(c, 0, head, relation, tail);
    return at < records && compareEdge(c, at, head, relation, tail) === 0 ? at : -1;
  };

  const dirty = new Set<string>();
  const dirtyEntry = new Uint8Array(entries);
  const mark = (key: string, e = entryOf(key)) => {
    dirty.add(key);
    if (e >= 0) dirtyEntry[e] = 1;
  };
  for (let e = 0; e < entries; e++) {
    // an entry an old input gave that is gone or changed, every entry that is no record, an edge whose end is gone
    let gone = e >= records || nodeOf[c.source[e]!]! < 0 || nodeOf[c.target[e]!]! < 0;
    for (let k = s.start[e]!; !gone && k < s.start[e + 1]!; k++) gone = match.newOf[s.of[k]!]! < 0;
    if (gone) mark(keyOf(e), e);
  }
  for (const list of fresh.values()) for (const r of list) mark(edgeKey(r));
  // the derived relations: an edge that gains or loses one
  const derivedKeys = new Set(derived.map(edgeKey));
  for (let e = 0; e < entries; e++) if (s.derived[e] === 1 && !derivedKeys.has(keyOf(e))) mark(keyOf(e), e);
  for (const key of derivedKeys) {
    const e = entryOf(key);
    if (e < 0 || s.derived[e] !== 1) mark(key, e);
  }
  // leads and belongs-to-cluster of one pair decide together
  for (const key of [...dirty]) {
    const [head, relation, tail] = key.split('\u0000') as [string, string, string];
    const other = relation === 'leads' ? 'belongs-to-cluster' : relation === 'belongs-to-cluster' ? 'leads' : undefined;
    if (other) mark(`${head}\u0000${other}\u0000${tail}`);
  }

  const read = new Uint8Array(documents);
  for (const d of fresh.keys()) read[d] = 1;
  const copied = new Uint8Array(records);
  for (let e = 0; e < entries; e++) {
    if (dirtyEntry[e] === 0) {
      if (e < records) copied[e] = 1;
      continue;
    }
    for (let k = s.start[e]!; k < s.start[e + 1]!; k++) {
      const d = match.newOf[s.of[k]!]!;
      if (d >= 0) read[d] = 1;
    }
  }
  return { dirty, read, copied, nodeOf };
}

/**
 * The position of each of `keys` among `ids` (−1: none). Both in code-unit order, as a graph's
 * node keys and a resolution's ids are, they are walked together (×100: 0.15 → 0.03 s against
 * indexing 129 k ids); else the ids are indexed.
 */
export function positionsIn(keys: readonly string[], ids: readonly string[]): Int32Array {
  const index = new NodeIndex(ids);
  if (!index.sorted || !ascending(keys)) return Int32Array.from(keys, (key) => index.get(key) ?? -1);
  const out = new Int32Array(keys.length);
  let j = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    while (j < ids.length && ids[j]! < key) j++;
    out[i] = j < ids.length && ids[j] === key ? j : -1;
  }
  return out;
}


/** The first old edge record from `from` on whose key is not before (head, relation, tail): the records are in key order. */
function firstAtOrAfter(c: EdgeColumns, from: number, head: string, relation: string, tail: string): number {
  let lo = from;
  let hi = c.source.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEdge(c, mid, head, relation, tail) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Old edge record `j` against (head, relation, tail): negative if it comes first in key order. */
function compareEdge(c: EdgeColumns, j: number, head: string, relation: string, tail: string): number {
  return compareCodeUnits(c.nodeKeys[c.source[j]!]!, head) || compareCodeUnits(c.relations[c.relation[j]!]!, relation) || compareCodeUnits(c.nodeKeys[c.target[j]!]!, tail);
}

/**
 * The edges of the new graph file in key order: the old records `plan` copies, and the records
 * made (in key order among themselves); their fingerprints, and their sources with `made`'s
 * (the made records' entries, then the relations merged that are no record).
 */
export function mergeEdges(previous: PreviousEdges, match: InputMatch, plan: EdgePlan, made: GraphRecords['edges'], madeFingerprints: Uint32Array, madeSources: EdgeSources): { copies: EdgeCopies; fingerprints: Uint32Array; sources: EdgeSources } {
  const { columns: c, sources: s } = previous;
  const records = c.source.length;
  let count = made.length;
  for (let j = 0; j < records; j++) count += plan.copied[j]!;
  const order = new Int32Array(count);
  let i = 0;
  let j = 0;
  const copyUpTo = (end: number) => {
    for (; j < end; j++) if (plan.copied[j] === 1) order[i++] = j;
  };
  const sameKey = new Int32Array(made.length).fill(-1);
  made.forEach((edge, k) => {
    const { source: head, target: tail } = edge;
    const relation = edge.attributes!.relation as string;
    // the first old record at or after this one's key
    const lo = firstAtOrAfter(c, j, head, relation, tail);
    if (lo < records && compareEdge(c, lo, head, relation, tail) === 0) sameKey[k] = lo;
    copyUpTo(lo);
    order[i++] = -1 - k;
  });
  copyUpTo(records);

  const fingerprints = new Uint32Array(2 * count);
  const start = new Uint32Array(count + madeSources.hidden.length + 1);
  const of: number[] = [];
  const derived = new Uint8Array(count + madeSources.hidden.length);
  const put = (from: EdgeSources, e: number, map?: Int32Array) => {
    for (let k = from.start[e]!; k < from.start[e + 1]!; k++) of.push(map ? map[from.of[k]!]! : from.of[k]!);
  };
  for (let n = 0; n < count; n++) {
    start[n] = of.length;
    const o = order[n]!;
    if (o >= 0) {
      previous.source.oldEdgeFingerprint(o, fingerprints, n);
      put(s, o, match.newOf);
      derived[n] = s.derived[o]!;
    } else {
      const k = -1 - o;
      fingerprints[2 * n] = madeFingerprints[2 * k]!;
      fingerprints[2 * n + 1] = madeFingerprints[2 * k + 1]!;
      put(madeSources, k);
      derived[n] = madeSources.derived[k]!;
    }
  }
  madeSources.hidden.forEach((_, h) => {
    start[count + h] = of.length;
    put(madeSources, made.length + h);
    derived[count + h] = madeSources.derived[made.length + h]!;
  });
  start[count + madeSources.hidden.length] = of.length;
  return {
    copies: { order, nodeOf: plan.nodeOf, sameKey },
    fingerprints,
    sources: { inputs: madeSources.inputs, start, of: Uint32Array.from(of), derived, hidden: madeSources.hidden },
  };
}
