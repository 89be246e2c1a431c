// The skeleton file's format (src/graph/skeleton.ts writes and reads it; the viewer draws from
// it first): types and constants only, so that the browser's code can share them.

export const SKELETON_FORMAT = 1;

/** The header `kg view` sends with graph.json: the stamp ({bytes, mtimeMs, ino}) of the file it read, as a skeleton records it. */
export const GRAPH_STAMP_HEADER = 'X-Kg-Graph-Stamp';

export interface Skeleton {
  kgSkeleton: typeof SKELETON_FORMAT;
  /** the graph file this describes, as it was when written (a rename keeps all three) */
  graph: { bytes: number; mtimeMs: number; ino: number };
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
