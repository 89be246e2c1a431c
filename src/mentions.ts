// An article's mentions as the corpus passes take them: a list of mention objects (extracted now),
// or rows kept in a cache's columns (corpus/heads.ts), of which a mention is made only when one
// is asked for. A rebuild of a large corpus reads most articles from the cache and writes most
// graph records as the file it replaces has them: the ×100 rebuild made 2 M mention objects for
// the 880 records it wrote, which took it 1–1.5 s with their collection.
import type { Mention } from './types.js';

/** An article's mentions kept as rows until asked for. */
export interface MentionRows {
  readonly length: number;
  /** the j-th mention, made anew on each call */
  at(j: number): Mention;
  /** the j-th mention's text, type and rule, written into `into` (no mention made) */
  nameAt(j: number, into: MentionName): MentionName;
}

/** What the names pass (extract/index.ts corpusForms) reads of a mention. */
export type MentionName = Pick<Mention, 'text' | 'type' | 'rule'>;

/** An article's mentions, in order. */
export type ArticleMentions = Mention[] | MentionRows;

/** The mentions as a list: the list itself, or the rows' mentions made. */
export function mentionList(mentions: ArticleMentions): Mention[] {
  if (isMentionList(mentions)) return mentions;
  const out: Mention[] = new Array(mentions.length);
  for (let j = 0; j < out.length; j++) out[j] = mentions.at(j);
  return out;
}

/**
 * The articles' mentions one after the other, for a pass that reads only their text, type and
 * rule: a list's mentions themselves, a row's name in one object written over for each row
 * (valid until the next is taken).
 */
export function mentionNames(articles: readonly ArticleMentions[]): Iterable<MentionName> {
  return {
    [Symbol.iterator]: () => {
      const name: MentionName = { text: '', type: 'organization', rule: '' };
      let a = 0;
      let j = 0;
      return {
        next: (): IteratorResult<MentionName> => {
          for (; a < articles.length; a++, j = 0) {
            const ms = articles[a]!;
            if (j < ms.length) return { value: isMentionList(ms) ? ms[j++]! : ms.nameAt(j++, name), done: false };
          }
          return { value: undefined, done: true };
        },
      };
    },
  };
}

/** The j-th mention. */
export function mentionAt(mentions: ArticleMentions, j: number): Mention {
  return isMentionList(mentions) ? mentions[j]! : mentions.at(j);
}

function isMentionList(mentions: ArticleMentions): mentions is Mention[] {
  return Array.isArray(mentions);
}

/**
 * Each entity's mentions, where resolution left them to be made when asked for (a graph record
 * copied from the file it replaces never asks): `entityIndex` gives each mention's entity, the
 * articles' mentions one after the other. `count(e)` needs no mention; `of(e)` makes entity e's
 * list, in the articles' order.
 */
export class EntityMentions {
  /** entity e's mentions are order[first[e]] … order[first[e + 1] − 1], as indices into the articles' mentions one after the other */
  private readonly first: Int32Array;
  private readonly order: Int32Array;
  /** where each article's mentions start among them all */
  private readonly starts: Int32Array;
  private readonly rows: Uint8Array;

  private readonly articles: readonly ArticleMentions[];

  /** (`articles` is copied: the caller may empty its list) */
  constructor(articles: readonly ArticleMentions[], entityIndex: Int32Array, entities: number) {
    this.articles = articles.slice();
    const first = new Int32Array(entities + 1);
    for (let k = 0; k < entityIndex.length; k++) first[entityIndex[k]! + 1]!++;
    for (let e = 0; e < entities; e++) first[e + 1]! += first[e]!;
    const order = new Int32Array(entityIndex.length);
    const fill = first.slice(0, entities);
    for (let k = 0; k < entityIndex.length; k++) order[fill[entityIndex[k]!]!++] = k;
    const starts = new Int32Array(articles.length + 1);
    articles.forEach((ms, a) => (starts[a + 1] = starts[a]! + ms.length));
    if (starts[articles.length] !== entityIndex.length) throw new Error('kg: an entity index of other mentions than the articles hold');
    // the entities with a mention kept as rows
    const rows = new Uint8Array(entities);
    this.articles.forEach((ms, a) => {
      if (!isMentionList(ms)) for (let k = starts[a]!; k < starts[a + 1]!; k++) rows[entityIndex[k]!] = 1;
    });
    this.first = first;
    this.order = order;
    this.starts = starts;
    this.rows = rows;
  }

  /** Would entity e's list make mentions of rows (rather than take those of lists)? */
  fromRows(e: number): boolean {
    return this.rows[e] === 1;
  }

  count(e: number): number {
    return this.first[e + 1]! - this.first[e]!;
  }

  of(e: number): Mention[] {
    const out: Mention[] = new Array(this.count(e));
    let a = 0;
    for (let x = 0; x < out.length; x++) {
      const k = this.order[this.first[e]! + x]!;
      // (ascending: the article moves forward only)
      a = articleOf(this.starts, k, a);
      out[x] = mentionAt(this.articles[a]!, k - this.starts[a]!);
    }
    return out;
  }
}

/** The article (from `from` on) whose mentions hold mention `k`: starts[a] ≤ k < starts[a + 1]. */
function articleOf(starts: Int32Array, k: number, from: number): number {
  let lo = from;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
