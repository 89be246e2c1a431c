// Paths between two entities: the shortest one, every shortest one, or every simple path up to
// a number of hops, under the relation / type / direction filters of a walk.
import type { DirectedGraph } from 'graphology';
import { PATH_DEFAULTS } from './defaults.js';
import { QueryError } from './errors.js';
import { hopOf, nodeRef, type Hop, type NodeRef } from './hops.js';
import { stepper, type Stepper, type WalkOptions } from './traverse.js';

export interface PathOptions extends WalkOptions {
  /** every shortest path, not just one */
  all?: boolean;
  /** every simple path of at most this many hops (instead of shortest paths) */
  maxHops?: number;
  /** at most this many paths for `all` and `maxHops` */
  limit?: number;
}

export interface Path {
  /** node keys in walking order */
  nodes: string[];
  hops: Hop[];
}

export interface PathResult {
  from: NodeRef;
  to: NodeRef;
  paths: Path[];
  /** more paths exist than `limit` allowed */
  truncated: boolean;
}

export { PATH_DEFAULTS };

/** A path as the edges walked, each with the node the walk left it from. */
type EdgeWalk = Array<{ from: string; edge: string }>;

export function findPaths(graph: DirectedGraph, from: string, to: string, options: PathOptions = {}): PathResult {
  const opts = { ...PATH_DEFAULTS, ...options };
  for (const key of [from, to]) if (!graph.hasNode(key)) throw new QueryError(`no entity with key "${key}"`, 1);
  if (opts.maxHops !== undefined && !(Number.isInteger(opts.maxHops) && opts.maxHops >= 1)) {
    throw new QueryError(`maximum hops must be a whole number of at least 1, not ${opts.maxHops}`, 2);
  }
  if (!(Number.isInteger(opts.limit) && opts.limit >= 1)) throw new QueryError(`limit must be a whole number of at least 1, not ${opts.limit}`, 2);
  const step = stepper(graph, opts, [from, to]);
  const wanted = opts.maxHops !== undefined || opts.all ? opts.limit : 1;
  const walks = opts.maxHops !== undefined ? simpleWalks(step, from, to, opts.maxHops) : shortestWalks(step, from, to);
  const paths: Path[] = [];
  let truncated = false;
  for (const walk of walks) {
    if (paths.length === wanted) {
      truncated = opts.maxHops !== undefined || opts.all;
      break;
    }
    const hops = walk.map((w) => hopOf(graph, w.from, w.edge));
    paths.push({ nodes: [from, ...hops.map((h) => h.tail)], hops });
  }
  return { from: nodeRef(graph, from), to: nodeRef(graph, to), paths, truncated };
}

interface Reached {
  dist: number;
  /** the edges by which a shortest walk from the search's start arrives here */
  via: Array<{ node: string; edge: string }>;
}

/**
 * Every shortest walk from `s` to `t`, lazily. Bidirectional breadth-first search, always growing
 * the smaller frontier by a whole layer; the first layer that touches the other side's visited
 * nodes fixes the length, and every node it touched lies on a shortest walk exactly once.
 */
function* shortestWalks(step: Stepper, s: string, t: string): Generator<EdgeWalk> {
  if (s === t) {
    yield [];
    return;
  }
  const fwd = new Map<string, Reached>([[s, { dist: 0, via: [] }]]);
  const bwd = new Map<string, Reached>([[t, { dist: 0, via: [] }]]);
  let fFront = [s];
  let bFront = [t];
  while (fFront.length && bFront.length) {
    const forward = fFront.length <= bFront.length;
    const [seen, other, front] = forward ? [fwd, bwd, fFront] : [bwd, fwd, bFront];
    const next: string[] = [];
    const met: string[] = [];
    for (const u of front) {
      const d = seen.get(u)!.dist + 1;
      step(
        u,
        (v, edge) => {
          const r = seen.get(v);
          if (!r) {
            seen.set(v, { dist: d, via: [{ node: u, edge }] });
            next.push(v);
            if (other.has(v)) met.push(v);
          } else if (r.dist === d) r.via.push({ node: u, edge });
        },
        !forward,
      );
    }
    if (met.length) {
      for (const m of met) for (const head of walksFrom(fwd, s, m)) for (const tail of walksTo(bwd, t, m)) yield [...head, ...tail];
      return;
    }
    if (forward) fFront = next;
    else bFront = next;
  }
}

/** Walks from `start` to `node` along the recorded `via` edges, in order from start. */
function* walksFrom(seen: Map<string, Reached>, start: string, node: string): Generator<EdgeWalk> {
  if (node === start) {
    yield [];
    return;
  }
  for (const { node: prev, edge } of seen.get(node)!.via) {
    for (const walk of walksFrom(seen, start, prev)) yield [...walk, { from: prev, edge }];
  }
}

/** Walks from `node` to `end` along `via` edges recorded by a search that started at `end`. */
function* walksTo(seen: Map<string, Reached>, end: string, node: string): Generator<EdgeWalk> {
  if (node === end) {
    yield [];
    return;
  }
  for (const { node: next, edge } of seen.get(node)!.via) {
    for (const walk of walksTo(seen, end, next)) yield [{ from: node, edge }, ...walk];
  }
}

/**
 * Every simple walk from `s` to `t` of at most `maxHops` edges, shorter ones first. Depth-first,
 * entering a node only when its distance to `t` still fits the hop budget, so the search only
 * goes where a walk to `t` can still be completed.
 */
function* simpleWalks(step: Stepper, s: string, t: string, maxHops: number): Generator<EdgeWalk> {
  const toT = distancesTo(step, t, maxHops);
  const first = toT.get(s);
  if (first === undefined) return;
  const onWalk = new Set<string>([s]);
  const walk: EdgeWalk = [];
  function* extend(u: string, length: number): Generator<EdgeWalk> {
    if (u === t) {
      if (walk.length === length) yield walk.slice();
      return;
    }
    const options: Array<[string, string]> = [];
    step(u, (v, edge) => {
      const left = toT.get(v);
      if (left !== undefined && !onWalk.has(v) && walk.length + 1 + left <= length) options.push([v, edge]);
    });
    for (const [v, edge] of options) {
      onWalk.add(v);
      walk.push({ from: u, edge });
      yield* extend(v, length);
      walk.pop();
      onWalk.delete(v);
    }
  }
  for (let length = first; length <= maxHops; length++) yield* extend(s, length);
}

/** Hop distances to `t` (walking edges backwards when directed), up to `max`. */
function distancesTo(step: Stepper, t: string, max: number): Map<string, number> {
  const dist = new Map<string, number>([[t, 0]]);
  let front = [t];
  for (let d = 1; d <= max && front.length; d++) {
    const next: string[] = [];
    for (const u of front) {
      step(
        u,
        (v) => {
          if (!dist.has(v)) {
            dist.set(v, d);
            next.push(v);
          }
        },
        true,
      );
    }
    front = next;
  }
  return dist;
}
