// What the relation classifier sees of a candidate pair: the two types and their order, the
// text between them (its length, its characters, the trigger words and punctuation in it), what
// surrounds them, lists, anaphors, titles, the gazetteer's hierarchy and the relation rules' vote.
// Character features only: the corpus pass has no jieba words, and needs none.
import { RELATION_TYPES, type Document, type EntityType, type RelationType } from '../types.js';
import { TITLES } from '../extract/lexicon.js';
import { placeInside } from '../extract/gazetteer.js';
import { WordIndex } from '../tagger/word-index.js';
import type { Arg, Candidate } from './candidates.js';

/** Words that state relations, generic to the genre: location verbs, hosting, leadership, membership. */
const TRIGGERS = [
  '位于', '坐落', '地处', '落户', '落地', '入驻', '进驻', '扎根', '选址', '安家', '落子', '签约', '签署', '在', '于', '到',
  '开工', '投产', '建成', '建设', '新建', '打造', '引进', '招引', '集聚', '聚集', '汇聚', '吸引', '布局', '投资', '总投资',
  '园区', '片区', '境内', '辖区', '内', '旗下', '所属', '下属', '之一', '的', '和', '与', '及', '、', '等',
  '为代表', '为龙头', '为核心', '为主', '为骨干', '链主', '龙头', '代表', '骨干', '牵头', '带动', '引领', '产业链', '集群',
  '董事长', '总经理', '总裁', '书记', '主任', '区长', '市长', '县长', '局长', '部长', '院长', '校长', '主席', '会长', '理事长', '行长', '副',
];
const TRIGGER_INDEX = new WordIndex(TRIGGERS.map((w, i) => [w, i] as const));
const TITLE_LIST = [...TITLES.keys()].sort((a, b) => b.length - a.length);
/** each title's place in TITLE_LIST, and the titles' lengths, longest first */
const TITLE_RANK = new Map(TITLE_LIST.map((w, i) => [w, i]));
const TITLE_LENGTHS = [...new Set(TITLE_LIST.map((w) => w.length))];
const CLAUSE = /[，。；：！？,;:!?\n]/u;

const bucket = (d: number): number => (d <= 2 ? d : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : d <= 32 ? 6 : 7);

/** What the relation rules found in a sentence: head entity → tail entity → the relations between them. */
export type RuleVotes = ReadonlyMap<string, ReadonlyMap<string, readonly RelationType[]>>;

