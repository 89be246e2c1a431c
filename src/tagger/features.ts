// Features of each character of a sentence, as 32-bit keys (see hash.ts): characters and their
// n-grams, jieba's words and part-of-speech tags, lexicon and gazetteer hits, and the spans the
// rules propose (the model learns where each rule is right). Nothing here names a particular
// company, park or person: the lexicons are generic words and packaged gazetteers.
import { ENTITY_TYPES, type EntityType } from '../types.js';
import type { Token } from '../segment/index.js';
import { loadGazetteer } from '../extract/gazetteer.js';
import { SUFFIX_TYPES, SURNAMES, TITLES, WORLD_PLACES, REGION_SUFFIXES } from '../extract/lexicon.js';
import { COUNTRY_NAMES } from './countries.js';
import { key1, key2, key3, stringHash } from './hash.js';
import { labelOf, O } from './labels.js';
import { WordIndex, endsHere } from './word-index.js';
import { listView } from './lists.js';

/** A span the rules propose, in sentence-local offsets. */
export interface RuleSpan {
  start: number;
  end: number;
  type: EntityType;
  /** the rule's name (suffix:有限公司, gazetteer, title:书记 …); its family is the part before ':' */
  rule: string;
}

/** What the features of one sentence are computed from. */
export interface SentenceInput {
  text: string;
  tokens: readonly Token[];
  rules: readonly RuleSpan[];
  /** 1 where the character is a byline, credit or page furniture */
  masked?: Uint8Array;
}

/** Feature keys per character: FEATURES_PER_CHAR of them, 0 where a template does not fire. */
export const FEATURES_PER_CHAR = 40;

const enum T {
  Bias,
  U0, U1, U2, U3, U4,
  B0, B1, B2, B3,
  Cls,
  TokTag, TokWord, TokTagPrev, TokChar,
  RuleFam, Rule, RuleCtx,
  Geo, GeoRule, Title, TitleCtx, Suffix, NextSuffix, Surname, Masked, PrevWord, NextWord,
  SuffixAhead, SuffixAheadCls, AfterTitle, ClausePos, ListSep, ListSepRule,
  RuleChar, RuleTag,
  ListHead, ListRuled, ListLen, ListRule,
}

/**
 * Templates whose keys take few values and whose rows are long (the tagger remembers their
 * summed rows per tuple of keys, model.ts): character classes, jieba's tags, the rules' labels
 * and families, gazetteer and title context, the suffix ahead, the position in the clause.
 */
export const GROUP_TEMPLATES: readonly number[] = [
  T.Cls, T.TokTag, T.TokTagPrev, T.RuleFam, T.Rule, T.RuleCtx, T.GeoRule, T.TitleCtx, T.NextSuffix, T.SuffixAhead, T.SuffixAheadCls, T.ClausePos, T.RuleTag,
];

/**
 * Templates that read the words themselves (characters and their n-grams, jieba's words, the
 * words around): where a tagger memorises names, and where its small weights are noise to the
 * articles (train.ts, lexicalPruneBelow).
 */
export const LEXICAL_TEMPLATES: readonly number[] = [T.U0, T.U1, T.U2, T.U3, T.U4, T.B0, T.B1, T.B2, T.B3, T.TokWord, T.TokChar, T.PrevWord, T.NextWord];

/** Every character's first key, the bias: the same for all, so a tagger may add its weights without looking them up. */
export const BIAS_KEY: number = key1(T.Bias, 0) >>> 0;

const BOS = 0x110000;
const EOS = 0x110001;

// ---- lexicons, built once ----

const enum Geo {
  Province = 1, City, Area, Street, ProvinceShort, CityShort, AreaShort, TownShort, World, Region,
}
let geoIndex: WordIndex | undefined;
function geo(): WordIndex {
  if (geoIndex) return geoIndex;
  const gaz = loadGazetteer();
  const entries: Array<[string, number]> = [];
  const level = { province: 0, city: 1, area: 2, street: 3 } as const;
  // a name at several levels keeps its highest one
  const best = new Map<string, number>();
  const keep = (w: string, cls: number) => {
    const have = best.get(w);
    if (have === undefined || cls < have) best.set(w, cls);
  };
  for (const [name, places] of gaz.byName) for (const p of places) keep(name, Geo.Province + level[p.level]);
  for (const [name, places] of gaz.byShort) for (const p of places) keep(name, Geo.ProvinceShort + level[p.level]);
  for (const name of gaz.townsByShort.keys()) keep(name, Geo.TownShort);
  for (const w of [...WORLD_PLACES, ...COUNTRY_NAMES]) keep(w, Geo.World);
  entries.push(...best);
  geoIndex = new WordIndex(entries);
  return geoIndex;
}

