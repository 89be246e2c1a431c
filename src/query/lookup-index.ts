// A look-up index over the names of a graph's entities, built once per graph and dropped as soon
// as the graph changes. Pinyin forms are computed only when a pinyin-like query first needs them.
import type { DirectedGraph } from 'graphology';
import { mentionCount } from '../graph/skeleton.js';
import { fold, pinyinForms, type PinyinForms } from './text.js';

export interface IndexEntry {
  key: string;
  label: string;
  entityType: string;
  mentions: number;
  /** folded label */
  foldedLabel: string;
  /** folded aliases (the label is usually among them) */
  foldedAliases: string[];
}

export interface LookupIndex {
  entries: IndexEntry[];
  byKey: Map<string, IndexEntry>;
  byLabel: Map<string, IndexEntry[]>;
  byAlias: Map<string, IndexEntry[]>;
  /** pinyin of each entry's label and aliases, parallel to `entries`; filled on first use */
  pinyin?: PinyinForms[][];
}

const indexes = new WeakMap<DirectedGraph, LookupIndex>();
const GRAPH_CHANGES = ['nodeAdded', 'nodeDropped', 'nodeAttributesUpdated', 'cleared'] as const;

export function lookupIndex(graph: DirectedGraph): LookupIndex {
  const known = indexes.get(graph);
  if (known) return known;
  const index = buildIndex(graph);
  indexes.set(graph, index);
  const forget = () => {
    indexes.delete(graph);
    for (const event of GRAPH_CHANGES) graph.removeListener(event, forget);
  };
  for (const event of GRAPH_CHANGES) graph.on(event, forget);
  return index;
}

export function pinyinOf(index: LookupIndex): PinyinForms[][] {
  index.pinyin ??= index.entries.map((e) => [e.foldedLabel, ...e.foldedAliases].map(pinyinForms));
  return index.pinyin;
}

function buildIndex(graph: DirectedGraph): LookupIndex {
  const entries: IndexEntry[] = [];
  const byKey = new Map<string, IndexEntry>();
  const byLabel = new Map<string, IndexEntry[]>();
  const byAlias = new Map<string, IndexEntry[]>();
  graph.forEachNode((key, a) => {
    const label = String(a.label ?? key);
    const aliases = Array.isArray(a.aliases) ? (a.aliases as unknown[]).map(String) : [];
    const entry: IndexEntry = {
      key,
      label,
      entityType: String(a.entityType ?? ''),
      mentions: mentionCount(a),
      foldedLabel: fold(label),
      foldedAliases: aliases.length === 1 ? [fold(aliases[0]!)] : [...new Set(aliases.map(fold))],
    };
    entries.push(entry);
    byKey.set(fold(key), entry);
    push(byLabel, entry.foldedLabel, entry);
    for (const alias of entry.foldedAliases) push(byAlias, alias, entry);
  });
  return { entries, byKey, byLabel, byAlias };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
