// Resolution: mentions of one real entity become one entity across all documents.
//  - same type and same normal form (NFKC, 综保区 = 综合保税区, X项目 = X, 电子信息产业 = 电子信息)
//  - a place's short name and its full name, through the gazetteer (江津 = 江津区, 重庆 = 重庆市)
//  - a company's short name: legal ending and region prefix dropped (润通科技 = 重庆润通科技有限公司)
//  - a park or body named without its region prefix (枢纽港产业园 = 重庆枢纽港产业园)
//  - bodies named relative to the article's place (区委) join the full name the article gives
//    (江津区委), else stay apart per place so two districts' 区委 are not merged.
// A short form that fits several candidates is left alone: no over-merging.
import type { Entity, EntityType, Mention } from '../types.js';
import { ancestors, loadGazetteer, shortPlaceName } from '../extract/gazetteer.js';
import { matchKey, surfaceKey } from './keys.js';
import { SliceMap, compareCodeUnits, pairKey } from '../strings.js';
import { countingSort } from '../sort.js';
import { clearMemos, shortFormsOf, surface } from './memo.js';
import { placeFor, unitsOfArticle, type ArticleUnits } from './units.js';
import { mentionList, type ArticleMentions } from '../mentions.js';

export { articleUnits, placeFor, shortens, type ArticleUnits } from './units.js';

export interface Resolution {
  entities: Entity[];
  /** entity id for each input mention, same order */
  entityOf: string[];
  /** the index in `entities` of each input mention's entity, same order */
  entityIndex: Int32Array;
}

/** An article's mentions, with their units (units.ts) when a cache kept them for these very mentions. */
export interface Article {
  doc: string;
  mentions: ArticleMentions;
  units?: ArticleUnits;
}

export interface ResolveOptions {
  /**
   * false: the entities' `mentions` are left empty, and no mention is asked for where the
   * articles' units are given (mentions.ts's EntityMentions makes an entity's list from
   * `entityIndex` when it is needed); default true
   */
  listMentions?: boolean;
}

/** A body named relative to the article's place: 区委, 区政府, 市发改委, 省工信厅. */
const RELATIVE = /^[区市县省镇乡](?:委|政府|人民政府|政协|人大|人大常委会|党委|党工委|管委会|[\u4e00-\u9fff]{1,6}?(?:局|委|厅|办|部))$/u;

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Resolution of a list of mentions, taken article by article (an article: the mentions of one
 * document, in the order of its first mention); an entity's mentions are in the order of `written`.
 * Where the articles' mentions are interleaved, the groups are named in the order of their first
 * article's first mention (which of two bodies written alike keeps the plain id), not of their
 * first mention.
 */
export function resolve(written: Mention[]): Resolution {
  const byDoc = new Map<string, number[]>();
  let runs = 0;
  for (let i = 0; i < written.length; i++) {
    const doc = written[i]!.doc;
    if (i === 0 || written[i - 1]!.doc !== doc) runs++;
    const list = byDoc.get(doc);
    if (list) list.push(i);
    else byDoc.set(doc, [i]);
  }
  const articles = [...byDoc].map(([doc, idx]): Article => ({ doc, mentions: idx.map((i) => written[i]!) }));
  const resolution = resolveArticles(articles);
  // each article's mentions came together (as a corpus's do): the order is the same
  if (runs === byDoc.size) return resolution;
  let k = 0;
  const entityOf: string[] = new Array(written.length);
  const entityIndex = new Int32Array(written.length);
  for (const idx of byDoc.values()) {
    for (const i of idx) {
      entityOf[i] = resolution.entityOf[k]!;
      entityIndex[i] = resolution.entityIndex[k++]!;
    }
  }
  for (const e of resolution.entities) e.mentions.length = 0;
  written.forEach((m, i) => resolution.entities[entityIndex[i]!]!.mentions.push(m));
  return { entities: resolution.entities, entityOf, entityIndex };
}

/** Resolution of the articles' mentions; `entityOf` follows the articles' mentions one after the other. */
export function resolveArticles(articles: readonly Article[], options: ResolveOptions = {}): Resolution {
  try {
    return resolveAll(articles, options.listMentions ?? true);
  } finally {
    // the per-form memos serve one resolution: a corpus's forms are not held past it
    clearMemos();
  }
}

