// Background knowledge from the gazetteer: 白沙镇 is in 江津区. Added between place entities of
// the graph only, to the nearest ancestor the graph has, marked derived (never scored).
// Town names repeat across the country (城关镇 ×88): a town is placed only when exactly one of
// its readings lies under a place the graph already has.
import type { Entity, Relation } from '../types.js';
import { ancestors, loadGazetteer, type Place } from '../extract/gazetteer.js';
import { placeFor } from '../resolve/units.js';

export function derivedPlaceEdges(entities: Entity[]): Relation[] {
  const gaz = loadGazetteer();
  const places = entities.filter((e) => e.type === 'place');
  const codeOf = new Map<string, string>();
  const idOfCode = new Map<string, string>();
  const assign = (id: string, p: Place) => {
    codeOf.set(id, p.code);
    if (!idOfCode.has(p.code)) idOfCode.set(p.code, id);
  };
  for (const e of places) {
    const p = e.aliases.map((a) => placeFor(a, gaz)).find((x) => x !== undefined);
    if (p) assign(e.id, p);
  }
  for (const e of places) {
    if (codeOf.has(e.id)) continue;
    const readings = e.aliases.flatMap((a) => gaz.byName.get(a) ?? []);
    const fitting = readings.filter((r) => ancestors(gaz, r).some((a) => idOfCode.has(a.code)));
    if (fitting.length === 1) assign(e.id, fitting[0]!);
  }
  const out: Relation[] = [];
  for (const [id, code] of codeOf) {
    const parent = ancestors(gaz, gaz.byCode.get(code)!).find((a) => idOfCode.has(a.code));
    if (parent && idOfCode.get(parent.code) !== id) {
      out.push({ head: id, tail: idOfCode.get(parent.code)!, relation: 'located-in', evidence: [], derived: true });
    }
  }
  return out;
}
