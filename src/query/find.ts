// Finding an entity by what a person types: the exact label, an alias, traditional characters,
// pinyin (full or initials) or part of a name. Ranked so that an exact answer always wins.
import type { DirectedGraph } from 'graphology';
import { AmbiguousEntityError, EntityNotFoundError, type Candidate } from './errors.js';
import { lookupIndex, pinyinOf, type IndexEntry, type LookupIndex } from './lookup-index.js';
import { editDistance, fold, pinyinQuery, toSimplified } from './text.js';

/** How a name matched, best first; the order is the ranking. */
export const MATCH_KINDS = [
  'key', // type:label, as printed by kg itself
  'label',
  'alias',
  'simplified', // label or alias equals the query read as simplified characters
  'pinyin', // full pinyin or initials of the label or an alias
  'substring', // the query is part of the label or an alias
  'pinyin-prefix', // the query begins the pinyin or initials of the label or an alias
] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface Match extends Candidate {
  kind: MatchKind;
}

export interface FindOptions {
  /** only entities of these types */
  types?: readonly string[];
  /** at most this many matches (all when undefined) */
  limit?: number;
}

export interface SuggestOptions {
  types?: readonly string[];
  limit?: number;
}

const SUGGEST_DEFAULTS = { limit: 5 };
/** ambiguity messages list at most this many candidates */
const MAX_CANDIDATES_SHOWN = 12;

/** Every entity that fits the query, best match first; each entity once, with its best kind of match. */
export function findEntities(graph: DirectedGraph, query: string, options: FindOptions = {}): Match[] {
  const index = lookupIndex(graph);
  const best = new Map<IndexEntry, MatchKind>();
  const note = (entry: IndexEntry, kind: MatchKind) => {
    if (options.types && !options.types.includes(entry.entityType)) return;
    const known = best.get(entry);
    if (known === undefined || rank(kind) < rank(known)) best.set(entry, kind);
  };
  const q = fold(query);
  if (!q) return [];
  const simplified = fold(toSimplified(q));
  const keyed = index.byKey.get(q) ?? index.byKey.get(simplified);
  if (keyed) note(keyed, 'key');
  for (const e of index.byLabel.get(q) ?? []) note(e, 'label');
  for (const e of index.byAlias.get(q) ?? []) note(e, 'alias');
  if (simplified !== q) {
    for (const e of index.byLabel.get(simplified) ?? []) note(e, 'simplified');
    for (const e of index.byAlias.get(simplified) ?? []) note(e, 'simplified');
  }
  for (const e of index.entries) {
    if (e.foldedAliases.some((n) => n.includes(q) || n.includes(simplified)) || e.foldedLabel.includes(q) || e.foldedLabel.includes(simplified)) {
      note(e, 'substring');
    }
  }
  const py = pinyinQuery(query);
  if (py) matchPinyin(index, py, note);
  const matches = [...best].map(([e, kind]) => ({ ...candidateOf(e), kind }));
  matches.sort(compareMatches);
  return options.limit === undefined ? matches : matches.slice(0, options.limit);
}

/**
 * The one entity the query names, as a node key. Throws AmbiguousEntityError (exit 2) when the
 * best kind of match fits several entities, EntityNotFoundError (exit 1) when none fits.
 */
export function resolveEntity(graph: DirectedGraph, query: string, options: Pick<FindOptions, 'types'> = {}): string {
  const exact = exactEntity(lookupIndex(graph), query, options);
  if (exact) return exact.key;
  const matches = findEntities(graph, query, options);
  const first = matches[0];
  if (!first) throw new EntityNotFoundError(query, suggestEntities(graph, query, options));
  const tied = matches.filter((m) => m.kind === first.kind);
  if (tied.length > 1) throw new AmbiguousEntityError(query, tied.slice(0, MAX_CANDIDATES_SHOWN));
  return first.key;
}

/**
 * The entity a query names by its key or by the label of exactly one entity: the best kinds of
 * match, so no other entity can outrank it. Saves scanning every name on a large graph.
 */
function exactEntity(index: LookupIndex, query: string, options: Pick<FindOptions, 'types'>): IndexEntry | undefined {
  const q = fold(query);
  const allowed = (e: IndexEntry | undefined) => e !== undefined && (!options.types || options.types.includes(e.entityType));
  const keyed = index.byKey.get(q) ?? index.byKey.get(fold(toSimplified(q)));
  if (keyed) return allowed(keyed) ? keyed : undefined;
  const labelled = (index.byLabel.get(q) ?? []).filter(allowed);
  return labelled.length === 1 ? labelled[0] : undefined;
}

/** The entities whose names are closest to the query (edit distance; pinyin for a pinyin query). */
export function suggestEntities(graph: DirectedGraph, query: string, options: SuggestOptions = {}): Candidate[] {
  const { limit } = { ...SUGGEST_DEFAULTS, ...options };
  const index = lookupIndex(graph);
  const py = pinyinQuery(query);
  const q = py ?? fold(toSimplified(query));
  if (!q) return [];
  const forms = py ? pinyinOf(index) : undefined;
  const scored: Array<{ e: IndexEntry; distance: number }> = [];
  index.entries.forEach((e, i) => {
    if (options.types && !options.types.includes(e.entityType)) return;
    const names = forms ? forms[i]!.flatMap((f) => [f.full, f.initials]) : [e.foldedLabel, ...e.foldedAliases];
    // distance relative to length, so that a long name is not penalised for being long
    let distance = Infinity;
    for (const n of names) distance = Math.min(distance, editDistance(q, n) / Math.max(q.length, n.length));
    // suggestions must share more than half of the query
    if (distance < 0.5) scored.push({ e, distance });
  });
  scored.sort((a, b) => a.distance - b.distance || b.e.mentions - a.e.mentions || a.e.key.localeCompare(b.e.key));
  return scored.slice(0, limit).map((s) => candidateOf(s.e));
}

function matchPinyin(index: LookupIndex, py: string, note: (e: IndexEntry, kind: MatchKind) => void): void {
  const forms = pinyinOf(index);
  index.entries.forEach((e, i) => {
    for (const f of forms[i]!) {
      if (f.full === py || f.initials === py) note(e, 'pinyin');
      else if (py.length >= 2 && (f.full.startsWith(py) || f.initials.startsWith(py))) note(e, 'pinyin-prefix');
    }
  });
}

function candidateOf(e: IndexEntry): Candidate {
  return { key: e.key, label: e.label, entityType: e.entityType, mentions: e.mentions };
}

function rank(kind: MatchKind): number {
  return MATCH_KINDS.indexOf(kind);
}

/** Better kind first; then shorter labels (closer to what was typed), more mentions, key. */
function compareMatches(a: Match, b: Match): number {
  return (
    rank(a.kind) - rank(b.kind) ||
    Array.from(a.label).length - Array.from(b.label).length ||
    b.mentions - a.mentions ||
    a.key.localeCompare(b.key)
  );
}
