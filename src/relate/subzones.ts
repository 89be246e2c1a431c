// A zone named after the zone that holds it: 重庆枢纽港产业园江津片区 is the 江津 part of
// 重庆枢纽港产业园, 西部（重庆）科学城江津片区 the 江津 part of 西部（重庆）科学城. The name states the
// relation; the sentence that first names the part is its evidence.
import type { Found, Linked } from './sentence.js';

/** What follows the whole's name in a part's name: a short name, then a word for a part of a zone. */
const PART = /^[\u4e00-\u9fff]{1,6}(?:片区|分园|组团|板块|园区|分区)$/u;
const ZONES = new Set(['industrial-park', 'place']);

/** Each part zone of the document with the whole it is named after, at the part's first mention. */
export function subZones(mentions: readonly Linked[]): Array<{ found: Found; at: Linked }> {
  const wholes = new Map<string, string>(); // name → entity
  for (const m of mentions) if (ZONES.has(m.type) && m.text.length >= 3) wholes.set(m.text, m.entity);
  const out: Array<{ found: Found; at: Linked }> = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'industrial-park' || seen.has(m.entity)) continue;
    for (let cut = m.text.length - 3; cut >= 3; cut--) {
      const whole = wholes.get(m.text.slice(0, cut));
      if (whole === undefined || whole === m.entity || !PART.test(m.text.slice(cut))) continue;
      seen.add(m.entity);
      out.push({ found: { head: m.entity, tail: whole, relation: 'located-in', rule: 'sub-zone' }, at: m });
      break;
    }
  }
  return out;
}
