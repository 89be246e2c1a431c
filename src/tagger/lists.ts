// The 、-lists of a sentence, as the tagger sees them: which characters sit in a list item, where
// in it, and what the list is a list of (the word after it: 等企业, 三大主机厂, 等项目) and what
// the rules made of its other items. A list's items share a type, so a name the rules do not know
// (乙 among 甲乙车身、乙丙、丙丁等企业) still gets its neighbours' evidence.
import { ENTITY_TYPES, type EntityType } from '../types.js';
import type { Token } from '../segment/index.js';
import { LIST_HEADS, SUFFIX_TYPES } from '../extract/lexicon.js';
import { WordIndex } from './word-index.js';

export interface ListView {
  /** 1 B, 2 I, 3 E, 4 S within its item; 0 outside any item */
  part: Uint8Array;
  /** 1 first item, 2 middle, 3 last */
  item: Uint8Array;
  /** the list's head word type (1 + type index), 0 when none is seen */
  head: Uint8Array;
  /** the type the rules give most of the list's items (1 + type index), 0 when none */
  ruled: Uint8Array;
  /** item length in characters */
  length: Uint8Array;
}

const CLAUSE = /[，。；：！？,;:!?“”"（）()《》\n]/u;
const ITEM_END = /[等和及与的为，。；：！？,;:!?“”"（）()《》\n、]/u;
const MAX_ITEM = 20;
/** tags of words that may make up a listed name */
const NAMEISH = /^(n|ng|nr|nrfg|nrt|ns|nt|nz|x|eng|j|vn|an|l|i|a|b|s|g|k)$/u;

let headIndex: WordIndex | undefined;
function heads(): WordIndex {
  headIndex ??= new WordIndex([
    ...LIST_HEADS.map(([w, t]) => [w, 1 + ENTITY_TYPES.indexOf(t)] as const),
    ...SUFFIX_TYPES.map(([w, t]) => [w, 1 + ENTITY_TYPES.indexOf(t)] as const),
    ...(['主机厂', '车企', '药企', '厂商', '品牌', '龙头', '链主', '巨头', '名企', '外企', '民企'] as const).map((w) => [w, 1 + ENTITY_TYPES.indexOf('company')] as const),
    ...(['产业', '行业', '领域'] as const).map((w) => [w, 1 + ENTITY_TYPES.indexOf('industry-cluster')] as const),
  ]);
  return headIndex;
}

/** Zeros for a sentence without a 、-list (most of them): shared, never written, at least as long as the sentence. */
let noList: ListView = zeroView(0);
function zeroView(n: number): ListView {
  return { part: new Uint8Array(n), item: new Uint8Array(n), head: new Uint8Array(n), ruled: new Uint8Array(n), length: new Uint8Array(n) };
}

/**
 * The 、-lists of a sentence. A sentence without 、 gets a shared view of zeros that may be longer
 * than it: read it at the sentence's positions only, and never write into it.
 */
export function listView(text: string, tokens: readonly Token[], ruleWhole: (s: number, e: number) => EntityType | undefined): ListView {
  const n = text.length;
  if (!text.includes('、')) {
    if (noList.part.length < n) noList = zeroView(Math.max(n, 2 * noList.part.length));
    return noList;
  }
  const view = zeroView(n);
  for (const items of listItems(text, tokens)) mark(view, text, items, ruleWhole);
  return view;
}

/**
 * The 、-lists of a sentence, each as its items' [start, end), two or more, in order. The tagger's
 * features and three of its repairs read the lists of one sentence: they are found once per
 * sentence's tokens (the caller must not change them).
 */
export function listItems(text: string, tokens: readonly Token[]): ReadonlyArray<ReadonlyArray<readonly [number, number]>> {
  if (!text.includes('、')) return NO_LISTS;
  const known = FOUND.get(tokens);
  if (known?.text === text) return known.lists;
  const lists = findLists(text, tokens);
  FOUND.set(tokens, { text, lists });
  return lists;
}
const NO_LISTS: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [];
const FOUND = new WeakMap<readonly Token[], { text: string; lists: Array<Array<[number, number]>> }>();

function findLists(text: string, tokens: readonly Token[]): Array<Array<[number, number]>> {
  const n = text.length;
  const lists: Array<Array<[number, number]>> = [];
  if (!text.includes('、')) return lists;
  const tokenAt = new Int32Array(n).fill(-1);
  tokens.forEach((t, k) => {
    for (let i = t.start; i < t.end && i < n; i++) tokenAt[i] = k;
  });
  for (let i = 0; i < n; ) {
    if (text[i] !== '、') {
      i++;
      continue;
    }
    // a run of separators within one clause
    const seps = [i];
    let j = i + 1;
    for (; j < n; j++) {
      if (CLAUSE.test(text[j]!)) break;
      if (text[j] === '、') {
        // an item holds no 等, 的 or 为: the list ended before this separator
        const between = text.slice(seps[seps.length - 1]! + 1, j);
        if (j - seps[seps.length - 1]! > MAX_ITEM + 1 || /[等的为]/u.test(between)) break;
        seps.push(j);
      }
    }
    const items: Array<[number, number]> = [];
    // the first item: name-like words back from the first separator
    let s = seps[0]!;
    for (let k = tokenAt[s - 1] ?? -1; k >= 0; k--) {
      const t = tokens[k]!;
      if (!NAMEISH.test(t.tag) || seps[0]! - t.start > MAX_ITEM || CLAUSE.test(t.word)) break;
      s = t.start;
    }
    if (s < seps[0]!) items.push([s, seps[0]!]);
    for (let k = 0; k + 1 < seps.length; k++) if (seps[k + 1]! - seps[k]! > 1) items.push([seps[k]! + 1, seps[k + 1]!]);
    // the last item: up to 等, a conjunction, punctuation, or a word that is not name-like
    const lastStart = seps[seps.length - 1]! + 1;
    let e = lastStart;
    while (e < n && e - lastStart < MAX_ITEM && !ITEM_END.test(text[e]!)) e++;
    if (e > lastStart) items.push([lastStart, Math.min(e, n)]);
    if (items.length >= 2) lists.push(items);
    i = seps[seps.length - 1]! + 1;
  }
  return lists;
}

function mark(view: ListView, text: string, items: ReadonlyArray<readonly [number, number]>, ruleWhole: (s: number, e: number) => EntityType | undefined): void {
  // what follows the list: 等, a count (三大, 6个), 为代表的 …, then the head word
  const end = items[items.length - 1]![1];
  let head = 0;
  for (let p = end; p < Math.min(text.length, end + 20) && !CLAUSE.test(text[p]!); p++) {
    const hit = heads().longestAt(text, p);
    if (hit) {
      head = hit.cls;
      break;
    }
  }
  const votes = new Map<EntityType, number>();
  for (const [s, e] of items) {
    const t = ruleWhole(s, e);
    if (t) votes.set(t, (votes.get(t) ?? 0) + 1);
  }
  let ruled = 0;
  let best = 0;
  for (const [t, v] of votes) {
    if (v > best) {
      best = v;
      ruled = 1 + ENTITY_TYPES.indexOf(t);
    }
  }
  items.forEach(([s, e], k) => {
    const which = k === 0 ? 1 : k === items.length - 1 ? 3 : 2;
    for (let i = s; i < e; i++) {
      view.part[i] = e - s === 1 ? 4 : i === s ? 1 : i === e - 1 ? 3 : 2;
      view.item[i] = which;
      view.head[i] = head;
      view.ruled[i] = ruled;
      view.length[i] = Math.min(255, e - s);
    }
  });
}
