// Names built on a type-giving ending: 重庆润通科技有限公司, 双福工业园, 江津区发改委,
// 渝西水资源配置工程. From the ending we walk left over the words a name is made of and stop at
// verbs, function words and punctuation; leading verbs and generic modifiers are trimmed.
import type { EntityType } from '../types.js';
import type { Span, SentenceContext } from './context.js';
import { endsVerbPhrase, isStopToken, isVerbish, opensName } from './context.js';
import { FALSE_ENDINGS, GENERIC_MODIFIERS, NAME_VERBS, SUFFIX_TYPES } from './lexicon.js';
import { loadGazetteer } from './gazetteer.js';

const MAX_NAME = 32;
const LEADING_FUNCTION_CHARS = new Set('以率在于对向与及将把被从到为是让使给由经个家项'.split(''));
const BY_LENGTH = [...SUFFIX_TYPES].sort((a, b) => b[0].length - a[0].length);
/** BY_LENGTH grouped by the code of the last character: at most positions no suffix ends, so test only those that can */
const BY_LAST_CHAR = new Map<number, typeof BY_LENGTH>();
for (const entry of BY_LENGTH) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  BY_LAST_CHAR.set(last, [...(BY_LAST_CHAR.get(last) ?? []), entry]);
}
/** suffix words, by type, that end a company name when met while walking left */
const COMPANY_BREAKERS = new Set<EntityType>(['industrial-park', 'project', 'organization']);
const SUFFIX_OF = new Map<string, EntityType>(SUFFIX_TYPES.map(([s, t]) => [s, t]));
/** one-character endings that are too common to trust without a strong core */
const WEAK_SUFFIXES = new Set(['局', '厅', '署', '司', '部', '港', '厂', '委']);

export function findSuffixNames(ctx: SentenceContext): Span[] {
  const { text } = ctx;
  const spans: Span[] = [];
  for (let end = 1; end <= text.length; end++) {
    if (!ctx.boundary[end]) continue;
    for (const [suffix, type] of BY_LAST_CHAR.get(text.charCodeAt(end - 1)) ?? []) {
      const at = end - suffix.length;
      if (at < 0 || !text.startsWith(suffix, at)) continue;
      if (suffix.length === 1 && falseEnding(ctx, at, end)) break;
      const start = at > 0 ? walkLeft(ctx, at, type) : undefined;
      // X、Y等新能源项目: what follows 等 is the kind of the listed names, not a name
      const afterList = start !== undefined && text[start - 1] === '等';
      // 中共中央国务院: two bodies side by side, not one name
      const twoBodies = start !== undefined && BARE_BODIES.test(text.slice(start, at)) && BARE_BODIES.test(suffix);
      if (start !== undefined && !afterList && !twoBodies && goodCore(ctx, start, at, suffix, type)) {
        spans.push({ start, end, type, rule: `suffix:${suffix}`, priority: 2 });
        break; // longest suffix only
      }
      const rel = relativeOrg(ctx, at, end, suffix);
      if (rel !== undefined) {
        spans.push({ start: rel, end, type: 'organization', rule: `relative:${suffix}`, priority: 2 });
        break;
      }
    }
  }
  return spans;
}

/** Walks left from a suffix at `at`; returns the name's start or undefined. */
export function walkLeft(ctx: SentenceContext, at: number, type: EntityType): number | undefined {
  const { tokens, text } = ctx;
  let i = ctx.tokenAt[at - 1];
  if (i === undefined) return undefined;
  let start = at;
  let depth = 0; // open parentheses seen from the right
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    if (at - t.start > MAX_NAME) break;
    if (t.end <= at && ctx.stops[t.end] && t.end < at) break;
    if (t.end < at && endsVerbPhrase(ctx, t.end)) break;
    // jieba glues a preposition to the word before the name (区以/重庆…): the name starts after it
    if (t.tag === 'x' && t.end <= start && t.word.length >= 2 && LEADING_FUNCTION_CHARS.has(t.word.at(-1)!)) break;
    const w = t.word;
    if (/^[）)]$/.test(w)) {
      depth++;
      start = t.start;
      continue;
    }
    if (/^[（(]$/.test(w)) {
      if (depth === 0) break;
      depth--;
      start = t.start;
      continue;
    }
    if (depth > 0) {
      // inside parentheses anything but clause punctuation belongs to the name: 工程（一期）项目
      if (/[，。；：！？,;:!?\n]/u.test(w)) break;
      start = t.start;
      continue;
    }
    // a verb inside a name names an activity (制造, 投资); any other verb ends the name.
    // 发展 names bodies (发展改革委, 发展中心) but is the verb before a cluster or a project.
    if (/^v[dig]?n?$/.test(t.tag) && w.length > 1 && i !== ctx.tokenAt[at - 1]) {
      const inName = NAME_VERBS.has(w) && !(w === '发展' && type !== 'organization' && type !== 'company');
      if (!inName && t.tag !== 'vn') break;
      if (w === '发展' && !inName) break;
    }
    // another project named before this park or cluster ends it (该项目由德感组团)
    if ((type === 'industrial-park' || type === 'industry-cluster' || type === 'project') && w === '项目' && i !== ctx.tokenAt[at - 1]) break;
    if (t.word === ' ' && /[A-Za-z0-9]$/.test(tokens[i - 1]?.word ?? '') && /^[A-Za-z]/.test(tokens[i + 1]?.word ?? '')) {
      start = t.start;
      continue;
    }
    if (isStopToken(t)) {
      if (opensName(t, tokens[i - 1])) start = t.start;
      break;
    }
    if (type === 'company' && depth === 0 && i !== ctx.tokenAt[at - 1]) {
      const ending = endingType(w);
      if ((ending && COMPANY_BREAKERS.has(ending)) || w.endsWith('企业') || (ending === 'company' && w.length >= 2)) break;
    }
    start = t.start;
  }
  if (depth !== 0) {
    // the walk stopped inside a parenthesis it never saw open: keep what follows the ）
    const lastClose = Math.max(text.lastIndexOf('）', at - 1), text.lastIndexOf(')', at - 1));
    if (lastClose >= start) start = lastClose + 1;
  }
  // trim leading verbs, adverbs and generic modifiers: 加快建设X → X, 重点项目 → nothing
  for (;;) {
    const ti = ctx.tokenAt[start];
    const t = ti === undefined ? undefined : tokens[ti];
    if (!t || t.start < start || t.end > at) break;
    const numeral = /^[一二两三四五六七八九十几\d]+[大个家项批]?$/u.test(t.word);
    // one character before another lone character is usually part of an unknown name (立/琻, 小/南/垭)
    const next = tokens[(ctx.tokenAt[start] ?? 0) + 1];
    const glued = t.word.length === 1 && next !== undefined && next.word.length === 1 && /\p{Script=Han}/u.test(next.word);
    if (!glued && (isVerbish(t) || numeral)) {
      start = t.end;
      continue;
    }
    break;
  }
  while (start < at && (/[）)、\s]/u.test(text[start]!) || (/[（(]/u.test(text[start]!) && !/[）)]/u.test(text.slice(start, at))))) start++;
  // jieba glues a leading preposition or verb to an unknown word (率中/新): drop it
  const first = tokens[ctx.tokenAt[start] ?? -1];
  if (first && first.tag === 'x' && first.word.length <= 3 && LEADING_FUNCTION_CHARS.has(text[start]!) && at - start >= 3) start++;
  return start < at ? start : undefined;
}

