// Sigma reducers: graph data + view state → what is drawn. Filters hide, the highlight dims the
// rest, hovered edges and highlighted edges get their relation as a label. Only the highlight's
// centre forces its label: its neighbours' labels go through sigma's label grid, which keeps the
// larger node's label where two would collide.
// They run for every node and edge on each full refresh (and for every node on each layout
// step), so they are O(1) and allocate nothing: sigma hands each call a fresh shallow copy of
// the attributes, which is changed in place and returned.
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Filters, Selection } from './state.js';
import type { Highlight } from './highlight.js';
import type { Visible } from './visibility.js';
import { RELATION_TYPES, type EdgeAttrs, type GraphAttrs, type KgGraph, type NodeAttrs, type RelationType } from './types.js';
import { COLORS, RELATION_COLORS } from './settings.js';

/** a highlighted node with more edges than this shows their relation names only on hover */
const MAX_EDGE_LABELS = 8;

export interface ViewSnapshot {
  filters: Filters;
  /** what the filters leave on screen */
  visible: Visible;
  /** each node's colour when coloured by community, else null */
  communities: ReadonlyMap<string, string> | null;
  selection: Selection;
  highlight: Highlight | null;
}

type Reducers = Pick<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>, 'nodeReducer' | 'edgeReducer'>;

// colour strings per relation, stated and derived, made once instead of per edge per frame
const EDGE_COLORS = new Map<RelationType, [string, string]>(RELATION_TYPES.map((r) => [r, [RELATION_COLORS[r], RELATION_COLORS[r] + COLORS.derivedEdgeAlpha]]));

export function createReducers(graph: KgGraph, view: () => ViewSnapshot): Reducers {
  return {
    nodeReducer(node, data) {
      const { visible, highlight, selection, communities } = view();
      const shown: Partial<NodeDisplayData> = data;
      shown.hidden = !visible.nodes.has(node);
      if (communities) shown.color = communities.get(node) ?? shown.color;
      shown.forceLabel = false;
      shown.highlighted = !shown.hidden && node === selection.selected;
      shown.zIndex = 0;
      if (shown.hidden || !highlight) return shown;
      if (!highlight.nodes.has(node)) {
        shown.color = COLORS.dimmedNode;
        shown.label = null;
        shown.zIndex = -1;
      } else {
        shown.zIndex = 1;
        if (highlight.centres.has(node) || highlight.kind === 'path') {
          shown.forceLabel = true;
          shown.highlighted = true;
          shown.zIndex = 2;
        }
      }
      return shown;
    },
    edgeReducer(edge, data) {
      const { visible, highlight, selection } = view();
      const shown = data as Partial<EdgeDisplayData>; // the display fields are added here
      const size = data.weight > 1 ? Math.min(4, 1 + Math.log2(data.weight)) : 1;
      shown.color = EDGE_COLORS.get(data.relation)?.[data.derived ? 1 : 0] ?? COLORS.dimmedEdge;
      shown.size = size;
      shown.label = null;
      shown.forceLabel = false;
      shown.hidden = !visible.edges.has(edge);
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
        // relation names on a few edges only: more would pile up (the colour says it too)
        if (highlight.edges.size <= MAX_EDGE_LABELS) {
          shown.label = data.relation;
          shown.forceLabel = highlight.kind === 'hover';
        }
        shown.size = size + 0.5;
      }
      return shown;
    },
  };
}
