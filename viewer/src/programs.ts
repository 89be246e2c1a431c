// How nodes and edges reach WebGL. Headless and CI Chromium (--disable-gpu) draw WebGL in
// software (SwiftShader), and the page waits for that drawing when it shows a frame, so what
// one frame costs to draw is how long the page is frozen:
// - sigma draws each node and edge as one instance of a small shape (instanced drawing); in
//   software every instance costs tens of microseconds, so 60k arrows took seconds. `unrolled`
//   feeds the same shaders the shape's vertices written out per item: one plain draw call.
// - the layout moves nodes in place (NodeMover). Edges: edge-programs.ts.
import { NodeCircleProgram, getAttributesItemsCount } from 'sigma/rendering';
import type { InstancedProgramDefinition, NodeProgramType, ProgramDefinition } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import type { EdgeAttrs, GraphAttrs, NodeAttrs } from './types.js';

export type NodeProgramClass = NodeProgramType<NodeAttrs, EdgeAttrs, GraphAttrs>;

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

export interface NodeMover {
  /**
   * Moves every node without sigma re-indexing: `place(i, data)` sets the display position of
   * the i-th node of the graph on sigma's own display data, and its vertices are rewritten. False
   * when the program does not hold the graph's `count` nodes (sigma must re-index instead).
   */
  moveAll(count: number, place: (i: number, data: NodeDisplayData) => void): boolean;
}

// the parts of sigma's Program (public, though its node program type does not show them) used here
interface VertexLayout {
  array: Float32Array;
  ATTRIBUTES: ProgramDefinition['ATTRIBUTES'];
  ATTRIBUTES_ITEMS_COUNT: number;
  VERTICES: number;
}

/**
 * sigma's default node program (circles), unrolled, and a mover for it. Sigma hands the
 * program its display data objects, node after node in graph order (no zIndex ordering): kept
 * by position, they let the layout move nodes by writing x and y, there and in the vertices,
 * where a sigma refresh copies every node's attributes (50k nodes: a second and more of
 * allocation and garbage collection per step).
 */
export function nodePrograms(): { classes: Record<string, NodeProgramClass>; mover: NodeMover } {
  type Program = InstanceType<NodeProgramClass>;
  const Circle = unrolled<NodeProgramClass>(NodeCircleProgram);
  let main: Movable | null = null;
  class Movable extends Circle {
    readonly items: NodeDisplayData[] = [];
    constructor(...args: ConstructorParameters<NodeProgramClass>) {
      super(...args);
      if (args[1]) main = this; // the stage's program (the hover layer's has no picking buffer)
    }
    override process(...[id, offset, data]: Parameters<Program['process']>): void {
      this.items[offset] = data;
      super.process(id, offset, data);
    }
    override reallocate(capacity: number): void {
      this.items.length = Math.min(this.items.length, capacity);
      super.reallocate(capacity);
    }
  }
  const mover: NodeMover = {
    moveAll(count, place) {
      if (!main || main.items.length !== count) return false;
      const { array, ATTRIBUTES, ATTRIBUTES_ITEMS_COUNT: perVertex, VERTICES } = main as unknown as VertexLayout;
      const positionAt = ATTRIBUTES.findIndex((a) => a.name === 'a_position');
      if (positionAt < 0) return false;
      const offset = getAttributesItemsCount(ATTRIBUTES.slice(0, positionAt));
      for (let i = 0; i < count; i++) {
        const data = main.items[i]!;
        place(i, data);
        if (data.hidden) continue; // its vertices are all zeros
        for (let v = 0, k = i * VERTICES * perVertex + offset; v < VERTICES; v++, k += perVertex) {
          array[k] = data.x;
          array[k + 1] = data.y;
        }
      }
      return true;
    },
  };
  return { classes: { circle: Movable }, mover };
}
