// Background knowledge from the gazetteer: 白沙镇 is in 江津区. Added between place entities of
// the graph only, to the nearest ancestor the graph has, marked derived (never scored).
import type { Entity, Relation } from '../types.js';
import { ancestors, loadGazetteer } from '../extract/gazetteer.js';
import { placeFor } from '../resolve/index.js';

export function derivedPlaceEdges(entities: Entity[]): Relation[] {
  const gaz = loadGazetteer();
  const byCode = new Map<string, string>();
  const codeOf = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'place') continue;
    const p = e.aliases.map((a) => placeFor(a, gaz)).find((x) => x !== undefined);
    if (!p) continue;
    if (!byCode.has(p.code)) byCode.set(p.code, e.id);
    codeOf.set(e.id, p.code);
  }
  const out: Relation[] = [];
  for (const [id, code] of codeOf) {
    const place = gaz.byCode.get(code)!;
    const parent = ancestors(gaz, place).find((a) => byCode.has(a.code));
    if (parent) out.push({ head: id, tail: byCode.get(parent.code)!, relation: 'located-in', evidence: [], derived: true });
  }
  return out;
}
