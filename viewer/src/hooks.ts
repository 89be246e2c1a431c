// What the page exposes as window.__kg for end-to-end tests and the benchmark: when the first
// frame was drawn, the graph and state, and what is on screen.
import type Sigma from 'sigma';
import type { AppState } from './state.js';
import type { KgGraph } from './types.js';
import type { LayoutTimings } from './layout.js';

export interface KgHooks {
  /**
   * performance.now() once sigma's first render is on screen: in the task after the animation
   * frame that commits it (the commit waits for WebGL to finish drawing, seconds in software)
   */
  firstFrameAt: number | null;
  /** performance.now() once the graph (its skeleton, when kg view has a current one) was fetched, parsed and imported, and once sigma was made (its graph indexed) */
  graphLoadedAt: number | null;
  sigmaMadeAt: number | null;
  /** what the first frame was drawn from (load.ts): the page's own graph, the skeleton, or graph.json */
  loadedFrom: 'page' | 'skeleton' | 'graph' | null;
  /** performance.now() once a graph drawn from its skeleton had its mentions and evidence filled in */
  detailsLoadedAt: number | null;
  /** performance.now() once the page answers hover, clicks and search (drawn from the skeleton: before the mentions and evidence are in) */
  interactiveAt: number | null;
  /** the message shown instead of the graph, if any */
  error: string | null;
  /** the page wired to the whole graph, its mentions and evidence in hand */
  ready: boolean;
  graph?: KgGraph;
  sigma?: Sigma<any, any, any>;
  state?: AppState;
  snapshot?: () => {
    selected: string | null;
    hiddenTypes: string[];
    hiddenRelations: string[];
    minDegree: number;
    doc: string | null;
    focus: { node: string; hops: number } | null;
    component: number | null;
    path: { active: boolean; from: string | null; to: string | null; nodes: string[] | null; edges: string[] | null };
    layoutRunning: boolean;
  };
  /** nodes drawn (not hidden by a filter), optionally of one type */
  visibleNodes?: (type?: string) => number;
  /** nodes drawn in full colour while a highlight dims the rest */
  highlightedNodes?: () => string[];
  /** the PNG export (2×, title, legend) as a data URL */
  pngDataUrl?: () => Promise<string>;
  /** how long writing ForceAtlas2's steps took since the layout last started */
  layoutTimings?: () => LayoutTimings;
  /** the document squares drawn in the last frame (viewport coordinates) */
  documentMarks?: () => Array<{ doc: string; x: number; y: number }>;
}

declare global {
  interface Window {
    __kg: KgHooks;
  }
}

export function initHooks(): KgHooks {
  window.__kg = { firstFrameAt: null, graphLoadedAt: null, sigmaMadeAt: null, loadedFrom: null, detailsLoadedAt: null, interactiveAt: null, error: null, ready: false };
  return window.__kg;
}

export function completeHooks(
  hooks: KgHooks,
  graph: KgGraph,
  sigma: Sigma<any, any, any>,
  state: AppState,
  highlighted: () => ReadonlySet<string> | null,
  png: () => Promise<HTMLCanvasElement>,
  layout: { timings(): LayoutTimings },
): void {
  Object.assign(hooks, {
    graph,
    sigma,
    state,
    layoutTimings: () => layout.timings(),
    snapshot: () => {
      const p = state.path.get();
      return {
        selected: state.selection.get().selected,
        hiddenTypes: [...state.filters.get().hiddenTypes],
        hiddenRelations: [...state.filters.get().hiddenRelations],
        minDegree: state.filters.get().minDegree,
        doc: state.filters.get().doc,
        focus: state.filters.get().focus,
        component: state.filters.get().component,
        path: { active: p.active, from: p.from, to: p.to, nodes: p.result?.nodes ?? null, edges: p.result?.edges ?? null },
        layoutRunning: state.layoutRunning.get(),
      };
    },
    visibleNodes: (type?: string) =>
      graph.filterNodes((n, a) => (!type || a.entityType === type) && sigma.getNodeDisplayData(n)?.hidden === false).length,
    highlightedNodes: () => [...(highlighted() ?? [])],
    pngDataUrl: async () => (await png()).toDataURL('image/png'),
  } satisfies Partial<KgHooks>);
}
