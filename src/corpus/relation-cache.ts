// Relations of one document, kept between builds. What the relation stage finds in a document
// depends on the document, its mentions (with the entities resolution gave them) and the model;
// the key hashes all of them (the store folder already stands for the code and the model), so an
// article whose mentions and entities did not change is not featurised and classified again on
// an incremental build, and any change anywhere that touches it is a miss.
import { createHash } from 'node:crypto';
import type { Relation } from '../types.js';
import type { Linked } from '../relate/sentence.js';

export interface RelationCache {
  get(key: string): Relation[] | undefined;
  put(key: string, relations: Relation[]): void;
}

/** The key of a document's relations: its id and bytes, and every mention with its entity. */
export function relationKey(docId: string, sha256: string, linked: readonly Linked[]): string {
  const parts = [docId, sha256];
  for (const m of linked) parts.push(`${m.start},${m.end},${m.nstart},${m.nend},${m.sentence},${m.type},${m.rule},${m.text},${m.entity},${m.aliasOf ?? ''}`);
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}
