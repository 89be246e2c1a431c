// What part of the graph an export writes, the same for every format: entity types, relations,
// documents, a minimum number of relations per entity, and whether the gazetteer's derived edges
// go along. A filtered copy; the graph itself is left as it is.
import type { DirectedGraph } from 'graphology';

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

export function isFiltered(f: ExportFilter): boolean {
  return !!(f.types?.length || f.relations?.length || f.docs?.length || (f.minDegree ?? 0) > 0 || f.noDerived);
}

export function filterGraph(graph: DirectedGraph, f: ExportFilter): DirectedGraph {
  const docs = f.docs?.length ? new Set(f.docs) : undefined;
  const out = graph.nullCopy();
  out.replaceAttributes({ ...graph.getAttributes() });
  if (docs) {
    const documents = (graph.getAttribute('documents') as Array<{ id: string }> | undefined) ?? [];
    out.setAttribute('documents', documents.filter((d) => docs.has(d.id)));
  }
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
  const min = f.minDegree ?? 0;
  if (min > 0) for (const key of out.filterNodes((k: string) => out.degree(k) < min)) out.dropNode(key);
  return out;
}
