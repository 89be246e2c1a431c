// How the graph is drawn: one typed sigma settings object, colours and fonts in one place.
import type { Settings } from 'sigma/settings';
import type { EdgeAttrs, NodeAttrs, GraphAttrs, KgGraph, RelationType } from './types.js';
import { drawLabel, drawHover } from './labels.js';
import { edgePrograms, type EdgeGate } from './edge-programs.js';
import type { NodeProgramClass } from './programs.js';

export { TYPE_COLORS } from '../../src/graph/style.js';

/** Chinese first: system CJK fonts on every platform, then a generic fallback. */
export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", system-ui, sans-serif';

export const RELATION_COLORS: Record<RelationType, string> = {
  'located-in': '#8a94a6',
  'belongs-to-cluster': '#2a9d8f',
  leads: '#d1495b',
};

export const COLORS = {
  dimmedNode: '#e4e6ea',
  dimmedEdge: '#f0f1f3',
  /** gazetteer-derived edges are lighter than stated ones */
  derivedEdgeAlpha: 'aa',
  pathEdge: '#111827',
  labelHalo: 'rgba(255, 255, 255, 0.92)',
  label: '#1f2933',
};

export const SIGMA_SETTINGS: Partial<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>> = {
  defaultEdgeType: 'arrow',
  labelFont: CJK_FONT_STACK,
  labelSize: 13,
  labelWeight: '500',
  labelColor: { color: COLORS.label },
  edgeLabelFont: CJK_FONT_STACK,
  edgeLabelSize: 12,
  edgeLabelWeight: '600',
  edgeLabelColor: { color: '#374151' },
  // label density: fewer than one label per 160 px grid cell, and only for nodes drawn at
  // 7 px or more, so a zoomed-out view shows the main entities and no wall of text
  labelDensity: 0.7,
  labelGridCellSize: 160,
  labelRenderedSizeThreshold: 7,
  // edge labels are drawn by edge-labels.ts: sigma would look through every edge on every frame
  renderEdgeLabels: false,
  enableEdgeEvents: true,
  hideEdgesOnMove: false,
  // also what lets the layout move nodes in place: sigma then indexes them in graph order
  zIndex: false,
  minCameraRatio: 0.02,
  maxCameraRatio: 20,
  stagePadding: 40,
  defaultDrawNodeLabel: drawLabel,
  defaultDrawNodeHover: drawHover,
};

/** Nodes never shrink below this share of their size, however dense the graph. */
export const MIN_NODE_SCALE = 0.2;

/**
 * How much to shrink nodes so that, together, they cover about half of a `width` × `height`
 * stage instead of piling up: at 20k nodes sigma's sizes would cover it fourteen times over,
 * one blot, and every covered pixel costs drawing time in software WebGL. 1 for most graphs.
 */
export function nodeScale(graph: KgGraph, width: number, height: number): number {
  let area = 0;
  graph.forEachNode((_n, a) => (area += Math.PI * a.size * a.size));
  if (area === 0 || width * height === 0) return 1;
  return Math.max(MIN_NODE_SCALE, Math.min(1, Math.sqrt((0.5 * width * height) / area)));
}

/** Settings for `graph`, drawn on a `width` × `height` stage with these node programs; `edges` pauses edge drawing. */
export function settingsFor(
  graph: KgGraph,
  width: number,
  height: number,
  nodeProgramClasses: Record<string, NodeProgramClass>,
  edges: EdgeGate,
): Partial<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>> {
  const { order, size } = graph;
  // big graphs: edges hidden while the camera moves keep panning smooth
  const big = order > 5000 || size > 15000;
  const scale = nodeScale(graph, width, height);
  return {
    ...SIGMA_SETTINGS,
    nodeProgramClasses,
    edgeProgramClasses: edgePrograms(edges),
    hideEdgesOnMove: big,
    enableEdgeEvents: !big || size <= 60000,
    // smaller nodes keep growing as one zooms in (sigma's default is the square root of the zoom);
    // the label threshold shrinks with them, so the same share of names is shown
    zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio) / scale,
    labelRenderedSizeThreshold: (SIGMA_SETTINGS.labelRenderedSizeThreshold ?? 7) * scale,
  };
}
