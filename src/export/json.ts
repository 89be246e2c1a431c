// JSON: the graph file itself (graphology's serialisation, as `kg build` writes it), for tools
// that read kg graphs directly, such as graphology or the viewer.
import type { DirectedGraph } from 'graphology';

export function toJSON(graph: DirectedGraph): string {
  return JSON.stringify(graph.export());
}
