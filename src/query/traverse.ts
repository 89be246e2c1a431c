// One step of a walk over the graph: which edges may be followed from a node, in which direction,
// under the relation and entity-type filters shared by paths and neighbourhoods.
import type { DirectedGraph } from 'graphology';

export interface WalkOptions {
  /** follow edges only from source to target (default: either way) */
  directed?: boolean;
  /** only edges with these relations (default: all) */
  relations?: readonly string[];
  /** only pass through entities of these types (default: all); the walk's endpoints are always allowed */
  types?: readonly string[];
}

/** `forward`: the edge points from the node we came from to the neighbour. */
export type Visit = (neighbor: string, edge: string, forward: boolean) => void;

/**
 * Calls `visit` for every edge that may be followed from `node`. `reverse` walks edges backwards
 * (for searches that start at the target), which only matters when the walk is directed.
 */
export type Stepper = (node: string, visit: Visit, reverse?: boolean) => void;

export function stepper(graph: DirectedGraph, options: WalkOptions, endpoints: readonly string[] = []): Stepper {
  const relations = options.relations?.length ? new Set(options.relations) : undefined;
  const types = options.types?.length ? new Set(options.types) : undefined;
  const ends = new Set(endpoints);
  const passable = (node: string) => !types || ends.has(node) || types.has(graph.getNodeAttribute(node, 'entityType') as string);
  const usable = (attr: Record<string, unknown>) => !relations || relations.has(attr.relation as string);
  return (node, visit, reverse = false) => {
    if (!options.directed || !reverse) {
      graph.forEachOutEdge(node, (edge, attr, _source, target) => {
        if (usable(attr) && passable(target)) visit(target, edge, true);
      });
    }
    if (!options.directed || reverse) {
      graph.forEachInEdge(node, (edge, attr, source) => {
        if (usable(attr) && passable(source)) visit(source, edge, false);
      });
    }
  };
}
