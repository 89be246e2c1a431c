// A zone's parts. By name: 重庆枢纽港产业园江津片区 is the 江津 part of 重庆枢纽港产业园, 西部（重庆）科学城江津片区
// the 江津 part of 西部（重庆）科学城; the sentence that first names the part is its evidence. By its
// layout: 按A园、B园、C园“一区三园”布局 lists the parts of the zone the article was describing, and
// the sentences that name the zone and list its parts are the evidence.
import type { Document } from '../types.js';
import type { Found, Linked } from './sentence.js';
import { countValue, isCloseBracket, isOpenBracket } from '../strings.js';

/** A part relation with the sentences that state it (by index). */
export interface PartFound {
  found: Found;
  sentences: number[];
}

/** What follows the whole's name in a part's name: a short name, then a word for a part of a zone. */
const PART = /^[\u4e00-\u9fff]{1,6}(?:片区|分园|组团|板块|园区|分区)$/u;
const ZONES = new Set(['industrial-park', 'place']);

/** Each part zone of the document with the whole it is named after, at the part's first mention. */
export function subZones(mentions: readonly Linked[]): PartFound[] {
  const wholes = new Map<string, string>(); // name → entity
  for (const m of mentions) if (ZONES.has(m.type) && m.text.length >= 3) wholes.set(m.text, m.entity);
  const out: PartFound[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'industrial-park' || seen.has(m.entity)) continue;
    for (let cut = m.text.length - 3; cut >= 3; cut--) {
      const whole = wholes.get(m.text.slice(0, cut));
      if (whole === undefined || whole === m.entity || !PART.test(m.text.slice(cut))) continue;
      seen.add(m.entity);
      out.push({ found: { head: m.entity, tail: whole, relation: 'located-in', rule: 'sub-zone' }, sentences: [m.sentence] });
      break;
    }
  }
  return out;
}

/** A zone's layout: one zone and its count of parts (一区五园, 一区多园, 一园三区). */
const LAYOUT = /一[区园]([0-9]+|[一二两三四五六七八九十]+|多)[园区]/gu;

/**
 * 按A园、B园、C园“一区三园”规划布局 (or 按照“一区三园”布局，园区分为：A园、B园、C园): a sentence that
 * names a zone's layout and lists as many parks as the layout counts (two or more for 多) lists
 * the parts of the zone the article is describing, the nearest park named before the list that
 * is none of them. The list is parks one after another, joined by 、 (和, 及 before the last), each
 * perhaps with another name of it in brackets; a list of another length, or with a name of another
 * kind in it, is no layout's.
 */
export function layoutParts(doc: Document, mentions: readonly Linked[]): PartFound[] {
  const bySentence = new Map<number, Linked[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.nstart - b.nstart || b.nend - a.nend);
  const out: PartFound[] = [];
  for (const sent of doc.sentences) {
    const ms = bySentence.get(sent.index);
    if (!ms || ms.length < 2) continue;
    const text = doc.text.slice(sent.start, sent.end);
    LAYOUT.lastIndex = 0;
    for (let hit = LAYOUT.exec(text); hit; hit = LAYOUT.exec(text)) {
      const count = hit[1] === '多' ? undefined : countValue(hit[1]!);
      if (hit[1] !== '多' && count === undefined) continue;
      const parts = parkLists(doc.text, ms).find((list) => (count === undefined ? list.length >= 2 : list.length === count));
      if (!parts) continue;
      const whole = nearestParkBefore(bySentence, parts[0]!, new Set(parts.map((p) => p.entity)));
      if (!whole) continue;
      const sentences = [...new Set([whole.sentence, sent.index])].sort((a, b) => a - b);
      for (const p of parts) out.push({ found: { head: p.entity, tail: whole.entity, relation: 'located-in', rule: 'layout-part' }, sentences });
      break;
    }
  }
  return out;
}

/** The 、-lists of parks among a sentence's mentions (sorted by start, longer first), each in text order. */
function parkLists(text: string, ms: readonly Linked[]): Linked[][] {
  const lists: Linked[][] = [];
  let list: Linked[] = [];
  let end = -1; // where the list's last item, with its bracket, ends
  let cover = -1; // where the outer mentions so far end: one that starts before it is nested
  const close = () => {
    if (list.length >= 2) lists.push(list);
    list = [];
  };
  for (const m of ms) {
    if (m.nstart < cover) continue;
    cover = m.nend;
    // another name of the last item, in brackets right after it: A园(B园)、C园
    if (list.length > 0 && m.nstart === end + 1 && isOpenBracket(text[end]) && isCloseBracket(text[m.nend])) {
      end = cover = m.nend + 1;
      continue;
    }
    const joined = list.length > 0 && m.nstart === end + 1 && /[、和及]/u.test(text[end]!);
    if (m.type !== 'industrial-park') {
      // a name of another kind ends a list, or spoils the one it is an item of
      if (joined) list = [];
      else close();
      continue;
    }
    if (!joined) close();
    list.push(m);
    end = m.nend;
  }
  close();
  return lists;
}

/** The nearest park mention before `at` (its sentence first, then those before) that is none of `not`. */
function nearestParkBefore(bySentence: ReadonlyMap<number, readonly Linked[]>, at: Linked, not: ReadonlySet<string>): Linked | undefined {
  for (let k = at.sentence; k >= 0; k--) {
    const list = bySentence.get(k) ?? [];
    for (let j = list.length - 1; j >= 0; j--) {
      const m = list[j]!;
      if (m.nend <= at.nstart && m.type === 'industrial-park' && !not.has(m.entity)) return m;
    }
  }
  return undefined;
}
