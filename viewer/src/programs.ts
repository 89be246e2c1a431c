// How nodes and edges reach WebGL. Headless and CI Chromium (--disable-gpu) draw WebGL in
// software (SwiftShader), and the page waits for that drawing when it shows a frame, so what
// one frame costs to draw is how long the page is frozen:
// - sigma draws each node and edge as one instance of a small shape (instanced drawing); in
//   software every instance costs tens of microseconds, so 60k arrows took seconds. `unrolled`
//   feeds the same shaders the shape's vertices written out per item: one plain draw call.
// - when the view holds more edges than one can tell apart, they are drawn as 1 px lines, which
//   cost a third of arrows to draw and nothing to prepare; arrows come back as one zooms in.
// - edges can be paused (neither indexed nor drawn), for frames drawn while the layout runs.
import {
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  createEdgeCompoundProgram,
  getAttributesItemsCount,
} from 'sigma/rendering';
import type { EdgeProgramType, InstancedProgramDefinition, NodeProgramType, ProgramDefinition } from 'sigma/rendering';
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from './types.js';

type NodeProgramClass = NodeProgramType<NodeAttrs, EdgeAttrs, GraphAttrs>;
type EdgeProgramClass = EdgeProgramType<NodeAttrs, EdgeAttrs, GraphAttrs>;
type EdgeProgram = InstanceType<EdgeProgramClass>;

/** Past this many edges in view, edges are drawn as lines without arrowheads. */
export const MAX_ARROWS_IN_VIEW = 10_000;

interface InstancedProgram {
  array: Float32Array;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(index: number, startIndex: number, ...data: any[]): void;
}

/** `Program` drawing its per-vertex constants from the vertex buffer instead of instancing. */
export function unrolled<C>(Program: unknown): C {
  // sigma types its program classes opaquely; these members are on every one of them
  const Base = Program as new (...args: any[]) => InstancedProgram;
  let perItem = 0; // floats the base program writes per item
  let constants: number[][] = [];
  let scratch = new Float32Array(0);
  return class Unrolled extends Base {
    override getDefinition(): ProgramDefinition {
      const def = super.getDefinition();
      if (!('CONSTANT_ATTRIBUTES' in def)) return def;
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...plain } = def;
      perItem = getAttributesItemsCount(def.ATTRIBUTES);
      constants = CONSTANT_DATA;
      if (scratch.length < perItem) scratch = new Float32Array(perItem);
      // per-item attributes first, then the vertex's constants, vertex after vertex
      return { ...plain, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    override processVisibleItem(index: number, startIndex: number, ...data: any[]): void {
      const target = this.array;
      this.array = scratch;
      try {
        super.processVisibleItem(index, 0, ...data);
      } finally {
        this.array = target;
      }
      let i = startIndex;
      for (const vertex of constants) {
        for (let k = 0; k < perItem; k++) target[i++] = scratch[k]!;
        for (const value of vertex) target[i++] = value;
      }
    }
  } as unknown as C;
}

/** sigma's default node program (circles), unrolled */
export const NODE_PROGRAMS: Record<string, NodeProgramClass> = { circle: unrolled<NodeProgramClass>(NodeCircleProgram) };

/** While paused, edges are neither indexed nor drawn; re-index after resuming (sigma.refresh). */
export interface EdgeGate {
  paused: boolean;
}

/** sigma's default edge programs (arrows, lines), unrolled, for a graph of `edgeCount` edges. */
export function edgePrograms(edgeCount: number, gate: EdgeGate): Record<string, EdgeProgramClass> {
  const Arrow = createEdgeCompoundProgram<NodeAttrs, EdgeAttrs, GraphAttrs>([unrolled(EdgeClampedProgram), unrolled(EdgeArrowHeadProgram)]);
  const Line = EdgeLineProgram as unknown as EdgeProgramClass; // not instanced
  return {
    arrow: byDetail(Arrow, edgeCount > MAX_ARROWS_IN_VIEW ? Line : null, edgeCount, gate),
    line: byDetail(unrolled(EdgeRectangleProgram), null, edgeCount, gate),
  };
}

/**
 * `Detailed`, or `Coarse` while the view holds more than MAX_ARROWS_IN_VIEW edges; nothing while
 * `gate` is paused. The detailed program is only filled once a view needs it (a big graph opens
 * zoomed out), and coarse edges are not drawn for picking: they can be hovered once they are
 * drawn in detail.
 */
function byDetail(Detailed: EdgeProgramClass, Coarse: EdgeProgramClass | null, edgeCount: number, gate: EdgeGate): EdgeProgramClass {
  return class ByDetail {
    drawLabel = undefined;
    private readonly detailed: EdgeProgram;
    private readonly coarse: EdgeProgram | null;
    private readonly renderer: Sigma<NodeAttrs, EdgeAttrs, GraphAttrs>;
    /** whether the next indexing fills the detailed program, and whether the last one did */
    private wantDetail = !Coarse;
    private detailIndexed = false;

    constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<NodeAttrs, EdgeAttrs, GraphAttrs>) {
      this.detailed = new Detailed(gl, pickingBuffer, renderer);
      this.coarse = Coarse ? new Coarse(gl, null, renderer) : null;
      this.renderer = renderer;
    }
    /** called by sigma at the start of each indexing */
    reallocate(capacity: number): void {
      this.detailIndexed = this.wantDetail;
      if (this.detailIndexed) this.detailed.reallocate(capacity);
      this.coarse?.reallocate(capacity);
    }
    process(...args: Parameters<EdgeProgram['process']>): void {
      if (gate.paused) return;
      if (this.detailIndexed) this.detailed.process(...args);
      this.coarse?.process(...args);
    }
    render(params: RenderParams): void {
      if (gate.paused) return;
      // a camera ratio of r shows about r² of the graph
      const coarseView = edgeCount * Math.min(1, params.zoomRatio * params.zoomRatio) > MAX_ARROWS_IN_VIEW;
      if (!coarseView && !this.detailIndexed) {
        this.wantDetail = true; // re-index with arrows for the next frame
        this.renderer.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
      }
      (this.coarse && (coarseView || !this.detailIndexed) ? this.coarse : this.detailed).render(params);
    }
    kill(): void {
      this.detailed.kill();
      this.coarse?.kill();
    }
  } as unknown as EdgeProgramClass;
}