/**
 * The articles' units one after the other: a corpus writes each name many times, mostly within
 * one article, and the passes decide per unit, each unit standing for all its mentions. A
 * group's first unit holds its first mention.
 */
interface Units {
  /** the unit of each mention, the articles' mentions one after the other */
  of: Int32Array;
  /** the article of each unit */
  article: Int32Array;
  type: EntityType[];
  text: string[];
  count: Int32Array;
  /** pass 0: the unit each unit stands for in its article, −1 for none (ArticleUnits.target) */
  target: Int32Array;
}

function unitsOf(articles: readonly Article[], each: readonly ArticleUnits[]): Units {
  let mentions = 0;
  let n = 0;
  for (const a of each) {
    mentions += a.of.length;
    n += a.type.length;
  }
  const out: Units = { of: new Int32Array(mentions), article: new Int32Array(n), type: new Array(n), text: new Array(n), count: new Int32Array(n), target: new Int32Array(n) };
  let m = 0;
  let u = 0;
  each.forEach((a, i) => {
    if (a.of.length !== articles[i]!.mentions.length) throw new Error(`kg: the units of ${articles[i]!.doc} are not those of its mentions`);
    for (let j = 0; j < a.of.length; j++) out.of[m++] = u + a.of[j]!;
    out.article.fill(i, u, u + a.type.length);
    for (let j = 0; j < a.type.length; j++) {
      out.type[u + j] = a.type[j]!;
      out.text[u + j] = a.text[j]!;
      out.target[u + j] = a.target[j]! < 0 ? -1 : u + a.target[j]!;
    }
    out.count.set(a.count, u);
    u += a.type.length;
  });
  return out;
}