/** The feature keys of one candidate, given what the rules found in its sentence. */
export function pairFeatures(doc: Document, c: Candidate, ruleVotes: RuleVotes, others: readonly Arg[]): Uint32Array {
  const { head: h, tail: t } = c;
  const first = h.nstart <= t.nstart ? h : t;
  const second = first === h ? t : h;
  const ord = first === h ? 'ht' : 'th';
  const sig = `${h.type}>${t.type}`;
  const text = doc.text;
  const gapStart = Math.min(first.nend, second.nstart);
  // the gap as words around names: each mention in it is one mark of its type
  const gap = masked(text, gapStart, second.nstart, others);
  const out: number[] = [];
  // each feature is its parts hashed in turn (FNV-1a, a separator after each): no string is joined
  const add = (p0: string, p1?: Part, p2?: Part, p3?: Part, p4?: Part) => {
    let h: number;
    if (p1 === sig) h = afterSig(p0, sig);
    else {
      h = fold(0x811c9dc5, p0);
      if (p1 !== undefined) h = fold(h, p1);
    }
    if (p2 !== undefined) h = fold(h, p2);
    if (p3 !== undefined) h = fold(h, p3);
    if (p4 !== undefined) h = fold(h, p4);
    out.push(h >>> 0);
  };

  add('sig', sig, ord);
  add('dist', sig, ord, bucket(gap.length));
  // the names between the two (and the places and parks among them), and an appositive chain
  // (位于A县B街道): the first name written straight on from the pair's outer end
  let between = 0;
  let sites = 0;
  let after: Arg | undefined;
  for (const o of others) {
    if (o.nstart >= gapStart && o.nend <= second.nstart && o !== h && o !== t) {
      between++;
      if (o.type === 'place' || o.type === 'industrial-park') sites++;
    }
    if (!after && o.nstart === second.nend && o.nend > o.nstart) after = o;
  }
  add('nb', sig, ord, Math.min(3, between));
  add('chainA', sig, ord, after ? after.type : '-');
  add('nbSite', sig, ord, Math.min(2, sites));
  if (gap.length <= 6) add('gap', sig, ord, gap);
  else {
    add('gapL', ord, gap.slice(0, 2));
    add('gapR', ord, gap.slice(-2));
  }
  if (gap.length === 0) add('adj', sig, ord);
  const clauseBreak = CLAUSE.test(gap);
  add('clause', sig, ord, clauseBreak ? 'diff' : 'same');
  for (let i = 0; i + 1 < gap.length && i < 40; i++) add('bi', ord, gap.charCodeAt(i) * 65536 + gap.charCodeAt(i + 1));
  for (const p of new Set(gap.match(/[，、；：（）“”《》,;:]/gu) ?? [])) add('p', ord, p);
  // trigger words in the gap, and just outside the pair
  for (const w of triggersIn(gap)) add('trig', sig, ord, w);
  for (const w of triggersIn(text.slice(second.nend, second.nend + 8))) add('trigA', sig, w);
  for (const w of triggersIn(text.slice(Math.max(0, first.nstart - 8), first.nstart))) add('trigB', sig, w);
  add('l2', sig, text.slice(Math.max(0, first.nstart - 2), first.nstart));
  add('r2', sig, text.slice(second.nend, second.nend + 2));
  add('r1', ord, text.slice(second.nend, second.nend + 1));
  // the rules' own reading of the pair
  const voted = ruleVotes.get(h.entity)?.get(t.entity);
  if (voted) {
    for (const r of RELATION_TYPES) {
      if (!voted.includes(r)) continue;
      add('rule', r);
      add('rule', r, sig);
    }
  }
  // lists: an item of a 、-list shares what is said of its list
  for (const [side, a] of [['h', h], ['t', t]] as const) {
    const before = text[a.nstart - 1];
    const after = text[a.nend];
    if (before === '、' || after === '、') add('list', side, sig, ord);
    if (a.anaphor) add('ana', side, a.anaphor, sig);
    // an elided subject or place stands where the sentence opens or where its hosting word is: that word
    if (a.anaphor && a.nend === a.nstart) add('anaV', side, a.anaphor, text.slice(a.nstart, a.nstart + 2));
    if (opensClause(text, a.nstart)) add('subj', side, sig);
    add('rule-of', side, ruleFamily(a.rule));
  }
  // list distribution: an item of a 、-list stands where its list stands (the candidate's list
  // extents), so the pair is also seen with the list as one name (某县集中开工的A、B、C等项目: B's gap
  // to 某县 is A's)
  const [ls, le] = first === h ? c.headList : c.tailList;
  const [ms, me] = second === h ? c.headList : c.tailList;
  if (ls !== first.nstart || le !== first.nend || ms !== second.nstart || me !== second.nend) {
    if (le <= ms) {
      const lgap = masked(text, le, ms, others);
      add('Ldist', sig, ord, bucket(lgap.length));
      if (lgap.length <= 6) add('Lgap', sig, ord, lgap);
      else {
        add('LgapL', ord, lgap.slice(0, 2));
        add('LgapR', ord, lgap.slice(-2));
      }
      for (const w of triggersIn(lgap)) add('Ltrig', sig, ord, w);
      add('Lr2', sig, text.slice(me, me + 2));
    } else add('Lsame', sig);
  }
  // titles: a head title between a body and a person (德感工业园党委书记程粮畯) or before the person
  if (h.type === 'person') {
    const title = titleEnding(text, h.nstart);
    if (title) {
      const info = TITLES.get(title)!;
      add('title', info.leads ? 'head' : 'not-head', t.type, t.nend === h.nstart - title.length ? 'body-before' : 'apart');
      add('titleWord', title, t.nend === h.nstart - title.length ? 'body-before' : 'apart');
    }
    if (gap.length <= 12) for (const w of titlesIn(gap)) add('titleIn', w, ord);
  }
  if (h.type === 'place' && t.type === 'place') {
    const inside = placeInside(h.text, t.text);
    if (inside) add('gaz', inside);
  }
  // each key once, in the order first written: training and classification read a pair's keys as a set
  return distinct(out);
}

type Part = string | number;

/**
 * Per feature name, the hash after its name and a pair's types (sig): most features begin so,
 * and sig is up to 32 characters, which took most of a build's hashing of pair features. At most
 * a few dozen names × 49 pairs of types.
 */
