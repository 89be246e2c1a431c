// People: a name right after a title (区委书记唐大军, 首席科学家张某), names listed after a
// title (领导张某某、李某某参加), and names jieba reads as a person that then speak (田亚东说).
import type { Span, SentenceContext } from './context.js';
import { DOUBLE_SURNAMES, SPEECH_VERBS, SURNAMES, TITLES } from './lexicon.js';
import { isLayoutSpace } from '../strings.js';

const TITLE_WORDS = [...TITLES.keys(), '领导', '同志', '总书记'].sort((a, b) => b.length - a.length);
const NAME_STOP = /^(出席|参加|主持|表示|说|指出|强调|介绍|一行|等|率|带领|陪同|来|到|在|对|和|与|及|同|会见|讲话|致辞|作|为|是|的|也|还|就|要|称|认为|希望|提出|要求|调研|考察|视察)/u;

/** jieba's tags for a word it reads as a person, or does not know (x). */
const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);

const NAME_FOLLOWER = new Set('作说率在到为是将与和对向出来去任兼等、，。'.split(''));

/** Is `name` shaped like a Chinese personal name? (宣传部 is not, whatever jieba says) */
export function looksLikeName(name: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false;
  if (/[部局委厅司办院所校会团园区市县镇乡村港省处科队站]$/u.test(name)) return false;
  if (name.length >= 3 && DOUBLE_SURNAMES.has(name.slice(0, 2))) return true;
  if (name.length === 4) return false;
  return SURNAMES.has(name[0]!);
}

/** The person name starting at `s`, if the text there reads as one. */
export function nameAt(ctx: SentenceContext, s: number): number | undefined {
  const { text, tokens } = ctx;
  const ti = ctx.tokenAt[s];
  if (ti === undefined) return undefined;
  const tok = tokens[ti]!;
  // a whole token that jieba took as a person or an unknown word
  if (tok.start === s && looksLikeName(tok.word) && PERSON_TAGS.has(tok.tag)) {
    if (!NAME_STOP.test(tok.word.slice(1))) {
      // 刘安/兵: a lone character after a two-character name is its third character
      const next = tokens[ctx.tokenAt[tok.end] ?? -1];
      // (李劲/渝到会: an abbreviation character too, when a verb or a stop follows it)
      const third = next && (/^(n|ng|nr|x|zg)$/.test(next.tag) || (next.tag === 'j' && NAME_FOLLOWER.has(text[next.end] ?? '')));
      if (tok.word.length === 2 && next && next.start === tok.end && next.word.length === 1 && third && !NAME_FOLLOWER.has(next.word)) {
        return next.end;
      }
      return tok.end;
    }
  }
  // a dictionary word is not a name (领导干部)
  if (tok.start === s && tok.word.length >= 2 && !PERSON_TAGS.has(tok.tag) && looksLikeName(tok.word)) {
    return undefined;
  }
  // surname + given name glued from pieces (田/亚东, 王某某作): 2 or 3 characters ending at a
  // boundary or before a one-character verb, not running into a verb
  for (const len of [3, 2]) {
    const e = s + len;
    if (e > text.length) continue;
    if (!ctx.boundary[e] && !NAME_FOLLOWER.has(text[e] ?? '')) continue;
    const cand = text.slice(s, e);
    if (!looksLikeName(cand)) continue;
    if (NAME_STOP.test(cand.slice(1))) continue;
    // 和/科研: the given name must not be one ordinary dictionary word
    // (唐/大军 is a name: jieba read 唐 as a surname)
    const given = ctx.tokens[ctx.tokenAt[s + 1] ?? -1];
    const surname = ctx.tokens[ctx.tokenAt[s] ?? -1];
    const readAsSurname = !!surname && surname.end === s + 1 && /^nr/.test(surname.tag);
    if (!readAsSurname && given && given.start === s + 1 && given.end === e && /^(n|vn|a|d|ad|an|c|p)$/.test(given.tag)) continue;
    // nor the beginning of a longer dictionary word (和/科研专家)
    if (given && given.start === s + 1 && given.end > e && given.tag !== 'x' && !/^nr/.test(given.tag)) continue;
    return e;
  }
  return undefined;
}

/** Who a person is, written before the name: no office, so no `leads` (村民赵泽伦, 脱贫户邓大荣). */
const ROLE_WORDS = [
  '村民', '居民', '市民', '农民', '渔民', '牧民', '脱贫户', '农户', '种植户', '养殖户', '村干部', '党员', '老党员',
  '职工', '员工', '工人', '技术员', '工程师', '技术骨干', '师傅', '游客', '老人', '志愿者', '网格员', '退役军人',
  '学生', '大学生', '研究生', '教师', '老师', '医生', '护士', '企业家', '创始人', '负责人', '带头人', '代表', '委员',
].sort((a, b) => b.length - a.length);
/** Honorifics written after a name (聂荣臻元帅, 王某某院士). */
const HONORIFICS = ['元帅', '将军', '烈士', '先生', '女士', '院士', '教授', '博士', '老师', '师傅'];