function resolveAll(articles: readonly Article[], listMentions: boolean): Resolution {
  const each = articles.map((a) => a.units ?? unitsOfArticle(mentionList(a.mentions)));
  const units = unitsOf(articles, each);
  const n = units.type.length;
  const uf = new UnionFind(n);
  const gaz = loadGazetteer();
  const docPlace = each.map((a) => (a.place ? gaz.byCode.get(a.place) : undefined));
  const docs = articles.map((a) => a.doc);
  // what depends on the name alone is decided once per form
  const forms = formsOf(units);
  // (each form's key worked out here once: memo.ts's key() would keep what is asked for once)
  const formKeys: Array<string | undefined> = new Array(forms.text.length);
  const formKey = (f: number): string => (formKeys[f] ??= matchKey(forms.text[f]!, forms.type[f]!));

  // 0. within one article, a form declared an alias (X（以下简称“Y”）) or written as the short
  //    form of exactly one longer name of its type (经开区 after 某市经开区) stands for that name
  //    (units.target, worked out per article in units.ts): such forms are keyed per article
  //    below, so two articles' 经开区 stay apart, and join the name they stand for

  // 1. identical normal form and type; places through their gazetteer identity;
  //    relative bodies (区委) keyed by the document's place
  const relative = forms.text.map((text, f) => forms.type[f] === 'organization' && RELATIVE.test(text));
  // each identity's first unit. An identity is `${type}:${rest}` (rest: the key, then `@doc:…` for
  // a form local to its article, `@` and the place's code (or the article) for a relative body) or `place@${code}`: kept per type
  // by its rest (no type name holds a colon), and per code, so that a form's key, a string
  // already hashed, is looked up as it is rather than joined into a string to hash anew
  const byRest = new Map<EntityType, Map<string, number>>();
  const byPlace = new Map<string, number>();
  const firstOf = (map: Map<string, number>, rest: string, u: number): number => {
    const first = map.get(rest);
    if (first === undefined) map.set(rest, u);
    else uf.union(first, u);
    return first ?? u;
  };
  const rests = (type: EntityType): Map<string, number> => {
    let map = byRest.get(type);
    if (!map) byRest.set(type, (map = new Map()));
    return map;
  };
  // a form's first unit keyed by its identity (of a form that is no relative body)
  const firstOfForm = new Int32Array(forms.text.length).fill(-1);
  for (let u = 0; u < n; u++) {
    const f = forms.of[u]!;
    const isLocal = units.target[u]! >= 0;
    const perUnit = isLocal || relative[f];
    if (!perUnit && firstOfForm[f]! >= 0) {
      uf.union(firstOfForm[f]!, u);
      continue;
    }
    const type = units.type[u]!;
    const a = units.article[u]!;
    const text = units.text[u]!;
    // (a form that is neither is keyed once: its later units join its first above; a place the
    // gazetteer knows by its code, any other form by its type and key)
    let first: number;
    if (isLocal) first = firstOf(rests(type), `${formKey(f)}@doc:${docs[a]}`, u);
    else if (relative[f]) first = firstOf(rests('organization'), `${formKey(f)}@${docPlace[a]?.code ?? docs[a]}`, u);
    else {
      const place = type === 'place' ? placeFor(text) : undefined;
      first = place ? firstOf(byPlace, place.code, u) : firstOf(rests(type), formKey(f), u);
    }
    if (!perUnit) firstOfForm[f] = first;
  }
  // (0.) each form that stands for another name of its article joins it
  for (let u = 0; u < n; u++) if (units.target[u]! >= 0) uf.union(u, units.target[u]!);

  // 2. short forms within a type: join a longer form when exactly one candidate fits
  const groups = groupForms(forms, uf);
  for (const [type, of] of groups) {
    // (each surface form's key worked out once, as its form's where they are written alike; each
    // candidate a surface form's number)
    const keys = of.surfaces.map((s, i) => (s === forms.text[of.forms[i]!] ? formKey(of.forms[i]!) : matchKey(s, type)));
    const longer = longerFormIndex(of.surfaces, keys, type);
    of.surfaces.forEach((form, i) => {
      // the one group the form's longer forms are in; none when they are in two or more
      const length = keys[i]!.length;
      let target = -1;
      for (const j of longer.candidates(i)) {
        if (j === i || keys[j]!.length <= length || !isShortFormOf(form, keys[i]!, of.surfaces[j]!, keys[j]!, type)) continue;
        const group = uf.find(of.roots[j]!);
        if (target < 0) target = group;
        else if (group !== target) {
          target = -1;
          break;
        }
      }
      if (target >= 0) uf.union(of.roots[i]!, target);
    });
  }

  // 3. relative bodies join the full name of the document's place: 区委 → 江津区委
  for (let u = 0; u < n; u++) {
    if (!relative[forms.of[u]!]) continue;
    const text = units.text[u]!;
    const place = docPlace[units.article[u]!];
    if (!place || !place.name.endsWith(text[0]!)) continue; // 市委 is not 江津区委
    const bare = text.replace(/^[区市县省镇乡]/u, '');
    const fulls = [place.name + bare, place.short + bare].filter((f) => f !== text);
    for (const full of fulls) {
      const bodies = groups.get('organization');
      const i = bodies?.index.get(surfaceKey(full));
      if (i !== undefined) {
        uf.union(u, bodies!.roots[i]!);
        break;
      }
    }
  }

  return buildEntities(units, uf, (a) => docPlace[a]?.name ?? docs[a]!, listMentions ? articles : undefined);
}

/** The units' distinct (type, text) forms, numbered in the order they first appear. */
interface Forms {
  /** the form of each unit */
  of: Int32Array;
  text: string[];
  type: EntityType[];
  /** each form's first unit */
  first: number[];
}

function formsOf(units: Units): Forms {
  const out: Forms = { of: new Int32Array(units.type.length), text: [], type: [], first: [] };
  const byType = new Map<EntityType, Map<string, number>>();
  for (let u = 0; u < units.type.length; u++) {
    const type = units.type[u]!;
    const text = units.text[u]!;
    let byText = byType.get(type);
    if (!byText) byType.set(type, (byText = new Map()));
    let f = byText.get(text);
    if (f === undefined) {
      f = out.text.length;
      byText.set(text, f);
      out.text.push(text);
      out.type.push(type);
      out.first.push(u);
    }
    out.of[u] = f;
  }
  return out;
}

