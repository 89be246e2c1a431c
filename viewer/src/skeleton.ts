// Drawing before the bulk has arrived. `kg build` writes graph.skeleton.json beside graph.json
// (src/graph/skeleton.ts): keys, names, types, positions and edges in columns, without each
// entity's mentions and each relation's evidence, which make most of graph.json (a built graph of
// 19k entities: 37 of its 49 MB). The viewer draws from the skeleton, then fills in the mentions
// and evidence from graph.json (fillDetails) before the rest of the page is wired to them. A
// skeleton that cannot stand for the file (another format, unknown types, edges without weights)
// throws, and the page reads graph.json instead.
import { DirectedGraph } from 'graphology';
import { SKELETON_FORMAT, skeletonAliases, skeletonKeys, type Skeleton } from '../../src/graph/skeleton-format.js';
import { TYPE_COLORS, nodeSize } from '../../src/graph/style.js';
import { GraphProblem, isObject, only } from './schema.js';
import { ENTITY_TYPES, RELATION_TYPES, type EdgeAttrs, type EntityType, type GraphAttrs, type KgGraph, type NodeAttrs, type RelationType } from './types.js';

const NO_MENTIONS: NodeAttrs['mentions'] = [];
const NO_EVIDENCE: EdgeAttrs['evidence'] = [];

/**
 * The graph a skeleton describes, each node's mentions and each edge's evidence empty until
 * fillDetails; as graphFromData would import the whole file otherwise (positions on a circle
 * where the file has none, sizes from the mention counts, colours by type, self-loops left out).
 * Throws on a skeleton that does not describe a graph: the caller then loads graph.json instead.
 */
export function graphFromSkeleton(s: Skeleton): KgGraph {
  if (s?.kgSkeleton !== SKELETON_FORMAT) throw new Error(`not in skeleton format ${SKELETON_FORMAT}`);
  const { nodes: n, edges: e, names } = s;
  const keys = skeletonKeys(s);
  const types = names.types.map((t) => ((ENTITY_TYPES as readonly string[]).includes(t) ? (t as EntityType) : undefined));
  const relations = names.relations.map((r) => ((RELATION_TYPES as readonly string[]).includes(r) ? (r as RelationType) : undefined));

  const graph: KgGraph = new DirectedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>({ allowSelfLoops: false });
  const attrs = s.attributes ?? {};
  graph.replaceAttributes({
    documents: only(attrs.documents, isObject) as unknown as GraphAttrs['documents'],
    builtAt: typeof attrs.builtAt === 'string' ? attrs.builtAt : undefined,
  });
  const count = keys.nodes.length;
  keys.nodes.forEach((key, i) => {
    const type = types[n.type[i]!];
    if (type === undefined) throw new Error(`node ${i} has a type the viewer does not know`);
    const x = n.x[i];
    const y = n.y[i];
    const size = n.size[i];
    const angle = (2 * Math.PI * i) / Math.max(1, count);
    graph.addNode(key, {
      label: n.label[i]!,
      entityType: type,
      aliases: skeletonAliases(s, i),
      mentions: NO_MENTIONS,
      x: typeof x === 'number' && Number.isFinite(x) ? x : Math.cos(angle) * 100,
      y: typeof y === 'number' && Number.isFinite(y) ? y : Math.sin(angle) * 100,
      size: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : nodeSize(n.mentions[i]!),
      color: TYPE_COLORS[type],
    });
  });
  keys.edges.forEach((key, i) => {
    const source = keys.nodes[e.source[i]!]!;
    const target = keys.nodes[e.target[i]!]!;
    const relation = relations[e.relation[i]!];
    const weight = e.weight[i];
    if (relation === undefined) throw new Error(`edge ${i} has a relation the viewer does not know`);
    // (a file without weights gets graphFromData's count of the evidence, which the skeleton lacks: graph.json is read instead)
    if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new Error(`edge ${i} has no weight`);
    if (source !== target) graph.addDirectedEdgeWithKey(key, source, target, { relation, evidence: NO_EVIDENCE, derived: e.derived[i] === 1, weight });
  });
  return graph;
}

/**
 * Each node's number of mentions as the skeleton counts them, by key, for a graph that
 * graphFromSkeleton made from it (its nodes in the skeleton's order): what ranks entities until
 * the mentions themselves are in (details.ts).
 */
export function skeletonMentionCounts(s: Skeleton, graph: KgGraph): Map<string, number> {
  const counts = new Map<string, number>();
  let i = 0;
  graph.forEachNode((node) => {
    const n = s.nodes.mentions[i++];
    counts.set(node, typeof n === 'number' && n >= 0 ? n : 0);
  });
  return counts;
}

/** What the page says when graph.json is not the file its skeleton describes. */
export const graphChanged = (source: string): GraphProblem =>
  new GraphProblem('The graph changed while it was loading', `${source} was rebuilt after its skeleton was read: reload the page.`);

/**
 * Each node's mentions and each edge's evidence from `data` (graph.json, parsed) into `drawn`
 * (made from the skeleton that describes that file, so its records are read for these two
 * fields only, as graphFromData reads them). The attribute objects are written in place: sigma
 * draws neither field, so it needs no event. The caller has checked that graph.json is the file
 * the skeleton describes (load.ts: the server's stamp of the file it sent); other entities or
 * relations than the skeleton's are a GraphProblem all the same.
 */
export function fillDetails(drawn: KgGraph, data: unknown, source: string): void {
  const changed = () => graphChanged(source);
  if (!isObject(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges) || data.nodes.length !== drawn.order) throw changed();
  for (const n of data.nodes as unknown[]) {
    if (!isObject(n) || typeof n.key !== 'string' || !isObject(n.attributes) || !drawn.hasNode(n.key)) throw changed();
    drawn.getNodeAttributes(n.key).mentions = only(n.attributes.mentions, isObject) as unknown as NodeAttrs['mentions'];
  }
  let edges = 0;
  for (const e of data.edges as unknown[]) {
    if (!isObject(e) || !isObject(e.attributes)) throw changed();
    const { source: s, target: t } = e;
    if (s === t) continue;
    const key = typeof e.key === 'string' ? e.key : `${String(s)}->${String(e.attributes.relation)}->${String(t)}`;
    if (!drawn.hasEdge(key)) throw changed();
    const mine = drawn.getEdgeAttributes(key);
    mine.evidence = only(e.attributes.evidence, isObject) as unknown as EdgeAttrs['evidence'];
    edges++;
  }
  if (edges !== drawn.size) throw changed();
}
