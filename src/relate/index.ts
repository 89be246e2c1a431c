// Relation extraction: per sentence patterns over linked mentions, each relation with the
// sentence that states it; plus the gazetteer's place hierarchy as derived edges (derived.ts).
// Like the linker, the patterns read which mentions name one entity, not the entities' ids
// (corpus/local-relations.ts relies on it).
import { detached } from '../strings.js';
import type { Document, Evidence, Relation } from '../types.js';
import { namesBody } from '../extract/implied.js';
import { clusterRelations } from './clusters.js';
import { locatedIn } from './located.js';
import { personLeads } from './people.js';
import { layoutParts, subZones } from './subzones.js';
import { bySentence, type Found, type Linked, type SentenceView } from './sentence.js';
import { TITLES } from '../extract/lexicon.js';

export type { Linked } from './sentence.js';

/**
 * Relations stated in one document. `mentions` are that document's, linked to entities; `found`
 * is what the sentence patterns find in it, when the caller has it already.
 */
export function relateDocument(doc: Document, mentions: Linked[], found: Map<number, Found[]> = rulesBySentence(doc, mentions)): Relation[] {
  const out: Relation[] = [];
  for (const [index, inSentence] of found) {
    const sent = doc.sentences[index]!;
    const evidence = evidenceFor(doc, sent.start, sent.end);
    for (const f of inSentence) out.push({ head: f.head, tail: f.tail, relation: f.relation, evidence: [evidence], derived: false });
  }
  out.push(...subZoneRelations(doc, mentions));
  return out;
}

/** What the sentence patterns find, by sentence index (the relation classifier reads them as votes). */
export function rulesBySentence(doc: Document, mentions: Linked[]): Map<number, Found[]> {
  const bodies = impliedBodies(mentions);
  const sentences = bySentence(mentions, (a, b) => a.nstart - b.nstart);
  const out = new Map<number, Found[]>();
  for (const sent of doc.sentences) {
    const ms = sentences.get(sent.index) ?? [];
    // one mention relates to nothing, unless it is a government head whose body is named elsewhere (代理市长X)
    if (ms.length < 2 && !(bodies.size > 0 && ms[0]?.type === 'person')) continue;
    const view: SentenceView = {
      text: doc.text.slice(sent.start, sent.end),
      base: sent.start,
      mentions: ms.map((m) => ({ ...m, ls: m.nstart - sent.start, le: m.nend - sent.start })),
    };
    const found = [...locatedIn(view), ...clusterRelations(view), ...personLeads(view, bodies)].filter((f) => f.head !== f.tail);
    if (found.length > 0) out.set(sent.index, found);
  }
  return out;
}

/**
 * A zone's parts: a part named after its whole (X产业园江津片区 in X产业园), with the sentence that
 * names the part; the parks a zone's layout lists (一区三园), with the sentences that name the zone
 * and list them.
 */
export function subZoneRelations(doc: Document, mentions: readonly Linked[]): Relation[] {
  const out: Relation[] = [];
  for (const { found: f, sentences } of [...subZones(mentions), ...layoutParts(doc, mentions)]) {
    const evidence = sentences.flatMap((k) => {
      const sent = doc.sentences[k];
      return sent ? [evidenceFor(doc, sent.start, sent.end)] : [];
    });
    if (evidence.length > 0) out.push({ head: f.head, tail: f.tail, relation: f.relation, evidence, derived: false });
  }
  return out;
}

/** The sentence as evidence: original offsets, and its text with page-layout breaks removed. */
export function evidenceFor(doc: Document, nstart: number, nend: number): Evidence {
  // one object per sentence of a document, shared by every relation it states (evidence is never
  // changed after this): a sentence stating ten relations is held once, not ten times
  let held = evidenceMemo.get(doc);
  if (!held) evidenceMemo.set(doc, (held = new Map()));
  const key = `${nstart}:${nend}`;
  const have = held.get(key);
  if (have) return have;
  const made = makeEvidence(doc, nstart, nend);
  held.set(key, made);
  return made;
}