let titleIndex: WordIndex | undefined;
function titles(): WordIndex {
  titleIndex ??= new WordIndex([...TITLES.values()].map((t) => [t.title, t.impliedBody ? 3 : t.leads ? 1 : 2] as const));
  return titleIndex;
}

let suffixIndex: WordIndex | undefined;
function suffixes(): WordIndex {
  suffixIndex ??= new WordIndex([
    ...SUFFIX_TYPES.map(([w, t]) => [w, 1 + ENTITY_TYPES.indexOf(t)] as const),
    ...REGION_SUFFIXES.map((w) => [w, 1 + ENTITY_TYPES.length] as const),
  ]);
  return suffixIndex;
}

/** Rule families by name; unknown families share one number. */
const FAMILY = new Map<string, number>();
function familyOf(rule: string): number {
  const fam = rule.split(/[:+]/u)[0]!;
  const listed = rule.includes('list:') ? 1000 : 0;
  let id = FAMILY.get(fam);
  if (id === undefined) FAMILY.set(fam, (id = stringHash(fam)));
  return id + listed;
}

const LIST_SEP = new Set(['、', '，', '和', '及', '与', '等'].map((c) => c.charCodeAt(0)));
const bucket = (d: number): number => (d <= 2 ? d : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : 6);

/** Per UTF-16 code, a flag per character set: a typed-array look-up, not a Set's, for every character. */
const NUMERAL = 1;
const SURNAME = 2;
const CLAUSE = 4;
const LIST_SEPARATOR = 8;
const FLAGS = new Uint8Array(65536);
for (const c of '一二三四五六七八九十百千万亿两零〇') FLAGS[c.charCodeAt(0)]! |= NUMERAL;
for (const c of SURNAMES) FLAGS[c.charCodeAt(0)]! |= SURNAME;
for (const c of '，。；：！？,;:!?\n“”"（）()《》') FLAGS[c.charCodeAt(0)]! |= CLAUSE;
for (const c of LIST_SEP) FLAGS[c]! |= LIST_SEPARATOR;
/** Is code `c` (a character, or BOS or EOS) in the set `flag`? */
const flagged = (c: number, flag: number): boolean => c < 65536 && (FLAGS[c]! & flag) !== 0;

function charClass(c: number): number {
  if (c === BOS || c === EOS) return 0;
  if (c >= 0x4e00 && c <= 0x9fff) return FLAGS[c]! & NUMERAL ? 7 : 1;
  if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return 2;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff5a)) return 3;
  if (c === 32 || c === 0x3000 || c === 10) return 5;
  if (c < 128 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) return 4;
  return 6;
}

/**
 * Per-character working arrays, kept between sentences and grown as needed (a sentence reads
 * only its first n + 4 entries, and clears or writes each before reading it): no typed array is
 * made per sentence.
 */
let work = workArrays(256);
function workArrays(size: number) {
  return {
    size,
    codes: new Int32Array(size + 4),
    cls: new Uint8Array(size + 2),
    tokPos: new Uint8Array(size),
    tokIdx: new Int32Array(size),
    ruleLabel: new Uint8Array(size),
    ruleFam: new Uint32Array(size),
    ahead: new Uint32Array(size),
    sinceTitle: new Uint8Array(size),
    clausePos: new Uint8Array(size),
    geoCover: new Uint16Array(size),
    titleCover: new Uint16Array(size),
    suffixCover: new Uint16Array(size),
  };
}

/**
 * The feature keys of every character of one sentence: length × FEATURES_PER_CHAR. With `buffer`
 * (at least that long), the keys are written into it and a view of it is returned: a tagger
 * that reads one sentence at a time allocates nothing per sentence.
 */
