// Entity extraction: finds mentions of the seven entity types in a normalised document.
import type { Document, EntityType, Mention } from '../types.js';
import { makeContext, type SentenceContext, type Span } from './context.js';
import { findListItems } from './lists.js';
import { findSuffixNames } from './names.js';
import { findPersons } from './persons.js';
import { findPlaces } from './places.js';
import { addVillages, selectSpans, splitChains } from './select.js';
import { LEGAL_SUFFIXES } from './lexicon.js';
import { ancestors, loadGazetteer, nameLengthsAt, shortPlaceName } from './gazetteer.js';
import { detached, isCloseBracket, isOpenBracket, pairKey } from '../strings.js';

export { loadGazetteer } from './gazetteer.js';

/** All candidate spans of one sentence, before selection. */
export function candidateSpans(sentence: string, docPlaces: ReadonlySet<string> = new Set()): Span[] {
  return candidatesIn(makeContext(sentence, docPlaces));
}

function candidatesIn(ctx: SentenceContext): Span[] {
  const persons = findPersons(ctx);
  for (const p of persons) ctx.stops[p.end] = 1; // a name never runs back into a person's
  return [...persons, ...findPlaces(ctx), ...findSuffixNames(ctx), ...findListItems(ctx)];
}

/** The mentions of one sentence: candidates, one reading chosen, location chains split. */
export function sentenceSpans(sentence: string, docPlaces: ReadonlySet<string> = new Set()): Span[] {
  return spansIn(makeContext(sentence, docPlaces));
}

function spansIn(ctx: SentenceContext): Span[] {
  return addVillages(ctx.text, splitChains(ctx.text, selectSpans(candidatesIn(ctx)), ctx.boundary));
}

/** Codes of the places a text names in full, with all their ancestors: context for short names. */
export function placesNamedIn(text: string): Set<string> {
  const gaz = loadGazetteer();
  const codes = new Set<string>();
  for (let s = 0; s < text.length; s++) {
    for (const len of nameLengthsAt(gaz, text, s)) {
      if (s + len > text.length) continue;
      for (const p of gaz.nameAt.get(text, s, len) ?? []) {
        if (p.level === 'street') continue;
        codes.add(p.code);
        for (const a of ancestors(gaz, p)) codes.add(a.code);
      }
    }
  }
  return codes;
}

/** Mentions in one document, in text order (from its rule analysis, when the caller has made it). */
export function extractMentions(doc: Document, analysis: RuleAnalysis = analyseDocument(doc)): Mention[] {
  return withoutDatelines(doc, analysis.mentions);
}

/**
 * The mentions outside the document's datelines: a name in one is its outlet or the place it was
 * filed from. Applied to what the rules, the tagger and the corpus rescan give, not to the rules'
 * analysis the tagger reads (it reads datelines as text).
 */
export function withoutDatelines(doc: Document, mentions: Mention[]): Mention[] {
  if (doc.datelines.length === 0) return mentions;
  return mentions.filter((m) => !doc.datelines.some(([ds, de]) => m.nstart < de && ds < m.nend));
}

/** What the rules make of a document: their mentions, and each sentence's words (for the tagger). */
export interface RuleAnalysis {
  mentions: Mention[];
  /** one per sentence of the document, same order */
  contexts: SentenceContext[];
}

export function analyseDocument(doc: Document): RuleAnalysis {
  const found: Array<Pick<Span, 'start' | 'end' | 'type' | 'rule'> & { sentence: number; base: number }> = [];
  const contexts: SentenceContext[] = [];
  const docPlaces = placesNamedIn(doc.text);
  for (const sent of doc.sentences) {
    const ctx = makeContext(doc.text.slice(sent.start, sent.end), docPlaces);
    contexts.push(ctx);
    const spans = spansIn(ctx);
    // what a mention is made of, not a copy of the whole span
    for (const sp of spans) found.push({ start: sp.start, end: sp.end, type: sp.type, rule: sp.rule, sentence: sent.index, base: sent.start });
  }
  const mentions = found
    .map((sp) => toMention(doc, sp.base + sp.start, sp.base + sp.end, sp))
    .filter((m) => !inFurniture(doc, m.nstart, m.nend));
  return { mentions: withKnownNames(doc, mentions), contexts };
}

/** A mention of [ns, ne) of the normalised text, with its offsets in the original file. */
export function toMention(doc: Document, ns: number, ne: number, sp: Pick<Span, 'type' | 'rule'> & { sentence: number }): Mention {
  return {
    doc: doc.id,
    start: doc.offsets[ns]!,
    end: doc.offsets[ne - 1]! + 1,
    text: detached(doc.text.slice(ns, ne)),
    sentence: sp.sentence,
    type: sp.type,
    nstart: ns,
    nend: ne,
    rule: sp.rule,
  };
}

