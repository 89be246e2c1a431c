// `kg search`: every entity a text could mean, ranked as the look-up ranks them.
import type { DirectedGraph } from 'graphology';
import { SEARCH_DEFAULTS } from './defaults.js';
import { findEntities, type Match } from './find.js';

export interface SearchOptions {
  types?: readonly string[];
  /** at most this many matches (default 20) */
  limit?: number;
}

export interface SearchResult {
  query: string;
  matches: Match[];
  /** how many entities matched in all, `limit` or not */
  total: number;
}

export { SEARCH_DEFAULTS };

export function searchEntities(graph: DirectedGraph, text: string, options: SearchOptions = {}): SearchResult {
  const opts = { ...SEARCH_DEFAULTS, ...options };
  const all = findEntities(graph, text, opts.types ? { types: opts.types } : {});
  return { query: text, matches: all.slice(0, opts.limit), total: all.length };
}
