// What every mention finder sees of one sentence: its text, its tokens and the positions where
// a name may start or end.
import type { EntityType } from '../types.js';
import { tokenize, type Token } from '../segment/index.js';
import { BOUNDARY_WORDS, COUNT_WORD, SUFFIX_TYPES, TITLES } from './lexicon.js';

/** A candidate mention in sentence-local offsets. */
export interface Span {
  start: number;
  end: number;
  type: EntityType;
  rule: string;
  /** higher wins when candidates overlap with equal length */
  priority: number;
  /** a list or pattern decided the type: it overrides the suffix type of an overlapping span */
  typed?: boolean;
}

export interface SentenceContext {
  text: string;
  tokens: Token[];
  /** token index covering each character */
  tokenAt: Int32Array;
  /** positions where a token starts or ends, or where a title word starts or ends */
  boundary: Uint8Array;
  /** positions a name may not extend left across: the end of a title or of a person's name */
  stops: Uint8Array;
  /** gazetteer codes of the places the whole document names in full, with their ancestors */
  docPlaces: ReadonlySet<string>;
}

const TITLE_WORDS = [...TITLES.keys()].sort((a, b) => b.length - a.length);
const SUFFIX_WORDS = SUFFIX_TYPES.map(([s]) => s).filter((s) => s.length >= 2);
/**
 * Title and suffix words by the code of their last character, flagged as titles or not: one pass
 * over a sentence finds them all (by code: no one-character string is made per position).
 */
const CUT_WORDS_BY_LAST = new Map<number, Array<{ word: string; title: boolean }>>();
for (const [word, title] of [...TITLE_WORDS.map((w) => [w, true] as const), ...SUFFIX_WORDS.map((w) => [w, false] as const)]) {
  const last = word.charCodeAt(word.length - 1);
  CUT_WORDS_BY_LAST.set(last, [...(CUT_WORDS_BY_LAST.get(last) ?? []), { word, title }]);
}

export function makeContext(text: string, docPlaces: ReadonlySet<string> = new Set()): SentenceContext {
  const tokens = tokenize(text);
  const tokenAt = new Int32Array(text.length);
  const boundary = new Uint8Array(text.length + 1);
  const stops = new Uint8Array(text.length + 1);
  tokens.forEach((t, i) => {
    for (let k = t.start; k < t.end; k++) tokenAt[k] = i;
    boundary[t.start] = 1;
    boundary[t.end] = 1;
  });
  // jieba glues titles and suffixes to their neighbours (政协主席, 区委书记): cut them out.
  for (let end = 1; end <= text.length; end++) {
    const words = CUT_WORDS_BY_LAST.get(text.charCodeAt(end - 1));
    if (!words) continue;
    for (const { word, title } of words) {
      const at = end - word.length;
      if (at < 0 || !text.startsWith(word, at)) continue;
      boundary[at] = 1;
      boundary[end] = 1;
      if (title) stops[end] = 1;
    }
  }
  return { text, tokens, tokenAt, boundary, stops, docPlaces };
}


/** A token is a hard stop when a name cannot run through it. */
export function isStopToken(t: Token): boolean {
  if (BOUNDARY_WORDS.has(t.word) || COUNT_WORD.test(t.word)) return true;
  // direction words end a name (活动上, 园区内) except compass points in names (渝西, 川南)
  if (t.tag === 'f') return !/^[东西南北中]+部?$/u.test(t.word);
  if (/^[\s，。、；：！？“”‘’「」《》【】,.;:!?"'…—\-/|%％‰#＃*＊\ufffd]+$/u.test(t.word)) return true;
  if (['uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'p', 'r', 'd', 't', 'm', 'q', 'y', 'e', 'o', 'z'].includes(t.tag)) {
    return !/^[0-9A-Za-z.]+$/.test(t.word) || t.tag === 't';
  }
  if (t.tag === 'c' && t.word !== '及' && t.word !== '及其') return true;
  // 充分发挥, 全面推进: a verb at the end of a glued token still ends the name.
  for (let k = 2; k <= 3 && k < t.word.length; k++) if (BOUNDARY_WORDS.has(t.word.slice(-k))) return true;
  return false;
}

/**
 * A lone numeral or classifier character that begins an unknown name rather than counting:
 * right after 的 (亿元的元图…项目) or right after a verb (加快建设道恩高分子材料扩能等项目).
 */
export function opensName(t: Token, prev: Token | undefined): boolean {
  if (t.word.length !== 1 || !/^[mq]$/.test(t.tag) || !/\p{Script=Han}/u.test(t.word) || /[一二三四五六七八九十百千万亿两几]/u.test(t.word)) return false;
  return prev?.word === '的' || (prev !== undefined && prev.word.length >= 2 && /^v[n]?$/.test(prev.tag));
}

/** Verb phrases jieba cuts into single characters (做/大/做/强): a name never runs back into them. */
const VERB_PHRASES = /(?:做大做强|做优做强|做强做优|做大做优|做实做强|做精做强|做强|做大|做优|做实|做精|培优|育强|提质|扩量)$/u;

export function endsVerbPhrase(ctx: SentenceContext, pos: number): boolean {
  return VERB_PHRASES.test(ctx.text.slice(Math.max(0, pos - 4), pos));
}

/** Tokens that may stand inside a name but not begin it. */
export function isVerbish(t: Token): boolean {
  return t.tag === 'v' || t.tag === 'vd' || t.tag === 'ad' || t.tag === 'c' || (t.tag === 'vn' && GROWTH_VERBS.has(t.word));
}

/** Verbs of growth jieba tags as nouns (发展/vn): they open a phrase, never a name. */
const GROWTH_VERBS = new Set(['发展', '培育', '壮大', '打造', '建设', '推动', '推进', '引进', '招引', '升级', '提升']);