/** A type's surface forms (surfaceKey), numbered in the order they first appear, each with the group of its first mention. */
interface SurfaceForms {
  surfaces: string[];
  /** the form each was first written as */
  forms: number[];
  /** each surface form's number */
  index: Map<string, number>;
  /** the root of its group then (union-find) */
  roots: number[];
}

/** Per type (in the order they first appear), its surface forms. */
function groupForms(forms: Forms, uf: UnionFind): Map<EntityType, SurfaceForms> {
  const out = new Map<EntityType, SurfaceForms>();
  forms.text.forEach((text, f) => {
    const type = forms.type[f]!;
    let of = out.get(type);
    if (!of) out.set(type, (of = { surfaces: [], forms: [], index: new Map(), roots: [] }));
    const key = surface(text);
    if (of.index.has(key)) return;
    of.index.set(key, of.surfaces.length);
    of.surfaces.push(key);
    of.forms.push(f);
    of.roots.push(uf.find(forms.first[f]!));
  });
  return out;
}

/**
 * Per form (by number among `forms`, with their `keys`), the forms that `isShortFormOf(form, ·)`
 * could accept, found by look-up instead of comparing every pair of forms (quadratic in the
 * corpus): same key, a company's short forms, or — for parks, bodies and projects — a longer key
 * ending with the form's key.
 */
function longerFormIndex(forms: readonly string[], keys: readonly string[], type: EntityType): { candidates(i: number): number[] } {
  // what candidates() looks up, numbered: the forms' keys, and a company's surface form unlike its key
  const asked = new Map<string, number>();
  const ask = (k: string): number => {
    let a = asked.get(k);
    if (a === undefined) asked.set(k, (a = asked.size));
    return a;
  };
  const keyAsks = new Int32Array(forms.length);
  const formAsks = new Int32Array(forms.length).fill(-1);
  forms.forEach((form, i) => {
    keyAsks[i] = ask(keys[i]!);
    if (type === 'company' && form !== keys[i]) formAsks[i] = ask(form);
  });
  // per look-up, the forms that give it, in the order they come: the first, then any others (most
  // look-ups are a form's own key, given by that form alone)
  const firsts = new Int32Array(asked.size).fill(-1);
  const others = new Map<number, number[]>();
  const add = (a: number | undefined, i: number) => {
    if (a === undefined) return;
    if (firsts[a]! < 0) {
      firsts[a] = i;
      return;
    }
    const list = others.get(a);
    if (!list) {
      if (firsts[a] !== i) others.set(a, [i]);
    } else if (list.at(-1) !== i) list.push(i);
  };
  const listOf = (a: number): number[] => {
    const first = firsts[a]!;
    if (first < 0) return [];
    const more = others.get(a);
    return more ? [first, ...more] : [first];
  };
  const suffixed = type === 'industrial-park' || type === 'organization' || type === 'project';
  // a longer key's endings are looked up where they lie, none cut out: among the keys of 4 units
  // or more, by their first two units first (pairKey), then whole (SliceMap)
  const starts = new Set<number>();
  const endings = suffixed ? new SliceMap([...asked].filter(([k]) => k.length >= 4)) : undefined;
  if (endings) for (const k of asked.keys()) if (k.length >= 4) starts.add(pairKey(k, 0));
  forms.forEach((form, i) => {
    const k = keys[i]!;
    add(keyAsks[i], i);
    if (type === 'company') {
      for (const f of shortFormsOf(form)) add(asked.get(surfaceKey(f)), i);
    } else if (endings) {
      for (let start = 1; k.length - start >= 4; start++) if (starts.has(pairKey(k, start))) add(endings.get(k, start, k.length - start), i);
    } else if (type === 'place') {
      const short = shortPlaceName(form);
      if (short) add(asked.get(short), i);
    }
  });
  return {
    candidates: (i: number) => {
      const out = listOf(keyAsks[i]!);
      const bySurface = formAsks[i]! >= 0 ? listOf(formAsks[i]!) : [];
      return bySurface.length ? [...new Set([...out, ...bySurface])] : out;
    },
  };
}

