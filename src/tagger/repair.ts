// Span repair after decoding: what the character tagger, reading one character at a time, gets
// wrong at a name's edges. A decoded span that ends with a word no name ends with (…在内,
// …为龙头) loses it; a country written before a company or park is the company's location, a
// place of its own (the guideline's region prefixes: 德国埃马克 → 埃马克 located-in 德国); a
// registered company followed by what it makes and 项目 is one project's name
// (X有限公司年产200套汽车模具项目), which the tagger, seeing a few characters around each one,
// tends to cut after 公司; a place that begins a media outlet's name (浙江在线) or a short quoted
// name (“黄河明珠”) is nested in it, and no mention. Two names decoded as one span (A、B) are
// split. A park word with no name (该产业园, 省级高新区) is a generic noun, unless the article
// names a park it stands for (经开区 for 长沙经开区): `withoutGenericParks`, over a document.
// A span of a project, park, company, cluster or person that begins or ends inside a dictionary
// word of jieba's, next to a Chinese character, is a piece of a longer name the tagger cut
// (品产业园项目 out of 食品产业园项目, …产业基 out of …产业基地): it is left out, not guessed at.
// Nothing here names an entity: the words are closed-class grammar and the country names come
// from a packaged locale file.
import type { EntityType } from '../types.js';
import type { SentenceContext } from '../extract/context.js';
import { GENERIC_MODIFIERS, LIMITED_FORMS, SUFFIX_TYPES, SURNAMES, TITLES } from '../extract/lexicon.js';
import type { LabelSpan } from './labels.js';
import { COUNTRY_NAMES } from './countries.js';
import { shortens } from '../resolve/units.js';
import { MIDDLE_DOTS } from '../resolve/keys.js';
import { ENTITY_TYPES } from '../types.js';
import { listItems, listView } from './lists.js';
import { PARTY_WORDS } from '../extract/implied.js';
import { liesWithin, loadGazetteer, placesNamed, type Place } from '../extract/gazetteer.js';
import { isHanChar } from '../ingest/chars.js';
import { CLOSING_OF, countValue, isOpenBracket, OPENING_OF } from '../strings.js';

/** What the repair reads of a sentence: its text, jieba's words and the word at each character. */
export type RepairContext = Pick<SentenceContext, 'text' | 'tokens' | 'tokenAt'>;

/** Words that never end a name when jieba writes them as a word of their own. */
const TRAILING = new Set(['在内', '等', '为', '为首', '为主', '为龙头', '为核心', '为代表', '牵头', '领衔', '的']);
/** Countries that stand before a name as its location; 中国 often begins an official name, 中非 a partnership's. */
const COUNTRIES = new Set(COUNTRY_NAMES.filter((n) => !['中国', '中华人民共和国', '中非'].includes(n)));
const LONGEST_COUNTRY = Math.max(...[...COUNTRIES].map((n) => n.length));
/** jieba's tags of dictionary words that join a country and a name (德国西门子/ns, 韩国三星/nz). */
const JOINED_NAME_TAGS = new Set(['ns', 'nt', 'nz']);
/** Types whose names lose a country written before them. */
const PREFIXED: ReadonlySet<EntityType> = new Set(['company', 'industrial-park']);
/**
 * What a company makes, within its clause, up to the word that makes it a project: 年产…项目,
 * 30万方/年…项目, and a list of products each with its amount (年产10万片A、1000吨B项目).
 */
const PRODUCT_PROJECT = /^(?:年产|[0-9０-９一二三四五六七八九十])[^，。；：！？,;:!?\n、“”"《》]{0,60}(?:、(?:年产)?[0-9０-９一二三四五六七八九十][^，。；：！？,;:!?\n、“”"《》]{0,40})*(?:项目|工厂|基地|生产线)/u;
/** The words that end park names (lexicon.ts), longest first. */
const PARK_ENDINGS = SUFFIX_TYPES.filter(([, t]) => t === 'industrial-park').map(([w]) => w).sort((a, b) => b.length - a.length);
const OPEN_QUOTE = new Set(['“', '「', '《']);
/** The rest of a quoted or titled name after what begins it: a few more characters, then its closing mark. */
const QUOTED_REST = /^[^，。；：！？,;:!?“”「」《》]{1,12}[”」》]/u;
/** Words that make the place before them a media outlet's name, which the guideline leaves out. */
const MEDIA = /^(在线|网|频道|日报|晚报|早报|商报|工人报|新闻|电视台|卫视|广播|融媒|手机报|客户端|发布|头条|观察)/u;
/** An amount that opens a span and ends with 的 describes the name after it (总投资5亿元的X, 占地300亩的X). */
const AMOUNT_LEAD = /^[^的，。；：、]{0,14}[0-9０-９][^的，。；：、]{0,5}的/u;
/** The rest of a clause that makes a leading 以 the frame of the name after it (以X为龙头, 以X、Y为代表). */
const FRAME_REST = /^[^，。；：！？,;:!?\n]{0,40}?为/u;
/** What follows the 为 of 以X为代表, 以X为龙头 (and 为主, 为核心, 为骨干, 为链主, 为引领). */
const FRAME_ROLES = '代表|龙头|核心|主|骨干|链主|引领';
const FRAME_HEAD = new RegExp(`^(?:${FRAME_ROLES})`, 'u');

/** Where a 以 right after a division's name frames the rest of the span (X区以Y为龙头) stands inside [start, end), or 0. */
function frameInside(ctx: RepairContext, start: number, end: number): number {
  const { text } = ctx;
  for (let i = start + MIN_NAME; i <= end - 1 - MIN_NAME; i++) {
    if (text[i] === '以' && /[省市区县镇]/u.test(text[i - 1]!) && FRAME_REST.test(text.slice(i + 1))) return i;
  }
  return 0;
}

