// Drawing before the bulk has arrived. `kg build` writes graph.skeleton.json beside graph.json
// (src/graph/skeleton.ts): keys, names, types, positions and edges in columns, without each
// entity's mentions and each relation's evidence, which make most of graph.json (a built graph of
// 19k entities: 37 of its 49 MB). The viewer draws from the skeleton and wires the page, then
// fills in the mentions and evidence from graph.json (fillDetails; details.ts tells the page when
// they are in). A skeleton that cannot stand for the file (another format, unknown types, edges
// without weights) throws, and the page reads graph.json instead.
import { DirectedGraph } from 'graphology';
import { SKELETON_FORMAT, skeletonAliases, skeletonKeys, type Skeleton } from '../../src/graph/skeleton-format.js';
import { TYPE_COLORS } from '../../src/graph/style.js';
import { GraphProblem, axisOr, isObject, only, sizeOr } from './schema.js';
import { ENTITY_TYPES, RELATION_TYPES, type EdgeAttrs, type EntityType, type GraphAttrs, type KgGraph, type NodeAttrs, type RelationType } from './types.js';

const NO_MENTIONS: NodeAttrs['mentions'] = [];
const NO_EVIDENCE: EdgeAttrs['evidence'] = [];

/** A graph drawn from a skeleton, with the skeleton and its decoded keys (record order), which fillDetails reads. */
export interface Drawn {
  graph: KgGraph;
  skeleton: Skeleton;
  keys: { nodes: string[]; edges: string[] };
}

/**
 * The graph a skeleton describes, each node's mentions and each edge's evidence empty until
 * fillDetails; as graphFromData would import the whole file otherwise (positions on a circle
 * where the file has none, sizes from the mention counts, colours by type, self-loops left out).
 * Throws on a skeleton that does not describe a graph: the caller then loads graph.json instead.
 */
export function drawSkeleton(s: Skeleton): Drawn {
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
    graph.addNode(key, {
      label: n.label[i]!,
      entityType: type,
      aliases: skeletonAliases(s, i),
      mentions: NO_MENTIONS,
      x: axisOr(n.x[i], 'x', i, count),
      y: axisOr(n.y[i], 'y', i, count),
      size: sizeOr(n.size[i], n.mentions[i]!),
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
  return { graph, skeleton: s, keys };
}

/** Each node's number of mentions as the skeleton counts them, by key: what ranks entities until the mentions themselves are in (details.ts). */
export function skeletonMentionCounts({ skeleton, keys }: Drawn): Map<string, number> {
  const counts = new Map<string, number>();
  keys.nodes.forEach((key, i) => {
    const n = skeleton.nodes.mentions[i];
    counts.set(key, typeof n === 'number' && n >= 0 ? n : 0);
  });
  return counts;
}

/** What the page says when graph.json is not the file its skeleton describes. */
export const graphChanged = (source: string): GraphProblem =>
  new GraphProblem('The graph changed while it was loading', `${source} was rebuilt after its skeleton was read: reload the page.`);

/** How long one slice of filling in may hold the page before it lets events through. */
export const FILL_SLICE_MS = 25;

/** The next task: scheduler.yield where the browser has it (a hidden tab's timers run about once a second), else a timer. */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
};

export interface FillOptions {
  /** what lets events through between slices (default: the next task) */
  pause?: () => Promise<void>;
  /** default FILL_SLICE_MS */
  sliceMs?: number;
}

/**
 * Each node's mentions and each edge's evidence from `bytes` (graph.json) into the graph drawn from
 * the skeleton that describes that file, record by record at the skeleton's byte ranges:
 * each record is decoded and parsed on its own, in slices of about FILL_SLICE_MS with `pause()`
 * between them, so that the page, wired, keeps answering while a graph file of tens of megabytes
 * is read (parsing it whole held the page 0.85 s at 20k nodes, 2.9 s at 50k). Each record must
 * be the one the skeleton puts there (its key), and its two fields are read as graphFromData
 * reads them; the attribute objects are written in place: sigma draws neither field, so it needs
 * no event. The caller has checked that graph.json is the file the skeleton describes (load.ts:
 * the server's stamp of the file it sent); a record that is not where the skeleton says is a
 * GraphProblem all the same. The page reads no mention or evidence until this has resolved.
 */
export async function fillDetails({ graph: drawn, skeleton: s, keys }: Drawn, bytes: Uint8Array, source: string, options: FillOptions = {}): Promise<void> {
  const { pause = nextTask, sliceMs = FILL_SLICE_MS } = options;
  const changed = () => graphChanged(source);
  const decoder = new TextDecoder();
  const record = (at: number | undefined, len: number | undefined): Record<string, unknown> => {
    if (typeof at !== 'number' || typeof len !== 'number' || at < 0 || at + len > bytes.length) throw changed();
    let r: unknown;
    try {
      r = JSON.parse(decoder.decode(bytes.subarray(at, at + len)));
    } catch {
      throw changed();
    }
    if (!isObject(r) || !isObject(r.attributes)) throw changed();
    return r;
  };
  // (the clock read every 256 records; a pause only when the slice is spent)
  let sliceStart = performance.now();
  const spent = (i: number) => (i & 255) === 255 && performance.now() - sliceStart >= sliceMs;
  const rest = async () => {
    await pause();
    sliceStart = performance.now();
  };
  const { nodes, edges } = s;
  for (let i = 0; i < keys.nodes.length; i++) {
    const n = record(nodes.at[i], nodes.len[i]);
    if (n.key !== keys.nodes[i]) throw changed();
    drawn.getNodeAttributes(keys.nodes[i]!).mentions = only((n.attributes as Record<string, unknown>).mentions, isObject) as unknown as NodeAttrs['mentions'];
    if (spent(i)) await rest();
  }
  for (let i = 0; i < keys.edges.length; i++) {
    const e = record(edges.at[i], edges.len[i]);
    const a = e.attributes as Record<string, unknown>;
    const key = typeof e.key === 'string' ? e.key : `${String(e.source)}->${String(a.relation)}->${String(e.target)}`;
    if (key !== keys.edges[i]) throw changed();
    // (a self-loop is not drawn, as graphFromData leaves it out)
    if (drawn.hasEdge(key)) drawn.getEdgeAttributes(key).evidence = only(a.evidence, isObject) as unknown as EdgeAttrs['evidence'];
    if (spent(i)) await rest();
  }
}
