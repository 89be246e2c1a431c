// What stands out on screen: the hovered node's neighbourhood, else the path being looked at,
// else the selected node's neighbourhood. Everything else is dimmed, except in a focus on the
// selected node: the focus already shows only its neighbourhood, all of it stands out.
import type { Filters, PathState, Selection } from './state.js';
import type { KgGraph } from './types.js';
import { neighbourhood, visibleOf } from './visibility.js';

export interface Highlight {
  kind: 'hover' | 'path' | 'selection';
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** the node(s) the highlight is about, drawn with sigma's highlight ring */
  centres: ReadonlySet<string>;
}

export function highlightOf(graph: KgGraph, filters: Filters, selection: Selection, path: PathState): Highlight | null {
  if (selection.hoveredNode && graph.hasNode(selection.hoveredNode)) {
    return { kind: 'hover', ...neighbourhood(graph, filters, selection.hoveredNode), centres: new Set([selection.hoveredNode]) };
  }
  if (path.active) {
    if (path.result) return { kind: 'path', nodes: new Set(path.result.nodes), edges: new Set(path.result.edges), centres: new Set([path.from!, path.to!]) };
    const picked = [path.from, path.to].filter((n): n is string => !!n && graph.hasNode(n));
    if (picked.length > 0) return { kind: 'path', nodes: new Set(picked), edges: new Set(), centres: new Set(picked) };
    return null;
  }
  if (selection.selected && graph.hasNode(selection.selected)) {
    const around = neighbourhood(graph, filters, selection.selected);
    const nodes = filters.focus?.node === selection.selected ? visibleOf(graph, filters).nodes : around.nodes;
    return { kind: 'selection', nodes, edges: around.edges, centres: new Set([selection.selected]) };
  }
  return null;
}
