// The fingerprints of a graph's records (graph/reuse.ts), from what determines each record's bytes
// rather than from the bytes: a rebuild then knows which records it can copy from the graph file
// it replaces without serialising or walking them (hashing the 2 M mention objects of a 100 MB
// corpus cost about what serialising them does).
//
// What a record is made of, given the code (the index that keeps the fingerprints is stamped with
// a hash of kg's code):
// - a node: its key (the entity's id), its position, and its mentions in order. A mention is the
//   j-th of its document's mentions, and those are a function of the store's scope (the
//   extraction code and the model) and the document's id and bytes, as long as they are the
//   record's own (no names from other articles added): so (document, j). The label, type,
//   aliases, size and colour follow from the mentions.
// - an edge: its key, and the relations merged into it in order. The relations a document gives
//   are those its relation cache key stands for (corpus/relation-cache.ts: whatever list a key
//   holds merges to the same edges), so (that key, position in the list); a relation derived from
//   the gazetteer is a function of its key.
import type { DocumentInfo, Entity, Relation } from '../types.js';
import type { GraphRecords } from '../graph/build.js';
import { SOURCE_KEY_LENGTH, type EdgeSources, type RecordFingerprints } from '../graph/reuse.js';
import { edgeKey } from './clean-edges.js';
import { LANE_A, LANE_B, finishPair, hashStringInto, mixNumber, mixString, stepA, stepB } from '../fingerprint.js';

/** Each entity's mentions folded into two lanes (entities' order), and whether any of them is not its record's own. */
export interface NodeLanes {
  lanes: Uint32Array;
  none: Uint8Array;
}

/** The tag of a relation derived from the gazetteer (a document's relations are tagged by their cache key's hash instead). */
const DERIVED = 0x6b676472;

export class RecordFingerprinter {
  /** two lanes per document; a document whose mentions are not its record's own is `none` */
  private readonly docs: Uint32Array;
  private readonly none: Uint8Array;
  /**
   * the pair index of each merged relation's lanes, by its evidence list: the array the merged
   * relation holds and its edge record's attributes hold after it (a map by identity: a key string
   * made and hashed per relation cost 1 s at 100 MB)
   */
  private readonly edgeOf = new Map<readonly unknown[], number>();
  private edgeLanes = new Uint32Array(2 * 1024);
  private readonly scratch = new Uint32Array(2);
  /** each document's relation key (EdgeSources.inputs) */
  private readonly inputs: string[];
  /** the merged relation of each pair index, and the documents that went into it: pairs (pair index, document) in the order merged */
  private readonly mergedOf: Relation[] = [];
  private contributions = new Uint32Array(2 * 1024);
  private contributed = 0;
  private readonly derivedIn = new Set<number>();
  /** the last document noted per pair index (−1 none) */
  private lastDoc = new Int32Array(1024).fill(-1);
  private current = -1;

  constructor(scope: string, infos: readonly DocumentInfo[]) {
    this.docs = new Uint32Array(2 * infos.length);
    this.none = new Uint8Array(infos.length);
    infos.forEach((info, d) => hashStringInto(`${scope}\u0000${info.id}\u0000${info.sha256}`, this.docs, d));
    this.inputs = new Array<string>(infos.length).fill('');
  }

  /** Document `d`'s relation key (corpus/relation-cache.ts): what its relations are, for the next build's EdgeSources. */
  input(d: number, key: string): void {
    if (key.length !== SOURCE_KEY_LENGTH) throw new Error(`kg: a relation key of ${key.length} characters`);
    this.inputs[d] = key;
  }

  /** Document `d`'s mentions are not its record's own (names from other articles were added): its entities are serialised. */
  notOwn(d: number): void {
    this.none[d] = 1;
  }

  /**
   * Document `d`'s relations, found under `key` (its relation cache key, given to input() too),
   * each merged by `merge` (which returns the relation it was merged into); with `only`, those
   * it holds alone (a rebuild merges only the relations of the edges it makes).
   */
  relations(d: number, key: string, found: readonly Relation[], merge: (r: Relation) => Relation, only?: (r: Relation) => boolean): void {
    this.input(d, key);
    hashStringInto(key, this.scratch, 0);
    const a = this.scratch[0]!;
    const b = this.scratch[1]!;
    this.current = d;
    found.forEach((r, p) => {
      if (!only || only(r)) this.mix(merge(r), stepA(a, p), stepB(b, p));
    });
    this.current = -1;
  }

  /** A relation derived from the gazetteer, as the merger holds it once merged. */
  derived(merged: Relation): void {
    this.derivedIn.add(this.mix(merged, DERIVED, DERIVED));
  }

  /**
   * The fingerprints of `records`, made from `entities` (the nodes' order) whose mentions were
   * `entityIndex` (the index in `entities` of each mention's entity, the documents' mentions one
   * after the other, of `counts[d]` mentions each), once every document not its record's own was
   * told (notOwn), before the mentions are let go.
   */
  nodeLanes(entities: readonly Entity[], entityIndex: Int32Array, counts: readonly number[]): NodeLanes {
    const lanes = new Uint32Array(2 * entities.length);
    for (let i = 0; i < entities.length; i++) {
      lanes[2 * i] = LANE_A;
      lanes[2 * i + 1] = LANE_B;
    }
    const none = new Uint8Array(entities.length);
    let k = 0;
    counts.forEach((count, d) => {
      const da = this.docs[2 * d]!;
      const db = this.docs[2 * d + 1]!;
      const skip = this.none[d] === 1;
      for (let j = 0; j < count; j++, k++) {
        const e = entityIndex[k]!;
        if (skip) none[e] = 1;
        lanes[2 * e] = stepA(stepA(lanes[2 * e]!, da), j);
        lanes[2 * e + 1] = stepB(stepB(lanes[2 * e + 1]!, db), j);
      }
    });
    return { lanes, none };
  }