/** Verbs that state what happens to a project or park, never a word of its name: the name starts after them (咸阳布局X项目, 投产X基地). */
const ACTION_VERBS = new Set(['布局', '举行', '投产', '开工', '签约', '落户', '引进', '推进', '启动', '签署', '落地', '竣工', '招引']);
/** 建设 and 打造 begin no name, but end many (X建设项目): they are cut only where they open the span. */
const OPENING_VERBS = new Set(['建设', '打造', '新建', '实施']);
/** Words that build or place an industry, never a word of a cluster's name: the name starts after them (某市聚力发展X产业). */
const CLUSTER_VERBS = new Set(['推出', '聚力', '发展', '完善', '培育', '壮大', '打造', '做强', '聚焦', '形成', '构建', '在', '建设']);
/** The words that end a project's or park's name: the part before a 、 that ends with one is a name of its own. */
const NAME_ENDS = /(?:项目|工程|基地|中心|车间|工厂|产业园|园区|园|（[一二三四五六七八九十]期）|\([一二三四五六七八九十]期\))$/u;
/** A scale written before a cluster's name is part of it (千亿级X产业集群, 2000亿级Y产业集群). */
const SCALE_BEFORE = /(?:[0-9０-９]+|[千百万]+)亿级$/u;
const SCALE_CUT = /[0-9０-９]+$/u;
/** a count inside a span (12条, 6大, 三个): no name holds one */
const COUNT_INSIDE = /(?:[0-9０-９]+|[一二三四五六七八九十两]+)[大条个类]/u;
/** A company's legal form, where a name's span cannot begin. */
const LEGAL_FORM = new RegExp(`^(?:${LIMITED_FORMS.join('|')})`, 'u');
/** Words of trades that companies' names are made of (X科技, Y电子, Z新材料). */
const TRADE_WORDS = ['科技', '电子', '汽车', '新材料', '材料', '医药', '药业', '实业', '机械', '装备', '电气', '生物', '股份', '集团', '公司'];
/** How companies' short names end (X科技, Y电子, Z新材料, W通讯), and how projects' names do. */
const COMPANY_ENDING = new RegExp(`(?:${[...TRADE_WORDS, '通讯', '通信', '机器人', '用品', '经营', '食品', '电器', '光电', '精密', '动力', '信息', '器械', '包装', '制造'].join('|')})$`, 'u');
const PROJECT_ENDING = /(?:项目|工程|基地|园|中心|厂|线|城|港|站|场|馆|楼|广场|小镇|工厂|车间|期|研究院)$/u;
/** Words of companies and industries that no person's name runs into (X科技产业园, X装备). */
const INDUSTRY_AFTER = new RegExp(`^(?:${[...TRADE_WORDS, '产业', '智能', '控股', '能源', '新能源', '物流', '制造'].join('|')})`, 'u');
/** A party body's word that begins a secretary's title (党委书记): the body keeps it. */
const PARTY_HEAD = new RegExp(`^(?:${PARTY_WORDS})`, 'u');
/** Characters that follow a person's name as a word of their own: leading (率), toward (向), credit (摄), and 等. */
const PERSON_AFTER = new Set([...'率向摄等在说称对和与']);
/** What follows a photographer's name in a credit (某某 摄). */
const CREDIT_AFTER = /^\s?(?:摄|供图)/u;
/** Single-character words that open a clause's predicate, never a name: 有X, 从X, 向X, 由X. */
const LEADING_WORDS = new Set([...'有从向由把被让对']);

/** The whole of a division, as a scope before a name: 全省, 全市, 全区, 全县, 全国. */
const SCOPE_LEAD = /^全[省市区县国]/u;
/** How divisions' names end; no person's does. */
const DIVISION_END = /[区市县省镇]$/u;
/** The character that ends many parks' names (X园, X产业园) and no person's. */
const PARK_END = '园';
/** A Latin letter; the Latin words right before a name's start: hyphen-joined ones with a letter each, then letters and digits. */
const LATIN = /[A-Za-z]/u;
const LATIN_RUN_BEFORE = /(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*-)*[A-Za-z0-9]*$/u;
/** words ending in 园 that name no park: a residential estate, a kindergarten, a public park, an orchard */
const NOT_PARK = /(?:幼儿园|公园|校园|家园|果园|茶园|花园|菜园|陵园|乐园|植物园|动物园)$/u;
/** The words that end a date (2017年, 3月, 15日), and what they follow. */
const DATE_END = new Set([...'年月日号']);
const NUMERAL_BEFORE = /[0-9０-９一二三四五六七八九十〇零]/u;
/** A repaired name keeps at least this many characters, or the span stays as decoded. */
const MIN_NAME = 2;

/** The word of the sentence that starts at `at`, if one does. */
function wordStarting(ctx: RepairContext, at: number): RepairContext['tokens'][number] | undefined {
  const t = ctx.tokens[ctx.tokenAt[at] ?? -1];
  return t?.start === at ? t : undefined;
}

/** The word of the sentence that ends at `at`, if one does. */
function wordEnding(ctx: RepairContext, at: number): RepairContext['tokens'][number] | undefined {
  const t = ctx.tokens[ctx.tokenAt[at - 1] ?? -1];
  return t?.end === at ? t : undefined;
}

/**
 * The length of a country name that begins the span [start, end) as a word of its own (德国 博世)
 * or inside one dictionary name (德国西门子), leaving a name of MIN_NAME or more; 0 if none.
 */
function countryPrefix(ctx: RepairContext, start: number, end: number): number {
  const first = wordStarting(ctx, start);
  if (!first) return 0;
  for (let len = Math.min(LONGEST_COUNTRY, first.word.length); len >= 2; len--) {
    if (!COUNTRIES.has(first.word.slice(0, len))) continue;
    const joined = len < first.word.length;
    return end - start - len >= MIN_NAME && (!joined || JOINED_NAME_TAGS.has(first.tag)) ? len : 0;
  }
  return 0;
}

/**
 * Types whose names begin and end where jieba's dictionary words do. Not organizations, whose names
 * jieba often joins to the title after them (区委|书记 in one word 区委书记), nor places, inside
 * words such as 市委 and 区政府. (Measured on the cross-validation's fold models, tagger seeds 1
 * and 2: for projects and parks, typed F1 +0.003 and relation F1 +0.004; for companies, clusters
 * and persons, +0.001 more; for organizations typed F1 −0.007 and relations −0.015, for places relations −0.003.)
 */
const WHOLE_WORDS: ReadonlySet<EntityType> = new Set(['project', 'industrial-park', 'company', 'industry-cluster', 'person']);

/**
 * Does the span [start, end) begin or end inside a word of jieba's dictionary, next to a Chinese
 * character? (Not a word jieba guessed, tagged x: 城等 in 珞璜临港产业城等 is no boundary.)
 */
function cutsWord(ctx: RepairContext, start: number, end: number): boolean {
  const first = ctx.tokens[ctx.tokenAt[start] ?? -1];
  if (first && first.start < start && first.tag !== 'x' && isHanChar(ctx.text[start - 1])) return true;
  const last = ctx.tokens[ctx.tokenAt[end - 1] ?? -1];
  return last !== undefined && last.end > end && last.tag !== 'x' && isHanChar(ctx.text[end]);
}

/** the types a place written before them may prefix as their location (唐山市乐亭县, 河北某地临空经济区) */
const PLACE_PREFIXED: ReadonlySet<EntityType> = new Set(['company', 'industrial-park', 'project', 'place']);

/**
 * The length of a place that begins the span [start, end) as a word of its own and is followed by
 * a word that begins with another place, one of the two inside the other (河北|某市临空经济区,
 * 重庆市|某区工业园区, 广西|南宁, 某区|某市…物流基地项目), or by a company's short name
 * (shortNameAfter): the guideline's region prefix, a place of its own. Not two places side by
 * side (广东|海南…合作产业园), not a registered company's name (…有限公司), and 0 when what is
 * left is shorter than a name.
 */
function placePrefix(ctx: RepairContext, start: number, end: number, type: EntityType): number {
  if (type === 'company' && ctx.text.endsWith('公司', end)) return 0;
  const outer = placeAt(ctx, start, end);
  // (a place jieba writes as one word of two: 广西南宁)
  if (!outer && type === 'place') return joinedPlaces(ctx.text, start, end);
  if (!outer || end - outer.end < MIN_NAME) return 0;
  if (type === 'company' && shortNameAfter(ctx, outer.places, outer.end, end)) return outer.end - start;
  const inner = placeAt(ctx, outer.end, end);
  if (!inner) return 0;
  const gaz = loadGazetteer();
  return liesWithin(gaz, inner.places, outer.places) || liesWithin(gaz, outer.places, inner.places) ? outer.end - start : 0;
}

/**
 * Is [at, end) a company's short name that a province or city written before it locates
 * (浙江|某某新材料, 上海|某某汽车配件: the guideline splits such a prefix off)? Only where the rest
 * holds a word jieba does not know or reads as a name (某某, tagged x or nr…): without one it is
 * generic without its region (重庆|水轮机, 江苏|银行股份, 上海|汽车工业), and the guideline keeps the
 * prefix. Not a group's, a works', a bank's name (某省某某集团: the annotated articles keep those
 * whole), nor two characters (西安隆基: a short name used as one).
 */
