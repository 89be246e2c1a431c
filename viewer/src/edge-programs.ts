// Edges in WebGL (see programs.ts for why every frame's drawing counts): sigma's arrow and line
// programs, unrolled; when the view holds more edges than one can tell apart they are drawn as
// 1 px lines, which cost a third of arrows to draw and nothing to prepare, and arrows come back
// as one zooms in; and a gate that pauses edges (neither indexed nor drawn) while the layout runs.
import { EdgeArrowHeadProgram, EdgeClampedProgram, EdgeLineProgram, EdgeRectangleProgram, createEdgeCompoundProgram } from 'sigma/rendering';
import type { EdgeProgramType } from 'sigma/rendering';
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import { unrolled } from './programs.js';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from './types.js';

type EdgeProgramClass = EdgeProgramType<NodeAttrs, EdgeAttrs, GraphAttrs>;
type EdgeProgram = InstanceType<EdgeProgramClass>;

/** Past this many edges in view, edges are drawn as lines without arrowheads. */
export const MAX_ARROWS_IN_VIEW = 10_000;

/** While paused, edges are neither indexed nor drawn; re-index after resuming (sigma.refresh). */
export interface EdgeGate {
  paused: boolean;
}

/** sigma's default edge programs (arrows, lines), unrolled, drawn in less detail when crowded */
export function edgePrograms(gate: EdgeGate): Record<string, EdgeProgramClass> {
  const Arrow = createEdgeCompoundProgram<NodeAttrs, EdgeAttrs, GraphAttrs>([unrolled(EdgeClampedProgram), unrolled(EdgeArrowHeadProgram)]);
  const Line = EdgeLineProgram as unknown as EdgeProgramClass; // not instanced
  return { arrow: byDetail(Arrow, Line, gate), line: byDetail(unrolled(EdgeRectangleProgram), Line, gate) };
}

/**
 * `Detailed`, or `Coarse` while the view holds more than MAX_ARROWS_IN_VIEW edges; nothing while
 * `gate` is paused. The detailed program is only filled once a view needs it (a big graph opens
 * zoomed out), and coarse edges are not drawn for picking: they can be hovered once they are
 * drawn in detail.
 */
function byDetail(Detailed: EdgeProgramClass, Coarse: EdgeProgramClass, gate: EdgeGate): EdgeProgramClass {
  type Args = ConstructorParameters<EdgeProgramClass>;
  return class ByDetail {
    drawLabel = undefined;
    // made on first use: compiling shaders takes a while, and most types or details are never drawn
    private detailedProgram: EdgeProgram | null = null;
    private coarseProgram: EdgeProgram | null = null;
    private readonly args: Args;
    private readonly renderer: Sigma<NodeAttrs, EdgeAttrs, GraphAttrs>;
    private capacity = 0;
    /** whether the next indexing fills the detailed program, and whether the last one did */
    private wantDetail = false;
    private detailIndexed = false;
    /** the graph has too many edges to be shown in detail when zoomed out */
    private mayCrowd = false;

    constructor(...args: Args) {
      this.args = args;
      this.renderer = args[2] as unknown as Sigma<NodeAttrs, EdgeAttrs, GraphAttrs>;
    }
    private get detailed(): EdgeProgram {
      return (this.detailedProgram ??= new Detailed(...this.args));
    }
    private get coarse(): EdgeProgram {
      const [gl, , renderer] = this.args;
      return (this.coarseProgram ??= new Coarse(gl, null, renderer));
    }
    private crowded(): boolean {
      // a camera ratio of r shows about r² of the graph
      const ratio = this.renderer.getCamera().ratio;
      return this.renderer.getGraph().size * Math.min(1, ratio * ratio) > MAX_ARROWS_IN_VIEW;
    }
    /** called by sigma at the start of each indexing */
    reallocate(capacity: number): void {
      this.capacity = capacity;
      if (capacity === 0) return;
      this.mayCrowd = this.renderer.getGraph().size > MAX_ARROWS_IN_VIEW;
      this.wantDetail ||= !this.crowded();
      this.detailIndexed = this.wantDetail;
      if (this.detailIndexed) this.detailed.reallocate(capacity);
      if (this.mayCrowd) this.coarse.reallocate(capacity);
    }
    process(...args: Parameters<EdgeProgram['process']>): void {
      if (gate.paused) return;
      if (this.detailIndexed) this.detailed.process(...args);
      if (this.mayCrowd) this.coarse.process(...args);
    }
    render(params: RenderParams): void {
      if (gate.paused || this.capacity === 0) return;
      const crowded = this.crowded();
      if (!crowded && !this.detailIndexed) {
        this.wantDetail = true; // re-index with arrows for the next frame
        this.renderer.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
      }
      (crowded || !this.detailIndexed ? this.coarse : this.detailed).render(params);
    }
    kill(): void {
      this.detailedProgram?.kill();
      this.coarseProgram?.kill();
    }
  } as unknown as EdgeProgramClass;
}