  /**
   * The records' fingerprints: each node's from its mentions' lanes (nodeLanes), its key and
   * position; each edge's from its relations and key. And where the edges came from: the
   * documents and derived relations merged into each edge record, then into each relation merged
   * that is no record (EdgeSources).
   */
  fingerprints(records: GraphRecords, nodes: NodeLanes): { fingerprints: RecordFingerprints; sources: EdgeSources } {
    const out: RecordFingerprints = { nodes: new Uint32Array(2 * records.nodes.length), edges: new Uint32Array(2 * records.edges.length) };
    records.nodes.forEach(({ key, attributes }, i) => {
      if (nodes.none[i] === 1) return;
      out.nodes[2 * i] = nodes.lanes[2 * i]!;
      out.nodes[2 * i + 1] = nodes.lanes[2 * i + 1]!;
      mixString(out.nodes, i, key);
      mixNumber(out.nodes, i, attributes?.x as number);
      mixNumber(out.nodes, i, attributes?.y as number);
      finishPair(out.nodes, i);
    });
    records.edges.forEach(({ key, attributes }, i) => {
      // (every merged relation went through mix(): an edge without lanes would be serialised)
      const p = this.edgeOf.get(attributes?.evidence as unknown[]);
      if (p === undefined || key === undefined) return;
      out.edges[2 * i] = this.edgeLanes[2 * p]!;
      out.edges[2 * i + 1] = this.edgeLanes[2 * p + 1]!;
      // derived relations all share one tag: the key tells them apart
      mixString(out.edges, i, key);
      finishPair(out.edges, i);
    });
    return { fingerprints: out, sources: this.sources(records) };
  }

  /** EdgeSources of `records`' edges, then of the relations merged that are no record. */
  private sources(records: GraphRecords): EdgeSources {
    const n = this.mergedOf.length;
    // each pair index's documents, in the order merged: a stable counting sort of the pairs by pair index
    const first = new Uint32Array(n + 1);
    for (let k = 0; k < this.contributed; k++) first[this.contributions[2 * k]! + 1]!++;
    for (let p = 0; p < n; p++) first[p + 1]! += first[p]!;
    const byPair = new Uint32Array(this.contributed);
    const fill = first.slice(0, n);
    for (let k = 0; k < this.contributed; k++) byPair[fill[this.contributions[2 * k]!]!++] = this.contributions[2 * k + 1]!;
    // the entries: the edge records' pair indices, then the others'
    const entries: number[] = [];
    const isRecord = new Uint8Array(n);
    for (const { attributes } of records.edges) {
      const p = this.edgeOf.get(attributes?.evidence as unknown[]);
      if (p === undefined) throw new Error('kg: an edge record not merged');
      entries.push(p);
      isRecord[p] = 1;
    }
    const hidden: string[] = [];
    for (let p = 0; p < n; p++) {
      if (isRecord[p] === 1) continue;
      entries.push(p);
      const r = this.mergedOf[p]!;
      hidden.push(edgeKey(r));
    }
    const start = new Uint32Array(entries.length + 1);
    const of = new Uint32Array(this.contributed);
    const derived = new Uint8Array(entries.length);
    let k = 0;
    entries.forEach((p, e) => {
      start[e] = k;
      of.set(byPair.subarray(first[p]!, first[p + 1]!), k);
      k += first[p + 1]! - first[p]!;
      if (this.derivedIn.has(p)) derived[e] = 1;
    });
    start[entries.length] = k;
    return { inputs: this.inputs.join(''), start, of, derived, hidden };
  }

  /** Mixes (a, b) into the lanes of the edge `merged` is, and notes the document being merged; its pair index. */
  private mix(merged: Relation, a: number, b: number): number {
    let p = this.edgeOf.get(merged.evidence);
    if (p === undefined) {
      this.edgeOf.set(merged.evidence, (p = this.edgeOf.size));
      this.mergedOf.push(merged);
      if (2 * p + 2 > this.edgeLanes.length) this.edgeLanes = doubled(this.edgeLanes, 0);
      if (p >= this.lastDoc.length) this.lastDoc = doubled(this.lastDoc, -1);
      this.edgeLanes[2 * p] = LANE_A;
      this.edgeLanes[2 * p + 1] = LANE_B;
    }
    this.edgeLanes[2 * p] = stepA(this.edgeLanes[2 * p]!, a);
    this.edgeLanes[2 * p + 1] = stepB(this.edgeLanes[2 * p + 1]!, b);
    // (a document is noted once per edge, however many of its relations the edge holds, and
    // whichever of them a rebuild merges)
    const d = this.current;
    const k = this.contributed;
    if (d >= 0 && this.lastDoc[p] !== d) {
      this.lastDoc[p] = d;
      if (2 * k + 2 > this.contributions.length) this.contributions = doubled(this.contributions, 0);
      this.contributions[2 * k] = p;
      this.contributions[2 * k + 1] = d;
      this.contributed++;
    }
    return p;
  }
}

/** `a` in an array twice as long, the rest filled with `fill`. */
function doubled<T extends Uint32Array | Int32Array>(a: T, fill: number): T {
  const grown = new (a.constructor as new (n: number) => T)(a.length * 2);
  if (fill !== 0) grown.fill(fill);
  grown.set(a);
  return grown;
}
