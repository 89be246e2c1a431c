// Where the graph comes from: inlined in the page by the self-contained HTML export, else
// ./graph.json beside the viewer as served by `kg view` — drawn first from its skeleton
// (./graph.skeleton.json, skeleton.ts) when the server has a current one.
import { GraphProblem, parseGraphJson, parseGraphText } from './schema.js';
import { fillDetails, graphFromSkeleton } from './skeleton.js';
import type { KgGraph } from './types.js';

export const INLINE_GRAPH_ID = 'kg-graph';
export const GRAPH_URL = './graph.json';
export const SKELETON_URL = './graph.skeleton.json';

export interface LoadedGraph {
  graph: KgGraph;
  /** what the graph was made from: the page itself, the skeleton, or graph.json */
  from: 'page' | 'skeleton' | 'graph';
  /**
   * With a graph drawn from its skeleton: fetches graph.json and fills in the mentions and
   * evidence (rejects with a GraphProblem). Null when the graph came whole.
   */
  details: (() => Promise<void>) | null;
}

export async function loadGraph(): Promise<LoadedGraph> {
  const inline = document.getElementById(INLINE_GRAPH_ID);
  if (inline) return { graph: parseGraphText(inline.textContent ?? '', 'the graph in this page'), from: 'page', details: null };
  const drawn = await skeletonGraph();
  if (drawn) return { graph: drawn, from: 'skeleton', details: async () => fillDetails(drawn, parseGraphJson(await fetchGraphText(), 'graph.json'), 'graph.json') };
  return { graph: await fetchGraph(), from: 'graph', details: null };
}

/** The graph from the server's skeleton; null when it has none (or one this viewer cannot read: graph.json then says what is wrong). */
async function skeletonGraph(): Promise<KgGraph | null> {
  try {
    const response = await fetch(SKELETON_URL, { cache: 'no-store' });
    if (!response.ok) return null;
    return graphFromSkeleton(await response.json());
  } catch {
    return null;
  }
}

async function fetchGraph(): Promise<KgGraph> {
  return parseGraphText(await fetchGraphText(), 'graph.json');
}

async function fetchGraphText(): Promise<string> {
  let response: Response;
  try {
    response = await fetch(GRAPH_URL, { cache: 'no-store' });
  } catch (err) {
    throw new GraphProblem('Cannot load the graph', `${GRAPH_URL} could not be fetched (${(err as Error).message}). Is \`kg view\` still running?`);
  }
  if (response.status === 404) throw new GraphProblem('No graph', 'There is no graph file to show. Build one with `kg build` and open it with `kg view GRAPH`.');
  if (!response.ok) throw new GraphProblem('Cannot load the graph', `${GRAPH_URL}: HTTP ${response.status} ${response.statusText}`);
  return response.text();
}
