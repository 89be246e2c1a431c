// Relations of one document, kept between builds. What the relation stage finds in a document
// depends on the document, its mentions (with the entities resolution gave them), the model and
// the relation stages' code. The key hashes that code, the store's scope (the folder that stands
// for the extraction code and the model), the document's id and bytes, and its mentions: all their
// fields, or, for mentions as the document's record holds them, only the entity of each. An article
// whose mentions and entities did not change is not featurised and classified again on an
// incremental build, and any change anywhere that touches it is a miss.
import { createHash } from 'node:crypto';
import type { Relation } from '../types.js';
import type { Linked } from '../relate/sentence.js';
import { relationCodeFingerprint } from './store.js';

/** Relations kept by the store that holds the corpus's records: the mentions a build hands with it are those its records hold. */
export interface RelationCache {
  /** the store folder's name: the code and the model the records' mentions were found with */
  scope: string;
  get(key: string): Relation[] | undefined;
  put(key: string, relations: Relation[]): void;
  /** keeps the list under `key` for the next build without reading it; false when there is none */
  keep(key: string): boolean;
}

/**
 * Every field of a linked mention, by name: the compiler holds this list to the type, so a field
 * added to mentions is a field of the key. In name order, as a mention read back from a record may
 * hold its fields in another order than the same mention found afresh.
 */
const FIELD_SET: Record<keyof Linked, true> = {
  aliasOf: true, doc: true, end: true, entity: true, implied: true, nend: true, nstart: true, rule: true, sentence: true, start: true, text: true, type: true,
};
const FIELDS = (Object.keys(FIELD_SET) as Array<keyof Linked>).sort();

/** The key of a document's relations: the relation code, its id and bytes, and every mention, all its fields, with its entity. */
export function relationKey(scope: string, docId: string, sha256: string, linked: readonly Linked[]): string {
  const h = createHash('sha256').update(`${relationCodeFingerprint()}\u0000${scope}\u0000${docId}\u0000${sha256}\u0000${linked.length}`);
  for (const m of linked) {
    // each field as its length and value (a string) or its value (a number), or '-' when absent: one
    // string per mention, and no two mentions alike unless all their fields are
    let s = '\u0000';
    let known = 0;
    for (const f of FIELDS) {
      const v = m[f];
      if (v !== undefined) known++;
      s += v === undefined ? '-;' : typeof v === 'string' ? `${v.length}:${v};` : `${v};`;
    }
    // a field the type does not name yet (a record written by other code) is part of the key too
    let held = 0;
    for (const k in m) if ((m as unknown as Record<string, unknown>)[k] !== undefined) held++;
    if (held > known) {
      const extra = Object.entries(m).filter(([k, v]) => v !== undefined && !(k in FIELD_SET));
      s += JSON.stringify(extra.sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    h.update(s);
  }
  return h.digest('hex').slice(0, 40);
}

/**
 * The key of the relations of a document whose mentions are those extraction found in it, as its
 * record in this store holds them (no name from other articles added): they are a function of its
 * bytes and of the store's code and model (its `scope`), so the key hashes only what resolution
 * across the corpus gave them, in order: each mention's entity, or, given the document's units
 * (resolve/units.ts, which its record's mentions make), each unit's (`per` 'unit'): resolution gives
 * all the mentions of a unit one entity, and an article names a unit five times on average.
 */
export function extractedRelationKey(scope: string, docId: string, sha256: string, entities: readonly string[], per: 'mention' | 'unit' = 'mention'): string {
  const h = createHash('sha256').update(`${relationCodeFingerprint()}\u0001${scope}\u0001${docId}\u0001${sha256}\u0001${per}\u0001${entities.length}`);
  // each entity after a NUL; one joined string, not a string grown per mention (2 M at ×100)
  if (entities.length > 0) h.update('\u0000').update(entities.join('\u0000'));
  return h.digest('hex').slice(0, 40);
}

/** The entity of each of a document's units, in their order, given the entity of each of its mentions (`entityOf` from `start` on). */
export function unitEntities(of: Int32Array, entityOf: readonly string[], start: number): string[] {
  const out: string[] = [];
  // units are numbered in the order of their first mention
  for (let j = 0; j < of.length; j++) if (of[j] === out.length) out.push(entityOf[start + j]!);
  return out;
}
