// The graph: graphology, one node per entity, one directed edge per (head, relation, tail)
// with all its evidence, ForceAtlas2 positions computed here so viewers open laid out.
import { DirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import type { DocumentInfo, Entity, Mention, Relation } from '../types.js';
import { TYPE_COLORS, nodeSize } from './style.js';
import { ascending, compareCodeUnits } from '../strings.js';
import { hashStringInto } from '../fingerprint.js';
import { NodeIndex } from './node-index.js';
import { countingSort } from '../sort.js';
import { LaterMentions } from './lazy-mentions.js';
import type { EntityMentions } from '../mentions.js';

export interface GraphOptions {
  /** ForceAtlas2 iterations; 0 places each node by a hash of its id; 'auto' scales them down as the graph grows */
  layoutIterations: number | 'auto';
  generator: { name: string; version: string };
  /** ISO time; tests fix it to compare builds */
  builtAt: string;
  /**
   * the entities' mentions, where resolution left the entities' own lists empty: a node's that
   * are rows of a cache are made when its record is serialised (lazy-mentions.ts)
   */
  mentions?: EntityMentions;
}

export const DEFAULT_GRAPH_OPTIONS: Omit<GraphOptions, 'builtAt' | 'generator'> = { layoutIterations: 'auto' };

/**
 * ForceAtlas2 costs about (nodes × iterations); past a budget the build would spend more time on
 * layout than on extraction. Big graphs get fewer iterations, the biggest none: the viewer's
 * layout button runs ForceAtlas2 in a worker on demand.
 */
export const LAYOUT_BUDGET = { maxIterations: 300, nodeIterations: 60_000, minIterations: 5 };

/** Whether a graph of `order` nodes is laid out by ForceAtlas2 at build (graphRecords), given the iterations asked for. */
export function laysOut(iterations: GraphOptions['layoutIterations'], order: number): boolean {
  return (iterations === 'auto' ? autoIterations(order) : iterations) > 0 && order > 1;
}

export function autoIterations(order: number): number {
  const n = Math.min(LAYOUT_BUDGET.maxIterations, Math.round(LAYOUT_BUDGET.nodeIterations / Math.max(1, order)));
  return n < LAYOUT_BUDGET.minIterations ? 0 : n;
}

/**
 * The graph as graphology's export() gives it (options, attributes, node and edge records in
 * order): what `kg build` writes. It is made without a graphology instance where no layout
 * runs, which at 100 MB of text saves the build the graph's own structures (a second of adding
 * and attaching 366 k edges, and their garbage); graphOf() makes the instance. A node's
 * `mentions` is a list of its entity's mentions that serialises (JSON.stringify) to the graph's
 * fields, or, for a node with mentions kept as a cache's rows, a LaterMentions
 * (lazy-mentions.ts) that makes that list when serialised or by graphOf().
 */
export type GraphRecords = ReturnType<DirectedGraph['export']>;

/**
 * The graph instance of `records`; it takes their attribute objects as they are, but for the
 * nodes' mentions, which it holds as plain objects of the graph's fields (graphMentions).
 */
export function graphOf(records: GraphRecords): DirectedGraph {
  const nodes = records.nodes.map(({ key, attributes }) => {
    const mentions: unknown = attributes?.mentions;
    if (mentions instanceof LaterMentions) return { key, attributes: { ...attributes, mentions: mentions.list() } };
    return Array.isArray(mentions) ? { key, attributes: { ...attributes, mentions: mentions.map(graphMention) } } : { key, attributes };
  });
  return DirectedGraph.from({ ...records, nodes }) as DirectedGraph;
}

/** A mention as the graph holds it: where it is, its text and its sentence's index. */
function graphMention(m: Mention): GraphMention {
  return { doc: m.doc, start: m.start, end: m.end, text: m.text, sentence: m.sentence, ...(m.implied ? { implied: m.implied } : {}) };
}
type GraphMention = Pick<Mention, 'doc' | 'start' | 'end' | 'text' | 'sentence' | 'implied'>;

/**
 * An entity's mentions as a node's record holds them: the entity's own list, which serialises
 * (toJSON) as graphMention() of each. A copy of each of a corpus's 2 M mentions, held until the
 * graph is written, took the ×100 rebuild a second and a half of copying and collecting.
 */
function graphMentions(mentions: Mention[]): Mention[] {
  // (a prototype of lists holding the method was quicker to give them, 9–18 against 31 ms at ×100,
  // but made them 5–20 % slower to serialise: a full build writes them all)
  Object.defineProperty(mentions, 'toJSON', { value: mentionsToJSON });
  return mentions;
}
function mentionsToJSON(this: Mention[]): GraphMention[] {
  return this.map(graphMention);
}

export function buildGraph(entities: Entity[], relations: Relation[], documents: DocumentInfo[], options: GraphOptions): DirectedGraph {
  return graphOf(graphRecords(entities, relations, documents, options));
}

/** The graph's records: one node per entity (in the entities' order), one edge per relation whose ends are entities, in key order. */
export function graphRecords(entities: Entity[], relations: Relation[], documents: DocumentInfo[], options: GraphOptions): GraphRecords {
  const n = entities.length;
  const iterations = options.layoutIterations === 'auto' ? autoIterations(n) : options.layoutIterations;
  const laidOut = laysOut(iterations, n);
  const nodes: GraphRecords['nodes'] = new Array(n);
  const ids = entities.map((e) => e.id);
  // resolution hands the entities in id order, no two alike; another caller's are checked
  const sorted = ascending(ids);
  const seen = sorted ? undefined : new Set<string>();
  const drawn = new Uint32Array(2);
  const lazy = options.mentions;
  entities.forEach((e, i) => {
    const later = lazy?.fromRows(i) === true;
    // deterministic: equal input gives an equal layout. ForceAtlas2 starts from a sunflower
    // spiral in id order; a graph too big to lay out is spread uniformly over the same disc by
    // a hash of each id, so that a node keeps its place when others are added (a rebuild copies
    // the records it did not change: graph/reuse.ts)
    let angle: number;
    let radius: number;
    if (laidOut) {
      angle = i * GOLDEN_ANGLE;
      radius = 100 * Math.sqrt((i + 0.5) / Math.max(1, n));
    } else {
      hashStringInto(e.id, drawn, 0);
      angle = (drawn[0]! / 2 ** 32) * 2 * Math.PI;
      radius = 100 * Math.sqrt((drawn[1]! + 0.5) / 2 ** 32);
    }
    const x = Math.cos(angle) * radius;
    const y = Math.sin(angle) * radius;
    if (seen?.has(e.id)) throw new Error(`kg: two entities with the id ${e.id}`);
    seen?.add(e.id);
    nodes[i] = {
      key: e.id,
      attributes: {
        label: e.label,
        entityType: e.type,
        aliases: e.aliases,
        // (made now where they are lists already)
        mentions: later ? new LaterMentions(lazy!.count(i), () => lazy!.of(i).map(graphMention)) : graphMentions(lazy ? lazy.of(i) : [...e.mentions]),
        // rounded here when no layout moves them
        x: laidOut ? x : round(x),
        y: laidOut ? y : round(y),
        size: nodeSize(lazy ? lazy.count(i) : e.mentions.length),
        color: TYPE_COLORS[e.type],
      },
    };
  });
  const edges: GraphRecords['edges'] = [];
  let last = '';
  // (those whose ends are no entity come last: the graph leaves them out)
  const { ordered, inside } = inKeyOrder(relations, ids, sorted);
  for (let j = 0; j < inside; j++) {
    const r = ordered[j]!;
    const key = `${r.head}->${r.relation}->${r.tail}`;
    // what graphology refuses (allowSelfLoops: false, one edge per key) fails here as it did there
    if (r.head === r.tail) throw new Error(`kg: a relation from ${r.head} to itself`);
    if (key === last) throw new Error(`kg: two relations ${key}`);
    last = key;
    edges.push({ key, source: r.head, target: r.tail, attributes: { relation: r.relation, evidence: r.evidence, derived: r.derived, weight: r.evidence.length } });
  }
  const records: GraphRecords = {
    options: { type: 'directed', multi: false, allowSelfLoops: false },
    attributes: { documents, builtAt: options.builtAt, generator: options.generator },
    nodes,
    edges,
  };
  if (laidOut) {
    const graph = graphOf(records);
    forceAtlas2.assign(graph, {
      iterations,
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 0 },
    });
    for (const node of nodes) {
      const attributes = graph.getNodeAttributes(node.key);
      node.attributes = { ...attributes, x: round(attributes.x as number), y: round(attributes.y as number) };
    }
  }
  return records;
}

