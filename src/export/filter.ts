// What part of the graph an export writes, the same for every format: entity types, relations,
// documents, a minimum number of relations per entity, and whether the gazetteer's derived edges
// go along. A filtered copy (or the graph itself when nothing filters); the graph is never changed.
import type { DirectedGraph } from 'graphology';
import { documentsOf } from '../graph/read.js';

export interface ExportFilter {
  /** only entities of these types */
  types?: readonly string[];
  /** only relations of these types */
  relations?: readonly string[];
  /** only entities these documents mention, and relations these documents state (ids) */
  docs?: readonly string[];
  /** only entities with at least this many relations once the other filters have run */
  minDegree?: number;
  /** leave out the gazetteer's derived located-in edges */
  noDerived?: boolean;
}

/** The part of `graph` that `f` keeps: a copy, or `graph` itself when `f` filters nothing. */
export function filterGraph(graph: DirectedGraph, f: ExportFilter): DirectedGraph {
  const min = f.minDegree ?? 0;
  if (!(f.types?.length || f.relations?.length || f.docs?.length || min > 0 || f.noDerived)) return graph;
  const docs = f.docs?.length ? new Set(f.docs) : undefined;
  const out = graph.nullCopy();
  out.replaceAttributes({ ...graph.getAttributes() });
  if (docs) out.setAttribute('documents', documentsOf(graph).filter((d) => docs.has(d.id)));
  graph.forEachNode((key: string, a: Record<string, any>) => {
    if (f.types?.length && !f.types.includes(a.entityType)) return;
    if (docs && !(a.mentions as Array<{ doc: string }>).some((m) => docs.has(m.doc))) return;
    out.addNode(key, a);
  });
  graph.forEachEdge((key: string, a: Record<string, any>, s: string, t: string) => {
    if (!out.hasNode(s) || !out.hasNode(t)) return;
    if (f.relations?.length && !f.relations.includes(a.relation)) return;
    if (f.noDerived && a.derived) return;
    // a stated relation goes with the documents that state it; a derived one with its ends
    if (docs && !a.derived && !(a.evidence as Array<{ doc: string }>).some((e) => docs.has(e.doc))) return;
    out.addDirectedEdgeWithKey(key, s, t, a);
  });
  // dropping an entity can leave a neighbour short of relations: drop again until none is (the k-core)
  const short = () => out.filterNodes((k: string) => out.degree(k) < min);
  for (let low = short(); low.length; low = short()) for (const key of low) out.dropNode(key);
  return out;
}
