// Checking a serialised graph in the browser before drawing it: a file that is not a kg graph
// gets one clear sentence on the page instead of a blank canvas or a stack trace.
import { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES, type KgGraph, type NodeAttrs, type EdgeAttrs, type GraphAttrs } from './types.js';
import { TYPE_COLORS, nodeSize } from '../../src/graph/style.js';

export class GraphProblem extends Error {
  constructor(
    readonly title: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'GraphProblem';
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The items of `v` that pass `keep`: `v` itself when all do (the parsed data is ours; most are). */
export function only<T>(v: unknown, keep: (x: unknown) => x is T): T[] {
  if (!Array.isArray(v)) return [];
  return v.every(keep) ? (v as T[]) : v.filter(keep);
}

/** Parses the text of a graph file; throws GraphProblem with a readable message. */
export function parseGraphText(text: string, source: string): KgGraph {
  if (text.trim() === '') throw new GraphProblem('The graph file is empty', `${source} has no content. Build a graph with \`kg build\`.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphProblem('The graph file is not valid JSON', `${source}: ${(err as Error).message}`);
  }
  return graphFromData(data, source);
}

/** A node's position on one axis: the file's, else a place on a circle (the build's starting layout), the `i`th of `count`. */
export const axisOr = (v: unknown, axis: 'x' | 'y', i: number, count: number): number =>
  finite(v) ? v : (axis === 'x' ? Math.cos : Math.sin)((2 * Math.PI * i) / Math.max(1, count)) * 100;

/** A node's size: the file's, else one from its number of mentions. */
export const sizeOr = (v: unknown, mentions: number): number => (finite(v) && v > 0 ? v : nodeSize(mentions));

/** Validates the shape other tools rely on and imports it; fills in positions, sizes and colours when missing. */
export function graphFromData(data: unknown, source: string): KgGraph {
  const fail = (detail: string): never => {
    throw new GraphProblem('This is not a kg graph', `${source}: ${detail}`);
  };
  if (!isObject(data)) return fail('expected a JSON object with "nodes" and "edges"');
  if (!Array.isArray(data.nodes)) return fail('no "nodes" array');
  if (!Array.isArray(data.edges)) return fail('no "edges" array');
  const graph: KgGraph = new DirectedGraph<NodeAttrs, EdgeAttrs, GraphAttrs>({ allowSelfLoops: false });
  const attrs = isObject(data.attributes) ? data.attributes : {};
  graph.replaceAttributes({
    documents: only(attrs.documents, isObject) as unknown as GraphAttrs['documents'],
    builtAt: typeof attrs.builtAt === 'string' ? attrs.builtAt : undefined,
  });
  const count = data.nodes.length;
  data.nodes.forEach((n: unknown, i: number) => {
    if (!isObject(n) || typeof n.key !== 'string') return fail(`nodes[${i}] has no string "key"`);
    const a = n.attributes;
    if (!isObject(a)) return fail(`node ${n.key} has no attributes`);
    if (typeof a.label !== 'string') fail(`node ${n.key} has no string "label"`);
    if (!(ENTITY_TYPES as readonly unknown[]).includes(a.entityType)) fail(`node ${n.key} has unknown entityType ${JSON.stringify(a.entityType)}`);
    if (graph.hasNode(n.key)) fail(`node ${n.key} appears twice`);
    const type = a.entityType as NodeAttrs['entityType'];
    const mentions = only(a.mentions, isObject);
    // (a graph without positions still opens)
    graph.addNode(n.key, {
      label: a.label as string,
      entityType: type,
      aliases: only(a.aliases, isString),
      mentions: mentions as unknown as NodeAttrs['mentions'],
      x: axisOr(a.x, 'x', i, count),
      y: axisOr(a.y, 'y', i, count),
      size: sizeOr(a.size, mentions.length),
      color: TYPE_COLORS[type],
    });
    return undefined;
  });
  data.edges.forEach((e: unknown, i: number) => {
    if (!isObject(e)) return fail(`edges[${i}] is not an object`);
    const { source: s, target: t } = e;
    if (typeof s !== 'string' || !graph.hasNode(s)) return fail(`edges[${i}] has unknown source ${JSON.stringify(s)}`);
    if (typeof t !== 'string' || !graph.hasNode(t)) return fail(`edges[${i}] has unknown target ${JSON.stringify(t)}`);
    const a = isObject(e.attributes) ? e.attributes : {};
    if (!(RELATION_TYPES as readonly unknown[]).includes(a.relation)) fail(`edges[${i}] has unknown relation ${JSON.stringify(a.relation)}`);
    if (s === t) return undefined;
    const evidence = only(a.evidence, isObject);
    const key = typeof e.key === 'string' ? e.key : `${s}->${String(a.relation)}->${t}`;
    if (graph.hasEdge(key)) return fail(`edge ${key} appears twice`);
    graph.addDirectedEdgeWithKey(key, s, t, {
      relation: a.relation as EdgeAttrs['relation'],
      evidence: evidence as unknown as EdgeAttrs['evidence'],
      derived: a.derived === true,
      weight: finite(a.weight) ? a.weight : evidence.length,
    });
    return undefined;
  });
  return graph;
}
