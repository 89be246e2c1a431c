// Candidate pairs for the relation classifier: every pair of mentions of one sentence that the
// guideline allows for some relation, plus pairs through an anaphor (该园, 该区, 其, 这些项目) or
// an elided subject, which stand for an entity named in an earlier sentence, and, for a sentence
// that states hosting with no site near it, the place or park the article is about.
import type { Document, EntityType, RelationType } from '../types.js';
import { bySentence, ITEM_GAP, mostNamed, OUTER_FIRST, type Linked } from '../relate/sentence.js';

/** A mention in a candidate: a real one, or an anaphor standing for an earlier mention's entity. */
export interface Arg {
  entity: string;
  type: EntityType;
  /** normalised offsets of what the sentence writes ([start, start) for an elided subject) */
  nstart: number;
  nend: number;
  text: string;
  /** the anaphor word, 'elided', 'elided-place' or 'topic'; undefined for a named mention */
  anaphor?: string;
  /** the sentence that names the entity an anaphor stands for */
  antecedentSentence?: number;
  /** the mention's rule, for features */
  rule: string;
}

export interface Candidate {
  sentence: number;
  head: Arg;
  tail: Arg;
  /** the relation types the guideline allows between these types */
  allowed: RelationType[];
  /** the 、-list each end is an item of, as [start, end) (the end's own extent when none) */
  headList: readonly [number, number];
  tailList: readonly [number, number];
}

/** Relation types the guideline allows from a head type to a tail type. */
export function allowedRelations(head: EntityType, tail: EntityType): RelationType[] {
  const out: RelationType[] = [];
  if (['company', 'organization', 'industrial-park', 'project', 'place'].includes(head) && (tail === 'industrial-park' || tail === 'place')) out.push('located-in');
  if (['company', 'project', 'industrial-park'].includes(head) && tail === 'industry-cluster') out.push('belongs-to-cluster');
  if ((['company', 'industrial-park'].includes(head) && tail === 'industry-cluster') || (head === 'person' && (tail === 'organization' || tail === 'company'))) {
    out.push('leads');
  }
  return out;
}

/** The anaphors of a district, city, county or town (该区, 我市, 全县): the article's place of that kind. */
export const DISTRICT_ANAPHORS = /该区|我区|全区|本区|该市|我市|全市|本市|该县|我县|全县|本县|该镇|我镇|全镇/u;
/** Anaphors by the type of what they stand for: the nearest earlier mention of that type. */
const ANAPHORS: Array<[RegExp, EntityType | 'district' | 'subject']> = [
  [/该园区|该园|园区内|园区/gu, 'industrial-park'],
  [/该公司|该企业|该集团/gu, 'company'],
  [/该项目|这些项目|上述项目|这批项目|此项目/gu, 'project'],
  [/该产业集群|该集群|该产业链/gu, 'industry-cluster'],
  [new RegExp(DISTRICT_ANAPHORS.source, 'gu'), 'district'],
  [/其(?=[\u4e00-\u9fff])/gu, 'subject'],
];
/** how many sentences back an anaphor may look */
const REACH = 4;
/** pairs further apart than this in one sentence are not candidates, unless one is an item of a list that is nearer (a 1 MB line has no sentence breaks) */
const MAX_GAP = 120;

export function candidatePairs(doc: Document, mentions: readonly Linked[]): Candidate[] {
  const sentences = bySentence(mentions, OUTER_FIRST);
  const districts = mainDistricts(mentions);
  const topic = mainSite(mentions);
  const out: Candidate[] = [];
  for (const sent of doc.sentences) {
    const own: Arg[] = (sentences.get(sent.index) ?? []).map((m) => ({ entity: m.entity, type: m.type, nstart: m.nstart, nend: m.nend, text: m.text, rule: m.rule }));
    const args = [...own, ...anaphorArgs(doc, sent, own, sentences, districts, topic)];
    if (args.length < 2) continue;
    args.sort(OUTER_FIRST);
    // an item of a long list is as near as its list is (A、B、…、Z等项目落户D)
    const span = listSpans(doc.text, args);
    for (const h of args) {
      for (const t of args) {
        if (h === t || h.entity === t.entity || (h.anaphor && t.anaphor)) continue;
        if (Math.max(h.nstart, t.nstart) - Math.min(h.nend, t.nend) > MAX_GAP) {
          const [hs, he] = span.get(h)!;
          const [ts, te] = span.get(t)!;
          if (hs < te && ts < he) continue;
          if (Math.max(hs, ts) - Math.min(he, te) > MAX_GAP) continue;
        }
        const allowed = allowedRelations(h.type, t.type);
        if (allowed.length) out.push({ sentence: sent.index, head: h, tail: t, allowed, headList: span.get(h)!, tailList: span.get(t)! });
      }
    }
  }
  return out;
}