function shortNameAfter(ctx: RepairContext, outer: readonly Place[], at: number, end: number): boolean {
  if (end - at < 3 || /(集团|厂|银行|股份)$/u.test(ctx.text.slice(at, end))) return false;
  if (!outer.some((p) => p.level === 'province' || p.level === 'city')) return false;
  for (let k = ctx.tokenAt[at] ?? -1; k >= 0 && k < ctx.tokens.length && ctx.tokens[k]!.start < end; k++) {
    const t = ctx.tokens[k]!;
    if (t.start >= at && (t.tag === 'x' || t.tag.startsWith('nr'))) return true;
  }
  return false;
}

/**
 * A place written as one word of two places, the second inside the first (广西南宁, jieba's one
 * word): the length of the first, or 0.
 */
function joinedPlaces(text: string, start: number, end: number): number {
  const gaz = loadGazetteer();
  if (end - start > 2 * gaz.maxLength) return 0;
  for (let k = start + MIN_NAME; k <= end - MIN_NAME; k++) {
    const outer = placesNamed(gaz, text.slice(start, k));
    if (!outer.length) continue;
    const inner = placesNamed(gaz, text.slice(k, end));
    if (inner.length && liesWithin(gaz, inner, outer)) return k - start;
  }
  return 0;
}

/** The longest division (not a town) the gazetteer names, in full or short, from `at` to a word's end before `end`. */
function placeAt(ctx: RepairContext, at: number, end: number): { end: number; places: Place[] } | undefined {
  const gaz = loadGazetteer();
  for (let to = Math.min(end, at + gaz.maxLength); to >= at + 2; to--) {
    if (to < end && ctx.tokenAt[to] === ctx.tokenAt[to - 1]) continue; // not a word boundary
    const places = placesNamed(gaz, ctx.text.slice(at, to));
    if (places.length) return { end: to, places };
  }
  return undefined;
}

/**
 * A title written as a word of its own inside [start, end): where the body before it ends (a
 * party committee's secretary keeps 党委 in the body, which is then an organization) and the
 * person after it, when 2 or 3 characters starting with a surname end the span.
 */
function titleInside(ctx: RepairContext, start: number, end: number): { body: number; bodyType?: EntityType; person?: LabelSpan } | undefined {
  for (let k = ctx.tokenAt[start] ?? -1; k >= 0 && k < ctx.tokens.length && ctx.tokens[k]!.end <= end; k++) {
    const t = ctx.tokens[k]!;
    // head titles only: 代表, 委员 and the like are words of sentences too (李四代表区委)
    if (t.start < start || !TITLES.get(t.word)?.leads) continue;
    const rest = ctx.text.slice(t.end, end);
    const named = rest.length >= 2 && rest.length <= 3 && /^[\u4e00-\u9fff]+$/u.test(rest) && SURNAMES.has(rest[0]!) && !/[委府局部办院会]$/u.test(rest);
    const person = named ? { start: t.end, end, type: 'person' as const } : undefined;
    if (rest.length > 0 && !person) return undefined;
    const party = PARTY_HEAD.exec(t.word);
    return party ? { body: t.start + party[0].length, bodyType: 'organization', ...(person ? { person } : {}) } : { body: t.start, ...(person ? { person } : {}) };
  }
  return undefined;
}

/** Where a span starting at `start` begins once its brackets are balanced (see repairSpans). */
function bracketStart(ctx: RepairContext, start: number, end: number): number {
  const { text } = ctx;
  let depth = 0;
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (isOpenBracket(c)) depth++;
    else if (OPENING_OF[c] && --depth < 0) {
      // an unmatched closing bracket: its opening one is just before the span
      const from = text.lastIndexOf(OPENING_OF[c]!, start);
      if (from < 0 || start - from > 16 || /[，。；：！？,;:!?\n]/u.test(text.slice(from, start))) return start;
      // the bracket declares an alias ((以下简称“X”)): the name starts after it
      if (text.slice(from, i).includes('简称')) return end - i - 1 >= MIN_NAME ? i + 1 : start;
      open = from;
      break;
    }
  }
  const placeInBrackets = isOpenBracket(text[start]) && open < 0;
  if (placeInBrackets) {
    const close = text.indexOf(CLOSING_OF[text[start]!]!, start);
    if (close < 0 || close >= end - MIN_NAME) return start;
    const inner = text.slice(start + 1, close);
    if (!/^[\u4e00-\u9fff]{2,6}$/u.test(inner) || !/(?:省|市|区|县)$|^[\u4e00-\u9fff]{2}$/u.test(inner)) return start;
    open = start;
  }
  if (open < 0) return start;
  // the name the brackets follow: a quoted name, or the word before them
  if (text[open - 1] === '”') {
    const q = text.lastIndexOf('“', open - 1);
    return q >= 0 && open - q <= 12 ? q : open;
  }
  const before = wordEnding(ctx, open);
  return before && /^[\u4e00-\u9fffA-Za-z]{2,}$/u.test(before.word) && !/^[pcudrmq]/u.test(before.tag) ? before.start : open;
}

/**
 * A span that joins names (A、B; A有限公司B有限公司, not a company and its 分公司) as its parts,
 * each of MIN_NAME or more; else the span itself.
 */
function splitJoined(text: string, start: number, end: number, type: EntityType): LabelSpan[] {
  // a registered name may follow another only where the span ends as one does, and not as a branch
  const registeredRun = type === 'company' && text.endsWith('公司', end) && !/[分子]公司$/u.test(text.slice(start, end));
  const cuts: number[] = [];
  for (let i = start + MIN_NAME; i <= end - MIN_NAME; i++) {
    if (text[i] === '、') cuts.push(i);
    else if (registeredRun && end - i >= 4 && text.startsWith('公司', i - 2) && !isOpenBracket(text[i])) cuts.push(i);
  }
  if (!cuts.length) return [{ start, end, type }];
  const out: LabelSpan[] = [];
  let at = start;
  for (const c of cuts) {
    if (c - at >= MIN_NAME) out.push({ start: at, end: c, type });
    at = text[c] === '、' ? c + 1 : c;
  }
  if (end - at >= MIN_NAME) out.push({ start: at, end, type });
  return out;
}

/** Words that end a body's name, after which another body may be written straight on (区委区政府, 中共中央国务院). */
const BODY_ENDS = /(?:区委|市委|县委|省委|中共中央|党工委|党委|政府|管委会|国务院|宣传部|组织部|统战部)$/u;
/** Bodies that may follow one straight on: their names end so. */
const BODY_NAMES = /^[\u4e00-\u9fff]{0,8}(?:区委|市委|县委|省委|党工委|政府|管委会|国务院|人大|政协)$/u;

/**
 * An organization span that writes two bodies straight on, as a joint byline of party and
 * government does (甲区委区政府, 中共中央国务院), as its bodies; else as splitJoined reads it.
 */
function splitBodies(text: string, start: number, end: number): LabelSpan[] {
  // the last body first: 甲区党工委宣传部|甲区党工委, not 甲区党工委|宣传部甲区党工委
  for (let i = end - MIN_NAME; i >= start + MIN_NAME; i--) {
    if (BODY_ENDS.test(text.slice(start, i)) && BODY_NAMES.test(text.slice(i, end)) && text[i] !== '、') {
      return [...splitBodies(text, start, i), { start: i, end, type: 'organization' }];
    }
  }
  return splitJoined(text, start, end, 'organization');
}

