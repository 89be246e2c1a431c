// Hops as users see them: an edge walked from one entity to the next, with the edge's real
// direction and the sentences that state it.
import type { DirectedGraph } from 'graphology';

export interface Evidence {
  doc: string;
  start: number;
  end: number;
  sentence: string;
}

export interface Hop {
  /** where the hop starts, in walking order (node key) */
  head: string;
  relation: string;
  /** where the hop ends, in walking order (node key) */
  tail: string;
  /** `forward`: the graph states `head relation tail`; `backward`: it states `tail relation head` */
  direction: 'forward' | 'backward';
  edge: string;
  /** a place hierarchy edge taken from the gazetteer (no evidence sentence) */
  derived: boolean;
  evidence: Evidence[];
}

export interface NodeRef {
  key: string;
  label: string;
  entityType: string;
}

export function hopOf(graph: DirectedGraph, head: string, edge: string): Hop {
  const a = graph.getEdgeAttributes(edge);
  const forward = graph.source(edge) === head;
  return {
    head,
    relation: String(a.relation),
    tail: forward ? graph.target(edge) : graph.source(edge),
    direction: forward ? 'forward' : 'backward',
    edge,
    derived: a.derived === true,
    evidence: Array.isArray(a.evidence) ? (a.evidence as Evidence[]) : [],
  };
}

export function nodeRef(graph: DirectedGraph, key: string): NodeRef {
  const a = graph.getNodeAttributes(key);
  return { key, label: String(a.label ?? key), entityType: String(a.entityType ?? '') };
}
