// Which nodes and edges the filters leave on screen; shared by the renderer, search, the ranked
// list and paths. The filters in order: entity and relation types, a document (what it mentions
// and states), a focus (a node's neighbourhood of 1–3 hops), a minimum number of relations, and
// one connected part (by its rank in size). Computed once per filter state (memoised on the Filters object,
// which the store replaces on every change), so the reducers only look a node up.
import type { Filters } from './state.js';
import type { KgGraph } from './types.js';

export interface Visible {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** relations of each shown node among shown edges */
  degree: ReadonlyMap<string, number>;
  /** sizes of the connected parts the other filters leave (before the part filter), largest first */
  partSizes: readonly number[];
}

const memo = new WeakMap<KgGraph, WeakMap<Filters, Visible>>();

export function visibleOf(graph: KgGraph, filters: Filters): Visible {
  let byFilters = memo.get(graph);
  if (!byFilters) memo.set(graph, (byFilters = new WeakMap()));
  let v = byFilters.get(filters);
  if (!v) byFilters.set(filters, (v = compute(graph, filters)));
  return v;
}

function compute(graph: KgGraph, f: Filters): Visible {
  const nodes = new Set<string>();
  graph.forEachNode((node, a) => {
    if (f.hiddenTypes.has(a.entityType)) return;
    if (f.doc && !a.mentions.some((m) => m.doc === f.doc)) return;
    nodes.add(node);
  });
  // the relation and document conditions, checked once per edge: the passes below only look up
  const kept = new Set<string>();
  graph.forEachEdge((edge, a) => {
    if (f.hiddenRelations.has(a.relation)) return;
    // a stated relation goes with the document that states it; a derived one with its ends
    if (f.doc && !a.derived && !a.evidence.some((e) => e.doc === f.doc)) return;
    kept.add(edge);
  });
  const edgeOk = (edge: string, s: string, t: string): boolean => kept.has(edge) && nodes.has(s) && nodes.has(t);
  // the focus: what its node reaches in so many hops over the edges left so far
  if (f.focus && nodes.has(f.focus.node)) {
    const reached = new Set([f.focus.node]);
    let frontier = [f.focus.node];
    for (let hop = 0; hop < f.focus.hops && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const n of frontier) {
        graph.forEachEdge(n, (edge, _a, s, t) => {
          const other = s === n ? t : s;
          if (!reached.has(other) && edgeOk(edge, s, t)) {
            reached.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    for (const n of [...nodes]) if (!reached.has(n)) nodes.delete(n);
  }
  // the minimum degree, counted among what is left, until it holds for every node left: nodes
  // under it are peeled off one by one, each lowering its neighbours' counts (O(edges))
  if (f.minDegree > 0) {
    const degree = new Map<string, number>();
    for (const n of nodes) degree.set(n, 0);
    graph.forEachEdge((edge, _a, s, t) => {
      if (!edgeOk(edge, s, t)) return;
      degree.set(s, degree.get(s)! + 1);
      degree.set(t, degree.get(t)! + 1);
    });
    const under = [...nodes].filter((n) => degree.get(n)! < f.minDegree && f.focus?.node !== n);
    while (under.length > 0) {
      const n = under.pop()!;
      if (!nodes.has(n)) continue;
      // its edges still count as shown until it goes: each lowers the other end's count
      graph.forEachEdge(n, (edge, _a, s, t) => {
        const other = s === n ? t : s;
        if (other === n || !edgeOk(edge, s, t)) return;
        const d = degree.get(other)! - 1;
        degree.set(other, d);
        if (d === f.minDegree - 1 && f.focus?.node !== other) under.push(other);
      });
      nodes.delete(n);
    }
  }
  // the parts: what the part filter offers (partSizes), and keeps one of. Without that filter they
  // are worked out when first asked for: not before the first frame (at 20k nodes, 120 ms of it)
  let sizes: number[] | null = null;
  const sizesOf = (parts: string[][]) => parts.map((p) => p.length);
  if (f.component !== null) {
    const parts = partsOf(graph, nodes, edgeOk);
    sizes = sizesOf(parts);
    const keep = new Set(parts[f.component] ?? []);
    for (const n of [...nodes]) if (!keep.has(n)) nodes.delete(n);
  }
  const edges = new Set<string>();
  const degree = new Map<string, number>();
  for (const n of nodes) degree.set(n, 0);
  graph.forEachEdge((edge, _a, s, t) => {
    if (!edgeOk(edge, s, t)) return;
    edges.add(edge);
    degree.set(s, degree.get(s)! + 1);
    degree.set(t, degree.get(t)! + 1);
  });
  // (`nodes` is settled here, and `kept` never changes: the parts asked for later are those of now)
  return {
    nodes,
    edges,
    degree,
    get partSizes() {
      sizes ??= sizesOf(partsOf(graph, nodes, edgeOk));
      return sizes;
    },
  };
}

/**
 * The connected parts among `nodes` (edges taken as undirected), largest first (ties: first node's
 * key). A search of its own: graphology-components would need a filtered copy of the graph.
 */
function partsOf(graph: KgGraph, nodes: ReadonlySet<string>, edgeOk: (edge: string, s: string, t: string) => boolean): string[][] {
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of nodes) {
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let i = 0; i < part.length; i++) {
      const n = part[i]!;
      graph.forEachEdge(n, (edge, _a, s, t) => {
        const other = s === n ? t : s;
        if (!seen.has(other) && edgeOk(edge, s, t)) {
          seen.add(other);
          part.push(other);
        }
      });
    }
    parts.push(part);
  }
  return parts.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}

/** The sizes of the connected parts the other filters leave, largest first: what the part filter offers. */
export function partSizes(graph: KgGraph, filters: Filters): readonly number[] {
  return visibleOf(graph, filters).partSizes;
}

export function isNodeVisible(graph: KgGraph, filters: Filters, node: string): boolean {
  return visibleOf(graph, filters).nodes.has(node);
}

export function isEdgeVisible(graph: KgGraph, filters: Filters, edge: string): boolean {
  return visibleOf(graph, filters).edges.has(edge);
}

/** The share of entities with no relation at all (a graph mostly of isolated dots starts with them hidden). */
export function unconnectedShare(graph: KgGraph): number {
  if (graph.order === 0) return 0;
  let n = 0;
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) n++;
  });
  return n / graph.order;
}

/** The node and its neighbours through visible edges, with those edges. */
export function neighbourhood(graph: KgGraph, filters: Filters, node: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  const visible = visibleOf(graph, filters);
  graph.forEachEdge(node, (edge, _attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    edges.add(edge);
    nodes.add(source === node ? target : source);
  });
  return { nodes, edges };
}