/** A project span cut at each 、 whose part before ends as a project's or park's name does. */
function splitProjects(text: string, start: number, end: number): LabelSpan[] {
  const out: LabelSpan[] = [];
  let at = start;
  for (let i = start + 4; i <= end - 4; i++) {
    // a project's site in brackets, then the next project (X项目(某县)和Y项目): two projects and the site
    const site = SITE_THEN_NEXT.exec(text.slice(i, end));
    const type = site && NAME_ENDS.test(text.slice(at, i)) ? siteType(site[1]!) : undefined;
    if (site && type) {
      out.push({ start: at, end: i, type: 'project' }, { start: i + 1, end: i + 1 + site[1]!.length, type });
      at = i + site[0].length;
      i = at + 3;
      continue;
    }
    if (text[i] !== '、' || !NAME_ENDS.test(text.slice(at, i))) continue;
    out.push({ start: at, end: i, type: 'project' });
    at = i + 1;
  }
  out.push({ start: at, end, type: 'project' });
  return out;
}

/** a bracketed site and the conjunction after it, with a name to follow */
const SITE_THEN_NEXT = /^[（(]([^（）()，。、]{2,12})[）)][和及与、](?=[^，。；]{4})/u;

/** a bracketed site's type: a park by its ending, a place the gazetteer knows; undefined if neither */
function siteType(name: string): EntityType | undefined {
  if (PARK_ENDINGS.some((w) => name.endsWith(w))) return 'industrial-park';
  return placesNamed(loadGazetteer(), name).length ? 'place' : undefined;
}

/**
 * The decoded spans of one sentence (`ctx`, as the rules segmented it) repaired as the header
 * says, in order: spans may be dropped, cut, joined into a project, or split in two.
 */
