// A document's relations, found where the document is extracted (in a worker), with the
// document's own resolution of its mentions instead of the corpus's. What the relation stage
// decides depends on which mentions name one entity, not on the entities' ids: where resolution
// across the corpus partitions the document's mentions as its own resolution does (every article
// of the generated bench corpus and of ../shared/train-set, 2026-12-01), the relations are the
// same once each end is renamed to its entity in the corpus. The build then takes them from the
// worker or the article's record and finds relations itself only where the partitions differ.
import type { Document, Evidence, Mention, Relation, RelationType } from '../types.js';
import type { Linked } from '../relate/sentence.js';
import { resolve } from '../resolve/index.js';
import { linkDocument, type LinkerModel } from '../linker/index.js';
import { relateDocument } from '../relate/index.js';

/** A document's relations with each end written as a mention, and each evidence sentence once. */
export interface LocalRelations {
  /** per mention, the index of the first mention of the same entity (the document's own resolution) */
  groups: number[];
  /** [start, end, sentence] of each evidence sentence (all in this document) */
  sentences: Array<[number, number, string]>;
  /** [head mention, tail mention, relation, derived (1) or not (0), sentence indices] */
  relations: Array<[number, number, RelationType, 0 | 1, number[]]>;
}

/** The relations of a document and its mentions as found on its own: with the relation classifier, or the patterns alone. */
export function findLocalRelations(doc: Document, mentions: readonly Mention[], linker?: LinkerModel): LocalRelations {
  const { entityOf } = resolve([...mentions]);
  const linked: Linked[] = mentions.map((m, j) => ({ ...m, entity: entityOf[j]! }));
  const found = linker ? linkDocument(doc, linked, linker) : relateDocument(doc, linked);
  const first = new Map<string, number>();
  const groups = entityOf.map((e, j) => {
    let g = first.get(e);
    if (g === undefined) first.set(e, (g = j));
    return g;
  });
  const out: LocalRelations = { groups, sentences: [], relations: [] };
  const sentenceAt = new Map<string, number>();
  for (const r of found) {
    const ev = r.evidence.map((e) => {
      if (e.doc !== doc.id) throw new Error(`a relation of ${doc.id} with evidence in ${e.doc}`);
      const k = `${e.start}\u0000${e.end}`;
      let s = sentenceAt.get(k);
      if (s === undefined) {
        sentenceAt.set(k, (s = out.sentences.length));
        out.sentences.push([e.start, e.end, e.sentence]);
      }
      return s;
    });
    out.relations.push([first.get(r.head)!, first.get(r.tail)!, r.relation, r.derived ? 1 : 0, ev]);
  }
  return out;
}

/**
 * The relations of `local` with the corpus's entity ids (`entities`, one per mention), or
 * undefined when the corpus's resolution partitions the mentions otherwise than the document's
 * own did (two of its entities joined, or one split) or the record does not fit the mentions.
 */
export function corpusRelations(local: LocalRelations, docId: string, entities: readonly string[]): Relation[] | undefined {
  const { groups } = local;
  if (groups.length !== entities.length) return undefined;
  const groupOf = new Map<string, number>();
  for (let j = 0; j < groups.length; j++) {
    const g = groups[j]!;
    const e = entities[j]!;
    if (g > j || entities[g] !== e) return undefined; // the document's entity is split
    const held = groupOf.get(e);
    if (held === undefined) groupOf.set(e, g);
    else if (held !== g) return undefined; // two of the document's entities are one
  }
  const evidence: Evidence[] = local.sentences.map(([start, end, sentence]) => ({ doc: docId, start, end, sentence }));
  const out: Relation[] = [];
  for (const [head, tail, relation, derived, ev] of local.relations) {
    const h = entities[head];
    const t = entities[tail];
    if (h === undefined || t === undefined || ev.some((i) => evidence[i] === undefined)) return undefined;
    out.push({ head: h, tail: t, relation, evidence: ev.map((i) => evidence[i]!), derived: derived === 1 });
  }
  return out;
}
