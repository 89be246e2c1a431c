// Sigma reducers: graph data + view state → what is drawn. Filters hide, the highlight dims the
// rest, hovered edges and highlighted edges get their relation as a label.
// They run for every node and edge on each full refresh (and for every node on each layout
// step), so they are O(1) and allocate nothing: sigma hands each call a fresh shallow copy of
// the attributes, which is changed in place and returned.
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Filters, Selection } from './state.js';
import type { Highlight } from './highlight.js';
import { RELATION_TYPES, type EdgeAttrs, type GraphAttrs, type KgGraph, type NodeAttrs, type RelationType } from './types.js';
import { COLORS, RELATION_COLORS } from './settings.js';

export interface ViewSnapshot {
  filters: Filters;
  selection: Selection;
  highlight: Highlight | null;
}

type Reducers = Pick<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>, 'nodeReducer' | 'edgeReducer'>;

// colour strings per relation, stated and derived, made once instead of per edge per frame
const EDGE_COLORS = new Map<RelationType, [string, string]>(RELATION_TYPES.map((r) => [r, [RELATION_COLORS[r], RELATION_COLORS[r] + COLORS.derivedEdgeAlpha]]));

export function createReducers(graph: KgGraph, view: () => ViewSnapshot): Reducers {
  return {
    nodeReducer(node, data) {
      const { filters, highlight, selection } = view();
      const shown: Partial<NodeDisplayData> = data;
      shown.hidden = filters.hiddenTypes.has(data.entityType);
      shown.forceLabel = false;
      shown.highlighted = !shown.hidden && node === selection.selected;
      shown.zIndex = 0;
      if (shown.hidden || !highlight) return shown;
      if (!highlight.nodes.has(node)) {
        shown.color = COLORS.dimmedNode;
        shown.label = null;
        shown.zIndex = -1;
      } else {
        shown.forceLabel = true;
        shown.zIndex = 1;
        shown.highlighted ||= highlight.centres.has(node);
      }
      return shown;
    },
    edgeReducer(edge, data) {
      const { filters, highlight, selection } = view();
      const shown = data as Partial<EdgeDisplayData>; // the display fields are added here
      const size = data.weight > 1 ? Math.min(4, 1 + Math.log2(data.weight)) : 1;
      shown.color = EDGE_COLORS.get(data.relation)?.[data.derived ? 1 : 0] ?? COLORS.dimmedEdge;
      shown.size = size;
      shown.label = null;
      shown.forceLabel = false;
      shown.hidden = filters.hiddenRelations.has(data.relation) || (filters.hiddenTypes.size > 0 && hasHiddenEnd(graph, filters, edge));
      if (shown.hidden) return shown;
      if (edge === selection.hoveredEdge) {
        shown.label = data.relation;
        shown.forceLabel = true;
        shown.size = size + 1;
      } else if (!highlight) {
        // drawn as it is
      } else if (!highlight.edges.has(edge)) {
        shown.color = COLORS.dimmedEdge;
      } else if (highlight.kind === 'path') {
        shown.color = COLORS.pathEdge;
        shown.size = size + 2;
        shown.label = data.relation;
        shown.forceLabel = true;
      } else {
        shown.label = data.relation;
        shown.forceLabel = highlight.kind === 'hover';
        shown.size = size + 0.5;
      }
      return shown;
    },
  };
}

function hasHiddenEnd(graph: KgGraph, filters: Filters, edge: string): boolean {
  const types = filters.hiddenTypes;
  return types.has(graph.getNodeAttribute(graph.source(edge), 'entityType')) || types.has(graph.getNodeAttribute(graph.target(edge), 'entityType'));
}
