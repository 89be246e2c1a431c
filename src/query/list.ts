// `kg list`: the graph's entities ranked, by type, or only the unconnected ones. Mention counts
// come from the skeleton when the graph was opened from one; documents are counted only for the
// entities listed.
import type { DirectedGraph } from 'graphology';
import { LIST_DEFAULTS, LIST_SORTS, type ListSort } from './defaults.js';
import { mentionCount } from '../graph/skeleton.js';
import { QueryError } from './errors.js';
import type { NodeRef } from './hops.js';

export { LIST_SORTS, LIST_DEFAULTS, type ListSort };

export interface ListOptions {
  types?: readonly string[];
  /** rank by mentions (default), by relations (degree) or by name */
  sort?: ListSort;
  /** at most this many (default 50) */
  limit?: number;
  /** only entities with no relation at all */
  isolated?: boolean;
}

export interface ListedEntity extends NodeRef {
  mentions: number;
  /** relations, stated and derived, in and out */
  degree: number;
  /** documents that mention it */
  documents: number;
}

export interface ListResult {
  entities: ListedEntity[];
  /** how many entities passed the filters, `limit` or not */
  total: number;
}

/** Made on first use: building it costs milliseconds that every other kg command would pay at load. */
let collator: Intl.Collator | undefined;

export function listEntities(graph: DirectedGraph, options: ListOptions = {}): ListResult {
  const opts = { ...LIST_DEFAULTS, ...options };
  if (!LIST_SORTS.includes(opts.sort)) throw new QueryError(`unknown sort "${opts.sort}" (expected ${LIST_SORTS.join(', ')})`, 2);
  const rows: Array<{ key: string; label: string; entityType: string; mentions: number; degree: number }> = [];
  graph.forEachNode((key: string, a: Record<string, unknown>) => {
    const entityType = String(a.entityType);
    if (opts.types?.length && !opts.types.includes(entityType)) return;
    const degree = graph.degree(key);
    if (opts.isolated && degree > 0) return;
    rows.push({ key, label: String(a.label), entityType, mentions: mentionCount(a), degree });
  });
  const zh = (collator ??= new Intl.Collator('zh'));
  const byName = (x: (typeof rows)[number], y: (typeof rows)[number]) => zh.compare(x.label, y.label) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  rows.sort((x, y) => {
    if (opts.sort === 'mentions') return y.mentions - x.mentions || y.degree - x.degree || byName(x, y);
    if (opts.sort === 'degree') return y.degree - x.degree || y.mentions - x.mentions || byName(x, y);
    return byName(x, y);
  });
  const entities = rows.slice(0, opts.limit).map((r) => {
    const mentions = graph.getNodeAttribute(r.key, 'mentions') as Array<{ doc: string }>;
    return { ...r, documents: new Set(mentions.map((m) => m.doc)).size };
  });
  return { entities, total: rows.length };
}
