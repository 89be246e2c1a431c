// The graph: graphology, one node per entity, one directed edge per (head, relation, tail)
// with all its evidence, ForceAtlas2 positions computed here so viewers open laid out.
import { DirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import type { DocumentInfo, Entity, Relation } from '../types.js';
import { TYPE_COLORS, nodeSize } from './style.js';

export interface GraphOptions {
  /** ForceAtlas2 iterations; 0 keeps the seeded circle */
  layoutIterations: number;
  generator: { name: string; version: string };
  /** ISO time; tests fix it to compare builds */
  builtAt: string;
}

export const DEFAULT_GRAPH_OPTIONS: Omit<GraphOptions, 'builtAt' | 'generator'> = { layoutIterations: 300 };

export function buildGraph(entities: Entity[], relations: Relation[], documents: DocumentInfo[], options: GraphOptions): DirectedGraph {
  const graph = new DirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ documents, builtAt: options.builtAt, generator: options.generator });
  const n = entities.length;
  entities.forEach((e, i) => {
    // deterministic start: a circle in id order, so equal input gives an equal layout
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    graph.addNode(e.id, {
      label: e.label,
      entityType: e.type,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ doc: m.doc, start: m.start, end: m.end, text: m.text, sentence: m.sentence })),
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      size: nodeSize(e.mentions.length),
      color: TYPE_COLORS[e.type],
    });
  });
  const sorted = [...relations].sort((a, b) =>
    `${a.head}\u0000${a.relation}\u0000${a.tail}`.localeCompare(`${b.head}\u0000${b.relation}\u0000${b.tail}`),
  );
  for (const r of sorted) {
    if (!graph.hasNode(r.head) || !graph.hasNode(r.tail)) continue;
    const key = `${r.head}->${r.relation}->${r.tail}`;
    graph.addDirectedEdgeWithKey(key, r.head, r.tail, {
      relation: r.relation,
      evidence: r.evidence,
      derived: r.derived,
      weight: r.evidence.length,
    });
  }
  if (options.layoutIterations > 0 && graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: options.layoutIterations,
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 0 },
    });
  }
  graph.forEachNode((node: string, attrs: Record<string, unknown>) => {
    graph.mergeNodeAttributes(node, { x: round(attrs.x as number), y: round(attrs.y as number) });
  });
  return graph;
}

// graphology-layout-forceatlas2 is CommonJS with an `export default` typing; load it as such.
type FA2 = typeof import('graphology-layout-forceatlas2').default;
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as FA2;

const round = (v: number) => Math.round(v * 1000) / 1000;