/**
 * The relations in the order of their keys `head\u0000relation\u0000tail` by code unit, which is
 * the order of (head, relation, tail) by code unit (no id holds a NUL), ties in their given order:
 * each id by its rank among the entities' ids, sorted by two stable counting sorts (by tail, then
 * by head and relation) instead of comparing (388 k relations at ×100: 0.4 s with a comparator).
 * Those whose ends are no entity come last, in their given order, as the graph leaves them out
 * (`inside`: how many come before them). `sorted`: the entities' ids are in code-unit order.
 * A few relations among many entities (a rebuild makes few edges again) are compared instead:
 * ranking 129 k ids for them took the ×100 rebuild 0.1 s.
 */
function inKeyOrder(relations: readonly Relation[], entityIds: readonly string[], sorted: boolean): { ordered: Relation[]; inside: number } {
  const ids = sorted ? entityIds : [...entityIds].sort(compareCodeUnits);
  if (relations.length * FEW_RELATIONS < ids.length) {
    // (ids in code-unit order: a few look-ups are binary searches)
    const index = new NodeIndex(ids, true);
    const inside: Relation[] = [];
    const outside: Relation[] = [];
    for (const r of relations) (index.get(r.head) !== undefined && index.get(r.tail) !== undefined ? inside : outside).push(r);
    // (a stable sort: ties in their given order)
    inside.sort((a, b) => compareCodeUnits(a.head, b.head) || compareCodeUnits(a.relation, b.relation) || compareCodeUnits(a.tail, b.tail));
    return { ordered: [...inside, ...outside], inside: inside.length };
  }
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i));
  const types = [...new Set(relations.map((r) => r.relation))].sort(compareCodeUnits);
  const typeRank = new Map(types.map((t, i) => [t, i]));
  const n = ids.length;
  const m = relations.length;
  // per relation whose ends are entities, its tail's rank and its head's and relation's bucket
  // (head rank × relation types + relation: under 2³¹ for any graph a build holds)
  const tailOf = new Int32Array(m);
  const headOf = new Int32Array(m);
  const order: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < m; i++) {
    const r = relations[i]!;
    const h = rank.get(r.head);
    const t = rank.get(r.tail);
    if (h === undefined || t === undefined) {
      outside.push(i);
      continue;
    }
    tailOf[i] = t;
    headOf[i] = h * types.length + typeRank.get(r.relation)!;
    order.push(i);
  }
  const byTail = countingSort(order, tailOf, n);
  const byKey = countingSort(byTail, headOf, n * types.length);
  const out: Relation[] = new Array(m);
  let k = 0;
  for (let j = 0; j < byKey.length; j++) out[k++] = relations[byKey[j]!]!;
  for (const i of outside) out[k++] = relations[i]!;
  return { ordered: out, inside: byKey.length };
}

/** inKeyOrder compares the relations when there are this many times fewer of them than entities. */
const FEW_RELATIONS = 32;

// graphology-layout-forceatlas2 is CommonJS with an `export default` typing; load it as such.
type FA2 = typeof import('graphology-layout-forceatlas2').default;
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as FA2;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const round = (v: number) => Math.round(v * 1000) / 1000;
