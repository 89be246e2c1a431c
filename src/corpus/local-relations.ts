// A document's relations decided where it was extracted, before the corpus is resolved.
//
// The relation stage reads a document, its mentions and which of them name one entity: the
// partition of its mentions, not the entities' ids (it compares ids, keys maps by them, and
// writes them into the relations it finds). A worker that has just found an article's mentions
// resolves them within the article and links them there; the build's process, once the corpus
// is resolved, takes those relations when the corpus's resolution splits the article's mentions
// the same way, with each article-local id replaced by its corpus id. Where the two partitions
// differ (a short form that the corpus makes ambiguous, two names another article joins), the
// document is linked again in the build's process, as before. Either way the relations are the
// same; the serial corpus pass no longer links most documents.
import type { Document, Evidence, Mention, Relation, RelationType } from '../types.js';
import { RELATION_TYPES } from '../types.js';
import { resolve } from '../resolve/index.js';
import { linkDocument, type LinkerModel } from '../linker/index.js';
import { mergedWithin, type Linked } from '../relate/index.js';

/**
 * What travels back from the worker, and waits in the build's process until the corpus is
 * resolved: in typed arrays (copied out of the message: ownCopy), each evidence sentence once,
 * each relation once (its sentences merged as the corpus merges them: by where they start), about
 * 6 KB per article.
 */
export interface LocalRelations {
  /** per mention (in the order of the document's mentions), the index of its article-local entity */
  entityOf: Int32Array;
  /** per relation: head entity index, tail entity index, relation type index, derived (1) or not (0), its number of sentences, their indices */
  relations: Int32Array;
  /** [start, end] of each evidence sentence */
  spans: Int32Array;
  /** the text of each evidence sentence */
  sentences: string[];
}

/** The document's relations as the linker finds them with its mentions resolved within the document alone. */
export function localRelations(doc: Document, mentions: readonly Mention[], linker: LinkerModel): LocalRelations {
  const { entityOf: ids } = resolve(mentions as Mention[]);
  const index = new Map<string, number>();
  const entityOf = Int32Array.from(ids, (id) => {
    let k = index.get(id);
    if (k === undefined) index.set(id, (k = index.size));
    return k;
  });
  const linked = mentions.map((m, j): Linked => ({ ...m, entity: ids[j]! }));
  // merged as the corpus merges them, so that each relation travels once
  const merged = mergedWithin(linkDocument(doc, linked, linker));
  const spans: number[] = [];
  const sentences: string[] = [];
  const sentenceAt = new Map<string, number>();
  const flat: number[] = [];
  for (const r of merged) {
    flat.push(entityIndex(index, r.head, doc), entityIndex(index, r.tail, doc), RELATION_TYPES.indexOf(r.relation), r.derived ? 1 : 0, r.evidence.length);
    for (const e of r.evidence) {
      if (e.doc !== doc.id) throw new Error(`evidence from another document (${e.doc}) in ${doc.id}`);
      // a sentence of the document is where it starts and ends
      const k = `${e.start}:${e.end}`;
      let at = sentenceAt.get(k);
      if (at === undefined) {
        sentenceAt.set(k, (at = sentences.length));
        sentences.push(e.sentence);
        spans.push(e.start, e.end);
      }
      flat.push(at);
    }
  }
  return { entityOf, relations: Int32Array.from(flat), spans: Int32Array.from(spans), sentences };
}

function entityIndex(index: ReadonlyMap<string, number>, id: string, doc: Document): number {
  const k = index.get(id);
  if (k === undefined) throw new Error(`a relation of ${doc.id} names an entity none of its mentions names (${id})`);
  return k;
}

/**
 * `local` with typed arrays of its own. A worker's message arrives as one buffer and the typed
 * arrays read from it are views on it: kept until the corpus is resolved, each would keep its
 * whole message (the mentions, the document) in memory.
 */
export function ownCopy(local: LocalRelations): LocalRelations {
  return { entityOf: local.entityOf.slice(), relations: local.relations.slice(), spans: local.spans.slice(), sentences: local.sentences };
}

/**
 * Checks `local` against the corpus's resolution (`entities`: the corpus id of each of the
 * document's mentions, same order) and gives its relations under the corpus's ids; undefined
 * when the corpus does not group the document's mentions as the document alone did (a short form
 * another article makes ambiguous, two names another article joins): then the document must be
 * linked again.
 */
export function relationsUnderCorpusIds(local: LocalRelations, docId: string, entities: readonly string[]): Relation[] | undefined {
  const { entityOf, relations: flat } = local;
  if (entityOf.length !== entities.length) return undefined;
  const idOf: string[] = [];
  for (let j = 0; j < entityOf.length; j++) {
    const k = entityOf[j]!;
    const have = idOf[k];
    if (have === undefined) idOf[k] = entities[j]!;
    else if (have !== entities[j]) return undefined; // one local entity, two in the corpus
  }
  for (let k = 0; k < idOf.length; k++) if (idOf[k] === undefined) return undefined;
  // two local entities, one in the corpus
  if (new Set(idOf).size !== idOf.length) return undefined;
  const evidence: Evidence[] = local.sentences.map((sentence, i) => ({ doc: docId, start: local.spans[2 * i]!, end: local.spans[2 * i + 1]!, sentence }));
  const out: Relation[] = [];
  for (let at = 0; at < flat.length; ) {
    const head = idOf[flat[at]!];
    const tail = idOf[flat[at + 1]!];
    const relation: RelationType | undefined = RELATION_TYPES[flat[at + 2]!];
    const derived = flat[at + 3] === 1;
    const n = flat[at + 4]!;
    if (head === undefined || tail === undefined || relation === undefined) return undefined;
    const ev: Evidence[] = [];
    for (let j = 0; j < n; j++) {
      const e = evidence[flat[at + 5 + j]!];
      if (e === undefined) return undefined;
      ev.push(e);
    }
    out.push({ head, tail, relation, evidence: ev, derived });
    at += 5 + n;
  }
  return out;
}
