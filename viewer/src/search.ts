// Autocomplete over labels, aliases and pinyin. Ranked: exact name, prefix, substring, then
// pinyin; ties go to the entity mentioned most, then to the shorter name.
import type { EntityType, KgGraph } from './types.js';
import { pinyinKeys, pinyinReady, type PinyinKeys } from './pinyin.js';
import { mentionsOf } from './details.js';

export interface SearchHit {
  node: string;
  label: string;
  entityType: EntityType;
  /** the name or key that matched, shown when it is not the label */
  matched: string;
  via: 'label' | 'alias' | 'pinyin';
}

interface Entry {
  node: string;
  label: string;
  entityType: EntityType;
  /** label first, then the other aliases */
  names: string[];
  lowerNames: string[];
  weight: number;
  pinyin?: PinyinKeys[];
}

export interface SearchIndex {
  entries: Entry[];
}

export interface SearchOptions {
  limit: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { limit: 12 };

/** `mentionCount` ranks ties (default: the node's mentions; details.ts's before they are in). */
export function createSearchIndex(graph: KgGraph, mentionCount: (node: string) => number = mentionsOf(graph)): SearchIndex {
  const entries: Entry[] = [];
  graph.forEachNode((node, a) => {
    const names = [a.label, ...a.aliases.filter((x) => x !== a.label)];
    entries.push({ node, label: a.label, entityType: a.entityType, names, lowerNames: names.map((n) => n.toLowerCase()), weight: mentionCount(node) });
  });
  return { entries };
}

const LATIN_QUERY = /^[a-z0-9' ]+$/;

/** Whether `query` may be pinyin: Latin letters (pinyin matches need loadPinyin first). */
export function isLatinQuery(query: string): boolean {
  const q = query.trim().toLowerCase();
  return LATIN_QUERY.test(q) && /[a-z]/.test(q);
}

/** Entities matching `query`; pinyin is matched once the dictionary is loaded (loadPinyin). */
export function search(index: SearchIndex, query: string, options: Partial<SearchOptions> = {}): SearchHit[] {
  const { limit } = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const latin = isLatinQuery(q) && pinyinReady();
  const compact = q.replace(/[' ]/g, '');
  const scored: Array<{ rank: number; entry: Entry; hit: SearchHit }> = [];
  for (const entry of index.entries) {
    const found = matchNames(entry, q) ?? (latin ? matchPinyin(entry, compact) : null);
    if (found) scored.push({ rank: found.rank, entry, hit: { node: entry.node, label: entry.label, entityType: entry.entityType, matched: found.matched, via: found.via } });
  }
  scored.sort((a, b) => a.rank - b.rank || b.entry.weight - a.entry.weight || a.entry.label.length - b.entry.label.length || (a.entry.label < b.entry.label ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.hit);
}

type Match = { rank: number; matched: string; via: SearchHit['via'] };

function matchNames(entry: Entry, q: string): Match | null {
  let best: Match | null = null;
  entry.lowerNames.forEach((name, i) => {
    const at = name.indexOf(q);
    if (at < 0) return;
    // 0 exact, 1 prefix, 2 substring; aliases a half step behind the label
    const rank = (name === q ? 0 : at === 0 ? 1 : 2) + (i === 0 ? 0 : 0.5);
    if (!best || rank < best.rank) best = { rank, matched: entry.names[i]!, via: i === 0 ? 'label' : 'alias' };
  });
  return best;
}

function matchPinyin(entry: Entry, q: string): Match | null {
  entry.pinyin ??= entry.names.map(pinyinKeys);
  let best: Match | null = null;
  entry.pinyin.forEach((keys, i) => {
    const rank = keys.full === q || keys.initials === q ? 3 : keys.full.startsWith(q) ? 4 : keys.initials.startsWith(q) ? 5 : keys.full.includes(q) ? 6 : -1;
    if (rank >= 0 && (!best || rank < best.rank)) best = { rank, matched: `${entry.names[i]} (${keys.full})`, via: 'pinyin' };
  });
  return best;
}