/** The place or park an article names most often, the article's topic. */
export function mainSite(mentions: readonly Linked[]): Linked | undefined {
  return mostNamed(mentions, (m) => m.type === 'place' || m.type === 'industrial-park');
}

/** The district, city and county an article is about: for 区/市/县/镇 anaphors, its most mentioned place of that kind. */
function mainDistricts(mentions: readonly Linked[]): Map<string, Linked> {
  const out = new Map<string, Linked>();
  for (const kind of '区市县镇') {
    const best = mostNamed(mentions, (m) => m.type === 'place' && m.text.endsWith(kind));
    if (best) out.set(kind, best);
  }
  return out;
}

function anaphorArgs(doc: Document, sent: Document['sentences'][number], own: Arg[], sentences: ReadonlyMap<number, readonly Linked[]>, districts: Map<string, Linked>, topic?: Linked): Arg[] {
  const text = doc.text.slice(sent.start, sent.end);
  const out: Arg[] = [];
  const covered = (s: number, e: number) => own.some((m) => m.nstart < e && s < m.nend);
  /** the nearest mention before `at` (this sentence or up to REACH back) that fits */
  const nearest = (at: number, fits: (m: Linked) => boolean): Linked | undefined => {
    for (let k = sent.index; k >= Math.max(0, sent.index - REACH); k--) {
      const list = sentences.get(k) ?? [];
      for (let j = list.length - 1; j >= 0; j--) {
        const m = list[j]!;
        if (m.nend <= at && fits(m)) return m;
      }
    }
    return undefined;
  };
  for (const [re, kind] of ANAPHORS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = sent.start + m.index;
      const e = s + m[0].length;
      if (covered(s, e)) continue;
      let target: Linked | undefined;
      if (kind === 'district') target = districts.get(m[0].at(-1)!);
      else if (kind === 'subject') target = nearest(s, (x) => x.type !== 'person' && x.type !== 'industry-cluster');
      else target = nearest(s, (x) => x.type === kind);
      if (!target) continue;
      out.push({ entity: target.entity, type: target.type, nstart: s, nend: e, text: m[0], anaphor: m[0], antecedentSentence: target.sentence, rule: 'anaphor' });
    }
  }
  // an elided subject: the sentence does not open with a name (全力打造X，引进Y), and the previous
  // sentence opened with a park, a place or a company
  if (sent.index > 0 && !own.some((x) => x.nstart - sent.start <= 2) && !out.some((x) => x.nstart - sent.start <= 2)) {
    const prev = sentences.get(sent.index - 1)?.[0];
    if (prev && (prev.type === 'industrial-park' || prev.type === 'place' || prev.type === 'company') && prev.nstart - (doc.sentences[sent.index - 1]?.start ?? 0) <= 2) {
      out.push({ entity: prev.entity, type: prev.type, nstart: sent.start, nend: sent.start, text: '', anaphor: 'elided', antecedentSentence: prev.sentence, rule: 'anaphor' });
    }
  }
  // an elided place: a sentence that states hosting (A、B等企业已经入驻; 新引进X项目) but names no place
  // or park of its own speaks of the first place or park of the nearest sentence before (up to
  // PLACE_REACH back) that names one before any hosting word of its own; it stands where the
  // hosting word is
  const placeLike = (x: { type: EntityType }) => x.type === 'place' || x.type === 'industrial-park';
  const hit = sent.index > 0 && !own.some(placeLike) && !out.some(placeLike) ? HOSTING.exec(text) : null;
  if (hit) {
    let target: Linked | undefined;
    for (let k = sent.index - 1; k >= Math.max(0, sent.index - PLACE_REACH) && !target; k--) {
      const list = sentences.get(k) ?? [];
      // a site a hosting word of its own sentence acts on (建成A、B等园区) is what was hosted, not the host
      const at = actsOnName(doc.text, doc.sentences[k]!, list);
      target = list.find((x) => placeLike(x) && x.nstart < at);
    }
    // unless that place is where the sentence before held an event (在X举行签约仪式): a venue hosts
    // no project signed at it (the guideline), nor does the article's topic then
    const venue = target !== undefined && isVenue(doc.text, target);
    if (venue) target = undefined;
    // else the place or park the article names most, its topic (a list of projects under the
    // city the article is about)
    let kind = 'elided-place';
    if (!target && topic && !venue) {
      target = topic;
      kind = 'topic';
    }
    if (target) {
      const at = sent.start + hit.index;
      out.push({ entity: target.entity, type: target.type, nstart: at, nend: at, text: '', anaphor: kind, antecedentSentence: target.sentence, rule: 'anaphor' });
    }
  }
  return out;
}