export function repairSpans(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  const { text } = ctx;
  const out: LabelSpan[] = [];
  let skipTo = -1;
  for (let sp of spans) {
    if (sp.start < skipTo) continue; // inside a project already taken whole
    // a span that opens with a company's legal form (股份有限公司…) is the rest of the name before
    // it, cut there by decoding (X研究院|股份有限公司): one name with the later part's type; on
    // its own it names nothing
    if (LEGAL_FORM.test(text.slice(sp.start, sp.end))) {
      const last = out.at(-1);
      if (last && last.end === sp.start) out[out.length - 1] = { start: last.start, end: sp.end, type: sp.type };
      continue;
    }
    // a registered company followed in the same clause by what it makes, up to 项目 or the like,
    // is a project named after its company (X有限公司年产200套汽车模具项目)
    if (sp.type === 'company' && text.endsWith('公司', sp.end)) {
      const m = PRODUCT_PROJECT.exec(text.slice(sp.end, sp.end + 80));
      if (m) {
        sp = { start: sp.start, end: sp.end + m[0].length, type: 'project' };
        skipTo = sp.end;
      }
    }
    // a company's short name among projects (签约项目有：X科技、Y电子) is a company (the guideline)
    // (not what a project makes: 年产10万辆新能源汽车)
    const decoded = text.slice(sp.start, sp.end);
    const named = decoded.slice(AMOUNT_LEAD.exec(decoded)?.[0].length ?? 0); // after 总投资5亿元的, if any
    if (sp.type === 'project' && COMPANY_ENDING.test(named) && !PROJECT_ENDING.test(named) && !/[0-9０-９]|^年产/u.test(named)) sp = { ...sp, type: 'company' };
    // a project word after generic words only (重大招商项目, 产业项目) names no project
    if (sp.type === 'project' && genericProject(ctx, sp.start, sp.end)) continue;
    // nor does 集群 or 产业链 after generic words only (现有产业集群, 标志性产业园区集群)
    if (sp.type === 'industry-cluster' && genericCluster(ctx, sp.start, sp.end)) continue;
    // a place that names a media outlet (浙江在线, 长沙晚报, 广东新闻网, 某省工人报) is in a source line or credit
    if (sp.type === 'place' && MEDIA.test(text.slice(sp.end, sp.end + 4))) continue;
    // a place that begins a short quoted or titled name (“黄河明珠”, 《长江保护法》) is nested in it
    if (sp.type === 'place' && OPEN_QUOTE.has(text[sp.start - 1] ?? '') && QUOTED_REST.test(text.slice(sp.end, sp.end + 13))) continue;
    let { start, end } = sp;
    // a cluster's scale is part of its name: taken in whole, also where decoding cut its number (2000|亿级…)
    if (sp.type === 'industry-cluster') {
      const before = text.slice(Math.max(0, start - 8), start);
      const scale = SCALE_BEFORE.exec(before) ?? (text.startsWith('亿级', start) ? SCALE_CUT.exec(before) : null);
      if (scale && !(out.at(-1) && out.at(-1)!.end > start - scale[0].length)) start -= scale[0].length;
    }
    // a count after a list's last item (…、X体育及装备12条产业链, …、Y产业园六大项目) ends the
    // item: what follows counts the list, and names nothing
    if (sp.type !== 'person') {
      const count = COUNT_INSIDE.exec(text.slice(start + MIN_NAME, end));
      if (count) end = start + MIN_NAME + count.index;
    }
    // a name does not begin with a middle dot: the word before it is the name's first part (甲乙|·丙丁产业园)
    if (MIDDLE_DOTS.has(text[start] ?? '')) {
      const before = wordEnding(ctx, start);
      if (before && before.end - before.start >= 2 && isHanChar(text[before.start]) && !/^[pcuvd]/u.test(before.tag)) start = before.start;
    }
    // nor in the middle of a Latin word or of words a hyphen joins (Hi-|Lex集团, 3|M公司): the run is
    // one name. Not across a space (Johnson Controls: the tagger's start stays), nor a run after a
    // point, a slash or an @ (1.5|GW, www.abc-|Lex: a number or an address), nor a part of figures
    // only before a hyphen (2023-|Lex)
    if (LATIN.test(text[start] ?? '')) {
      const run = LATIN_RUN_BEFORE.exec(text.slice(Math.max(0, start - 24), start))![0];
      const from = start - run.length;
      if (run && !/[.@/:_]/u.test(text[from - 1] ?? '') && !(out.at(-1) && out.at(-1)!.end > from)) start = from;
    }
    // the end of a date before the name (2017年|经开区) is not part of it
    if (DATE_END.has(text[start] ?? '') && NUMERAL_BEFORE.test(text[start - 1] ?? '') && end - start - 1 >= MIN_NAME) start += 1;
    // nor a scope word (全省, 全市) before a cluster's, park's or project's name (全省新型显示产业链)
    if (sp.type !== 'person' && sp.type !== 'organization' && SCOPE_LEAD.test(text.slice(start, end)) && end - start - 2 >= MIN_NAME) start += 2;
    // an amount before the name (总投资5亿元的X) and the frame word of 以X为龙头 are not part of it
    if (sp.type !== 'person') {
      const amount = AMOUNT_LEAD.exec(text.slice(start, end));
      if (amount && end - start - amount[0].length >= MIN_NAME) start += amount[0].length;
      const first = wordStarting(ctx, start);
      // 以 alone, or joined to a name jieba does not know (以新岳/x), not a dictionary word (以色列)
      const frame = first?.word === '以' || (first?.word.startsWith('以') && first.tag === 'x');
      if (frame && end - start - 1 >= MIN_NAME && FRAME_REST.test(text.slice(start + 1))) start += 1;
      // …为 of 以X为代表 taken into the name (以甲乙为|代表): the name ends before 为
      if (text[end - 1] === '为' && FRAME_HEAD.test(text.slice(end, end + 2)) && end - 1 - start >= MIN_NAME) end -= 1;
      // a place and the name it frames decoded as one (X区以Y为龙头): the place is a mention of its
      // own, and the name starts after 以
      const inner = frameInside(ctx, start, end);
      if (inner > 0) {
        out.push({ start, end: inner, type: PARK_ENDINGS.some((w) => text.endsWith(w, inner)) ? 'industrial-park' : 'place' });
        start = inner + 1;
      }
    }
    // a name's brackets are balanced: a span that begins inside (…) starts where the bracket's name
    // does (甲乙(某市)电力研究院 for 某市)电力研究院), and one that begins with a place in brackets
    // takes the word the brackets follow (甲乙(某省)动力科技有限公司)
    if (sp.type !== 'person') {
      start = bracketStart(ctx, start, end);
      // a span kept before that the brackets' name now covers is part of it (甲乙 + 某市)电力研究院)
      while (out.length && out.at(-1)!.end > start) out.pop();
    }
    // a preposition or 有 written as a word of its own opens no name (有甲乙电厂, 从省发展改革委)
    const lead = wordStarting(ctx, start);
    // (alone, or joined to a name jieba does not know: 有国能/x)
    // (not for people: 由 and 向 are surnames too)
    const opens = sp.type !== 'person' && lead && LEADING_WORDS.has(lead.word[0]!) && (lead.word.length === 1 ? /^[pvc]/u.test(lead.tag) : lead.tag === 'x');
    if (opens && end - start - 1 >= MIN_NAME) start += 1;
    // a project or park decoded with the verb that acts on it (某市布局X组件项目) starts after the verb
    // and a cluster decoded with its subject and the verb that builds it (某市聚力发展X产业, 双方在X产业)
    // starts after the verb, and is no cluster if what is left is generic (某市推出产业链)
    const cluster = sp.type === 'industry-cluster';
    if (sp.type === 'project' || sp.type === 'industrial-park' || cluster) {
      for (let k = ctx.tokenAt[start] ?? -1; k >= 0 && k < ctx.tokens.length; k++) {
        const t = ctx.tokens[k]!;
        if (t.start >= end) break;
        const acts = cluster ? CLUSTER_VERBS.has(t.word) : ACTION_VERBS.has(t.word) || (t.start === start && OPENING_VERBS.has(t.word));
        if (acts && t.start >= start && end - t.end >= (cluster ? MIN_NAME : 4)) start = t.end;
      }
      if (cluster && start !== sp.start && genericCluster(ctx, start, end)) continue;
    }
    for (let t = wordEnding(ctx, end); t && TRAILING.has(t.word) && t.start - start >= MIN_NAME; t = wordEnding(ctx, end)) end = t.start;
    // a "person" written straight before a company's or an industry's word is the start of a name
    // (X科技产业园, X装备, X生物科技园): no person
    if (sp.type === 'person' && INDUSTRY_AFTER.test(text.slice(end, end + 3))) continue;
    // a "person" named exactly as a county, city or province is that place (荣昌、永川 in a list of districts)
    if (sp.type === 'person' && end - start >= 2 && placesNamed(loadGazetteer(), text.slice(start, end)).length > 0) sp = { ...sp, type: 'place' };
    // a person's name does not end with the verb or preposition after it (孙喆率…, 卢红向…, 霍吕摄)
    if (sp.type === 'person' && end - start >= 3 && PERSON_AFTER.has(text[end - 1]!)) end -= 1;
    // a photographer's credit (某某 摄) is no mention (the guideline). (Not a reporter's name after
    // 记者: in running text it may be a person, and CLUENER's news labels it so: its person F1 fell
    // from 0.725 to 0.702 when it was left out too.)
    if (sp.type === 'person' && CREDIT_AFTER.test(text.slice(end, end + 3))) continue;
    // a person's name does not end as a division's does (汽开区, 某某市)
    if (sp.type === 'person' && DIVISION_END.test(text.slice(start, end))) continue;
    // nor as a park's does: a "person" of three or more characters ending in 园 is that park (高X园
    // in a list of a zone's parks; none of the 3,661 person names labelled in CLUENER ends so), and
    // so is a "company" (no company of the annotated articles ends so; 2 of CLUENER's, both 家园 sites, NOT_PARK)
    if ((sp.type === 'person' || sp.type === 'company') && end - start >= 3 && text[end - 1] === PARK_END && !NOT_PARK.test(text.slice(start, end))) sp = { ...sp, type: 'industrial-park' };
    // a name cut inside a dictionary word is a piece of a longer one (once the words after a name are off)
    if (WHOLE_WORDS.has(sp.type) && cutsWord(ctx, start, end)) continue;
    // a title inside a name's span ends the name; a name after it is a person (X投资中心总经理某某,
    // X集团党委书记 → X集团党委, 董事长某某 → 某某)
    if (sp.type !== 'person') {
      const cut = titleInside(ctx, start, end);
      if (cut) {
        if (cut.person) out.push(...(cut.body - start >= MIN_NAME ? [{ start, end: cut.body, type: cut.bodyType ?? sp.type }] : []), cut.person);
        else if (cut.body - start >= MIN_NAME) out.push({ start, end: cut.body, type: cut.bodyType ?? sp.type });
        continue;
      }
    }
    const country = PREFIXED.has(sp.type) ? countryPrefix(ctx, start, end) : 0;
    if (country) {
      out.push({ start, end: start + country, type: 'place' });
      start += country;
    }
    const region = PLACE_PREFIXED.has(sp.type) ? placePrefix(ctx, start, end, sp.type) : 0;
    if (region) {
      out.push({ start, end: start + region, type: 'place' });
      start += region;
    }
    const last = out[out.length - 1];
    // a park written right before a cluster names the park's cluster, one name (甲乙经开区工程装备产业集群)
    if (sp.type === 'industry-cluster' && last && last.type === 'industrial-park' && last.end === start) {
      out[out.length - 1] = { start: last.start, end, type: 'industry-cluster' };
      continue;
    }
    // a company written right before a project is part of the project's name (X有限公司模具制造项目),
    // and so is a place decoded right before it (某市现代产业链服务中心项目): the guideline's region
    // prefix splits companies, parks and places, not projects
    const joins = last?.type === 'company' || (last?.type === 'place' && !region && start === sp.start);
    if (sp.type === 'project' && joins && last!.end === start) {
      out[out.length - 1] = { start: last!.start, end, type: 'project' };
      continue;
    }
    // two names decoded as one (A、B; A有限公司B有限公司) are two; a project's name may list products
    // with 、, and is split only where the part before 、 ends as a name does (X园（一期）、Y车间)
    if (sp.type === 'organization') out.push(...splitBodies(text, start, end));
    else if (sp.type !== 'project') out.push(...splitJoined(text, start, end, sp.type));
    else out.push(...splitProjects(text, start, end));
  }
  return out;
}

/**
 * The mentions without the park words that name no park (该产业园, 省级高新区): kept only where
 * the document names a park the word can stand for, as resolution would join them (经开区 after
 * 长沙经开区).
 */
