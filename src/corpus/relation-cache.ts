// Relations of one document, kept between builds. What the relation stage finds in a document
// depends on the document, its mentions (with the entities resolution gave them), the model and
// the relation stages' code; the key hashes the document, its mentions and that code (the store
// folder already stands for the model and the code that made the mentions), so an
// article whose mentions and entities did not change is not featurised and classified again on
// an incremental build, and any change anywhere that touches it is a miss.
import { createHash } from 'node:crypto';
import type { Relation } from '../types.js';
import type { Linked } from '../relate/sentence.js';
import { relationCodeFingerprint } from './store.js';

export interface RelationCache {
  get(key: string): Relation[] | undefined;
  put(key: string, relations: Relation[]): void;
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
export function relationKey(docId: string, sha256: string, linked: readonly Linked[]): string {
  const h = createHash('sha256').update(`${relationCodeFingerprint()}\u0000${docId}\u0000${sha256}`);
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
