// Importing a big graph into graphology without V8's hidden-class blow-up.
//
// graphology keeps each node's neighbours in plain objects keyed by neighbour key
// (`nodeData.out[target] = edge`). V8 gives every fresh `{}` a shared hidden class and each
// property added to it a transition to a new one; with 100k distinct node keys that means a new
// hidden class for nearly every edge, and adding 300k edges takes ~2.3 s on our machine. An object
// already in dictionary mode takes new keys without transitions: the same edges go in ~2× faster.
// graphology offers no hook for this, so we swap its (still empty) adjacency objects after the
// nodes are in and before any edge is. The swap is guarded: if graphology's internals ever change
// shape, nothing is touched and the import is just slower. test/skeleton.test.ts checks that
// the result behaves exactly like graphology's own import.
import type { DirectedGraph } from 'graphology';

type SerializedGraph = Partial<ReturnType<DirectedGraph['export']>>;

/** An object with Object.prototype (graphology calls `out.hasOwnProperty`) in dictionary mode. */
function dictionaryObject(): Record<string, unknown> {
  return Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, unknown>;
}

interface NodeDataShape {
  in?: unknown;
  out?: unknown;
}

/**
 * Gives every node of `graph` dictionary-mode adjacency objects. Only while no node has an edge
 * (empty adjacency); returns whether it did.
 */
export function prepareForEdges(graph: DirectedGraph): boolean {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map) || graph.size > 0) return false;
  for (const data of nodes.values() as IterableIterator<NodeDataShape>) {
    if (!isEmptyObject(data.in) || !isEmptyObject(data.out)) return false;
  }
  for (const data of nodes.values() as IterableIterator<NodeDataShape>) {
    data.in = dictionaryObject();
    data.out = dictionaryObject();
  }
  return true;
}

function isEmptyObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  for (const _ in v) return false;
  return true;
}

/** graph.import(data), nodes first, then the adjacency swap, then edges. */
export function importGraph(graph: DirectedGraph, data: SerializedGraph): DirectedGraph {
  graph.import({ attributes: data.attributes, nodes: data.nodes });
  prepareForEdges(graph);
  graph.import({ edges: data.edges });
  return graph;
}
