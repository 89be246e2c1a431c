// Colouring by community: Louvain's partition of the graph (graphology-communities-louvain, which
// on our directed graph runs its directed variant, Dugué & Perez's directed modularity), seeded
// so the same graph gets the same colours, the largest communities in the palette's colours and
// the rest, with entities alone, in grey.
import louvain from 'graphology-communities-louvain';
import type { KgGraph } from './types.js';
import { mulberry32 } from '../../src/random.js';

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000', '#000075', '#fabed4'];
export const OTHER_COMMUNITY = '#b8bec8';

const memo = new WeakMap<KgGraph, Map<string, string>>();

/** Each node's community colour (computed once per graph). */
export function communityColors(graph: KgGraph): Map<string, string> {
  let colors = memo.get(graph);
  if (colors) return colors;
  // a graph without edges is fine: louvain puts each node in a community of its own
  const of = louvain(graph, { rng: mulberry32(1) });
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(of)) {
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  }
  const ranked = [...members.values()].filter((m) => m.length > 1).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  colors = new Map(graph.nodes().map((n) => [n, OTHER_COMMUNITY]));
  ranked.slice(0, PALETTE.length).forEach((m, i) => {
    for (const n of m) colors!.set(n, PALETTE[i]!);
  });
  memo.set(graph, colors);
  return colors;
}
