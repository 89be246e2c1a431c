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

/** The key of a document's relations: the relation code, its id and bytes, and every mention, all its fields, with its entity. */
export function relationKey(docId: string, sha256: string, linked: readonly Linked[]): string {
  const h = createHash('sha256').update(`${relationCodeFingerprint()}\u0000${docId}\u0000${sha256}`);
  for (const m of linked) {
    // fields in name order: a mention read back from a record may hold them in another order than
    // the same mention found afresh (an absent field and an undefined one are alike in JSON)
    const fields = Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
    h.update(`\u0000${JSON.stringify(fields)}`);
  }
  return h.digest('hex').slice(0, 40);
}
