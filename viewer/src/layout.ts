// ForceAtlas2 in a web worker: the page stays responsive while nodes move. Positions come from
// the build; this only refines them on demand.
// The package's supervisor writes every step into the graph as soon as it arrives, which has
// sigma run its reducers twice and re-index and redraw the whole graph, per step. Here a step is
// written in a task of its own, drawn, and only then is the worker asked for the next one: on a
// machine with few cores a worker that never waits competes with the page and its drawing
// (software WebGL runs on the CPU too), and long tasks come back. On big graphs edges are left out
// of the frames while the layout runs (drawing tens of thousands of them in software WebGL
// takes longer than a frame may block the page), and nodes are moved in place, with no
// re-indexing and no allocation.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Sigma from 'sigma';
import { createNormalizationFunction } from 'sigma/utils';
import type { EdgeGate } from './edge-programs.js';
import type { NodeMover } from './programs.js';
import { createFollower, type Extent } from './follow.js';
import type { KgGraph } from './types.js';

/** Above this many edges, frames drawn while the layout runs show nodes only. */
export const MAX_EDGES_DRAWN_DURING_LAYOUT = 5000;

/** floats per node in the worker's matrix (x, y first) */
const PPN = 10;

export interface LayoutControl {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  kill(): void;
  /** how long writing the steps' positions took, since the layout last started (for the benchmark) */
  timings(): LayoutTimings;
}

/** The steps written since the layout last started, and the longest write (its start by performance.now()). */
export interface LayoutTimings {
  steps: number;
  longestMs: number;
  longestAt: number;
}

// the supervisor's internals this relies on (graphology-layout-forceatlas2 0.10, worker.js)
interface SupervisorInternals {
  running: boolean;
  matrices: { nodes: Float32Array };
  askForIterations(withEdges?: boolean): void;
}

/** The package's supervisor, asking the worker for its next step only when told to (next). */
class SteppedFA2 extends FA2Layout {
  onPositions: (nodes: Float32Array) => void = () => {};
  private stepped = false; // a step has arrived and the next one is not asked for yet

  handleMessage(event: MessageEvent<{ nodes: ArrayBuffer }>): void {
    const self = this as unknown as SupervisorInternals;
    if (!self.running) return;
    const matrix = new Float32Array(event.data.nodes);
    self.matrices.nodes = matrix;
    this.stepped = true;
    this.onPositions(matrix.slice()); // the matrix itself goes back to the worker
  }

  override start(): void {
    this.stepped = false; // start() asks for the first step itself
    super.start();
  }

  next(): void {
    const self = this as unknown as SupervisorInternals;
    if (!this.stepped) return;
    this.stepped = false;
    if (self.running) self.askForIterations();
  }
}

export interface LayoutDrawing {
  /** paused while the layout runs on a big graph */
  edges: EdgeGate;
  /** moves nodes without sigma re-indexing */
  mover: NodeMover;
}

export function createLayout(graph: KgGraph, sigma: Sigma<any, any, any>, { edges, mover }: LayoutDrawing): LayoutControl {
  let supervisor: SteppedFA2 | null = null; // the worker is spawned on first start
  let latest: Float32Array | null = null;
  let nodes: string[] = [];
  let timer = 0;
  let drawn = true; // sigma has drawn what was written last
  const follower = createFollower(sigma);
  let following = false;
  // sigma re-indexes (positions, frame, label grid, vertex buffers) and draws; no reducer runs
  const reindex = () => {
    drawn = false;
    sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
  };

  const timings: LayoutTimings = { steps: 0, longestMs: 0, longestAt: 0 };
  const apply = () => {
    const t = performance.now();
    applyStep();
    const ms = performance.now() - t;
    timings.steps++;
    if (ms > timings.longestMs) Object.assign(timings, { longestMs: ms, longestAt: t });
  };
  const applyStep = () => {
    timer = 0;
    const m = latest;
    latest = null;
    if (!m || m.length !== nodes.length * PPN) return supervisor?.next();
    // Positions are written in place, without graph events: on an attribute event sigma runs
    // the reducers for every node, twice, though only x and y changed.
    const extent: Extent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    for (let n = 0, i = 0; n < nodes.length; n++, i += PPN) {
      const a = graph.getNodeAttributes(nodes[n]!);
      a.x = m[i]!;
      a.y = m[i + 1]!;
      extent.minX = Math.min(extent.minX, a.x);
      extent.maxX = Math.max(extent.maxX, a.x);
      extent.minY = Math.min(extent.minY, a.y);
      extent.maxY = Math.max(extent.maxY, a.y);
    }
    if (!edges.paused) return reindex();
    // With edges paused, re-indexing (which goes through every edge) waits for the layout to
    // stop: the nodes are moved in sigma's frame as it is, and the camera follows the graph.
    if (!following) follower.begin();
    following = true;
    follower.follow(extent);
    drawn = false;
    const frame = createNormalizationFunction(sigma.getBBox());
    const moved = mover.moveAll(nodes.length, (i, data) => {
      data.x = m[i * PPN]!;
      data.y = m[i * PPN + 1]!;
      frame.applyTo(data);
    });
    if (moved) sigma.scheduleRender();
    else sigma.refresh({ partialGraph: { nodes }, skipIndexation: true, schedule: true });
  };
  // positions are written in a task of their own, once the previous ones are drawn: writing
  // them in the frame that draws would add the two up into one long task
  const schedule = () => {
    if (latest && drawn && !timer) timer = window.setTimeout(apply, 0);
  };
  sigma.on('afterRender', () => {
    drawn = true;
    if (!latest) supervisor?.next(); // the last step is on screen
    schedule();
  });

  const get = () => {
    if (supervisor) return supervisor;
    supervisor = new SteppedFA2(graph, {
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 0 },
      getEdgeWeight: null,
    });
    supervisor.onPositions = (m) => {
      latest = m;
      schedule();
    };
    return supervisor;
  };
  const settle = () => {
    window.clearTimeout(timer);
    timer = 0;
    latest = null;
    if (!edges.paused) return;
    edges.paused = false;
    if (following) follower.end();
    following = false;
    reindex(); // re-fits the frame, and edges were left out of indexing
  };
  return {
    start: () => {
      Object.assign(timings, { steps: 0, longestMs: 0, longestAt: 0 });
      nodes = graph.nodes(); // in the order of the worker's matrix
      edges.paused = graph.size > MAX_EDGES_DRAWN_DURING_LAYOUT;
      get().start();
    },
    stop: () => {
      supervisor?.stop();
      settle();
    },
    isRunning: () => supervisor?.isRunning() ?? false,
    kill: () => {
      supervisor?.kill();
      supervisor = null;
      settle();
    },
    timings: () => ({ ...timings }),
  };
}
