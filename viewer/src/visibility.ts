// Which nodes and edges the filters leave on screen; shared by the renderer, search and paths.
import type { Filters } from './state.js';
import type { KgGraph } from './types.js';

export function isNodeVisible(graph: KgGraph, filters: Filters, node: string): boolean {
  return !filters.hiddenTypes.has(graph.getNodeAttribute(node, 'entityType'));
}

export function isEdgeVisible(graph: KgGraph, filters: Filters, edge: string): boolean {
  if (filters.hiddenRelations.has(graph.getEdgeAttribute(edge, 'relation'))) return false;
  return isNodeVisible(graph, filters, graph.source(edge)) && isNodeVisible(graph, filters, graph.target(edge));
}

/** The node and its neighbours through visible edges, with those edges. */
export function neighbourhood(graph: KgGraph, filters: Filters, node: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (edge, _attrs, source, target) => {
    if (!isEdgeVisible(graph, filters, edge)) return;
    edges.add(edge);
    nodes.add(source === node ? target : source);
  });
  return { nodes, edges };
}
