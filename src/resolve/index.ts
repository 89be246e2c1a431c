// Resolution: mentions of one real entity become one entity across all documents.
//  - same type and same normal form (NFKC, 综保区 = 综合保税区, X项目 = X, 电子信息产业 = 电子信息)
//  - a place's short name and its full name, through the gazetteer (江津 = 江津区, 重庆 = 重庆市)
//  - a company's short name: legal ending and region prefix dropped (润通科技 = 重庆润通科技有限公司)
//  - a park or body named without its region prefix (枢纽港产业园 = 重庆枢纽港产业园)
//  - bodies named relative to the article's place (区委) join the full name the article gives
//    (江津区委), else stay apart per place so two districts' 区委 are not merged.
// A short form that fits several candidates is left alone: no over-merging.
import type { Entity, EntityType, Mention } from '../types.js';
import { ancestors, loadGazetteer, shortPlaceName, type Place } from '../extract/gazetteer.js';
import { companyShortForms } from '../extract/index.js';
import { matchKey, surfaceKey } from './keys.js';
import { compareCodeUnits } from '../strings.js';

export interface Resolution {
  entities: Entity[];
  /** entity id for each input mention, same order */
  entityOf: string[];
}

/** A body named relative to the article's place: 区委, 区政府, 市发改委, 省工信厅. */
const RELATIVE = /^[区市县省镇乡](?:委|政府|人民政府|政协|人大|人大常委会|党委|党工委|管委会|[\u4e00-\u9fff]{1,6}?(?:局|委|厅|办|部))$/u;

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
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

export function resolve(written: Mention[]): Resolution {
  try {
    return resolveAll(written);
  } finally {
    // the per-form memos serve one resolution: a corpus's forms are not held past it
    identityCache.clear();
    surfaceCache.clear();
    keyCache.clear();
    shortFormsCache.clear();
    baresCache.clear();
  }
}

function resolveAll(written: Mention[]): Resolution {
  // a corpus writes each name many times, mostly within one article: the passes below decide per
  // unit (what one article writes alike), each unit standing for all its mentions
  const units = unitsOf(written);
  const uf = new UnionFind(units.doc.length);
  const docPlace = mainPlaceByDoc(units);
  // what depends on the name alone is decided once per form
  const forms = formsOf(units);

  // 0. within one article, a form declared an alias (X（以下简称“Y”）) or written as the short
  //    form of exactly one longer name of its type (经开区 after 某市经开区) stands for that name:
  //    such forms are keyed per article, so two articles' 经开区 stay apart
  const local = localForms(units);

  // 1. identical normal form and type; places through their gazetteer identity;
  //    relative bodies (区委) keyed by the document's place
  const relative = forms.text.map((text, f) => forms.type[f] === 'organization' && RELATIVE.test(text));
  const firstByKey = new Map<string, number>();
  // a form's first unit keyed by its identity (of a form that is no relative body)
  const firstOfForm = new Int32Array(forms.text.length).fill(-1);
  for (let u = 0; u < units.doc.length; u++) {
    const f = forms.of[u]!;
    const isLocal = local.has(u);
    const perUnit = isLocal || relative[f];
    if (!perUnit && firstOfForm[f]! >= 0) {
      uf.union(firstOfForm[f]!, u);
      continue;
    }
    const type = units.type[u]!;
    const doc = units.doc[u]!;
    const identity = isLocal ? `${type}:${key(units.text[u]!, type)}@doc:${doc}` : identityKey(type, units.text[u]!, doc, docPlace.get(doc));
    const first = firstByKey.get(identity);
    if (first === undefined) firstByKey.set(identity, u);
    else uf.union(first, u);
    if (!perUnit) firstOfForm[f] = first ?? u;
  }
  for (const [u, target] of local) uf.union(u, target);

  // 2. short forms within a type: join a longer form when exactly one candidate fits
  const groups = groupForms(forms, uf);
  for (const [type, forms] of groups) {
    const longer = longerFormIndex([...forms.keys()], type);
    for (const [form, root] of forms) {
      const targets = new Set<number>();
      for (const other of longer.candidates(form)) {
        if (other === form || key(other, type).length <= key(form, type).length) continue;
        if (isShortFormOf(form, other, type)) targets.add(uf.find(forms.get(other)!));
      }
      if (targets.size === 1) uf.union(root, [...targets][0]!);
    }
  }

  // 3. relative bodies join the full name of the document's place: 区委 → 江津区委
  for (let u = 0; u < units.doc.length; u++) {
    if (!relative[forms.of[u]!]) continue;
    const text = units.text[u]!;
    const place = docPlace.get(units.doc[u]!);
    if (!place || !place.name.endsWith(text[0]!)) continue; // 市委 is not 江津区委
    const bare = text.replace(/^[区市县省镇乡]/u, '');
    const fulls = [place.name + bare, place.short + bare].filter((f) => f !== text);
    for (const full of fulls) {
      const target = formsOfType(groups, 'organization').get(surfaceKey(full));
      if (target !== undefined) {
        uf.union(u, target);
        break;
      }
    }
  }

  return buildEntities(units, uf, docPlace, written);
}