export function withoutGenericParks<T extends { type: EntityType; text: string }>(mentions: T[]): T[] {
  return withoutGeneric(mentions, (m) => m.type === 'industrial-park' && namesNoPark(m.text), (generic, named) => named.type === 'industrial-park' && shortens(generic.text, named.text, 'industrial-park'));
}

/**
 * The mentions without those `generic` says name nothing, except where a named mention of the
 * document is one the generic word can stand for (`standsFor`).
 */
function withoutGeneric<T extends { type: EntityType; text: string }>(mentions: T[], generic: (m: T) => boolean, standsFor: (generic: T, named: T) => boolean): T[] {
  if (!mentions.some(generic)) return mentions;
  const named = mentions.filter((m) => !generic(m));
  return mentions.filter((m) => !generic(m) || named.some((n) => standsFor(m, n)));
}

/**
 * The head nouns of bodies and units that name none alone (研究院, 交易中心, 管理办公室, 党组织), nor after
 * generic words only; companies' internal units (采购部, 工程部) are no entities at all (the guideline).
 * 管委会 is not here: an article about a zone writes its own committee so.
 */
const GENERIC_BODIES = new Set(['研究院', '研究所', '交易中心', '办公室', '管理办公室', '党组织', '中心', '发展中心', '事业发展中心', '服务中心', '技术中心', '研究中心', '委员会', '部门', '有关部门', '事业部', '工程部', '采购部', '合作部', '招商部', '综合部']);

/** The mentions without bodies named by a generic noun only (see GENERIC_BODIES), unless the document names one it stands for. */
export function withoutGenericBodies<T extends { type: EntityType; text: string }>(mentions: T[]): T[] {
  const body = (m: T) => m.type === 'organization' || m.type === 'company';
  return withoutGeneric(mentions, (m) => body(m) && genericNoun(m.text) !== undefined, (generic, named) => body(named) && named.text.endsWith(genericNoun(generic.text)!));
}

/** The generic noun a body's mention is made of (研究院 for 研究院 or 该研究院), if it is made of one after generic words only. */
function genericNoun(text: string): string | undefined {
  if (GENERIC_BODIES.has(text)) return text;
  for (let i = 1; i < text.length; i++) if (GENERIC_MODIFIERS.has(text.slice(0, i)) && GENERIC_BODIES.has(text.slice(i))) return text.slice(i);
  return undefined;
}

/**
 * A name word (`ending`, at the end of the span's last jieba word) after jieba words that are all
 * generic: 重大 招商 项目, 建设项目, 现有 产业 集群, 领军 型 集群 name no project and no cluster.
 */
function genericName(ctx: RepairContext, start: number, end: number, ending: RegExp, generic: (word: string) => boolean): boolean {
  const last = wordEnding(ctx, end);
  const suffix = last && ending.exec(last.word);
  if (!last || !suffix) return false;
  const words: string[] = [last.word.slice(0, -suffix[0].length)];
  for (let k = ctx.tokenAt[start] ?? -1; k >= 0 && ctx.tokens[k]!.end <= last.start; k++) {
    if (ctx.tokens[k]!.start < start) return false;
    words.push(ctx.tokens[k]!.word);
  }
  return words.every((w) => w === '' || generic(w));
}

const PROJECT_WORD = /(?:项目|工程)$/u;
const CLUSTER_WORD = /(?:产业集群|集群|产业链群|产业链|链群)$/u;
/** Words that rank or describe clusters without naming one: 领军型, 高成长. */
const CLUSTER_MODIFIERS = new Set(['领军', '型', '高', '成长', '成长型', '产业园', '区', '现代化', '第一', '第二', '第三']);
const genericProject = (ctx: RepairContext, start: number, end: number) => genericName(ctx, start, end, PROJECT_WORD, (w) => GENERIC_MODIFIERS.has(w));
const genericCluster = (ctx: RepairContext, start: number, end: number) => genericName(ctx, start, end, CLUSTER_WORD, (w) => GENERIC_MODIFIERS.has(w) || CLUSTER_MODIFIERS.has(w));

/** A park word alone or after one generic modifier (省级高新区, 该产业园): no name in it. */
function namesNoPark(text: string): boolean {
  const ending = PARK_ENDINGS.find((w) => text.endsWith(w));
  if (!ending) return false;
  const core = text.slice(0, -ending.length);
  return core === '' || GENERIC_MODIFIERS.has(core) || PARK_MODIFIERS.has(core);
}

/** Words that point at or praise a park without naming it: 上述产业园, 重磅产业园, 主题产业园. */
const PARK_MODIFIERS = new Set(['上述', '前述', '以上', '重磅', '主题', '内', '各']);

/**
 * Types whose list items share what their list is a list of (A、B、C等企业): companies. Clusters
 * and the other types gained as many wrong items as right ones in cross-validation.
 */
const LISTED: ReadonlySet<EntityType> = new Set(['company']);

/**
 * The spans of a sentence, and the items of a 、-list the tagger left out where the list's head
 * word (等企业, 三大车企) and the items it did decode agree on their type: 甲乙、丙丁等龙头企业
 * with 甲乙 decoded gives 丙丁 too. A list with no head word gives its items the type most of its
 * decoded items have (甲乙、丙丁、戊己 with two of them decoded as companies).
 */