/** Does [s, e) of the normalised text touch a byline, credit or page furniture? */
export function inFurniture(doc: Document, s: number, e: number): boolean {
  return doc.furniture.some(([fs, fe]) => fs < e && s < fe);
}

/**
 * Every name found once in a document is a name wherever else it appears there, and a
 * company's short form (重庆润通科技有限公司 → 润通科技) or a place's (江津区 → 江津) too.
 */
export function withKnownNames(doc: Document, mentions: Mention[]): Mention[] {
  const forms = new Map<string, EntityType>();
  const addForm = (form: string, type: EntityType) => {
    if (form.length >= 2 && !forms.has(form)) forms.set(form, type);
  };
  const aliases = declaredAliases(doc, mentions);
  for (const [alias, { type }] of aliases) addForm(alias, type);
  for (const m of mentions) addForm(m.text, m.type);
  for (const m of mentions) {
    if (m.type === 'company') for (const f of companyShortForms(m.text)) addForm(f, m.type);
    if (m.type === 'place') addForm(shortPlaceName(m.text), m.type);
  }
  const found = rescan(doc, mentions, forms, 'rescan');
  if (aliases.size === 0) return found;
  return found.map((m) => {
    const of = aliases.get(m.text);
    return of && of.name !== m.text ? { ...m, type: of.type, aliasOf: of.name } : m;
  });
}

/** X（以下简称“Y”）, X（简称Y）, X（下称“Y”）: the alias Y of the name X written just before. */
const ALIAS_DECLARATION = /^\s*[（(]\s*(?:以下|下文|下)?(?:简称|称)(?:为)?[：:]?\s*[“"「『]?([^”"」』（）()，,、。；\s]{2,20}?)[”"」』]?\s*[）)]/u;

function declaredAliases(doc: Document, mentions: Mention[]): Map<string, { name: string; type: EntityType }> {
  const out = new Map<string, { name: string; type: EntityType }>();
  // X（Y）: a name of the same type in parentheses right after another is its other name
  // (某新区（某经济技术开发区）); the longer is the name
  const at = new Map(mentions.map((m) => [m.nstart, m]));
  for (const m of mentions) {
    if (!isOpenBracket(doc.text[m.nend])) continue;
    const inner = at.get(m.nend + 1);
    // a place in parentheses qualifies a name (中国（重庆）): it is not another name
    if (!inner || inner.type !== m.type || m.type === 'place' || inner.text === m.text || !isCloseBracket(doc.text[inner.nend])) continue;
    const [short, long] = inner.text.length < m.text.length ? [inner, m] : [m, inner];
    if (!out.has(short.text)) out.set(short.text, { name: long.text, type: m.type });
  }
  for (const m of mentions) {
    if (!isOpenBracket(doc.text[m.nend]) && doc.text[m.nend] !== ' ') continue;
    const d = ALIAS_DECLARATION.exec(doc.text.slice(m.nend, m.nend + 40));
    if (!d || d[1] === m.text || out.has(d[1]!)) continue;
    out.set(d[1]!, { name: m.text, type: m.type });
  }
  return out;
}

/**
 * Names worth looking for in every document of the corpus: found by a rule somewhere, long
 * enough not to be a common word (a person's name is kept at two characters). Places are
 * left to the gazetteer and bodies named relative to a place (区委) to each document.
 */
export function corpusForms(mentions: Iterable<Mention>): Map<string, EntityType> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    // the tagger decides each mention in its context: its names are not forced onto other articles
    if (m.rule.startsWith('tagger')) continue;
    if (m.type === 'place' || m.rule === 'rescan' || m.rule.startsWith('relative')) continue;
    if (m.text.length < 3 && m.type !== 'person') continue;
    const v = votes.get(m.text) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.text, v);
  }
  const out = new Map<string, EntityType>();
  for (const [form, v] of votes) out.set(form, [...v].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}

/** The rule behind a mention: the tagger's mentions that a rule proposed carry its name after `tagger+`. */
export function baseRule(rule: string): string {
  return rule.startsWith('tagger+') ? rule.slice(7) : rule;
}

/** Adds mentions of names found elsewhere in the corpus to one document's mentions. */
export function addCorpusMentions(doc: Document, mentions: Mention[], forms: Map<string, EntityType>): Mention[] {
  return withoutDatelines(doc, rescan(doc, mentions, forms, 'corpus'));
}