/**
 * The mentions as units: the mentions of one article with the same type, name (a title standing
 * for the body it implies, 区长 → 区政府, counts as that body) and declared alias are one unit,
 * since every pass below decides them alike. Units are numbered in the order of their first
 * mention, so a group's first unit holds its first mention.
 */
interface Units {
  /** the unit of each mention */
  of: Int32Array;
  doc: string[];
  type: EntityType[];
  text: string[];
  aliasOf: Array<string | undefined>;
  /** how many mentions each unit stands for */
  count: number[];
  /** each unit's article and type: its names, each with its first unit */
  names: Array<Map<string, number>>;
}

function unitsOf(mentions: Mention[]): Units {
  const out: Units = { of: new Int32Array(mentions.length), doc: [], type: [], text: [], aliasOf: [], count: [], names: [] };
  // per article (its mentions mostly come together), per type: its units by name, those of a name
  // with a declared alias by name and alias, and its names
  interface ArticleType {
    units: Map<string, number>;
    /** made for the first declared alias (most articles declare none) */
    aliased?: Map<string, Map<string, number>>;
    names: Map<string, number>;
  }
  const byDoc = new Map<string, Map<EntityType, ArticleType>>();
  let lastDoc: string | undefined;
  let types: Map<EntityType, ArticleType> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.doc !== lastDoc) {
      lastDoc = m.doc;
      types = byDoc.get(m.doc);
      if (!types) byDoc.set(m.doc, (types = new Map()));
    }
    let of = types!.get(m.type);
    if (!of) types!.set(m.type, (of = { units: new Map(), names: new Map() }));
    const text = m.implied ?? m.text;
    let units = of.units;
    let k = text;
    if (m.aliasOf !== undefined) {
      of.aliased ??= new Map();
      units = of.aliased.get(text) ?? new Map();
      if (units.size === 0) of.aliased.set(text, units);
      k = m.aliasOf;
    }
    let u = units.get(k);
    if (u === undefined) {
      u = out.doc.length;
      units.set(k, u);
      if (!of.names.has(text)) of.names.set(text, u);
      out.doc.push(m.doc);
      out.type.push(m.type);
      out.text.push(text);
      out.aliasOf.push(m.aliasOf);
      out.count.push(0);
      out.names.push(of.names);
    }
    out.of[i] = u;
    out.count[u]!++;
  }
  return out;
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
  const out: Forms = { of: new Int32Array(units.doc.length), text: [], type: [], first: [] };
  const byType = new Map<EntityType, Map<string, number>>();
  for (let u = 0; u < units.doc.length; u++) {
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

/** Types whose names an article shortens (a place's short name goes through the gazetteer). */
const SHORTENED = new Set<EntityType>(['company', 'organization', 'industrial-park', 'project', 'industry-cluster', 'place']);
/** an article with more distinct names than this is not searched for short forms (quadratic) */
const MAX_LOCAL_FORMS = 3000;

/**
 * Units that stand for another name of the same article: declared aliases, and short forms that
 * fit exactly one longer name there. Index of the unit → index of a unit of that name.
 */
function localForms(units: Units): Map<number, number> {
  const out = new Map<number, number>();
  // per article and type: its forms listed once, and each form's target once
  const targetOf = new Map<Map<string, number>, { list: string[]; keys: string[]; targets: Map<string, number | undefined> }>();
  for (let u = 0; u < units.doc.length; u++) {
    const forms = units.names[u]!;
    const type = units.type[u]!;
    const text = units.text[u]!;
    const aliasOf = units.aliasOf[u];
    if (aliasOf !== undefined) {
      const t = forms.get(aliasOf);
      if (t !== undefined) out.set(u, t);
      continue;
    }
    if (!SHORTENED.has(type) || forms.size > MAX_LOCAL_FORMS) continue;
    // one look-up per form of the article and type
    let of = targetOf.get(forms);
    if (!of) {
      const list = [...forms.keys()];
      targetOf.set(forms, (of = { list, keys: list.map((l) => key(l, type)), targets: new Map() }));
    }
    if (!of.targets.has(text)) of.targets.set(text, localTarget(text, type, forms, of.list, of.keys));
    const t = of.targets.get(text);
    if (t !== undefined) out.set(u, t);
  }
  return out;
}

/** The one longer form of the article that `short` shortens, when exactly one does. */
function localTarget(short: string, type: EntityType, forms: Map<string, number>, list: string[], keys: string[]): number | undefined {
  const shortensTo = shortener(short, type);
  const longer = list.filter((l, j) => l.length > short.length && shortensTo(l, keys[j]!));
  // a candidate that itself shortens another candidate is the same name: count the longest only
  const maximal = longer.filter((l) => !longer.some((o) => o !== l && o.length > l.length && shortens(l, o, type)));
  return maximal.length === 1 ? forms.get(maximal[0]!) : undefined;
}

/** Is `short` the article's short way of writing `long`? */
export function shortens(short: string, long: string, type: EntityType): boolean {
  return shortener(short, type)(long, key(long, type));
}

/**
 * shortens(short, ·, type) of a longer name and its key (matchKey), with what depends on `short`
 * alone worked out once: an article's names are compared pairwise.
 */
function shortener(short: string, type: EntityType): (long: string, longKey: string) => boolean {
  if (short.length < 2) return () => false;
  switch (type) {
    case 'place':
      return (long) => shortPlaceName(long) === short;
    case 'company': {
      // a group is not its subsidiary: 甲乙集团 is not 甲乙科技股份有限公司
      const group = /(?:集团|控股)$/u.test(short);
      const core = short.replace(/(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/u, '');
      return (long) => {
        if (long.endsWith(short)) return true; // 中国某油西南某气田分公司 → 西南某气田分公司
        if ((group && !/集团|控股/u.test(long)) || core.length < 2) return false;
        return companyBares(long).some((f) => f.startsWith(core));
      };
    }
    case 'industry-cluster': {
      const shortKey = key(short, type);
      return (long, longKey) => clusterShortens(short, shortKey, long, longKey);
    }
    default: {
      const shortKey = key(short, type);
      return (long, longKey) => long.endsWith(short) || longKey.endsWith(shortKey);
    }
  }
}

/** shortens() for industry clusters: 装备制造 is not 智能装备制造; only filler words (keys.ts), a place or a rank before it may differ. */
function clusterShortens(short: string, shortKey: string, long: string, longKey: string): boolean {
  if (longKey === shortKey) return true;
  if (!long.endsWith(short)) return false;
  let prefix = long.slice(0, -short.length);
  const gaz = loadGazetteer();
  for (let len = prefix.length; len >= 2; len--) {
    if (gaz.byName.has(prefix.slice(0, len)) || gaz.byShort.has(prefix.slice(0, len))) {
      prefix = prefix.slice(len);
      break;
    }
  }
  return /^(?:国家级|省级|市级|区级|[千百万]亿级?|全省|全市|全区)?$/u.test(prefix);
}

function identityKey(type: EntityType, text: string, doc: string, place: Place | undefined): string {
  if (type === 'organization' && RELATIVE.test(text)) {
    return `organization:${key(text, type)}@${place?.code ?? doc}`;
  }
  return memoised(identityCache, type, text, formIdentity);
}
/** identityKey of a form that is no relative body */
function formIdentity(text: string, type: EntityType): string {
  const p = type === 'place' ? placeFor(text) : undefined;
  return p ? `place@${p.code}` : `${type}:${key(text, type)}`;
}
/** identity keys that depend on the form alone (not a relative body's), per type and form */
const identityCache = new Map<EntityType, Map<string, string>>();

/** The one gazetteer place a name stands for, when it is unambiguous at its level. */
export function placeFor(name: string, gaz = loadGazetteer()): Place | undefined {
  const full = gaz.byName.get(name);
  if (full && full.length === 1) return full[0];
  if (full && full.length > 1) return undefined;
  const short = (gaz.byShort.get(name) ?? []).filter((p) => p.level !== 'street');
  // prefer the highest level: 吉林 the province over 吉林市
  const levels: Place['level'][] = ['province', 'city', 'area'];
  for (const level of levels) {
    const at = short.filter((p) => p.level === level);
    if (at.length === 1) return at[0];
    if (at.length > 1) return undefined;
  }
  return undefined;
}

/** The district (or city) a document is about: its most mentioned area-level place. */
function mainPlaceByDoc(units: Units): Map<string, Place> {
  const gaz = loadGazetteer();
  const counts = new Map<string, Map<string, number>>();
  for (let u = 0; u < units.doc.length; u++) {
    if (units.type[u] !== 'place') continue;
    const p = placeFor(units.text[u]!, gaz);
    if (!p || (p.level !== 'area' && p.level !== 'city')) continue;
    const doc = units.doc[u]!;
    const c = counts.get(doc) ?? new Map<string, number>();
    c.set(p.code, (c.get(p.code) ?? 0) + (p.level === 'area' ? 2 : 1) * units.count[u]!);
    counts.set(doc, c);
  }
  const out = new Map<string, Place>();
  for (const [doc, c] of counts) {
    const best = [...c].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0];
    const place = best && gaz.byCode.get(best[0]);
    if (place) out.set(doc, place);
  }
  return out;
}

type FormIndex = Map<EntityType, Map<string, number>>;

/** Per type, each surface form with the group of its first mention. */
function groupForms(forms: Forms, uf: UnionFind): FormIndex {
  const out: FormIndex = new Map();
  forms.text.forEach((text, f) => {
    const type = forms.type[f]!;
    let byForm = out.get(type);
    if (!byForm) out.set(type, (byForm = new Map<string, number>()));
    const key = surface(text);
    if (!byForm.has(key)) byForm.set(key, uf.find(forms.first[f]!));
  });
  return out;
}

function formsOfType(index: FormIndex, type: EntityType): Map<string, number> {
  return index.get(type) ?? new Map();
}

/** matchKey, memoised per type and form: resolution compares every form with its candidates. */
const keyCache = new Map<EntityType, Map<string, string>>();
function key(form: string, type: EntityType): string {
  return memoised(keyCache, type, form, matchKey);
}

/** A company's name and short forms (companyShortForms), each also as its key, without bracketed parts: what shortens() matches a short name's core against, per name. */
const baresCache = new Map<string, string[]>();
function companyBares(name: string): string[] {
  return baresCache.get(name) ?? remember(baresCache, name, [name, ...shortFormsOf(name)].flatMap((f) => [withoutBrackets(f), withoutBrackets(key(f, 'company'))]));
}
const withoutBrackets = (f: string) => f.replace(/[（(][^）)]*[）)]/gu, '');

