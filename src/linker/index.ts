// The learned stage of relation extraction: every candidate pair of a document (candidates.ts)
// is classified as none or one of the three relations (model.ts), reading the pair's features
// (features.ts), the sentence patterns' votes among them. Of the entities of one type the
// classifier relates an entity to by one relation, the best-scoring one stays in a document (in
// the annotated articles a company is in one park and one place, a project mostly in one place:
// 636 heads with one such tail against 40 with more, most of those a district and its city, which
// the gazetteer lets stay together), and where the patterns give it one, theirs.
// A site in brackets right after a name is that name's location, not its neighbours'. What the
// patterns find is kept too: in cross-validation the union scored above either alone. A fact
// stated through an anaphor keeps as evidence the sentence that states it, then the one that
// names the entity (shown in that order).
// What this stage finds depends on which mentions name one entity, never on the entities' ids
// themselves (compared, used as keys, written out; never read, ordered or parsed): a build's
// workers link each article with its own resolution and the build renames the ids after
// (corpus/local-relations.ts).
import type { Document, Evidence, Relation, RelationType } from '../types.js';
import { RELATION_TYPES } from '../types.js';
import type { Found, Linked } from '../relate/sentence.js';
import { evidenceFor, relateDocument, rulesBySentence } from '../relate/index.js';
import { candidatePairs, mainSite, DISTRICT_ANAPHORS, HOSTING, type Candidate } from './candidates.js';
import { pairFeatures, type RuleVotes } from './features.js';
import { classOf, decide, type Decision, type LinkExample, type LinkerModel } from './model.js';
import { inBrackets } from '../strings.js';
import { placeInside } from '../extract/gazetteer.js';

export { trainLinker, type LinkerModel } from './model.js';

const NO_VOTES: RuleVotes = new Map();
const LOCATED_IN = classOf('located-in');

/**
 * Is the candidate's tail a place or park written in brackets right after another name than its
 * head? Such a site is that name's location (X项目（某县）, Y项目（某经开区）), and in a list of
 * items each with its own bracket, not the location of the items around it.
 */
function locatesAnother(doc: Document, c: Candidate, endsAt: ReadonlyMap<number, string>): boolean {
  const t = c.tail;
  if (t.anaphor || !inBrackets(doc.text, t.nstart, t.nend)) return false;
  const owner = endsAt.get(t.nstart - 1);
  return owner !== undefined && owner !== c.head.entity;
}

/** Each candidate pair of a document with its features; `rules` is what the sentence patterns find there. */
function featured(doc: Document, mentions: Linked[], rules: Map<number, Found[]>): Array<{ c: Candidate; features: Uint32Array }> {
  const votes = new Map<number, Map<string, Map<string, RelationType[]>>>();
  for (const [index, found] of rules) {
    const byHead = new Map<string, Map<string, RelationType[]>>();
    for (const f of found) {
      let byTail = byHead.get(f.head);
      if (!byTail) byHead.set(f.head, (byTail = new Map()));
      const list = byTail.get(f.tail);
      if (!list) byTail.set(f.tail, [f.relation]);
      else if (!list.includes(f.relation)) list.push(f.relation);
    }
    votes.set(index, byHead);
  }
  const cands = candidatePairs(doc, mentions);
  // each sentence's arguments in the order its candidates first name them
  const argsOf = new Map<number, Candidate['head'][]>();
  const seen = new Set<Candidate['head']>();
  for (const c of cands) {
    let list = argsOf.get(c.sentence);
    if (!list) argsOf.set(c.sentence, (list = []));
    for (const a of [c.head, c.tail]) {
      if (seen.has(a)) continue;
      seen.add(a);
      list.push(a);
    }
  }
  return cands.map((c) => ({ c, features: pairFeatures(doc, c, votes.get(c.sentence) ?? NO_VOTES, argsOf.get(c.sentence)!) }));
}

