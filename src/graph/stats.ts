// Counts of a graph, for `kg stats`.
import type { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../types.js';

export interface GraphStats {
  documents: number;
  nodes: number;
  edges: number;
  entities: Record<EntityType, number>;
  relations: Record<RelationType, number>;
  derived: number;
  mentions: number;
  evidence: number;
  builtAt?: string;
  generator?: { name: string; version: string };
}

export function statsOf(graph: DirectedGraph): GraphStats {
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  let derived = 0;
  let mentions = 0;
  let evidence = 0;
  graph.forEachNode((_k: string, a: Record<string, any>) => {
    entities[a.entityType as EntityType]++;
    mentions += a.mentions.length;
  });
  graph.forEachEdge((_k: string, a: Record<string, any>) => {
    if (a.derived) derived++;
    else relations[a.relation as RelationType]++;
    evidence += a.evidence.length;
  });
  const attrs = graph.getAttributes() as Record<string, any>;
  return {
    documents: Array.isArray(attrs.documents) ? attrs.documents.length : 0,
    nodes: graph.order,
    edges: graph.size,
    entities,
    relations,
    derived,
    mentions,
    evidence,
    builtAt: attrs.builtAt,
    generator: attrs.generator,
  };
}

export function formatStats(s: GraphStats): string {
  const rows: Array<[string, number]> = [
    ['documents', s.documents],
    ['entities', s.nodes],
    ...ENTITY_TYPES.map((t): [string, number] => [`  ${t}`, s.entities[t]]),
    ['relations (stated)', s.edges - s.derived],
    ...RELATION_TYPES.map((t): [string, number] => [`  ${t}`, s.relations[t]]),
    ['relations (derived located-in)', s.derived],
    ['mentions', s.mentions],
    ['evidence sentences', s.evidence],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`;
}