/**
 * Where the first hosting word of a sentence stands that acts on a name written right after it
 * (建成A产业园、B产业园等, 引进了C公司), Infinity if none does: not a word inside a name (甲乙建设集团)
 * nor one used as a noun (项目建设方面).
 */
function actsOnName(text: string, sent: Document['sentences'][number], mentions: readonly Linked[]): number {
  const re = HOSTING_ALL;
  const s = text.slice(sent.start, sent.end);
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = sent.start + m.index;
    const end = at + m[0].length;
    if (mentions.some((x) => x.nstart < end && at < x.nend)) continue;
    const gap = OBJECT_GAP.exec(text.slice(end, end + 2))![0].length;
    if (mentions.some((x) => x.nstart === end + gap)) return at;
  }
  return Infinity;
}
/** what may stand between a hosting word and the name it acts on: 了, 成, 起 */
const OBJECT_GAP = /^[了成起]?/u;

/** Is the mention written as an event's venue, 在X举行 (召开, 举办; 隆重举行, 成功举办)? */
function isVenue(text: string, m: { nstart: number; nend: number }): boolean {
  return text[m.nstart - 1] === '在' && VENUE_AFTER.test(text.slice(m.nend, m.nend + 4));
}
const VENUE_AFTER = /^(?:隆重|成功|顺利|正式)?(?:举行|召开|举办)/u;

/** words that state a place or park hosting something */
export const HOSTING = /落户|落地|入驻|进驻|签约|签署|开工|竣工|投产|引进|招引|引入|集聚|聚集|汇聚|吸引|布局|建设|打造|建成|集中|拥有|依托|包括/u;
/** the same, for every one in a sentence */
const HOSTING_ALL = new RegExp(HOSTING.source, 'gu');
/** how many sentences back an elided place may look */
const PLACE_REACH = 2;

/**
 * Each argument's 、-list extent (items of one kind, or of kin types, joined by 、和及与), itself if none: names
 * nested in an item (a place inside a project's name) are no items, and a list stops growing
 * past LIST_REACH characters (a 1 MB line of names must not pair each with all).
 */
function listSpans(text: string, args: readonly Arg[]): Map<Arg, [number, number]> {
  const out = new Map<Arg, [number, number]>();
  // outermost named arguments, in order (args are sorted by start, longer first)
  const items: Arg[] = [];
  for (const a of args) if (a.nend > a.nstart && !(items.length && a.nstart < items.at(-1)!.nend)) items.push(a);
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (
      j + 1 < items.length &&
      ITEM_GAP.test(text.slice(items[j]!.nend, items[j + 1]!.nstart)) &&
      listKin(items[j + 1]!.type, items[i]!.type) &&
      items[j + 1]!.nend - items[i]!.nstart <= LIST_REACH
    ) j++;
    for (let k = i; k <= j; k++) out.set(items[k]!, [items[i]!.nstart, items[j]!.nend]);
    i = j + 1;
  }
  for (const a of args) if (!out.has(a)) out.set(a, [a.nstart, a.nend]);
  return out;
}
/** the longest list whose items are as near as the list is */
const LIST_REACH = 600;

/** types one list mixes (签约项目有：X公司、Y项目、Z产业园): its items are one list whatever their types */
const LIST_KIN: readonly EntityType[] = ['company', 'project', 'industrial-park', 'organization'];

/** May names of these types be items of one list? */
const listKin = (a: EntityType, b: EntityType): boolean => a === b || (LIST_KIN.includes(a) && LIST_KIN.includes(b));
