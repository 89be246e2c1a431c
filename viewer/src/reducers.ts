// Sigma reducers: graph data + view state → what is drawn. Filters hide, the highlight dims the
// rest, hovered edges and highlighted edges get their relation as a label.
import type { Settings } from 'sigma/settings';
import type { Filters, Selection } from './state.js';
import type { Highlight } from './highlight.js';
import type { EdgeAttrs, GraphAttrs, KgGraph, NodeAttrs } from './types.js';
import { COLORS, RELATION_COLORS } from './settings.js';

export interface ViewSnapshot {
  filters: Filters;
  selection: Selection;
  highlight: Highlight | null;
}

type Reducers = Pick<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>, 'nodeReducer' | 'edgeReducer'>;

export function createReducers(graph: KgGraph, view: () => ViewSnapshot): Reducers {
  return {
    nodeReducer(node, data) {
      const { filters, highlight, selection } = view();
      const shown = { ...data, label: data.label, hidden: false, forceLabel: false, highlighted: false, zIndex: 0 };
      if (filters.hiddenTypes.has(data.entityType)) return { ...shown, hidden: true };
      if (node === selection.selected) shown.highlighted = true;
      if (!highlight) return shown;
      if (!highlight.nodes.has(node)) return { ...shown, color: COLORS.dimmedNode, label: null, zIndex: -1 };
      return { ...shown, forceLabel: true, zIndex: 1, highlighted: shown.highlighted || highlight.centres.has(node) };
    },
    edgeReducer(edge, data) {
      const { filters, highlight, selection } = view();
      const color = RELATION_COLORS[data.relation] + (data.derived ? COLORS.derivedEdgeAlpha : '');
      const size = Math.min(4, 1 + Math.log2(Math.max(1, data.weight)));
      const shown = { color, size, label: null as string | null, hidden: false, forceLabel: false };
      if (filters.hiddenRelations.has(data.relation)) return { ...shown, hidden: true };
      const [source, target] = graph.extremities(edge);
      const types = filters.hiddenTypes;
      if (types.has(graph.getNodeAttribute(source, 'entityType')) || types.has(graph.getNodeAttribute(target, 'entityType'))) return { ...shown, hidden: true };
      if (edge === selection.hoveredEdge) return { ...shown, label: data.relation, forceLabel: true, size: size + 1 };
      if (!highlight) return shown;
      if (!highlight.edges.has(edge)) return { ...shown, color: COLORS.dimmedEdge };
      if (highlight.kind === 'path') return { ...shown, color: COLORS.pathEdge, size: size + 2, label: data.relation, forceLabel: true };
      return { ...shown, label: data.relation, forceLabel: highlight.kind === 'hover', size: size + 0.5 };
    },
  };
}
