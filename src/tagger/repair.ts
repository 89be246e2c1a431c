// Span repair after decoding: what the character tagger, reading one character at a time, gets
// wrong at a name's edges. A decoded span that ends with a word no name ends with (…在内,
// …为龙头) loses it; a country written before a company or park is the company's location, a
// place of its own (the guideline's region prefixes: 德国埃马克 → 埃马克 located-in 德国).
// Nothing here names an entity: the words are closed-class grammar and the country names come
// from a packaged locale file.
import type { Token } from '../segment/index.js';
import type { EntityType } from '../types.js';
import type { LabelSpan } from './labels.js';
import { COUNTRY_NAMES } from './countries.js';

/** Words that never end a name when jieba writes them as a word of their own. */
const TRAILING = new Set(['在内', '等', '为', '为首', '为主', '为龙头', '为核心', '为代表', '牵头', '领衔', '的']);
/** Countries that stand before a name as its location, longest first; 中国 often begins an official name, 中非 a partnership's. */
const COUNTRIES = COUNTRY_NAMES.filter((n) => !['中国', '中华人民共和国', '中非'].includes(n)).sort((a, b) => b.length - a.length);
/** jieba's tags of dictionary words that join a country and a name (德国西门子/ns, 韩国三星/nz). */
const JOINED_NAME_TAGS = new Set(['ns', 'nt', 'nz']);
/** Types whose names lose a country written before them. */
const PREFIXED: ReadonlySet<EntityType> = new Set(['company', 'industrial-park']);
/** A repaired name keeps at least this many characters, or the span stays as decoded. */
const MIN_NAME = 2;

/** The token of `tokens` (in text order) whose `edge` offset equals `at`. */
function tokenWith(tokens: readonly Token[], edge: 'start' | 'end', at: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t[edge] === at) return t;
    if (t[edge] < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The length of a country name that begins the span [start, end) as a word of its own (德国 博世)
 * or inside one dictionary name (德国西门子), leaving a name of MIN_NAME or more; 0 if none.
 */
function countryPrefix(tokens: readonly Token[], start: number, end: number): number {
  const first = tokenWith(tokens, 'start', start);
  if (!first) return 0;
  for (const c of COUNTRIES) {
    if (!first.word.startsWith(c) || end - start - c.length < MIN_NAME) continue;
    if (first.word.length === c.length || JOINED_NAME_TAGS.has(first.tag)) return c.length;
    return 0;
  }
  return 0;
}

/**
 * The decoded spans of one sentence with their edges repaired, in order; a country before a
 * company or park becomes a `place` span of its own. `tokens` are the sentence's jieba words.
 */
export function repairSpans(tokens: readonly Token[], spans: readonly LabelSpan[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  for (const sp of spans) {
    let { start, end } = sp;
    for (let t = tokenWith(tokens, 'end', end); t && TRAILING.has(t.word) && t.start - start >= MIN_NAME; t = tokenWith(tokens, 'end', end)) end = t.start;
    const country = PREFIXED.has(sp.type) ? countryPrefix(tokens, start, end) : 0;
    if (country) {
      out.push({ start, end: start + country, type: 'place' });
      start += country;
    }
    out.push({ start, end, type: sp.type });
  }
  return out;
}