/** companyShortForms, memoised: resolution asks for a name's short forms again and again */
const shortFormsCache = new Map<string, string[]>();
function shortFormsOf(name: string): string[] {
  return shortFormsCache.get(name) ?? remember(shortFormsCache, name, companyShortForms(name));
}

/** surfaceKey, memoised: every mention is looked up by it */
const surfaceCache = new Map<string, string>();
function surface(form: string): string {
  return surfaceCache.get(form) ?? remember(surfaceCache, form, surfaceKey(form));
}

/** the value for (type, form) in `cache`, made by `make(form, type)` the first time */
function memoised(cache: Map<EntityType, Map<string, string>>, type: EntityType, form: string, make: (form: string, type: EntityType) => string): string {
  let byForm = cache.get(type);
  if (!byForm) cache.set(type, (byForm = new Map()));
  return byForm.get(form) ?? remember(byForm, form, make(form, type));
}

/** `value`, kept in `cache` under `form` (the memos above); a cache past a million forms starts again */
function remember<V>(cache: Map<string, V>, form: string, value: V): V {
  if (cache.size > 1_000_000) cache.clear();
  cache.set(form, value);
  return value;
}

/**
 * The forms that `isShortFormOf(form, ·)` could accept, found by look-up instead of comparing
 * every pair of forms (quadratic in the corpus): same key, a company's short forms, or — for
 * parks, bodies and projects — a longer key ending with the form's key.
 */