function rescan(doc: Document, mentions: Mention[], forms: Map<string, EntityType>, rule: string): Mention[] {
  if (forms.size === 0) return mentions; // nothing to look for
  const { text } = doc;
  const index = formIndexOf(forms);
  // every occurrence of every form, found in one pass over the text …
  const hitOrder: number[] = [];
  const hitAt: number[] = [];
  for (let at = 0; at < text.length - 1; at++) {
    const lengths = index.lengths.get(pairKey(text, at));
    if (!lengths) continue;
    for (const len of lengths) {
      const order = index.order.get(text.slice(at, at + len));
      if (order !== undefined) {
        hitOrder.push(order);
        hitAt.push(at);
      }
    }
  }
  if (hitAt.length === 0) return mentions;
  // … then taken longest form first, as if each form were searched for in turn
  const [sortedOrder, sortedAt] = byOrderThenAt(hitOrder, hitAt, text.length);
  const covered = new Uint8Array(text.length);
  for (const m of mentions) covered.fill(1, m.nstart, m.nend);
  const extra: Mention[] = [];
  for (let k = 0; k < sortedAt.length; k++) {
    const order = sortedOrder[k]!;
    const at = sortedAt[k]!;
    const form = index.sorted[order]!;
    const type = forms.get(form)!;
    const end = at + form.length;
    let taken = false;
    for (let c = at; c < end && !taken; c++) taken = covered[c] === 1;
    if (taken) continue;
    if (isHanLetter(text[at - 1]) && isHanLetter(text[end]) && form.length < 3) continue;
    if (inFurniture(doc, at, end)) continue;
    const sentence = sentenceAt(doc, at);
    if (!sentence || end > sentence.end) continue;
    covered.fill(1, at, end);
    extra.push(toMention(doc, at, end, { type, rule, sentence: sentence.index }));
  }
  if (extra.length === 0) return mentions;
  return [...mentions, ...extra].sort((a, b) => a.nstart - b.nstart || b.nend - a.nend);
}

/**
 * The hits sorted by (order, at), as two lists. Each hit is one number, order × (length + 1) +
 * at (exact while that stays under 2^53: a million forms in a text of a billion characters), and
 * a typed array sorts numbers without a comparator call per step.
 */
function byOrderThenAt(order: number[], at: number[], length: number): [number[], number[]] {
  const wide = length + 1;
  const keys = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) keys[k] = order[k]! * wide + at[k]!;
  keys.sort();
  const sortedOrder = new Array<number>(keys.length);
  const sortedAt = new Array<number>(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const o = Math.floor(keys[k]! / wide);
    sortedOrder[k] = o;
    sortedAt[k] = keys[k]! - o * wide;
  }
  return [sortedOrder, sortedAt];
}

interface FormIndex {
  /** forms, longest first (ties in insertion order) */
  sorted: string[];
  /** form → its position in `sorted` */
  order: Map<string, number>;
  /** first two characters → lengths of forms starting with them */
  lengths: Map<number, number[]>;
}
const formIndexes = new WeakMap<Map<string, EntityType>, FormIndex>();

/** Built once per forms map: a corpus rescan looks up every document against the same forms. */
function formIndexOf(forms: Map<string, EntityType>): FormIndex {
  let index = formIndexes.get(forms);
  if (index) return index;
  const sorted = [...forms.keys()].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length);
  const order = new Map(sorted.map((f, i) => [f, i]));
  const lengths = new Map<number, number[]>();
  for (const f of sorted) {
    const k = pairKey(f, 0);
    const list = lengths.get(k) ?? [];
    if (!list.includes(f.length)) list.push(f.length);
    lengths.set(k, list);
  }
  index = { sorted, order, lengths };
  formIndexes.set(forms, index);
  return index;
}

/** The sentence holding normalised offset `at` (binary search: sentences are in text order). */
function sentenceAt(doc: Document, at: number): Document['sentences'][number] | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const isHanLetter = (ch: string | undefined) => !!ch && /\p{Script=Han}/u.test(ch);

/** 重庆润通科技有限公司 → 润通科技有限公司? no: 重庆润通科技, 润通科技. */
export function companyShortForms(name: string): string[] {
  const out: string[] = [];
  let core = name;
  for (const suffix of LEGAL_SUFFIXES) {
    if (core.endsWith(suffix) && core.length - suffix.length >= 2) {
      core = core.slice(0, -suffix.length);
      out.push(core);
      break;
    }
  }
  const gaz = loadGazetteer();
  for (let len = Math.min(6, core.length - 2); len >= 2; len--) {
    const prefix = core.slice(0, len);
    if (gaz.byName.has(prefix) || gaz.byShort.has(prefix)) {
      const rest = core.slice(len).replace(/^[（(][^）)]*[）)]/u, '');
      if (rest.length >= 2) out.push(rest);
      break;
    }
  }
  return out.filter((f) => f.length >= 2 && f !== name);
}
