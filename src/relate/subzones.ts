// A zone's parts. By name: 重庆枢纽港产业园江津片区 is the 江津 part of 重庆枢纽港产业园, 西部（重庆）科学城江津片区
// the 江津 part of 西部（重庆）科学城; the sentence that first names the part is its evidence. By its
// layout: 按A园、B园、C园“一区三园”布局 lists the parts of the zone the article was describing, and
// the sentences that name the zone and list its parts are the evidence.
import type { Document } from '../types.js';
import { bySentence, JOIN, mostNamed, OUTER_FIRST, type Found, type Linked } from './sentence.js';
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
/** between a list and the layout right after it (按A、B、C“一区三园”布局): a quote at most */
const LIST_THEN_LAYOUT = /^[“"「『]?$/u;
/**
 * between a layout and the list after it (按照“一区三园”布局，园区分为：A、B、C): the layout's own words,
 * the zone, and a word that lists the parts; not any words (推广“一区多园”模式，首批试点包括A、B)
 */
const LAYOUT_THEN_LIST = /^[”"」』]?(?:规划)?(?:布局|格局|架构)?[，,]?(?:园区|全区|其中|具体)?(?:分为|包括|即|分别为|分别是)[：:]?$/u;


/**
 * 按A园、B园、C园“一区三园”规划布局 (or 按照“一区三园”布局，园区分为：A园、B园、C园): a layout and the
 * parks it lists, as many as it counts (two or more for 多), written right before it or after a
 * word that lists them, are the parts of the zone. The zone is the park written right before the
 * layout (X“一区三园”), or the park that opens the sentence; where a place, a body or a company is
 * written there, the layout is that one's and no zone is taken. Else the park that opens the
 * sentence before, else the park the article names most, if named before the list. A list is parks
 * one after another, joined by 、, 和, 及 or 与, each perhaps with its region prefix before it (庚县丙园)
 * and a bracket after it; a name of another kind among them spoils the list.
 */
export function layoutParts(doc: Document, mentions: readonly Linked[]): PartFound[] {
  // most articles write no layout: no work for them
  if (!doc.text.includes('一区') && !doc.text.includes('一园')) return [];
  const inSentence = bySentence(mentions, OUTER_FIRST);
  const out: PartFound[] = [];
  for (const sent of doc.sentences) {
    const ms = inSentence.get(sent.index);
    if (!ms || ms.length < 2) continue;
    const text = doc.text.slice(sent.start, sent.end);
    LAYOUT.lastIndex = 0;
    let lists: ParkList[] | undefined;
    for (let hit = LAYOUT.exec(text); hit; hit = LAYOUT.exec(text)) {
      const count = hit[1] === '多' ? undefined : countValue(hit[1]!);
      if (hit[1] !== '多' && count === undefined) continue;
      const at = sent.start + hit.index;
      const after = at + hit[0].length;
      lists ??= parkLists(doc.text, ms);
      const parts = lists.find(
        (list) =>
          (count === undefined ? list.items.length >= 2 : list.items.length === count) &&
          ((list.end <= at && LIST_THEN_LAYOUT.test(doc.text.slice(list.end, at))) || (list.start >= after && LAYOUT_THEN_LIST.test(doc.text.slice(after, list.start)))),
      );
      if (!parts) continue;
      const items = new Set(parts.items.map((p) => p.entity));
      const whole = zoneOf(doc, inSentence, mentions, sent.index, at, parts.items[0]!, items);
      if (!whole) continue;
      const sentences = [...new Set([sent.index, whole.sentence])];
      for (const p of parts.items) out.push({ found: { head: p.entity, tail: whole.entity, relation: 'located-in', rule: 'layout-part' }, sentences });
      break;
    }
  }
  return out;
}

/** The zone whose layout is written at `at` in sentence `index` (layoutParts). */
function zoneOf(doc: Document, inSentence: ReadonlyMap<number, readonly Linked[]>, mentions: readonly Linked[], index: number, at: number, first: Linked, items: ReadonlySet<string>): Linked | undefined {
  const park = (m: Linked | undefined) => m !== undefined && m.type === 'industrial-park' && !items.has(m.entity);
  const ms = inSentence.get(index) ?? [];
  // X“一区三园”: a park's layout, or a place's (对标甲区“一区三园”布局) and no zone
  const named = ms.find((m) => m.nend <= at && LIST_THEN_LAYOUT.test(doc.text.slice(m.nend, at)));
  if (named && !items.has(named.entity)) return park(named) ? named : undefined;
  // the sentence's subject: not the first item's region prefix (按庚县丙园、…)
  const opens = (k: number) => (inSentence.get(k) ?? []).find((m) => m.nstart - doc.sentences[k]!.start <= 2 && !items.has(m.entity) && m.nend !== first.nstart);
  const subject = opens(index);
  if (subject) return park(subject) ? subject : undefined;
  const before = index > 0 ? opens(index - 1) : undefined;
  if (park(before)) return before;
  // the park the article names most, named before the list
  const best = mostNamed(mentions, park);
  return best && best.nend <= first.nstart ? best : undefined;
}

interface ParkList {
  items: Linked[];
  /** where the first item (with its region prefix) starts and the last (with its bracket) ends */
  start: number;
  end: number;
}

/** The 、-lists of parks among a sentence's mentions (sorted by start, longer first), each in text order. */
function parkLists(text: string, ms: readonly Linked[]): ParkList[] {
  // the outer mentions: one that starts before the last ends is nested in it
  const outer: Linked[] = [];
  for (const m of ms) if (outer.length === 0 || m.nstart >= outer.at(-1)!.nend) outer.push(m);
  const lists: ParkList[] = [];
  let list: Linked[] = [];
  let start = -1; // where the list's first item, with its region prefix, starts
  let end = -1; // where the list's last item, with its bracket, ends
  let spoiled = false;
  const close = () => {
    if (!spoiled && list.length >= 2) lists.push({ items: list, start, end });
    list = [];
    spoiled = false;
  };
  for (let i = 0; i < outer.length; i++) {
    let m = outer[i]!;
    const at = m.nstart;
    // a place written flush before a park is its region prefix (庚县丙园), not an item
    const next = outer[i + 1];
    if (m.type === 'place' && next?.type === 'industrial-park' && next.nstart === m.nend) m = outer[++i]!;
    if (list.length > 0 && at < end) continue; // inside the last item's bracket
    const joined = list.length > 0 && at === end + 1 && JOIN.test(text[end]!);
    if (!joined) close();
    // a name of another kind spoils the list it is an item of
    if (m.type !== 'industrial-park') spoiled = joined;
    else if (!spoiled) {
      if (list.length === 0) start = at;
      list.push(m);
    }
    if (m.type === 'industrial-park' || spoiled) end = pastBracket(text, m.nend);
  }
  close();
  return lists;
}

/** Where a bracket written at `at` closes (past it), or `at` if none opens there. */
function pastBracket(text: string, at: number): number {
  if (!isOpenBracket(text[at])) return at;
  for (let i = at + 1; i < text.length && i <= at + BRACKET_REACH; i++) {
    if (isCloseBracket(text[i])) return i + 1;
    if (isOpenBracket(text[i])) break;
  }
  return at;
}
/** the longest bracket after a list item that is taken as part of the item */
const BRACKET_REACH = 30;