export function withListItems(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  if (!ctx.text.includes('、')) return [...spans];
  const typeAt = new Map(spans.map((sp) => [sp.start * 65536 + sp.end, sp.type]));
  const view = listView(ctx.text, ctx.tokens, (s, e) => typeAt.get(s * 65536 + e));
  const out = [...spans];
  for (let i = 0; i < ctx.text.length; ) {
    const part = view.part[i]!;
    if (part !== 1 && part !== 4) {
      i++;
      continue;
    }
    let e = i + 1;
    while (part === 1 && e < ctx.text.length && view.part[e] === 2) e++;
    if (part === 1) e++; // the E
    const head = view.head[i]!;
    const type = ENTITY_TYPES[head - 1];
    // the type the list's decoded items have
    const decoded = ENTITY_TYPES[view.ruled[i]! - 1];
    const free = e - i >= MIN_NAME && e - i <= 12 && !spans.some((sp) => sp.start < e && i < sp.end);
    if (head && head === view.ruled[i] && type && LISTED.has(type) && free) {
      out.push({ start: i, end: e, type });
    } else if (!head && free && decoded && LISTED.has(decoded) && !/[0-9０-９园区]/u.test(ctx.text.slice(i, e))) {
      // no head word: the type most of its decoded items have, for an item with no amount and no park word
      out.push({ start: i, end: e, type: decoded });
    }
    i = e;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The spans of a sentence, and the items of a 、-list that a count of companies follows (A、B、C、D
 * 四大整车企业, A、B两个百亿级龙头企业, A、B等5家配套企业) where the tagger left them out: the
 * count says what the list holds and how many, so the last that many items are companies (the
 * list view may have taken a word before the list as its first item). With 等 the list may name
 * fewer than it counts, without it no fewer. Not an industry's or a park's companies (三大产业龙头
 * 企业, 两个园区的企业). Items a span touches are left as decoded (with the count, if the tagger
 * took it in).
 */
export function withCountedLists(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  const out = [...spans];
  const text = ctx.text;
  for (const list of listItems(text, ctx.tokens)) {
    // the count: inside the last item as the list view cut it (…海马四大整车企业), or right after it
    const [ls, le] = list[list.length - 1]!;
    const c = COUNTED.exec(text.slice(ls, le + 16));
    // what stands between the count and 企业 says whose companies they are: not an industry's or a park's (三大产业龙头企业)
    if (!c || ls + c.index > le || c.index < MIN_NAME || NOT_OF_COMPANIES.test(c[3]!)) continue;
    const items = [...list.slice(0, -1), [ls, ls + c.index] as [number, number]];
    const n = countValue(c[2]!);
    const etc = c[1] === '等';
    if (n === undefined || n < 2 || (!etc && items.length < n) || (etc && items.length > n + 1)) continue;
    // a frame around the list (以A、B两家龙头企业为切入点): its 以 opens the first item, and is no part of it
    const framed = /^[^，。；;,]*?为/u.test(text.slice(ls + c.index + c[0].length));
    const taken = items.slice(Math.max(0, items.length - n));
    for (let [a, b] of taken) {
      if (framed && a === taken[0]![0] && text[a] === '以') a++;
      // an item holding a conjunction is two names, and one opening with a verb or an adverb
      // (培育A) is the list's lead-in, not a name
      if (b - a < MIN_NAME || b - a > 12 || /[为和与及]/u.test(text.slice(a, b)) || /^[vd]/u.test(wordStarting(ctx, a)?.tag ?? '')) continue;
      if (out.some((sp) => sp.start < b && a < sp.end)) continue;
      out.push({ start: a, end: b, type: 'company' });
    }
  }
  return out.length === spans.length ? out : out.sort((a, b) => a.start - b.start);
}
/** a count of companies: 等?, the number, its measure word, a few words, the company word */
const COUNTED = /(等)?([0-9０-９]+|[一二两三四五六七八九十]+)(?:大|家|个|户)([^，。；、,;：:]{0,5}?)(?:企业|公司|车企|厂商|主机厂|名企)/u;
/** words before 企业 that make them an industry's or a place's companies, not the list's */
const NOT_OF_COMPANIES = /产业|行业|领域|园|区|链|基地|板块|方向|的/u;

/** park words that name no park without the place before them (the guideline: 曲靖经开区, 海口国家高新区) */
const PREFIXED_PARK = /^(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|国家高新区|汽开区|综保区|综合保税区|保税区|自贸区|开发区)/u;
/** what makes a park word the start of a body's name (某市高新区管委会) */
const PARK_BODY = /^(?:管委会|管理委员会|党工委|工委)/u;

/**
 * The spans of a sentence, with a place decoded right before a park word that names no park
 * without it (长春|汽开区, 甲市|高新区) joined to it as one park: the guideline keeps such a prefix.
 * The park word must be decoded as nothing or as exactly that park; not where a body's name goes
 * on after it (甲市高新区管委会).
 */
export function withPrefixedParks(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i]!;
    const word = sp.type === 'place' ? PREFIXED_PARK.exec(ctx.text.slice(sp.end, sp.end + 9)) : null;
    if (word) {
      const end = sp.end + word[0].length;
      const next = spans[i + 1];
      const free = next === undefined || next.start >= end;
      const same = next !== undefined && next.start === sp.end && next.end === end && next.type === 'industrial-park';
      if ((free || same) && !PARK_BODY.test(ctx.text.slice(end, end + 4))) {
        out.push({ start: sp.start, end, type: 'industrial-park' });
        if (same) i++;
        continue;
      }
    }
    out.push(sp);
  }
  return out;
}

/** The words a frame's Y (below) ends at, the first of them it meets. */
const CLUSTER_WORDS = '产业集群|产业链群|产业链|集群|产业|行业|制造业';
/**
 * 以A、B为代表的Y, 以A为龙头的Y: the frame (以 and its A within one clause) and its Y, up to Y's
 * first cluster word (and a second one straight after it: …制造业产业集群, …产业联盟).
 */
const FRAMED = new RegExp(`以[^，。；;,]{1,60}?为(?:${FRAME_ROLES})的([\\u4e00-\\u9fffA-Za-z0-9]{2,24}?(?:${CLUSTER_WORDS})(?:产业集群|产业链|集群|链群|链|联盟)?)`, 'gu');
/**
 * what makes the frame's Y the start of a longer name of another kind (…产业基地, …行业协会); not
 * 项目: 以A、B为代表的汽车产业项目 names the industry its projects belong to (the guideline's Y产业项目…X)
 */
const NOT_CLUSTER_AFTER = /^(?:园|基地|协会|商会|学会|研究院|中心|大会|联合会)/u;
const FRAMED_END = new RegExp(`(?:${CLUSTER_WORDS}|联盟)$`, 'u');
const genericFramed = (ctx: RepairContext, start: number, end: number) => genericName(ctx, start, end, FRAMED_END, (w) => GENERIC_MODIFIERS.has(w) || CLUSTER_MODIFIERS.has(w));

/**
 * The spans of a sentence (sorted, apart), and the cluster a 以X为代表 (龙头, 核心…) frame names
 * where the tagger left it out and no span covers any of it (以A、B为代表的农产品加工产业): the
 * frame says what it names is a cluster of companies. Not a cluster named by generic words only
 * (传统产业), one that cuts a dictionary word, nor the start of a longer name (…产业基地).
 */
