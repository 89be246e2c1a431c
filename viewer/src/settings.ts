// How the graph is drawn: one typed sigma settings object, colours and fonts in one place.
import type { Settings } from 'sigma/settings';
import type { EdgeAttrs, NodeAttrs, GraphAttrs, RelationType } from './types.js';
import { drawLabel, drawHover, drawEdgeLabel } from './labels.js';

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
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  hideEdgesOnMove: false,
  zIndex: false,
  minCameraRatio: 0.02,
  maxCameraRatio: 20,
  stagePadding: 40,
  defaultDrawNodeLabel: drawLabel,
  defaultDrawNodeHover: drawHover,
  defaultDrawEdgeLabel: drawEdgeLabel,
};

/** Settings for big graphs: edges hidden while the camera moves keep panning smooth. */
export function settingsFor(order: number, size: number): Partial<Settings<NodeAttrs, EdgeAttrs, GraphAttrs>> {
  const big = order > 5000 || size > 15000;
  return { ...SIGMA_SETTINGS, hideEdgesOnMove: big, enableEdgeEvents: !big || size <= 60000 };
}