const evidenceMemo = new WeakMap<Document, Map<string, Evidence>>();

function makeEvidence(doc: Document, nstart: number, nend: number): Evidence {
  const start = doc.offsets[nstart]!;
  const end = doc.offsets[Math.max(nstart, nend - 1)]! + 1;
  const sentence = detached(
    doc.original
      .slice(start, end)
      .replace(/\s*\n\s*/gu, '')
      .trim(),
  );
  return { doc: doc.id, start, end, sentence };
}

/** For titles that imply their body (区长 → 区政府), the document's entity for that body. */
function impliedBodies(mentions: Linked[]): Map<string, string> {
  const out = new Map<string, string>();
  const implied = new Set([...TITLES.values()].flatMap((t) => (t.impliedBody ? [t.impliedBody] : [])));
  for (const body of implied) {
    const counts = new Map<string, number>();
    for (const m of mentions) {
      if (m.type === 'organization' && namesBody(m.implied ?? m.text, body)) {
        counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) out.set(body, best[0]);
  }
  return out;
}

/** Merges relations by (head, relation, tail), keeping every distinct evidence sentence. */
export function mergeRelations(relations: Relation[]): Relation[] {
  const merger = new RelationMerger();
  for (const r of relations) merger.add(r);
  return merger.result();
}

/**
 * Each relation once, with its sentences, as the corpus merges them (RelationMerger), in the order
 * first found; no corpus-wide rule applied: a document's relations as a cache or a message keeps
 * them (the linker finds one per pair of mentions).
 */
export function mergedWithin(relations: Iterable<Relation>): Relation[] {
  const merger = new RelationMerger();
  for (const r of relations) merger.add(r);
  return merger.merged();
}

/** up to this many sentences, a relation's evidence is scanned for a repeat instead of held in a Set */
const SCAN_EVIDENCE = 16;
const evidenceAt = (e: Evidence): string => `${e.doc}\u0000${e.start}`;

/**
 * mergeRelations a relation at a time: a build adds each document's relations as it finds them
 * and holds only the merged ones, not every document's list until the end.
 */
export class RelationMerger {
  private readonly byKey = new Map<string, Relation>();
  // evidence already held per relation, by doc and start, once a relation holds more than a few
  // sentences: a Set, not a scan, because one long file can state the same fact tens of
  // thousands of times; most relations have one sentence and need none
  private readonly held = new Map<string, Set<string>>();

  /** Merges `r` into the relation of its key; returns that relation (the one result() will hold). */
  add(r: Relation): Relation {
    const key = `${r.head}\u0000${r.relation}\u0000${r.tail}`;
    const have = this.byKey.get(key);
    if (!have) {
      const merged = { ...r, evidence: [...r.evidence] };
      this.byKey.set(key, merged);
      return merged;
    }
    let seen = this.held.get(key);
    if (!seen && have.evidence.length + r.evidence.length > SCAN_EVIDENCE) this.held.set(key, (seen = new Set(have.evidence.map(evidenceAt))));
    for (const e of r.evidence) {
      if (seen) {
        const at = evidenceAt(e);
        if (seen.has(at)) continue;
        seen.add(at);
      } else if (have.evidence.some((x) => x.start === e.start && x.doc === e.doc)) continue;
      have.evidence.push(e);
    }
    have.derived = have.derived && r.derived;
    return have;
  }

  /** The relations added so far, each once with its sentences, in the order first added; no corpus-wide rule applied. */
  merged(): Relation[] {
    return [...this.byKey.values()];
  }

  /** The merged relations; the merger is done after this (it lets go of what it held). */
  result(): Relation[] {
    this.held.clear();
    const all = this.merged();
    // a company that leads a cluster gets leads only, not also belongs-to-cluster (the guideline);
    // the graph holds one edge per ordered pair
    const leads = new Set(all.filter((r) => r.relation === 'leads').map((r) => `${r.head}\u0000${r.tail}`));
    this.byKey.clear();
    return all.filter((r) => r.relation !== 'belongs-to-cluster' || !leads.has(`${r.head}\u0000${r.tail}`));
  }
}
