// Resolution's part that depends on one article alone: its mentions as units, which of them
// stand for another name of the article (pass 0 of index.ts), and the place it is about. A cache
// keeps it beside the article's head (corpus/heads.ts), so a rebuild does not work it out again
// for the articles it read before.
import type { EntityType, Mention } from '../types.js';
import { loadGazetteer, shortPlaceName, type Place } from '../extract/gazetteer.js';
import { compareCodeUnits } from '../strings.js';
import { clearMemos, companyBares, key } from './memo.js';

/**
 * An article's mentions as units: its mentions with the same type, name (a title standing for
 * the body it implies, 区长 → 区政府, counts as that body) and declared alias are one unit, since
 * every pass of resolution decides them alike. Units are numbered from 0 in the order of their
 * first mention.
 */
export interface ArticleUnits {
  /** the unit of each of the article's mentions, in order */
  of: Int32Array;
  type: EntityType[];
  /** the name (or the body a title implies) */
  text: string[];
  /** how many mentions each unit stands for */
  count: Int32Array;
  /**
   * the unit each unit stands for, −1 for none: a declared alias (X（以下简称“Y”）) stands for its
   * name, a short form of exactly one longer name of its type (经开区 after 某市经开区) for that name
   */
  target: Int32Array;
  /** the code of the place the article is about (its most mentioned area or city), '' when none */
  place: string;
}

/** The units of each article (the mentions of one article each). */
export function articleUnits(articles: ReadonlyArray<readonly Mention[]>): ArticleUnits[] {
  try {
    return articles.map(unitsOfArticle);
  } finally {
    clearMemos();
  }
}

/** articleUnits of one article, leaving the memos (memo.ts) to the caller. */
export function unitsOfArticle(mentions: readonly Mention[]): ArticleUnits {
  const of = new Int32Array(mentions.length);
  const type: EntityType[] = [];
  const text: string[] = [];
  const aliasOf: Array<string | undefined> = [];
  const count: number[] = [];
  /** per unit, the names of its type in the article, each with its first unit */
  const names: Array<Map<string, number>> = [];
  // per type: its units by name, those of a name with a declared alias by name and alias, and its names
  interface OfType {
    units: Map<string, number>;
    /** made for the first declared alias (most articles declare none) */
    aliased?: Map<string, Map<string, number>>;
    names: Map<string, number>;
  }
  const byType = new Map<EntityType, OfType>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    let t = byType.get(m.type);
    if (!t) byType.set(m.type, (t = { units: new Map(), names: new Map() }));
    const name = m.implied ?? m.text;
    let units = t.units;
    let k = name;
    if (m.aliasOf !== undefined) {
      t.aliased ??= new Map();
      units = t.aliased.get(name) ?? new Map();
      if (units.size === 0) t.aliased.set(name, units);
      k = m.aliasOf;
    }
    let u = units.get(k);
    if (u === undefined) {
      u = type.length;
      units.set(k, u);
      if (!t.names.has(name)) t.names.set(name, u);
      type.push(m.type);
      text.push(name);
      aliasOf.push(m.aliasOf);
      count.push(0);
      names.push(t.names);
    }
    of[i] = u;
    count[u]!++;
  }
  return { of, type, text, count: Int32Array.from(count), target: localForms(type, text, aliasOf, names), place: mainPlace(type, text, count) };
}

/** Types whose names an article shortens (a place's short name goes through the gazetteer). */
const SHORTENED = new Set<EntityType>(['company', 'organization', 'industrial-park', 'project', 'industry-cluster', 'place']);
/** an article with more distinct names than this is not searched for short forms (quadratic) */
const MAX_LOCAL_FORMS = 3000;

/**
 * Units that stand for another name of the same article: declared aliases, and short forms that
 * fit exactly one longer name there. Per unit, the unit of that name (−1: none).
 */
function localForms(type: EntityType[], text: string[], aliasOf: Array<string | undefined>, names: Array<Map<string, number>>): Int32Array {
  const out = new Int32Array(type.length).fill(-1);
  // per type: its forms listed once, and each form's target once
  const targetOf = new Map<Map<string, number>, { list: string[]; keys: string[]; targets: Map<string, number | undefined> }>();
  for (let u = 0; u < type.length; u++) {
    const forms = names[u]!;
    const t = type[u]!;
    const alias = aliasOf[u];
    if (alias !== undefined) {
      const target = forms.get(alias);
      if (target !== undefined) out[u] = target;
      continue;
    }
    if (!SHORTENED.has(t) || forms.size > MAX_LOCAL_FORMS) continue;
    // one look-up per form of the type
    let of = targetOf.get(forms);
    if (!of) {
      const list = [...forms.keys()];
      targetOf.set(forms, (of = { list, keys: list.map((l) => key(l, t)), targets: new Map() }));
    }
    const name = text[u]!;
    if (!of.targets.has(name)) of.targets.set(name, localTarget(name, t, forms, of.list, of.keys));
    const target = of.targets.get(name);
    if (target !== undefined) out[u] = target;
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

/** The code of the district (or city) an article is about: its most mentioned area-level place ('' when none). */
function mainPlace(type: EntityType[], text: string[], count: number[]): string {
  const gaz = loadGazetteer();
  const counts = new Map<string, number>();
  for (let u = 0; u < type.length; u++) {
    if (type[u] !== 'place') continue;
    const p = placeFor(text[u]!, gaz);
    if (!p || (p.level !== 'area' && p.level !== 'city')) continue;
    counts.set(p.code, (counts.get(p.code) ?? 0) + (p.level === 'area' ? 2 : 1) * count[u]!);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0];
  return best && gaz.byCode.has(best[0]) ? best[0] : '';
}
