// The flat view of nodes and edges that every tabular or XML export writes: values and lists,
// which the single-value formats join or let the first item stand for (the first evidence
// sentence for an edge; the formats that hold lists keep them all).
import type { DirectedGraph } from 'graphology';

/** Aliases are joined with this in single-value formats (GraphML, GEXF, CSV). */
export const ALIAS_SEPARATOR = '|';

export interface NodeRow {
  key: string;
  label: string;
  entityType: string;
  aliases: string[];
  mentions: number;
  /** the documents that mention it, in first-mention order (Gephi filters by them), and how many times each does */
  mentionsByDoc: Array<[string, number]>;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface EdgeRow {
  key: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
  derived: boolean;
  /** every evidence sentence, and the document of each (same order); none for derived edges */
  sentences: string[];
  documents: string[];
}

export function nodeRows(graph: DirectedGraph): NodeRow[] {
  return graph.mapNodes((key, a) => {
    const byDoc = new Map<string, number>();
    if (Array.isArray(a.mentions)) for (const m of a.mentions as Array<{ doc?: unknown }>) byDoc.set(String(m.doc), (byDoc.get(String(m.doc)) ?? 0) + 1);
    return {
      key,
      label: String(a.label ?? key),
      entityType: String(a.entityType ?? ''),
      aliases: Array.isArray(a.aliases) ? (a.aliases as unknown[]).map(String) : [],
      mentions: Array.isArray(a.mentions) ? a.mentions.length : 0,
      mentionsByDoc: [...byDoc],
      ...numberField('x', a.x),
      ...numberField('y', a.y),
      ...numberField('size', a.size),
      ...(typeof a.color === 'string' ? { color: a.color } : {}),
    };
  });
}

export function edgeRows(graph: DirectedGraph): EdgeRow[] {
  return graph.mapEdges((key, a, source, target) => {
    const evidence = Array.isArray(a.evidence) ? (a.evidence as Array<{ doc?: unknown; sentence?: unknown }>).filter((e) => typeof e?.sentence === 'string') : [];
    return {
      key,
      source,
      target,
      relation: String(a.relation),
      weight: typeof a.weight === 'number' ? a.weight : Array.isArray(a.evidence) ? a.evidence.length : 0,
      derived: a.derived === true,
      sentences: evidence.map((e) => String(e.sentence).trim()),
      documents: evidence.map((e) => String(e.doc ?? '')),
    };
  });
}

function numberField<K extends string>(name: K, v: unknown): Partial<Record<K, number>> {
  return typeof v === 'number' && Number.isFinite(v) ? ({ [name]: v } as Record<K, number>) : {};
}