function longerFormIndex(forms: string[], type: EntityType): { candidates(form: string): string[] } {
  const index = new Map<string, string[]>();
  const add = (k: string, form: string) => {
    const list = index.get(k);
    if (list) {
      if (list.at(-1) !== form) list.push(form);
    } else index.set(k, [form]);
  };
  for (const form of forms) {
    const k = key(form, type);
    add(k, form);
    if (type === 'company') {
      for (const f of shortFormsOf(form)) add(surfaceKey(f), form);
    } else if (type === 'industrial-park' || type === 'organization' || type === 'project') {
      for (let start = 1; k.length - start >= 4; start++) add(k.slice(start), form);
    } else if (type === 'place') {
      const short = shortPlaceName(form);
      if (short) add(short, form);
    }
  }
  return {
    candidates: (form: string) => {
      const k = key(form, type);
      const out = index.get(k) ?? [];
      const bySurface = type === 'company' && form !== k ? index.get(form) ?? [] : [];
      return bySurface.length ? [...new Set([...out, ...bySurface])] : out;
    },
  };
}

/** Is `short` another way of writing `long` (same type)? */
function isShortFormOf(short: string, long: string, type: EntityType): boolean {
  if (short.length < 2) return false;
  if (key(short, type) === key(long, type)) return true;
  switch (type) {
    case 'company':
      return shortFormsOf(long).some((f) => surfaceKey(f) === short) || key(long, type) === short;
    case 'industrial-park':
    case 'organization':
    case 'project': {
      // the same name without the region (or parent park) written before it
      const s = key(short, type);
      if (!key(long, type).endsWith(s) || s.length < 4) return false;
      return hasNameCore(s, type);
    }
    case 'industry-cluster':
      return key(long, type) === key(short, type);
    case 'place':
      // a town or street by its bare name (双福 for 双福街道), when one such name is in the corpus
      return shortPlaceName(long) === short && loadGazetteer().byName.has(long);
    default:
      return false;
  }
}

