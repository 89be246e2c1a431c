// Shortest path between two entities, ignoring edge direction (a company and a cluster are
// linked through the place both are located in), over what the filters leave visible.
import type { Filters } from './state.js';
import type { KgGraph } from './types.js';
import { visibleOf } from './visibility.js';

export interface GraphPath {
  /** from first to last */
  nodes: string[];
  /** edges[i] links nodes[i] and nodes[i + 1] */
  edges: string[];
}

/** Breadth-first search; null when the two are not connected. */
export function shortestPath(graph: KgGraph, from: string, to: string, filters: Filters): GraphPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const visible = visibleOf(graph, filters).edges;
  const via = new Map<string, { prev: string; edge: string }>([[from, { prev: '', edge: '' }]]);
  let frontier = [from];
  while (frontier.length > 0 && !via.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, source, target) => {
        const other = source === node ? target : source;
        if (via.has(other) || !visible.has(edge)) return;
        via.set(other, { prev: node, edge });
        next.push(other);
      });
    }
    frontier = next;
  }
  if (!via.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let at = to; at !== from; ) {
    const step = via.get(at)!;
    edges.unshift(step.edge);
    nodes.unshift(step.prev);
    at = step.prev;
  }
  return { nodes, edges };
}
