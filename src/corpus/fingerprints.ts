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
import type { RecordFingerprints } from '../graph/reuse.js';
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

  constructor(scope: string, infos: readonly DocumentInfo[]) {
    this.docs = new Uint32Array(2 * infos.length);
    this.none = new Uint8Array(infos.length);
    infos.forEach((info, d) => hashStringInto(`${scope}\u0000${info.id}\u0000${info.sha256}`, this.docs, d));
  }

  /** Document `d`'s mentions are not its record's own (names from other articles were added): its entities are serialised. */
  notOwn(d: number): void {
    this.none[d] = 1;
  }

  /** A document's relations, found under `key` (its relation cache key), each merged by `merge` (which returns the relation it was merged into). */
  relations(key: string, found: readonly Relation[], merge: (r: Relation) => Relation): void {
    hashStringInto(key, this.scratch, 0);
    const a = this.scratch[0]!;
    const b = this.scratch[1]!;
    found.forEach((r, p) => this.mix(merge(r), stepA(a, p), stepB(b, p)));
  }

  /** A relation derived from the gazetteer, as the merger holds it once merged. */
  derived(merged: Relation): void {
    this.mix(merged, DERIVED, DERIVED);
  }

  /**
   * The fingerprints of `records`, made from `entities` (the nodes' order) whose mentions were
   * `entityOf` (the entity id of each mention, the documents' mentions one after the other, of
   * `counts[d]` mentions each), once every document not its record's own was told (notOwn),
   * before the mentions are let go.
   */
  nodeLanes(entities: readonly Entity[], entityOf: readonly string[], counts: readonly number[]): NodeLanes {
    const index = new Map<string, number>();
    entities.forEach((e, i) => index.set(e.id, i));
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
        const e = index.get(entityOf[k]!);
        if (e === undefined) continue;
        if (skip) none[e] = 1;
        lanes[2 * e] = stepA(stepA(lanes[2 * e]!, da), j);
        lanes[2 * e + 1] = stepB(stepB(lanes[2 * e + 1]!, db), j);
      }
    });
    return { lanes, none };
  }

  /** The records' fingerprints: each node's from its mentions' lanes (nodeLanes), its key and position; each edge's from its relations and key. */
  fingerprints(records: GraphRecords, nodes: NodeLanes): RecordFingerprints {
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
    return out;
  }

  private mix(merged: Relation, a: number, b: number): void {
    let p = this.edgeOf.get(merged.evidence);
    if (p === undefined) {
      this.edgeOf.set(merged.evidence, (p = this.edgeOf.size));
      if (2 * p + 2 > this.edgeLanes.length) {
        const grown = new Uint32Array(this.edgeLanes.length * 2);
        grown.set(this.edgeLanes);
        this.edgeLanes = grown;
      }
      this.edgeLanes[2 * p] = LANE_A;
      this.edgeLanes[2 * p + 1] = LANE_B;
    }
    this.edgeLanes[2 * p] = stepA(this.edgeLanes[2 * p]!, a);
    this.edgeLanes[2 * p + 1] = stepB(this.edgeLanes[2 * p + 1]!, b);
  }
}
