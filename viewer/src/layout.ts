// ForceAtlas2 in a web worker: the page stays responsive while nodes move. Positions come from
// the build; this only refines them on demand.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { KgGraph } from './types.js';

export interface LayoutControl {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  kill(): void;
}

export function createLayout(graph: KgGraph): LayoutControl {
  let supervisor: FA2Layout | null = null; // the worker is spawned on first start
  const get = () =>
    (supervisor ??= new FA2Layout(graph, {
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 0 },
      getEdgeWeight: null,
    }));
  return {
    start: () => get().start(),
    stop: () => supervisor?.stop(),
    isRunning: () => supervisor?.isRunning() ?? false,
    kill: () => {
      supervisor?.kill();
      supervisor = null;
    },
  };
}