/** Relations stated in one document, as the classifier decides them. */
export function linkDocument(doc: Document, mentions: Linked[], model: LinkerModel): Relation[] {
  const out: Relation[] = [];
  const rules = rulesBySentence(doc, mentions);
  // one tail per head, relation and tail type in a document: the best-scoring one
  const best = new Map<string, { tail: string; margin: number }>();
  // each pair the classifier relates, by its slot (its relation made, with its evidence, once it stays)
  const held: Array<{ key: string; c: Candidate; relation: RelationType }> = [];
  const endsAt = new Map<number, string>();
  // an entity's type and name, as its first mention gives them
  const typeOf = new Map<string, string>();
  const textOf = new Map<string, string>();
  for (const m of mentions) {
    endsAt.set(m.nend, m.entity);
    if (typeOf.has(m.entity)) continue;
    typeOf.set(m.entity, m.type);
    textOf.set(m.entity, m.text);
  }
  // the slot a relation fills: its head, its relation and its tail's type
  const slotOf = (r: Pick<Relation, 'head' | 'relation' | 'tail'>) => `${r.head}\u0000${r.relation}\u0000${typeOf.get(r.tail)}`;
  const pairs = featured(doc, mentions, rules);
  const decided = distributed(pairs.map(({ c }) => c), pairs.map(({ c, features }) => decide(model, features, [0, ...c.allowed.map(classOf)])));
  for (let i = 0; i < pairs.length; i++) {
    const { c } = pairs[i]!;
    const { k, margin } = decided[i]!;
    if (k === 0) continue;
    if (k === LOCATED_IN && locatesAnother(doc, c, endsAt)) continue;
    const relation = RELATION_TYPES[k - 1]!;
    const key = slotOf({ head: c.head.entity, relation, tail: c.tail.entity });
    const have = best.get(key);
    if (!have || margin > have.margin) best.set(key, { tail: c.tail.entity, margin });
    held.push({ key, c, relation });
  }
  // what the sentence patterns state stands (they are precise; the classifier adds what they
  // miss), and so do a part zone named after its whole and a layout's parks; where they give the
  // head a tail of that type by that relation, the classifier's others of that type go
  const ruled = relateDocument(doc, mentions, rules);
  const ruledTails = new Map<string, Set<string>>();
  for (const r of ruled) {
    const key = slotOf(r);
    const tails = ruledTails.get(key);
    if (tails) tails.add(r.tail);
    else ruledTails.set(key, new Set([r.tail]));
  }
  // every sentence that states the chosen tail stays as evidence, and so does a place the
  // gazetteer nests with the chosen one (a project in 洛江区 and in 泉州市: the district and its city)
  const nested = (a: string, b: string) => typeOf.get(a) === 'place' && placeInside(textOf.get(a)!, textOf.get(b)!) !== undefined;
  for (const { key, c, relation } of held) {
    const tail = c.tail.entity;
    const tails = ruledTails.get(key);
    const chosen = best.get(key)!.tail;
    if (tails ? tails.has(tail) : tail === chosen || nested(tail, chosen)) out.push({ head: c.head.entity, tail, relation, evidence: statedFirst(doc, c.sentence, [c.head.antecedentSentence, c.tail.antecedentSentence]), derived: false });
  }
  out.push(...ruled);
  out.push(...hostedByTopicPark(doc, mentions, out));
  return out;
}

/**
 * In an article about a park (the site it names most is a park), a company, project or park that
 * a sentence names as hosted (目前已集聚A、B等企业; 新签约C项目; D、E等项目开工) with no other place or
 * park of its own, and that has no location in the document yet, is in that park: the sentence's
 * elided subject is the article's topic (the guideline's elided subject). Hosted: a hosting word
 * written before it, or a word of settling or starting work after it (A、B等企业落户; not A与B签约,
 * where A is a party, nor A投资建设的B项目, where A is the investor). Not where a district's
 * anaphor (该区, 全市) names the sentence's site, nor where the nearest of the two sentences before
 * that names a site opens with another one (the sentence may continue that one). The evidence is
 * the sentence that states the hosting, then the one that names the park nearest before.
 */
function hostedByTopicPark(doc: Document, mentions: readonly Linked[], found: readonly Relation[]): Relation[] {
  const topic = mainSite(mentions);
  if (!topic || topic.type !== 'industrial-park') return [];
  const located = new Set(found.filter((r) => r.relation === 'located-in').map((r) => r.head));
  // each sentence's sites, in the order written
  const sitesIn = new Map<number, Linked[]>();
  for (const m of mentions) {
    if (m.type !== 'place' && m.type !== 'industrial-park') continue;
    const list = sitesIn.get(m.sentence);
    if (list) list.push(m);
    else sitesIn.set(m.sentence, [m]);
  }
  for (const list of sitesIn.values()) list.sort((a, b) => a.nstart - b.nstart);
  // the sentences that name the park, ascending
  const named = [...sitesIn.keys()].filter((k) => sitesIn.get(k)!.some((x) => x.entity === topic.entity)).sort((a, b) => a - b);
  const out: Relation[] = [];
  for (const m of mentions) {
    if (!HOSTED.has(m.type) || m.entity === topic.entity || located.has(m.entity)) continue;
    // a site of the sentence's own (not the head, nor a place inside the head's name) is where it is, if anywhere
    if (sitesIn.get(m.sentence)?.some((x) => x.nstart < m.nstart || x.nend > m.nend)) continue;
    const s = doc.sentences[m.sentence]!;
    const hosted = HOSTING.test(doc.text.slice(s.start, m.nstart)) || SETTLES.test(doc.text.slice(m.nend, s.end));
    if (!hosted || INVESTS.test(doc.text.slice(m.nend, m.nend + 2)) || DISTRICT_ANAPHORS.test(doc.text.slice(s.start, s.end))) continue;
    let before: Linked[] | undefined;
    for (let k = m.sentence - 1; k >= m.sentence - TOPIC_REACH && !before; k--) before = sitesIn.get(k);
    if (before && before[0]!.entity !== topic.entity) continue;
    // the last sentence naming the park up to this one (the first, if the park is named only later)
    let lo = 0;
    for (let hi = named.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (named[mid]! <= m.sentence) lo = mid;
      else hi = mid - 1;
    }
    located.add(m.entity);
    out.push({ head: m.entity, tail: topic.entity, relation: 'located-in', evidence: statedFirst(doc, m.sentence, [named[lo]]), derived: false });
  }
  return out;
}
const HOSTED: ReadonlySet<string> = new Set(['company', 'project', 'industrial-park']);
/** words of settling or starting work, written after what settles (A、B等项目开工) */
const SETTLES = /落户|落地|入驻|进驻|开工|竣工|投产|建成/u;
/** what follows an investor, not what it invests in (A投资建设的B项目) */
const INVESTS = /^(?:投资|出资)/u;
/** how many sentences back a sentence that names a site may say the sentence continues it instead */
const TOPIC_REACH = 2;

