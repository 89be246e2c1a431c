// Chooses one reading where candidates overlap, then splits location chains:
// 江津区双福工业园 → 江津区 + 双福工业园 (the place is a separate entity, linked by located-in).
import type { Span } from './context.js';
import { loadGazetteer, nameLengthsAt } from './gazetteer.js';

/**
 * Villages and communities are not in the gazetteer: a short name ending in 村 or 社区 written
 * right after a place (四面山镇头道村) is one.
 */
export function addVillages(text: string, spans: Span[]): Span[] {
  const out = [...spans];
  for (const sp of spans) {
    if (sp.type !== 'place') continue;
    const m = /^(\p{Script=Han}{2,3}?)(村|社区)(?![民委干])/u.exec(text.slice(sp.end));
    if (!m || /^(农|乡|新农|全|本|该|各|每)$/u.test(m[1]!)) continue;
    const end = sp.end + m[0].length;
    if (out.some((x) => x.start < end && sp.end < x.end)) continue;
    out.push({ start: sp.end, end, type: 'place', rule: 'village', priority: 2 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Longest span wins; on equal extent a pattern-typed span gives its type. */
export function selectSpans(cands: Span[]): Span[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const chosen: Span[] = [];
  for (const c of sorted) {
    const same = chosen.find((x) => x.start === c.start && x.end === c.end);
    if (same) {
      if (c.typed && !same.typed) {
        same.type = c.type;
        same.rule = `${same.rule}+${c.rule}`;
        same.typed = true;
      }
      continue;
    }
    if (chosen.some((x) => x.start < c.end && c.start < x.end)) continue;
    chosen.push({ ...c });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const ADMIN_END = /(省|市|区|县|州|镇|乡|街道|自治区|自治州|自治县)$/u;

/**
 * A park or project name that begins with places: a full administrative name (江津区…) or a
 * place followed by another place (江西赣州…) is a location written before the name.
 */
export function splitChains(text: string, spans: Span[], boundary?: Uint8Array): Span[] {
  const gaz = loadGazetteer();
  const out: Span[] = [];
  for (const sp of spans) {
    if (sp.type !== 'industrial-park' && sp.type !== 'project') {
      out.push(sp);
      continue;
    }
    let cur = sp;
    for (;;) {
      const lead = leadingPlace(text, cur.start, cur.end, gaz, boundary);
      if (!lead) break;
      const rest = leadingPlace(text, lead, cur.end, gaz, boundary);
      const full = ADMIN_END.test(text.slice(cur.start, lead)) && gaz.byName.has(text.slice(cur.start, lead));
      if (!full && !rest) break;
      if (!hasCore(text.slice(lead, cur.end))) break; // 綦江区工业园区: 工业园区 alone names nothing
      out.push({ start: cur.start, end: lead, type: 'place', rule: 'chain', priority: 3 });
      cur = { ...cur, start: lead };
    }
    out.push(cur);
  }
  return out.sort((a, b) => a.start - b.start);
}

const ENDINGS = /(综合保税区|经济技术开发区|高新技术产业开发区|工业园区|产业园区|工业园|产业园|开发区|经开区|高新区|保税区|综保区|物流园区|物流园|科学城|新城|新区|组团|片区|园区|港区|项目|工程|基地|港)$/u;

function hasCore(name: string): boolean {
  return name.replace(ENDINGS, '').length >= 2;
}

/** End of the longest place name at `start` (full or short form), if any. */
function leadingPlace(text: string, start: number, limit: number, gaz = loadGazetteer(), boundary?: Uint8Array): number | undefined {
  for (const len of nameLengthsAt(gaz, text, start)) {
    const e = start + len;
    if (e > limit - 1) continue;
    if (boundary && !boundary[e]) continue; // 杭州湾新区 does not begin with 杭州
    if (gaz.nameAt.get(text, start, len) || gaz.shortAt.get(text, start, len)) return e;
  }
  return undefined;
}
