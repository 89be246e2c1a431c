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
    evidence: evidenceOf(graph, edge, a.evidence),
  };
}

/** An edge's evidence (its `evidence` attribute, given when in hand), the sentences naming both its ends first (namingBothFirst). */
export function evidenceOf(graph: DirectedGraph, edge: string, evidence: unknown = graph.getEdgeAttribute(edge, 'evidence')): Evidence[] {
  return Array.isArray(evidence) ? namingBothFirst(graph, graph.source(edge), graph.target(edge), evidence as Evidence[]) : [];
}

/**
 * An edge's evidence with the sentences that name both its ends first, then those that name one,
 * each group in its order: a fact read across sentences keeps the sentence before it too (an
 * anaphor's antecedent), which names one end at most and would otherwise be the one shown.
 */
function namingBothFirst(graph: DirectedGraph, source: string, target: string, evidence: Evidence[]): Evidence[] {
  if (evidence.length < 2) return evidence;
  const names = (key: string): string[] => {
    const a = graph.getNodeAttributes(key);
    return [a.label, ...(Array.isArray(a.aliases) ? a.aliases : [])].filter((n): n is string => typeof n === 'string' && n.length > 0);
  };
  const ends = [names(source), names(target)];
  const named = evidence.map((e) => (typeof e.sentence === 'string' ? ends.filter((forms) => forms.some((f) => e.sentence.includes(f))).length : 0));
  return evidence.map((_, i) => i).sort((i, j) => named[j]! - named[i]! || i - j).map((i) => evidence[i]!);
}

export function nodeRef(graph: DirectedGraph, key: string): NodeRef {
  const a = graph.getNodeAttributes(key);
  return { key, label: String(a.label ?? key), entityType: String(a.entityType ?? '') };
}