/**
 * List distribution: what the classifier says of a 、-list's item nearest the pair's other end
 * (某区集聚了A、B、C: A) it says of every item of that list. The nearest item is the one whose
 * words it reads best; an item far down a long list is read through the names before it.
 * Only a relation spreads: an item the nearest one leaves unrelated keeps its own decision. A
 * list of tails of one type (与A区、B区、C区座谈) gains nothing by it: one tail per type stays
 * (linkDocument), and lending tails the list's other items scored the same in cross-validation.
 */
function distributed(cands: readonly Candidate[], decided: Decision[]): Decision[] {
  const groups = new Map<string, number[]>();
  cands.forEach((c, i) => {
    const headInList = c.headList[1] - c.headList[0] > c.head.nend - c.head.nstart;
    const tailInList = c.tailList[1] - c.tailList[0] > c.tail.nend - c.tail.nstart;
    if (headInList === tailInList) return;
    // an other end inside the list or written flush against it names an item, not the list: a
    // region prefix (法国甲、德国乙、丙: 德国 is 乙's), a place nested in an item's name
    const [ls, le] = headInList ? c.headList : c.tailList;
    const other = headInList ? c.tail : c.head;
    if (other.nstart <= le && ls <= other.nend) return;
    const key = headInList ? `${c.sentence}\u0000h${c.headList[0]}\u0000${c.tail.entity}\u0000${c.tail.nstart}` : `${c.sentence}\u0000t${c.tailList[0]}\u0000${c.head.entity}\u0000${c.head.nstart}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const out = decided.slice();
  const apart = (c: Candidate) => Math.abs(c.head.nstart + c.head.nend - c.tail.nstart - c.tail.nend);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    let nearest = group[0]!;
    for (const i of group) if (apart(cands[i]!) < apart(cands[nearest]!)) nearest = i;
    if (decided[nearest]!.k === 0) continue;
    // lent with no margin: where an entity is related to several sites of one type, its own
    // decision beats one lent by its list (one tail per type, linkDocument)
    const lent = { k: decided[nearest]!.k, margin: 0 };
    // a list may mix kin types: a relation goes only where the guideline allows it (a project leads nothing)
    const relation = RELATION_TYPES[lent.k - 1]!;
    for (const i of group) if (out[i]!.k === 0 && cands[i]!.allowed.includes(relation)) out[i] = lent;
  }
  return out;
}

/**
 * The evidence of a fact stated in sentence `stated` and read with the help of others (an
 * anaphor's antecedent, the park named before): the stating sentence first, which a reader is shown
 * first, then the others in the article's order.
 */
function statedFirst(doc: Document, stated: number, others: ReadonlyArray<number | undefined>): Evidence[] {
  const context = [...new Set(others.filter((s): s is number => s !== undefined && s !== stated))].sort((a, b) => a - b);
  return [stated, ...context].map((i) => evidenceFor(doc, doc.sentences[i]!.start, doc.sentences[i]!.end));
}

/**
 * Training examples from an annotated article: its gold mentions (entity = the gold entity's
 * name) and gold relations; every candidate pair whose ends the gold relates is an example of
 * that relation, every other one of none.
 */
export function linkExamples(doc: Document, mentions: Linked[], relations: ReadonlyArray<{ head: string; type: string; tail: string }>): LinkExample[] {
  const gold = new Map<string, number>();
  for (const r of relations) {
    const k = `${r.head}\u0000${r.tail}`;
    if (!gold.has(k)) gold.set(k, classOf(r.type as (typeof RELATION_TYPES)[number]));
  }
  return featured(doc, mentions, rulesBySentence(doc, mentions)).map(({ c, features }) => {
    const allowed = [0, ...c.allowed.map(classOf)];
    const label = gold.get(`${c.head.entity}\u0000${c.tail.entity}`) ?? 0;
    return { features, label: allowed.includes(label) ? label : 0, allowed };
  });
}
