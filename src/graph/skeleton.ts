// The skeleton of a graph file: everything a query needs to find entities and walk the graph
// (keys, names, types, edges), in columns, without the bulk (each entity's mentions, each
// relation's evidence). `kg build` writes it beside graph.json as graph.skeleton.json. Loading it
// takes a fraction of parsing and checking the whole graph (100k entities and 300k relations:
// see bench/RESULTS.md); the mentions and evidence of the few entities and relations a query
// prints are read from graph.json on first access, by the byte range recorded here.
//
// It is a cache: stamped with graph.json's size, modification time and inode, and ignored (the
// graph is read in full) when missing, stale or damaged. A record read on demand must carry the
// key the skeleton expects, so a graph.json replaced after loading is reported, never silently
// mixed in.
import { closeSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { DirectedGraph } from 'graphology';
import { GraphFileError } from './errors.js';
import { prepareForEdges } from './import.js';
import { mentionsCount } from './lazy-mentions.js';
import { SKELETON_FORMAT, sameStamp, skeletonAliases, skeletonKeys, type Skeleton, type Stamp } from './skeleton-format.js';

/**
 * How many mentions a node has. A node loaded from a skeleton answers without reading its
 * mentions from the graph file: name look-up ranks every entity by mentions.
 */
export function mentionCount(attributes: Record<string | symbol, unknown>): number {
  // (the descriptor, not the attribute: reading a node's from the graph file is what this spares)
  const own = Object.getOwnPropertyDescriptor(attributes, 'mentions');
  const lazy = own?.get as LazyGetter | undefined;
  const i = attributes[INDEX];
  if (lazy?.source?.counts && typeof i === 'number') return lazy.source.counts[i]!;
  return mentionsCount(own && !own.get ? own.value : attributes.mentions) ?? 0;
}

/** graph/graph.json → graph/graph.skeleton.json */
export function skeletonPath(graphFile: string): string {
  return graphFile.endsWith('.json') ? `${graphFile.slice(0, -'.json'.length)}.skeleton.json` : `${graphFile}.skeleton.json`;
}

/** Node attributes held in columns; `mentions` stays in graph.json. */
const NODE_FIELDS = new Set(['label', 'entityType', 'aliases', 'mentions', 'x', 'y', 'size', 'color']);
/** Edge attributes held in columns; `evidence` stays in graph.json. */
const EDGE_FIELDS = new Set(['relation', 'evidence', 'derived', 'weight']);

/**
 * Collects the skeleton while the graph file is written: the writer reports each record with
 * its byte range. Graphs with attributes outside kg's schema get no skeleton (`eligible` false).
 */
export class SkeletonRecorder {
  eligible = true;
  private readonly names = { types: new Names(), relations: new Names(), colors: new Names() };
  private readonly s: Skeleton;

  constructor(attributes: Record<string, unknown>) {
    this.s = {
      kgSkeleton: SKELETON_FORMAT,
      graph: { bytes: 0, mtimeMs: 0, ino: 0 },
      attributes,
      names: { types: [], relations: [], colors: [] },
      nodes: { at: [], len: [], key: [], label: [], type: [], aliases: [], mentions: [], x: [], y: [], size: [], color: [] },
      edges: { at: [], len: [], source: [], target: [], relation: [], key: [], weight: [], derived: [] },
    };
  }

  node(key: string, a: Record<string, unknown>, at: number, len: number): void {
    if (!this.eligible) return;
    const { label, entityType, aliases, color } = a;
    // (a record's mentions to be made are counted without being made: graph/lazy-mentions.ts)
    const mentions = mentionsCount(a.mentions);
    if (
      typeof label !== 'string' ||
      typeof entityType !== 'string' ||
      !isStringArray(aliases) ||
      mentions === undefined ||
      !(color === undefined || typeof color === 'string') ||
      !['x', 'y', 'size'].every((k) => a[k] === undefined || typeof a[k] === 'number') ||
      !onlyFields(a, NODE_FIELDS)
    ) {
      this.eligible = false;
      return;
    }
    const n = this.s.nodes;
    n.at.push(at);
    n.len.push(len);
    n.key.push(key === `${entityType}:${label}` ? null : key);
    n.label.push(label);
    n.type.push(this.names.types.id(entityType));
    n.aliases.push(aliases.length === 1 && aliases[0] === label ? 0 : aliases);
    n.mentions.push(mentions);
    n.x.push((a.x as number | undefined) ?? null);
    n.y.push((a.y as number | undefined) ?? null);
    n.size.push((a.size as number | undefined) ?? null);
    n.color.push(color === undefined ? null : this.names.colors.id(color));
  }

  /** An edge record as written: its key, attributes and ends (`s`, `t`: their node records' indices, undefined for no node). */
  edge(key: string, a: Record<string, unknown>, source: string, target: string, s: number | undefined, t: number | undefined, at: number, len: number): void {
    if (!this.eligible) return;
    const { relation, evidence, derived, weight } = a;
    if (
      s === undefined ||
      t === undefined ||
      typeof relation !== 'string' ||
      !Array.isArray(evidence) ||
      !(derived === undefined || typeof derived === 'boolean') ||
      !(weight === undefined || typeof weight === 'number') ||
      !onlyFields(a, EDGE_FIELDS)
    ) {
      this.eligible = false;
      return;
    }
    this.pushEdge(at, len, s, t, relation, isEdgeKey(key, source, relation, target) ? null : key, weight ?? null, derived === undefined ? null : derived ? 1 : 0);
  }

  /**
   * An edge record copied from another graph file without its attributes in hand: its ends as
   * node record indices, its key `${source}->${relation}->${target}`, its weight, and `derived`
   * (0 false, 1 true, 2 absent).
   */
  copiedEdge(source: number, target: number, relation: string, weight: number, derived: number, at: number, len: number): void {
    if (!this.eligible) return;
    this.pushEdge(at, len, source, target, relation, null, weight, derived === 2 ? null : derived === 1 ? 1 : 0);
  }

  private pushEdge(at: number, len: number, source: number, target: number, relation: string, key: string | null, weight: number | null, derived: 0 | 1 | null): void {
    const e = this.s.edges;
    e.at.push(at);
    e.len.push(len);
    e.source.push(source);
    e.target.push(target);
    e.relation.push(this.names.relations.id(relation));
    e.key.push(key);
    e.weight.push(weight);
    e.derived.push(derived);
  }

  /** The skeleton of a graph file now `bytes` long, modified at `mtimeMs`, inode `ino`; undefined if not eligible. */
  finish(file: Stamp): Skeleton | undefined {
    if (!this.eligible) return undefined;
    this.s.graph = { bytes: file.bytes, mtimeMs: file.mtimeMs, ino: file.ino };
    this.s.names = { types: this.names.types.list, relations: this.names.relations.list, colors: this.names.colors.list };
    return this.s;
  }
}

class Names {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

/** Does `a` hold no field but those of `fields`? (without a list of its keys per record: the writer asks for each of 500 k) */
function onlyFields(a: Record<string, unknown>, fields: ReadonlySet<string>): boolean {
  for (const k in a) if (Object.hasOwn(a, k) && !fields.has(k)) return false;
  return true;
}

/** Is `key` `${source}->${relation}->${target}`? (compared in place, not made per edge) */
export function isEdgeKey(key: string, source: string, relation: string, target: string): boolean {
  const r = source.length + 2;
  const t = r + relation.length + 2;
  return (
    key.length === t + target.length &&
    key.startsWith(source) &&
    key.startsWith('->', source.length) &&
    key.startsWith(relation, r) &&
    key.startsWith('->', r + relation.length) &&
    key.endsWith(target)
  );
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

export type SkeletonLoad =
  | { graph: DirectedGraph }
  /** why the skeleton was not used; `damaged` deserves a warning, the others are routine */
  | { graph?: undefined; reason: 'missing' | 'stale' | 'damaged'; detail: string };

/**
 * The graph of `graphFile` from its skeleton: attributes as in the file, except that each
 * node's `mentions` and each edge's `evidence` are read from the graph file when first accessed.
 */
export function loadSkeleton(graphFile: string): SkeletonLoad {
  const path = skeletonPath(graphFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { reason: 'missing', detail: `${path} cannot be read` };
  }
  let s: Skeleton;
  try {
    s = JSON.parse(text) as Skeleton;
  } catch (err) {
    return { reason: 'damaged', detail: `${path} is not valid JSON (${(err as Error).message.split('\n')[0]})` };
  }
  if (s?.kgSkeleton !== SKELETON_FORMAT) return { reason: 'stale', detail: `${path} is not in skeleton format ${SKELETON_FORMAT}` };
  let stat;
  try {
    stat = statSync(graphFile);
  } catch {
    return { reason: 'missing', detail: `${graphFile} cannot be read` };
  }
  if (!s.graph || !sameStamp(stampOf(stat), s.graph)) return { reason: 'stale', detail: `${graphFile} changed after ${path} was written` };
  try {
    return { graph: graphOf(s, graphFile) };
  } catch (err) {
    return { reason: 'damaged', detail: `${path} does not describe a graph (${(err as Error).message.split('\n')[0]})` };
  }
}

/** A graph file's stamp from its stats. */
export const stampOf = (stat: { size: number; mtimeMs: number; ino: number }): Stamp => ({ bytes: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino });

/**
 * The stamp at the head of a skeleton's text (the writer puts `kgSkeleton` and `graph` first), read
 * without parsing the whole skeleton; undefined when the head is not a skeleton of this format.
 * `kg view` compares it with the graph file before handing the skeleton to the viewer.
 */
export function skeletonStamp(head: string): Stamp | undefined {
  const m = /^\{"kgSkeleton":(\d+),"graph":(\{[^{}]*\})/.exec(head);
  if (!m || Number(m[1]) !== SKELETON_FORMAT) return undefined;
  try {
    const stamp = JSON.parse(m[2]!) as Stamp;
    return typeof stamp.bytes === 'number' && typeof stamp.mtimeMs === 'number' && typeof stamp.ino === 'number' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

function graphOf(s: Skeleton, file: string): DirectedGraph {
  const { nodes: n, edges: e, names } = s;
  const keys = skeletonKeys(s);
  const graph = new DirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes(s.attributes);
  const lazyMentions = lazyAttribute('mentions', { file, keys: keys.nodes, at: n.at, len: n.len, counts: n.mentions });
  for (let i = 0; i < keys.nodes.length; i++) {
    const a: Record<string | symbol, unknown> = { label: n.label[i], entityType: names.types[n.type[i]!], aliases: skeletonAliases(s, i) };
    inFile(a, 'mentions', lazyMentions, i);
    if (n.x[i] !== null) a.x = n.x[i];
    if (n.y[i] !== null) a.y = n.y[i];
    if (n.size[i] !== null) a.size = n.size[i];
    if (n.color[i] !== null) a.color = names.colors[n.color[i]!];
    graph.addNode(keys.nodes[i], a);
  }
  prepareForEdges(graph);
  const lazyEvidence = lazyAttribute('evidence', { file, keys: keys.edges, at: e.at, len: e.len });
  for (let i = 0; i < keys.edges.length; i++) {
    const a: Record<string | symbol, unknown> = { relation: names.relations[e.relation[i]!] };
    inFile(a, 'evidence', lazyEvidence, i);
    if (e.derived[i] !== null) a.derived = e.derived[i] === 1;
    if (e.weight[i] !== null) a.weight = e.weight[i];
    graph.addDirectedEdgeWithKey(keys.edges[i], keys.nodes[e.source[i]!], keys.nodes[e.target[i]!], a);
  }
  return graph;
}

/** Where the records of one kind (nodes or edges) are in the graph file. */
interface RecordSource {
  file: string;
  keys: string[];
  at: number[];
  len: number[];
  /** nodes: how many mentions each has */
  counts?: number[];
}

// An attribute left in the file is an accessor shared by all nodes (or all edges) of a graph, so
// that loading 400k of them allocates no function: each object carries only its record's index,
// in a hidden property. On first read the value is loaded and replaces the accessor; assigning
// replaces it too, like any attribute.
const INDEX = Symbol('kg.recordIndex');

type Holder = Record<string | symbol, unknown>;
type LazyGetter = ((this: Holder) => unknown) & { source?: RecordSource };

function lazyAttribute(name: string, source: RecordSource): PropertyDescriptor {
  const settle = (holder: Holder, value: unknown) => {
    Object.defineProperty(holder, name, { value, enumerable: true, configurable: true, writable: true });
    return value;
  };
  const get: LazyGetter = function (this: Holder) {
    const i = this[INDEX] as number;
    return settle(this, readRecord(source.file, source.at[i]!, source.len[i]!, source.keys[i]!)[name]);
  };
  get.source = source;
  return {
    enumerable: true,
    configurable: true,
    get,
    set(this: Holder, value: unknown) {
      settle(this, value);
    },
  };
}

/** Reused descriptor for the hidden index (one object, not one per node and edge). */
const HIDDEN_INDEX: PropertyDescriptor = { value: 0, enumerable: false, configurable: true, writable: true };

function inFile(target: Holder, name: string, attribute: PropertyDescriptor, index: number): void {
  HIDDEN_INDEX.value = index;
  Object.defineProperty(target, INDEX, HIDDEN_INDEX);
  Object.defineProperty(target, name, attribute);
}

/** Reads the record at a byte range of the graph file: its attributes, if it is the record of `key`. */
function readRecord(file: string, at: number, len: number, key: string): Record<string, unknown> {
  const changed = () => new GraphFileError(file, `changed while kg was reading it (the record of ${JSON.stringify(key)} moved); run the command again`);
  let record: { key?: unknown; attributes?: Record<string, unknown> };
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(len);
      const got = readSync(fd, bytes, 0, len, at);
      record = JSON.parse(bytes.toString('utf8', 0, got)) as typeof record;
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (err instanceof SyntaxError) throw changed();
    const code = (err as NodeJS.ErrnoException).code;
    throw new GraphFileError(file, `cannot be read any more (${code ?? (err as Error).message})`);
  }
  if (record?.key !== key || typeof record.attributes !== 'object' || record.attributes === null) throw changed();
  return record.attributes;
}

/** Removes the skeleton of `graphFile`, if any: a graph whose skeleton could not be written must not keep an old one. */
export function removeSkeleton(graphFile: string): void {
  rmSync(skeletonPath(graphFile), { force: true });
}
