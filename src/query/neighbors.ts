// The neighbourhood of an entity: everything within a number of hops, each reached entity with
// the hop that first reached it.
import type { DirectedGraph } from 'graphology';
import { NEIGHBOR_DEFAULTS } from './defaults.js';
import { QueryError } from './errors.js';
import { hopOf, nodeRef, type Hop, type NodeRef } from './hops.js';
import { stepper, type WalkOptions } from './traverse.js';

export interface NeighborOptions extends WalkOptions {
  /** how many hops out (default 1) */
  depth?: number;
  /** at most this many neighbours (default: all) */
  limit?: number;
}

export interface Neighbor extends NodeRef {
  /** hops from the centre */
  depth: number;
  /** the hop by which a breadth-first walk first reached it */
  via: Hop;
}

export interface NeighborResult {
  center: NodeRef;
  neighbors: Neighbor[];
  truncated: boolean;
  /** how many neighbours there are within the depth, `limit` or not */
  total: number;
}

export { NEIGHBOR_DEFAULTS };

export function neighbors(graph: DirectedGraph, key: string, options: NeighborOptions = {}): NeighborResult {
  const opts = { ...NEIGHBOR_DEFAULTS, ...options };
  if (!graph.hasNode(key)) throw new QueryError(`no entity with key "${key}"`, 1);
  if (!(Number.isInteger(opts.depth) && opts.depth >= 1)) throw new QueryError(`depth must be a whole number of at least 1, not ${opts.depth}`, 2);
  const limit = opts.limit ?? Infinity;
  // the type filter chooses which entities are walked to, the centre included
  const step = stepper(graph, opts, [key]);
  const seen = new Set([key]);
  const found: Neighbor[] = [];
  let front = [key];
  let total = 0;
  // past the limit the walk goes on to count, keeping nothing
  for (let depth = 1; depth <= opts.depth && front.length; depth++) {
    const next: string[] = [];
    for (const u of front) {
      step(u, (v, edge) => {
        if (seen.has(v)) return;
        seen.add(v);
        next.push(v);
        total++;
        if (found.length < limit) found.push({ ...nodeRef(graph, v), depth, via: hopOf(graph, u, edge) });
      });
    }
    front = next;
  }
  return { center: nodeRef(graph, key), neighbors: found, truncated: total > found.length, total };
}