const AFTER_SIG = new Map<string, Map<string, number>>();
function afterSig(name: string, sig: string): number {
  let bySig = AFTER_SIG.get(name);
  if (!bySig) AFTER_SIG.set(name, (bySig = new Map()));
  let h = bySig.get(sig);
  if (h === undefined) bySig.set(sig, (h = fold(fold(0x811c9dc5, name), sig)));
  return h;
}

/** FNV-1a of one part of a feature, and a separator after it, continuing from `h` */
function fold(h: number, p: Part): number {
  if (typeof p === 'number') h = Math.imul(h ^ p, 0x01000193);
  else for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** The title written right before `at` (the longest, if several end there), or undefined. */
function titleEnding(text: string, at: number): string | undefined {
  for (const len of TITLE_LENGTHS) if (at >= len && TITLE_RANK.has(text.slice(at - len, at))) return text.slice(at - len, at);
  return undefined;
}

/** The titles written anywhere in a short text, each once, in TITLE_LIST's order. */
function titlesIn(s: string): string[] {
  const found: string[] = [];
  for (const len of TITLE_LENGTHS) {
    for (let i = 0; i + len <= s.length; i++) {
      const w = s.slice(i, i + len);
      if (TITLE_RANK.has(w) && !found.includes(w)) found.push(w);
    }
  }
  return found.length > 1 ? found.sort((a, b) => TITLE_RANK.get(a)! - TITLE_RANK.get(b)!) : found;
}

/** An open-addressed table of the keys seen for one pair: a key is in it when its slot holds this pair's stamp. */
let slotKey = new Uint32Array(1024);
let slotStamp = new Uint32Array(1024);
let stamp = 0;

/** `keys` without repeats, each in the place it first appears. */
function distinct(keys: readonly number[]): Uint32Array {
  if (keys.length * 2 > slotKey.length) {
    const size = 2 ** Math.ceil(Math.log2(keys.length * 4));
    slotKey = new Uint32Array(size);
    slotStamp = new Uint32Array(size);
    stamp = 0;
  }
  if (++stamp === 0xffffffff) {
    slotStamp.fill(0);
    stamp = 1;
  }
  const mask = slotKey.length - 1;
  const out = new Uint32Array(keys.length);
  let n = 0;
  for (const k of keys) {
    let at = Math.imul(k, 0x9e3779b1) >>> 0 & mask;
    while (slotStamp[at] === stamp && slotKey[at] !== k) at = (at + 1) & mask;
    if (slotStamp[at] === stamp) continue;
    slotStamp[at] = stamp;
    slotKey[at] = k;
    out[n++] = k;
  }
  return n === out.length ? out : out.slice(0, n);
}

/** A mention's rule without the tagger's mark and the rule's detail (tagger+suffix:公司 → suffix), once per rule. */
const FAMILIES = new Map<string, string>();
function ruleFamily(rule: string): string {
  let f = FAMILIES.get(rule);
  if (f === undefined) FAMILIES.set(rule, (f = rule.replace(/^tagger\+/u, '').split(/[:+]/u)[0]!));
  return f;
}

const TYPE_MARK: Record<EntityType, string> = { company: 'Ⓒ', organization: 'Ⓞ', 'industrial-park': 'Ⓟ', project: 'Ⓙ', place: 'Ⓛ', person: 'Ⓡ', 'industry-cluster': 'Ⓘ' };

/** text[a, b) with each mention wholly inside it written as one mark of its type, and each digit as 0: what the words around names say, not the names */
function masked(text: string, a: number, b: number, args: readonly Arg[]): string {
  const inside = args.filter((o) => o.nstart >= a && o.nend <= b && o.nend > o.nstart).sort((x, y) => x.nstart - y.nstart || y.nend - x.nend);
  let out = '';
  let at = a;
  for (const o of inside) {
    if (o.nstart < at) continue;
    out += text.slice(at, o.nstart) + TYPE_MARK[o.type];
    at = o.nend;
  }
  // figures as one shape: 3个 and 6个, 20亿元 and 110亿元 say the same
  return (out + text.slice(at, b)).replace(DIGITS, '0');
}
const DIGITS = /[0-9０-９]/gu;

/** The trigger words in a text: the longest one starting at each position, each word once. */
function triggersIn(s: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    const hit = TRIGGER_INDEX.longestAt(s, i);
    if (hit) found.add(TRIGGERS[hit.cls]!);
  }
  return [...found];
}

function opensClause(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s“‘「（(]/u.test(text[i]!)) i--;
  return i < 0 || CLAUSE.test(text[i]!);
}