export function findPersons(ctx: SentenceContext): Span[] {
  const { text } = ctx;
  const spans: Span[] = [];
  const seen = new Set<number>();
  const push = (s: number, e: number, rule: string) => {
    if (seen.has(s)) return;
    seen.add(s);
    spans.push({ start: s, end: e, type: 'person', rule, priority: 4, typed: true });
  };
  const [titleHits, roleHits] = wordHits(text);
  for (const [title, at] of titleHits) {
    let s = at + title.length;
    // captions and interview headers set the name apart by a space (主任 李艳)
    if (isLayoutSpace(text[s])) s++;
    // title NAME、NAME、NAME: a list of people after one title
    for (;;) {
      const e = nameAt(ctx, s);
      if (e === undefined) break;
      push(s, e, `title:${title}`);
      if (text[e] !== '、') break;
      s = e + 1;
    }
  }
  for (const [role, at] of roleHits) {
    const s = at + role.length;
    const e = nameAt(ctx, s);
    if (e !== undefined && !FUNCTION_CHARS.has(text[s]!) && readAsPerson(ctx, s, e) && (jiebaPerson(ctx, s, e) || ROLE_NAME_FOLLOWER.test(text[e] ?? '。'))) push(s, e, `role:${role}`);
  }
  // NAME + title or honorific (唐大军书记, 某某同志, 聂荣臻元帅): jieba reads the name as a person
  // or as an unknown word
  for (const t of ctx.tokens) {
    if (!/^(nr|x$)/.test(t.tag) || !looksLikeName(t.word)) continue;
    const after = text.slice(t.end, t.end + 5);
    if (TITLE_WORDS.some((w) => after.startsWith(w) && !w.startsWith('副')) || after.startsWith('同志') || HONORIFICS.some((h) => after.startsWith(h))) {
      push(t.start, t.end, 'name-title');
    }
  }
  // NAME、NAME、NAME: three or more names in a row, most of which jieba reads as people
  for (const list of nameLists(ctx)) for (const [s, e] of list) push(s, e, 'name-list');
  // NAME说 / NAME表示: a person-shaped token that speaks
  for (const t of ctx.tokens) {
    if (!(t.tag === 'nr' || t.tag === 'x' || t.tag === 'nrfg') || !looksLikeName(t.word)) continue;
    const after = text.slice(t.end, t.end + 2);
    if (SPEECH_VERBS.some((v) => after.startsWith(v))) push(t.start, t.end, 'speech');
  }
  return spans;
}

/** Title and role words by the code of their last character, with their rank in TITLE_WORDS or ROLE_WORDS. */
const WORDS_BY_LAST = new Map<number, Array<{ word: string; role: boolean; rank: number }>>();
for (const [list, role] of [[TITLE_WORDS, false], [ROLE_WORDS, true]] as const) {
  list.forEach((word, rank) => {
    const last = word.charCodeAt(word.length - 1);
    WORDS_BY_LAST.set(last, [...(WORDS_BY_LAST.get(last) ?? []), { word, role, rank }]);
  });
}

/**
 * Every occurrence of every title and role word, found in one pass over the text and given in
 * the order the word lists would find them one word at a time (longest word first, then by
 * position): which title claims a name is decided as before.
 */
function wordHits(text: string): [Array<[string, number]>, Array<[string, number]>] {
  const titles: Array<{ word: string; at: number; rank: number }> = [];
  const roles: Array<{ word: string; at: number; rank: number }> = [];
  for (let end = 1; end <= text.length; end++) {
    const words = WORDS_BY_LAST.get(text.charCodeAt(end - 1));
    if (!words) continue;
    for (const w of words) {
      const at = end - w.word.length;
      if (at >= 0 && text.startsWith(w.word, at)) (w.role ? roles : titles).push({ word: w.word, at, rank: w.rank });
    }
  }
  const order = (a: { at: number; rank: number }, b: { at: number; rank: number }) => a.rank - b.rank || a.at - b.at;
  return [titles.sort(order).map((h) => [h.word, h.at]), roles.sort(order).map((h) => [h.word, h.at])];
}

/** Surnames that are far more often a function word or a verb right after a role word (企业家来株考察). */
const FUNCTION_CHARS = new Set('和来都把从向将于让给对要能也还在与及同就以到'.split(''));

/** What may follow a name after a role word when jieba did not read the name whole (村民赵泽伦在…). */
const ROLE_NAME_FOLLOWER = /[，、。；：！？在说是等的将和与介正已也]/u;

/** jieba read text[s, e) whole as a person or an unknown word. */
function jiebaPerson(ctx: SentenceContext, s: number, e: number): boolean {
  const tok = ctx.tokens[ctx.tokenAt[s] ?? -1];
  return !!tok && tok.start === s && tok.end >= e && PERSON_TAGS.has(tok.tag);
}

/** jieba read text[s, e) as a person: whole, or its first character as a surname. */
function readAsPerson(ctx: SentenceContext, s: number, e: number): boolean {
  if (jiebaPerson(ctx, s, e)) return true;
  const first = ctx.tokens[ctx.tokenAt[s] ?? -1];
  return !!first && first.start === s && first.end === s + 1 && /^nr/.test(first.tag);
}

/** Runs of three or more person-shaped words joined by 、, at least two of them tagged as people by jieba. */
function nameLists(ctx: SentenceContext): Array<Array<[number, number]>> {
  const lists: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  let tagged = 0;
  const close = () => {
    if (run.length >= 3 && tagged >= 2) lists.push(run);
    run = [];
    tagged = 0;
  };
  let s = 0;
  while (s < ctx.text.length) {
    const opens = s === 0 || /[、，：:\s（(]/u.test(ctx.text[s - 1]!) ;
    const e = opens ? nameAt(ctx, s) : undefined;
    if (e === undefined || (ctx.text[e] !== '、' && run.length === 0)) {
      close();
      s++;
      continue;
    }
    run.push([s, e]);
    if (readAsPerson(ctx, s, e)) tagged++;
    if (ctx.text[e] !== '、') {
      close();
      s = e;
      continue;
    }
    s = e + 1;
  }
  close();
  return lists;
}
