// The skeleton file's format (src/graph/skeleton.ts writes and reads it; the viewer draws from
// it first): its types, and how its columns encode keys and stamps. No Node API, so that the
// browser's code shares it.

export const SKELETON_FORMAT = 1;

/** The header `kg view` sends with graph.json: the stamp ({bytes, mtimeMs, ino}) of the file it read, as a skeleton records it. */
export const GRAPH_STAMP_HEADER = 'X-Kg-Graph-Stamp';

/** A graph file as it was when a skeleton was written, or as a server read it: a rename keeps all three. */
export interface Stamp {
  bytes: number;
  mtimeMs: number;
  ino: number;
}

/** Do two stamps name the same state of the same file? */
export const sameStamp = (a: Stamp, b: Stamp): boolean => a.bytes === b.bytes && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

export interface Skeleton {
  kgSkeleton: typeof SKELETON_FORMAT;
  /** the graph file this describes, as it was when written (a rename keeps all three) */
  graph: Stamp;
  attributes: Record<string, unknown>;
  /** strings the columns refer to by number */
  names: { types: string[]; relations: string[]; colors: string[] };
  nodes: {
    /** byte offset and length of each node's record in graph.json */
    at: number[];
    len: number[];
    /** null: the key is `${entityType}:${label}` */
    key: Array<string | null>;
    label: string[];
    type: number[];
    /** 0: `[label]` */
    aliases: Array<string[] | 0>;
    mentions: number[];
    x: Array<number | null>;
    y: Array<number | null>;
    size: Array<number | null>;
    color: Array<number | null>;
  };
  edges: {
    at: number[];
    len: number[];
    source: number[];
    target: number[];
    relation: number[];
    /** null: the key is `${source}->${relation}->${target}` */
    key: Array<string | null>;
    weight: Array<number | null>;
    /** 1 true, 0 false, null absent */
    derived: Array<0 | 1 | null>;
  };
}

/**
 * The keys of a skeleton's nodes and edges in record order, decoded as the columns encode them
 * (null: a node's `${type}:${label}`, an edge's `${source}->${relation}->${target}`). Throws on
 * columns of different lengths, a node without label or type, or an edge that refers to no node
 * or relation.
 */
export function skeletonKeys(s: Skeleton): { nodes: string[]; edges: string[] } {
  const { nodes: n, edges: e, names } = s;
  const nodeCount = n.at.length;
  if ([n.len, n.key, n.label, n.type, n.aliases, n.mentions, n.x, n.y, n.size, n.color].some((c) => c.length !== nodeCount)) throw new Error('node columns of different lengths');
  const edgeCount = e.at.length;
  if ([e.len, e.source, e.target, e.relation, e.key, e.weight, e.derived].some((c) => c.length !== edgeCount)) throw new Error('edge columns of different lengths');
  const nodes: string[] = new Array(nodeCount);
  const prefixes = names.types.map((t) => `${t}:`);
  for (let i = 0; i < nodeCount; i++) {
    const label = n.label[i];
    const prefix = prefixes[n.type[i]!];
    if (typeof label !== 'string' || prefix === undefined) throw new Error(`node ${i} has no label or type`);
    nodes[i] = n.key[i] ?? prefix + label;
  }
  const edges: string[] = new Array(edgeCount);
  // `${source}->${relation}->${target}` from two joins, not four: 300k edge keys are 600k fewer strings
  const arrows = names.relations.map((r) => `->${r}->`);
  for (let i = 0; i < edgeCount; i++) {
    const source = nodes[e.source[i]!];
    const target = nodes[e.target[i]!];
    const arrow = arrows[e.relation[i]!];
    if (source === undefined || target === undefined || arrow === undefined) throw new Error(`edge ${i} refers to no node or relation`);
    edges[i] = e.key[i] ?? source + arrow + target;
  }
  return { nodes, edges };
}

/** A node's aliases as the columns encode them (0: its label alone). */
export const skeletonAliases = (s: Skeleton, i: number): string[] => {
  const a = s.nodes.aliases[i];
  return a === 0 || a === undefined ? [s.nodes.label[i]!] : a;
};