export function withFramedClusters(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  if (!ctx.text.includes('为')) return [...spans];
  const out = [...spans];
  let k = 0; // the first span that may end after a match's start (spans are sorted and apart)
  FRAMED.lastIndex = 0;
  for (let m = FRAMED.exec(ctx.text); m; m = FRAMED.exec(ctx.text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length;
    while (k < spans.length && spans[k]!.end <= start) k++;
    if (k < spans.length && spans[k]!.start < end) continue;
    if (NOT_CLUSTER_AFTER.test(ctx.text.slice(end, end + 3)) || cutsWord(ctx, start, end) || genericFramed(ctx, start, end)) continue;
    out.push({ start, end, type: 'industry-cluster' });
  }
  return out.length === spans.length ? out : out.sort((a, b) => a.start - b.start);
}

/**
 * The spans of a sentence, and each country the tagger left out where jieba writes it as a word
 * of its own and no span covers it (出口美国和越南, 飞往英国): the guideline's places. CLUENER, half
 * the tagger's training sentences, labels countries only inside addresses, which teaches the
 * tagger to leave them out. 中国 is not added (see COUNTRIES): it begins many official names.
 */
export function withCountries(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  const out = [...spans];
  for (const t of ctx.tokens) {
    if (!COUNTRIES.has(t.word) || spans.some((sp) => sp.start < t.end && t.start < sp.end)) continue;
    out.push({ start: t.start, end: t.end, type: 'place' });
  }
  return out.length === spans.length ? out : out.sort((a, b) => a.start - b.start);
}

/**
 * The spans of a sentence, and the items of a 、-list written in the shape of its decoded items
 * where the tagger left them out: two or more items decoded as one type all end in one character
 * (甲园、乙园、丙园 with 甲园 and 丙园 decoded as parks), and an item of about their length ends in it
 * too, so it is one more of them. A place decoded inside such an item (新田 in 新田园) is part of
 * its name, except a division written first (甲县|乙丙园), the guideline's region prefix; an item
 * ending as a kindergarten or a public park does (NOT_PARK) is none. An item of the shape decoded as
 * a project (园区分为：甲产业园、乙产业园、丙工业园 with 乙 a project) is a park too: among parks of
 * one shape, a name of that shape is one more of them (a project listed there is named …项目). The
 * list view misses a first item jieba writes as a word and a bound morpheme (高峰|园/zg): a name
 * decoded right before the list's first 、 is taken as its first item. (Letting the list view take
 * such words in changes the tagger's features too: retrained so, tagger seed 1 scored typed F1
 * 0.8133 and relations 0.6101 in cross-validation, against 0.8170 and 0.6489.)
 */
export function withListShapes(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  if (!ctx.text.includes('、')) return [...spans];
  const text = ctx.text;
  let out = [...spans];
  let changed = false;
  for (const listed of listItems(text, ctx.tokens)) {
    // a decoded name right before the list's first 、 is its first item, whatever words it is made of (高峰|园)
    const before = text[listed[0]![0] - 1] === '、' ? spans.find((sp) => sp.end === listed[0]![0] - 1) : undefined;
    const items: ReadonlyArray<readonly [number, number]> = before ? [[before.start, before.end], ...listed] : listed;
    const decoded = items.map(([s, e]) => spans.find((sp) => sp.start === s && sp.end === e));
    const byType = new Map<EntityType, Array<readonly [number, number]>>();
    decoded.forEach((sp, k) => { if (sp) (byType.get(sp.type) ?? byType.set(sp.type, []).get(sp.type)!).push(items[k]!); });
    for (const [type, have] of byType) {
      if (!SHAPED.has(type) || have.length < 2) continue;
      const last = text[have[0]![1] - 1]!;
      if (!have.every(([, e]) => text[e - 1] === last)) continue;
      const min = Math.min(...have.map(([s, e]) => e - s));
      const max = Math.max(...have.map(([s, e]) => e - s));
      items.forEach(([s, e], k) => {
        if (text[e - 1] !== last || e - s < Math.max(MIN_NAME, min - 1) || e - s > max + 2 || NOT_PARK.test(text.slice(s, e))) return;
        // an item of the shape decoded as a project (甲产业园、乙工业园、丙产业园 with 乙 a project) is one more of them
        const retyped = decoded[k];
        if (retyped) {
          // (type is a park while SHAPED holds parks only; the check keeps it so if SHAPED grows)
          if (retyped.type === 'project' && type === 'industrial-park') {
            out = out.map((sp) => (sp === retyped ? { ...sp, type } : sp));
            changed = true;
          }
          return;
        }
        const inside = out.filter((sp) => sp.start < e && s < sp.end);
        if (inside.some((sp) => sp.start < s || sp.end > e || sp.type !== 'place')) return;
        // a division written first (甲县|乙丙园) is the region prefix, a place of its own (the
        // guideline): the name starts after it; any other place inside (新田 in 新田园) is part of it
        const prefix = inside.find((sp) => sp.start === s && DIVISION_END.test(text.slice(sp.start, sp.end)));
        const start = prefix ? prefix.end : s;
        if (e - start < MIN_NAME) return;
        out = out.filter((sp) => sp === prefix || !inside.includes(sp));
        out.push({ start, end: e, type });
        changed = true;
      });
    }
  }
  return changed ? out.sort((a, b) => a.start - b.start) : out;
}
/**
 * Types whose lists are completed by shape: parks (甲园、乙园). For the other types the rule completed
 * no list of the annotated articles, so it stays unmeasured and off for them.
 */
const SHAPED: ReadonlySet<EntityType> = new Set(['industrial-park']);

/**
 * The spans of a sentence, and the items of a 、-list written after a count and a colon in a
 * sentence about projects (12个项目集中开工，其中甲区6个：A、B、C、D、E、F) where the tagger left them
 * out: the count says the list holds that many of the projects, so each item is one, a company
 * where it is shaped as a company's short name (the guideline: a company listed among projects is
 * a company). The list runs to the clause's end (its last item to 等 or a bracket), names exactly as
 * many as it counts, and has an item ending as a project's name does (…中心, …产业园, …项目): a list
 * of industries, places, dates or tasks has none. Not an item holding a conjunction, a bracket, a
 * quote or figures (年产5万吨X), one ending as a division's or a body's name does, a short one
 * written in common dictionary words only (智能制造), nor a last item that does not end as a name
 * does (…物流园均已开工). Within one sentence: a list after ；(a sentence of its own) is left out.
 */
export function withColonLists(ctx: RepairContext, spans: readonly LabelSpan[]): LabelSpan[] {
  const text = ctx.text;
  if (!text.includes('项目') || !/[:：]/u.test(text)) return [...spans];
  const out = [...spans];
  COLON_COUNT.lastIndex = 0;
  for (let m = COLON_COUNT.exec(text); m; m = COLON_COUNT.exec(text)) {
    const n = countValue(m[1]!);
    const at = m.index + m[0].length;
    if (n === undefined || n < 2 || !text.slice(0, m.index).includes('项目')) continue;
    let end = at;
    while (end < text.length && !CLAUSE_END.test(text[end]!)) end++;
    // the last item ends at 等 or at a bracket (…C（总投资5亿元）, a list inside brackets: …C）)
    let listed = text.slice(at, end);
    const tail = listed.lastIndexOf('、');
    const stop = listed.slice(tail + 1).search(/[等(（)）]/u);
    if (stop >= 0) listed = listed.slice(0, tail + 1 + stop);
    const parts = listed.split('、');
    if (parts.length !== n || !parts.some((p) => PROJECT_ENDING.test(p))) continue;
    let s = at;
    parts.forEach((part, k) => {
      const a = s;
      const e = s + part.length;
      s = e + 1;
      if (part.length < MIN_NAME || part.length > 24 || NOT_LISTED_NAME.test(part) || NOT_LISTED_END.test(part)) return;
      if (/[0-9０-９]/u.test(part) && !PROJECT_ENDING.test(part)) return;
      if (k === n - 1 && !PROJECT_ENDING.test(part) && !COMPANY_ENDING.test(part)) return;
      // an industry (智能制造, 新材料) is a short run of common words; a name may be longer and still read as such (甲乙智能停车设备)
      if (e - a <= 4 && commonWordsOnly(ctx, a, e)) return;
      if (out.some((sp) => sp.start < e && a < sp.end)) return;
      out.push({ start: a, end: e, type: COMPANY_ENDING.test(part) && !PROJECT_ENDING.test(part) ? 'company' : 'project' });
    });
  }
  return out.length === spans.length ? out : out.sort((x, y) => x.start - y.start);
}
/** what a listed name does not hold: a conjunction, a bracket, a quote, an ellipsis */
const NOT_LISTED_NAME = /[和与及为的()（）“”"‘’《》…]/u;
/** how the names of divisions, bodies and schools end: no project's nor company's */
const NOT_LISTED_END = /(?:省|市|县|区|镇|乡|街道|村|大学|学院|局|委|办|年)$/u;
/** Is text[a, e) written in common dictionary words only (智能|制造, 生物医药), none a name, an abbreviation or a word jieba does not know? */
function commonWordsOnly(ctx: RepairContext, a: number, e: number): boolean {
  let at = a;
  while (at < e) {
    const t = wordStarting(ctx, at);
    if (!t || t.end > e || NAME_TAGS.test(t.tag)) return false;
    at = t.end;
  }
  return true;
}
/** jieba's tags of names, abbreviations and words it does not know */
const NAME_TAGS = /^(?:x|nz|nr|ns|nt|j|eng)/u;
/** a count of items and the colon before them (6个：) */
const COLON_COUNT = /([0-9０-９]+|[一二两三四五六七八九十]+)个[:：]/gu;
/** what ends a list written after a colon */
const CLAUSE_END = /[；;。，,：:！？!?…\n]/u;
