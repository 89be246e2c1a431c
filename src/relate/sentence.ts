// What relation patterns see: one sentence's text and its mentions, each linked to its entity.
import type { EntityType, Mention, RelationType } from '../types.js';

export interface Linked extends Mention {
  entity: string;
}

export interface SentenceView {
  /** normalised text of the sentence */
  text: string;
  /** normalised offset of the sentence start */
  base: number;
  /** mentions in the sentence, in text order, with sentence-local offsets ls/le */
  mentions: Array<Linked & { ls: number; le: number }>;
}

/** A relation found in one sentence, before evidence is attached. */
export interface Found {
  head: string;
  tail: string;
  relation: RelationType;
  rule: string;
}

export const is =
  (...types: EntityType[]) =>
  (m: { type: EntityType }): boolean =>
    types.includes(m.type);

/** What joins the items of a list of names (A、B和C). */
export const JOIN = /[、和及与]/u;

/**
 * What stands between two items of a list: a join, or 、 and the next item's modifier ending in
 * 的 (A、总投资5亿元的B、投资2亿元的C), with no clause punctuation or quotes in it, and no joint
 * action (A、B共同建设的C: A is a party to C, not an item beside it).
 */
export const ITEM_GAP = new RegExp(`^(?:${JOIN.source}|、(?![^的]*(?:共同|联合|合资|携手|合作))[^，。；：！？,;:!?\\n、“”"]{1,24}的)$`, 'u');

/** Clause punctuation, full- and half-width. */
export const CLAUSE = /[，。；：！？,;:!?\n]/u;

/** Where the clause holding local offset `at` begins: just after the clause punctuation before it. */
export function clauseStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE.test(text[i]!)) return i + 1;
  return 0;
}

/** The mention that starts exactly at local offset `at`, if any. */
export function mentionAt(view: SentenceView, at: number): SentenceView['mentions'][number] | undefined {
  return view.mentions.find((m) => m.ls === at);
}

/** The mention that ends exactly at local offset `at`, if any. */
export function mentionEndingAt(view: SentenceView, at: number): SentenceView['mentions'][number] | undefined {
  return view.mentions.find((m) => m.le === at);
}

/** Mentions in text order, a longer one before one nested at its start. */
export const OUTER_FIRST = (a: { nstart: number; nend: number }, b: { nstart: number; nend: number }): number => a.nstart - b.nstart || b.nend - a.nend;

/** The mentions of each sentence, by sentence index: in the order given, or sorted by `order`. */
export function bySentence<M extends { sentence: number }>(mentions: readonly M[], order?: (a: M, b: M) => number): Map<number, M[]> {
  const out = new Map<number, M[]>();
  for (const m of mentions) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  if (order) for (const list of out.values()) list.sort(order);
  return out;
}

/** Of the mentions that fit, the first mention of the entity they name most often (the earliest first named, on a tie). */
export function mostNamed(mentions: readonly Linked[], fits: (m: Linked) => boolean): Linked | undefined {
  const counts = new Map<string, { n: number; m: Linked }>();
  for (const m of mentions) {
    if (!fits(m)) continue;
    const e = counts.get(m.entity) ?? { n: 0, m };
    e.n++;
    counts.set(m.entity, e);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.m.nstart - b.m.nstart)[0]?.m;
}