/** Bodies named relative to the article's place: 区委, 区政府, 市发改委, 省政府, 区文联. */
const RELATIVE_BODIES = new Set([
  '党中央', '中共中央', '国务院', '全国人大', '全国政协', '中央军委',
  '区委', '市委', '县委', '省委', '镇委', '政府', '人民政府', '政协', '人大', '人大常委会', '发改委',
  '发展改革委', '经信委', '教委', '卫健委', '纪委', '监委', '宣传部', '组织部', '统战部', '党委',
  '党工委', '管委会', '工商联', '文联', '妇联', '侨联', '科协', '团委', '总工会',
]);
/** Bodies that name themselves without a place: the central organs and the mass organisations. */
const BARE_BODIES = /^(区委|市委|县委|省委|镇委|党中央|中共中央|国务院|全国人大|全国政协|中央军委|工商联|文联|妇联|侨联|科协|总工会)$/u;

function relativeOrg(ctx: SentenceContext, at: number, end: number, suffix: string): number | undefined {
  if (!RELATIVE_BODIES.has(suffix)) return undefined;
  const level = /[区市县省镇乡]/u.test(ctx.text[at - 1] ?? '') ? at - 1 : at;
  if (level > 0 && !ctx.boundary[level] && !/[\p{P}\s]/u.test(ctx.text[level - 1]!)) return undefined;
  if (level === at && !BARE_BODIES.test(suffix)) return undefined;
  return level;
}

/** 布局 ends in 局 but is no bureau: the word holding a one-character ending decides. */
function falseEnding(ctx: SentenceContext, at: number, end: number): boolean {
  const t = ctx.tokens[ctx.tokenAt[at] ?? -1];
  if (!t) return true;
  const word = ctx.text.slice(t.start, end);
  return FALSE_ENDINGS.has(word) || (word.length >= 2 && FALSE_ENDINGS.has(word.slice(-2)));
}

function endingType(word: string): EntityType | undefined {
  for (const [suffix, type] of BY_LENGTH) if (suffix.length >= 2 && word.endsWith(suffix)) return type;
  return SUFFIX_OF.get(word);
}

/**
 * The words of the sentence between two offsets, from the sentence's own segmentation (a token
 * that runs over an edge is cut there): segmenting the core again cost as much as the sentence.
 */
function wordsIn(ctx: SentenceContext, start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = ctx.tokenAt[start] ?? -1; i >= 0 && i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.start >= end) break;
    const w = ctx.text.slice(Math.max(start, t.start), Math.min(end, t.end));
    if (w) out.push(w);
  }
  return out;
}

/** The part before the ending must name something: not only generic modifiers. */
function goodCore(ctx: SentenceContext, start: number, at: number, suffix: string, type: EntityType): boolean {
  const core = ctx.text.slice(start, at);
  if (core.length < 2 && (WEAK_SUFFIXES.has(suffix) || suffix.length <= 2)) return false;
  const words = wordsIn(ctx, start, at);
  // a cluster or project named only by a place and generic words is no name (江西省五星级产业集群)
  const placesCount = type === 'industry-cluster' || type === 'project';
  const gaz = loadGazetteer();
  const specific = words.filter(
    (w) =>
      !GENERIC_MODIFIERS.has(w) &&
      !/^[\d.]+$/.test(w) &&
      !/级$/u.test(w) &&
      !GENERIC_MODIFIERS.has(w.replace(/产业$/u, '')) &&
      !(placesCount && (gaz.byName.has(w) || gaz.byShort.has(w))),
  );
  if (specific.length === 0) return false;
  if (WEAK_SUFFIXES.has(suffix) && core.length < 2) return false;
  return true;
}
