// Counts of a graph, for `kg stats`: documents, entities and relations by type, and how well
// the relations connect the entities (with stated relations only, and with derived ones).
import type { DirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../types.js';

export interface Connectivity {
  /** entities with no relation */
  unconnected: number;
  /** their share of all entities, 0..1 */
  unconnectedShare: number;
  /** connected components of two entities or more */
  components: number;
  /** entities in the largest component */
  largest: number;
}

export interface GraphStats {
  documents: number;
  nodes: number;
  edges: number;
  entities: Record<EntityType, number>;
  relations: Record<RelationType, number>;
  derived: number;
  mentions: number;
  evidence: number;
  /** through stated relations, and through stated and derived ones */
  connectivity: { stated: Connectivity; withDerived: Connectivity };
  builtAt?: string;
  generator?: { name: string; version: string };
}

/** How the edges `keep` accepts connect the graph's entities (edge direction ignored). */
export function connectivityOf(graph: DirectedGraph, keep: (attrs: Record<string, any>) => boolean = () => true): Connectivity {
  const view = graph.emptyCopy();
  graph.forEachEdge((e: string, a: Record<string, any>, s: string, t: string) => {
    if (keep(a)) view.addDirectedEdgeWithKey(e, s, t);
  });
  const parts = connectedComponents(view);
  const unconnected = parts.filter((p) => p.length === 1).length;
  return {
    unconnected,
    unconnectedShare: graph.order ? unconnected / graph.order : 0,
    components: parts.filter((p) => p.length > 1).length,
    largest: parts.reduce((n, p) => Math.max(n, p.length), 0),
  };
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
    connectivity: { stated: connectivityOf(graph, (a) => !a.derived), withDerived: connectivityOf(graph) },
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
  const c = s.connectivity;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const conn: Array<[string, string]> = [
    ['entities with no relation', `${c.stated.unconnected} (${pct(c.stated.unconnectedShare)}); with derived: ${c.withDerived.unconnected} (${pct(c.withDerived.unconnectedShare)})`],
    ['components of 2 or more', `${c.stated.components}; with derived: ${c.withDerived.components}`],
    ['largest component', `${c.stated.largest} entities; with derived: ${c.withDerived.largest}`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length), ...conn.map(([k]) => k.length));
  return `${[...rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`), ...conn.map(([k, v]) => `${k.padEnd(w)}  ${v}`)].join('\n')}\n`;
}