/** 工业园 alone is no name: the short form must keep a core before its ending. */
function hasNameCore(name: string, type: EntityType): boolean {
  const endings = type === 'industrial-park' ? /(综合保税区|经济技术开发区|工业园区|产业园区|工业园|产业园|开发区|新城|新区|组团|片区|园区)$/u : /(项目|工程|中心|委员会|局|委)$/u;
  const core = name.replace(endings, '');
  return core.length >= 2;
}

/** Entities of the union-find's groups of units, named by their forms and holding the `written` mentions (same order). */
function buildEntities(units: Units, uf: UnionFind, docPlace: Map<string, Place>, written: Mention[]): Resolution {
  // the groups in the order of their first unit (so of their first mention), each with its units in order
  const n = units.doc.length;
  const groupOfRoot = new Int32Array(n).fill(-1);
  const groupOf = new Int32Array(n);
  const groups: number[][] = [];
  for (let u = 0; u < n; u++) {
    const r = uf.find(u);
    let g = groupOfRoot[r]!;
    if (g < 0) {
      groupOfRoot[r] = g = groups.length;
      groups.push([]);
    }
    groups[g]!.push(u);
    groupOf[u] = g;
  }
  const entities: Entity[] = new Array(groups.length);
  const usedIds = new Set<string>();
  groups.forEach((idx, g) => {
    const type = majorityType(idx, units);
    const names = [...new Set(idx.map((u) => units.text[u]!))];
    const label = pickLabel(names, type);
    let id = `${type}:${label}`;
    if (usedIds.has(id)) {
      // two different bodies written the same way (区委 of two districts)
      const doc = units.doc[idx[0]!]!;
      id = `${id}@${docPlace.get(doc)?.name ?? doc}`;
      for (let n = 2; usedIds.has(id); n++) id = `${type}:${label}#${n}`;
    }
    usedIds.add(id);
    let size = 0;
    for (const u of idx) size += units.count[u]!;
    entities[g] = { id, label, type, aliases: names.sort(), mentions: new Array<Mention>(size) };
  });
  // each group's mentions in order
  const filled = new Int32Array(groups.length);
  const entityOf: string[] = new Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const g = groupOf[units.of[i]!]!;
    const e = entities[g]!;
    e.mentions[filled[g]!++] = written[i]!;
    entityOf[i] = e.id;
  }
  entities.sort((a, b) => compareCodeUnits(a.id, b.id));
  return { entities, entityOf };
}

/** The type most of a group's mentions have (ties: the first by code unit). */
function majorityType(idx: number[], units: Units): EntityType {
  const c = new Map<EntityType, number>();
  for (const u of idx) {
    const t = units.type[u]!;
    c.set(t, (c.get(t) ?? 0) + units.count[u]!);
  }
  if (c.size === 1) return c.keys().next().value!;
  return [...c].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0];
}

/** The longest form; for a place, its full gazetteer name when the text uses it. */
function pickLabel(forms: string[], _type: EntityType): string {
  return [...forms].sort((a, b) => b.length - a.length || compareCodeUnits(a, b))[0]!;
}

export { ancestors };