/** Is `short` another way of writing `long` (same type)? Each given with its key. */
function isShortFormOf(short: string, shortKey: string, long: string, longKey: string, type: EntityType): boolean {
  if (short.length < 2) return false;
  if (shortKey === longKey) return true;
  switch (type) {
    case 'company':
      return shortFormsOf(long).some((f) => surfaceKey(f) === short) || longKey === short;
    case 'industrial-park':
    case 'organization':
    case 'project':
      // the same name without the region (or parent park) written before it
      if (!longKey.endsWith(shortKey) || shortKey.length < 4) return false;
      return hasNameCore(shortKey, type);
    case 'place':
      // a town or street by its bare name (双福 for 双福街道), when one such name is in the corpus
      return shortPlaceName(long) === short && loadGazetteer().byName.has(long);
    default:
      // (an industry cluster: by its key alone, as above)
      return false;
  }
}

/** 工业园 alone is no name: the short form must keep a core before its ending. */
function hasNameCore(name: string, type: EntityType): boolean {
  const endings = type === 'industrial-park' ? /(综合保税区|经济技术开发区|工业园区|产业园区|工业园|产业园|开发区|新城|新区|组团|片区|园区)$/u : /(项目|工程|中心|委员会|局|委)$/u;
  const core = name.replace(endings, '');
  return core.length >= 2;
}

/**
 * Entities of the union-find's groups of units, named by their forms and holding the articles'
 * mentions (same order); `placeName` names an article's place, which tells apart two bodies
 * written alike.
 */
