// Where the graph comes from: inlined in the page by the self-contained HTML export, else
// ./graph.json beside the viewer as served by `kg view`.
import { GraphProblem, parseGraphText } from './schema.js';
import type { KgGraph } from './types.js';

export const INLINE_GRAPH_ID = 'kg-graph';
export const GRAPH_URL = './graph.json';

export async function loadGraph(): Promise<KgGraph> {
  const inline = document.getElementById(INLINE_GRAPH_ID);
  if (inline) return parseGraphText(inline.textContent ?? '', 'the graph in this page');
  let response: Response;
  try {
    response = await fetch(GRAPH_URL, { cache: 'no-store' });
  } catch (err) {
    throw new GraphProblem('Cannot load the graph', `${GRAPH_URL} could not be fetched (${(err as Error).message}). Is \`kg view\` still running?`);
  }
  if (response.status === 404) throw new GraphProblem('No graph', 'There is no graph file to show. Build one with `kg build` and open it with `kg view GRAPH`.');
  if (!response.ok) throw new GraphProblem('Cannot load the graph', `${GRAPH_URL}: HTTP ${response.status} ${response.statusText}`);
  return parseGraphText(await response.text(), 'graph.json');
}