export function sentenceFeatures(input: SentenceInput, buffer?: Uint32Array): Uint32Array {
  const { text, tokens, rules, masked } = input;
  const n = text.length;
  const F = FEATURES_PER_CHAR;
  const out = buffer ? buffer.subarray(0, n * F).fill(0) : new Uint32Array(n * F);
  if (n === 0) return out;

  if (work.size < n) work = workArrays(Math.max(n, 2 * work.size));
  const { codes, cls, tokPos, tokIdx, ruleLabel, ruleFam, ahead, sinceTitle, clausePos } = work;
  // character codes with two sentinels on each side: codes[i + 2] is character i
  codes[0] = codes[1] = BOS;
  codes[n + 2] = codes[n + 3] = EOS;
  for (let i = 0; i < n; i++) codes[i + 2] = text.charCodeAt(i);
  const code = (i: number) => codes[i + 2]!;
  for (let i = -1; i <= n; i++) cls[i + 1] = charClass(code(i));

  // tokens: position in word (1 B, 2 M, 3 E, 4 S), tag, word, neighbours
  tokPos.fill(0, 0, n);
  tokIdx.fill(-1, 0, n);
  const tagHash = tokens.map((t) => stringHash(t.tag));
  const wordHash = tokens.map((t) => stringHash(t.word));
  tokens.forEach((t, k) => {
    for (let i = t.start; i < t.end && i < n; i++) {
      tokIdx[i] = k;
      tokPos[i] = t.end - t.start === 1 ? 4 : i === t.start ? 1 : i === t.end - 1 ? 3 : 2;
    }
  });

  // rules: each character's BIOES label under the rules' spans, and the rule's family
  ruleLabel.fill(0, 0, n);
  ruleFam.fill(0, 0, n);
  for (const r of rules) {
    if (r.start < 0 || r.end > n || r.end <= r.start) continue;
    const fam = familyOf(r.rule);
    if (r.end - r.start === 1) ruleLabel[r.start] = labelOf(r.type, 'S');
    else {
      ruleLabel[r.start] = labelOf(r.type, 'B');
      for (let k = r.start + 1; k < r.end - 1; k++) ruleLabel[k] = labelOf(r.type, 'I');
      ruleLabel[r.end - 1] = labelOf(r.type, 'E');
    }
    for (let k = r.start; k < r.end; k++) ruleFam[k] = fam;
  }
  const rl = (i: number) => (i < 0 ? 30 : i >= n ? 31 : ruleLabel[i]!);

  const geoCover = geo().cover(text, work.geoCover);
  const titleCover = titles().cover(text, work.titleCover);
  const suffixCover = suffixes().cover(text, work.suffixCover);
  const cover = (c: Uint16Array, i: number) => (i < 0 || i >= n ? 0xffff : c[i]!);

  const spanAt = new Map<number, RuleSpan>();
  for (const r of rules) spanAt.set(r.start * 65536 + r.end, r);
  const lists = listView(text, tokens, (s, e) => spanAt.get(s * 65536 + e)?.type);

  // the nearest suffix word ending to the right in the same clause: its type and distance
  let next = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (FLAGS[text.charCodeAt(i)]! & CLAUSE) next = 0;
    const sc = suffixCover[i]!;
    if (sc && endsHere(sc)) next = (sc >> 3) * 64; // a suffix word ends here
    else if (next) next = (next & ~63) | Math.min(63, (next & 63) + 1);
    ahead[i] = next;
  }
  // distance from the end of the last title word, and from the start of the clause
  let lastTitleEnd = -100;
  let clauseStart = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && FLAGS[text.charCodeAt(i - 1)]! & CLAUSE) clauseStart = i;
    clausePos[i] = Math.min(i - clauseStart, 4);
    sinceTitle[i] = i - lastTitleEnd > 4 ? 0 : i - lastTitleEnd;
    const tc = titleCover[i]!;
    if (tc && endsHere(tc)) lastTitleEnd = i + 1;
  }

  for (let i = 0; i < n; i++) {
    const o = i * F;
    const c0 = codes[i + 2]!;
    const cm1 = codes[i + 1]!;
    const cm2 = codes[i]!;
    const cp1 = codes[i + 3]!;
    const cp2 = codes[i + 4]!;
    out[o + T.Bias] = BIAS_KEY;
    out[o + T.U0] = key1(T.U0, cm2);
    out[o + T.U1] = key1(T.U1, cm1);
    out[o + T.U2] = key1(T.U2, c0);
    out[o + T.U3] = key1(T.U3, cp1);
    out[o + T.U4] = key1(T.U4, cp2);
    out[o + T.B0] = key2(T.B0, cm2, cm1);
    out[o + T.B1] = key2(T.B1, cm1, c0);
    out[o + T.B2] = key2(T.B2, c0, cp1);
    out[o + T.B3] = key2(T.B3, cp1, cp2);
    out[o + T.Cls] = key3(T.Cls, cls[i]!, cls[i + 1]!, cls[i + 2]!);

    const k = tokIdx[i]!;
    const pos = tokPos[i]!;
    if (k >= 0) {
      const tag = tagHash[k]!;
      const prevTag = k > 0 ? tagHash[k - 1]! : BOS;
      out[o + T.TokTag] = key2(T.TokTag, pos, tag);
      out[o + T.TokWord] = key2(T.TokWord, pos, wordHash[k]!);
      out[o + T.TokTagPrev] = key3(T.TokTagPrev, pos, tag, prevTag);
      out[o + T.TokChar] = key3(T.TokChar, pos, c0, Math.min(4, tokens[k]!.end - tokens[k]!.start));
      out[o + T.PrevWord] = key2(T.PrevWord, pos, k > 0 ? wordHash[k - 1]! : BOS);
      out[o + T.NextWord] = key2(T.NextWord, pos, k + 1 < tokens.length ? wordHash[k + 1]! : EOS);
      const after = tokens[k]!.end;
      out[o + T.NextSuffix] = key2(T.NextSuffix, pos, cover(suffixCover, after));
    }

    const r = ruleLabel[i]!;
    out[o + T.Rule] = key1(T.Rule, r);
    if (r !== O) out[o + T.RuleFam] = key2(T.RuleFam, r, ruleFam[i]!);
    out[o + T.RuleCtx] = key3(T.RuleCtx, rl(i - 1), r, rl(i + 1));
    out[o + T.RuleChar] = key2(T.RuleChar, r, c0);
    if (k >= 0) out[o + T.RuleTag] = key3(T.RuleTag, r, pos, tagHash[k]!);

    const g = geoCover[i]!;
    if (g) out[o + T.Geo] = key1(T.Geo, g);
    out[o + T.GeoRule] = key2(T.GeoRule, g, r);
    const tc = titleCover[i]!;
    if (tc) out[o + T.Title] = key1(T.Title, tc);
    out[o + T.TitleCtx] = key2(T.TitleCtx, cover(titleCover, i - 1), cover(titleCover, i + 1));
    const sc = suffixCover[i]!;
    if (sc) out[o + T.Suffix] = key1(T.Suffix, sc);
    if (flagged(c0, SURNAME)) out[o + T.Surname] = key1(T.Surname, pos);
    if (masked?.[i]) out[o + T.Masked] = key1(T.Masked, 1);

    const a = ahead[i]!;
    out[o + T.SuffixAhead] = key2(T.SuffixAhead, a >> 6, bucket(a & 63));
    out[o + T.SuffixAheadCls] = key3(T.SuffixAheadCls, a >> 6, cls[i + 1]!, pos);
    if (sinceTitle[i]) out[o + T.AfterTitle] = key2(T.AfterTitle, sinceTitle[i]!, cls[i + 1]!);
    out[o + T.ClausePos] = key2(T.ClausePos, clausePos[i]!, pos);
    const sep = (flagged(cm1, LIST_SEPARATOR) ? 1 : 0) | (flagged(cp1, LIST_SEPARATOR) ? 2 : 0);
    if (sep) {
      out[o + T.ListSep] = key2(T.ListSep, sep, cls[i + 1]!);
      out[o + T.ListSepRule] = key2(T.ListSepRule, sep, r);
    }
    const lp = lists.part[i]!;
    if (lp) {
      out[o + T.ListHead] = key3(T.ListHead, lp, lists.head[i]!, lists.item[i]!);
      out[o + T.ListRuled] = key2(T.ListRuled, lp, lists.ruled[i]!);
      out[o + T.ListLen] = key3(T.ListLen, lp, bucket(lists.length[i]!), lists.head[i]!);
      out[o + T.ListRule] = key3(T.ListRule, lp, r, lists.ruled[i]!);
    }
  }
  return out;
}