function buildEntities(units: Units, uf: UnionFind, placeName: (article: number) => string, articles: readonly Article[] | undefined): Resolution {
  // the groups in the order of their first unit (so of their first mention), each with its units
  // in order: group g's units are members[start[g]], …, members[start[g + 1] − 1]
  const n = units.type.length;
  const groupOf = new Int32Array(n);
  const groupOfRoot = new Int32Array(n).fill(-1);
  let groups = 0;
  for (let u = 0; u < n; u++) {
    const r = uf.find(u);
    if (groupOfRoot[r]! < 0) groupOfRoot[r] = groups++;
    groupOf[u] = groupOfRoot[r]!;
  }
  const start = new Int32Array(groups + 1);
  for (let u = 0; u < n; u++) start[groupOf[u]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(n);
  const filled = start.slice(0, groups);
  for (let u = 0; u < n; u++) members[filled[groupOf[u]!]!++] = u;

  const entities: Entity[] = new Array(groups);
  // the ids given, per type by what follows `type:` (no type name holds a colon): a label, a
  // string already hashed, is looked up as it is rather than joined into an id to hash anew
  const used = new Map<EntityType, Set<string>>();
  for (let g = 0; g < groups; g++) {
    const from = start[g]!;
    const to = start[g + 1]!;
    let type: EntityType;
    let names: string[];
    let size = 0;
    if (to - from === 1) {
      const u = members[from]!;
      type = units.type[u]!;
      names = [units.text[u]!];
      size = units.count[u]!;
    } else {
      const idx = members.subarray(from, to);
      type = majorityType(idx, units);
      names = distinctTexts(idx, units);
      for (const u of idx) size += units.count[u]!;
    }
    const label = pickLabel(names);
    let rests = used.get(type);
    if (!rests) used.set(type, (rests = new Set()));
    let rest = label;
    if (rests.has(rest)) {
      // two different bodies written the same way (区委 of two districts)
      rest = `${label}@${placeName(units.article[members[from]!]!)}`;
      for (let n = 2; rests.has(rest); n++) rest = `${label}#${n}`;
    }
    rests.add(rest);
    entities[g] = { id: `${type}:${rest}`, label, type, aliases: names.length === 1 ? names : names.sort(), mentions: articles ? new Array<Mention>(size) : [] };
  }
  const entityOf: string[] = new Array(units.of.length);
  for (let i = 0; i < entityOf.length; i++) entityOf[i] = entities[groupOf[units.of[i]!]!]!.id;
  // each group's mentions in order
  if (articles) {
    filled.fill(0);
    let i = 0;
    for (const { mentions } of articles) {
      for (const m of mentionList(mentions)) {
        const g = groupOf[units.of[i++]!]!;
        entities[g]!.mentions[filled[g]!++] = m;
      }
    }
  }
  // the groups in id order, each group's place there, then each mention's
  const order = byId(entities);
  const placeOf = new Int32Array(groups);
  order.forEach((g, j) => (placeOf[g] = j));
  const entityIndex = new Int32Array(units.of.length);
  for (let j = 0; j < entityIndex.length; j++) entityIndex[j] = placeOf[groupOf[units.of[j]!]!]!;
  return { entities: Array.from(order, (g) => entities[g]!), entityOf, entityIndex };
}

/**
 * The entities' positions in the order of their ids (code unit): sorted by the type (its `type:`)
 * and the ID_UNITS units after it, each a stable counting sort (radix, least significant first),
 * then the few ids alike in all of those compared whole (×100 corpus, 129 k entities, medians of 8
 * rounds: 0.15–0.17 s in buckets of the first two units compared, 0.07–0.08 s so). A few entities
 * (one article's, as a worker resolves it to link it) are compared whole: each counting sort
 * clears and sums 65,537 buckets, whatever the count (a 2-worker ×5 build's workers spent 0.5 s
 * of their linking there).
 */
function byId(entities: readonly Entity[]): Int32Array {
  const n = entities.length;
  // (ids are unique: compared whole, they sort as the radix sorts them)
  if (n <= COMPARED_IDS) return Int32Array.from({ length: n }, (_, g) => g).sort((a, b) => compareCodeUnits(entities[a]!.id, entities[b]!.id));
  // the types in the order of their ids' start (`type:`; no type name holds a colon)
  const types = [...new Set(entities.map((e) => e.type))].sort((a, b) => compareCodeUnits(`${a}:`, `${b}:`));
  const rank = new Map(types.map((t, r) => [t, r]));
  const typeOf = new Int32Array(n);
  // per unit after `type:`, each id's unit + 1 (0 past its end: a shorter id comes first)
  const units = Array.from({ length: ID_UNITS }, () => new Int32Array(n));
  entities.forEach(({ id, type }, g) => {
    typeOf[g] = rank.get(type)!;
    const at = type.length + 1;
    for (let d = 0; d < ID_UNITS; d++) units[d]![g] = at + d < id.length ? id.charCodeAt(at + d) + 1 : 0;
  });
  let order: ArrayLike<number> = Int32Array.from({ length: n }, (_, g) => g);
  for (let d = ID_UNITS - 1; d >= 0; d--) order = countingSort(order, units[d]!, 0x10001);
  const out = countingSort(order, typeOf, types.length);
  const alike = (g: number, h: number) => typeOf[g] === typeOf[h] && units.every((u) => u[g] === u[h]);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && alike(out[i]!, out[j]!)) j++;
    if (j - i > 1) out.subarray(i, j).sort((a, b) => compareCodeUnits(entities[a]!.id, entities[b]!.id));
    i = j;
  }
  return out;
}

/** How many units after an id's type byId sorts by counting. */
const ID_UNITS = 4;
/** up to this many entities, byId compares their ids instead of sorting them by units (about n log n comparisons against 4 × 65,537 buckets) */
export const COMPARED_IDS = 1024;

/** The units' texts, each once (a group's units mostly share a few: compared, not hashed, in a small group). */
function distinctTexts(idx: Int32Array, units: Units): string[] {
  if (idx.length > 16) return [...new Set(Array.from(idx, (u) => units.text[u]!))];
  const out: string[] = [];
  for (const u of idx) {
    const text = units.text[u]!;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** The type most of a group's mentions have (ties: the first by code unit). */
function majorityType(idx: Int32Array, units: Units): EntityType {
  const c = new Map<EntityType, number>();
  for (const u of idx) {
    const t = units.type[u]!;
    c.set(t, (c.get(t) ?? 0) + units.count[u]!);
  }
  if (c.size === 1) return c.keys().next().value!;
  return [...c].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0];
}

/** The longest form (of those as long, the first by code unit). */
function pickLabel(forms: string[]): string {
  let best = forms[0]!;
  for (let j = 1; j < forms.length; j++) {
    const f = forms[j]!;
    if (f.length > best.length || (f.length === best.length && f < best)) best = f;
  }
  return best;
}

export { ancestors };
