// Relation names on edges: on the hovered edge and on the edges of what stands out (every edge
// the reducer gives a label: they all end at the hovered or selected node, or lie on the path).
// Drawn here after each render rather than by sigma, which goes through every edge of the graph
// looking for labels on every frame: 150k edges cost tens of milliseconds a frame, while panning
// or while the layout runs too.
import type Sigma from 'sigma';
import type { ViewSnapshot } from './reducers.js';
import { drawEdgeLabel } from './labels.js';

/** Sigma's own edge labels are to be off (renderEdgeLabels: false); this draws them instead. */
export function drawEdgeLabels(sigma: Sigma<any, any, any>, view: () => ViewSnapshot): void {
  sigma.on('afterRender', () => {
    const { selection, highlight } = view();
    const edges = new Set(highlight?.edges);
    if (selection.hoveredEdge) edges.add(selection.hoveredEdge);
    if (edges.size === 0) return;
    const ctx = sigma.getCanvases().edgeLabels?.getContext('2d');
    if (!ctx) return;
    const graph = sigma.getGraph();
    const settings = sigma.getSettings();
    // sigma clears the layer on each render and scales it for the device's pixel ratio
    for (const edge of edges) {
      const data = sigma.getEdgeDisplayData(edge);
      if (!data || data.hidden || !data.label) continue;
      const source = sigma.getNodeDisplayData(graph.source(edge));
      const target = sigma.getNodeDisplayData(graph.target(edge));
      if (!source || !target || source.hidden || target.hidden) continue;
      const end = (d: typeof source) => ({ ...sigma.framedGraphToViewport(d), size: sigma.scaleSize(d.size) });
      drawEdgeLabel(ctx, { ...data, size: sigma.scaleSize(data.size) }, end(source), end(target), settings);
    }
  });
}
