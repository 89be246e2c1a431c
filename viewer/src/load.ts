// Where the graph comes from: inlined in the page by the self-contained HTML export, else
// ./graph.json beside the viewer as served by `kg view` — drawn first from its skeleton
// (./graph.skeleton.json, skeleton.ts) when the server has a current one.
import { GraphProblem, parseGraphText } from './schema.js';
import { drawSkeleton, fillDetails, graphChanged, skeletonMentionCounts, type Drawn } from './skeleton.js';
import { pendingDetails, type PendingDetails } from './details.js';
import { GRAPH_STAMP_HEADER, sameStamp, type Skeleton, type Stamp } from '../../src/graph/skeleton-format.js';
import type { KgGraph } from './types.js';

export const INLINE_GRAPH_ID = 'kg-graph';
export const GRAPH_URL = './graph.json';
export const SKELETON_URL = './graph.skeleton.json';

export interface LoadedGraph {
  graph: KgGraph;
  /** what the graph was made from: the page itself, the skeleton, or graph.json */
  from: 'page' | 'skeleton' | 'graph';
  /** a graph drawn from its skeleton: its mentions and evidence, to be fetched from graph.json (load() rejects with a GraphProblem); null when the graph came whole */
  details: PendingDetails | null;
}

export async function loadGraph(): Promise<LoadedGraph> {
  const inline = document.getElementById(INLINE_GRAPH_ID);
  if (inline) return { graph: parseGraphText(inline.textContent ?? '', 'the graph in this page'), from: 'page', details: null };
  const drawn = await fetchSkeleton();
  if (drawn) {
    const { graph, skeleton: s } = drawn;
    const fill = async () => {
      const response = await fetchGraph();
      // the server's stamp of the file it sent: the one the skeleton describes, or a rebuilt one
      const served = servedStamp(response);
      if (!served || !sameStamp(served, s.graph)) throw graphChanged('graph.json');
      // read as bytes (each record is decoded and parsed on its own, at the skeleton's ranges),
      // chunk by chunk into one buffer of the stamp's size
      await fillDetails(drawn, await readBytes(response, s.graph.bytes), 'graph.json');
    };
    return { graph, from: 'skeleton', details: pendingDetails(graph, () => skeletonMentionCounts(drawn), fill) };
  }
  const text = await (await fetchGraph()).text();
  return { graph: parseGraphText(text, 'graph.json'), from: 'graph', details: null };
}

/** The graph drawn from the server's skeleton (the skeleton kept for its stamp, counts and byte ranges until the details are in); null when it has none (or one this viewer cannot read: graph.json then says what is wrong). */
async function fetchSkeleton(): Promise<Drawn | null> {
  try {
    const response = await fetch(SKELETON_URL, { cache: 'no-store' });
    if (!response.ok) return null;
    const skeleton = (await response.json()) as Skeleton;
    return drawSkeleton(skeleton);
  } catch {
    return null;
  }
}

/** graph.json's response (a GraphProblem when there is none). */
async function fetchGraph(): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(GRAPH_URL, { cache: 'no-store' });
  } catch (err) {
    throw new GraphProblem('Cannot load the graph', `${GRAPH_URL} could not be fetched (${(err as Error).message}). Is \`kg view\` still running?`);
  }
  if (response.status === 404) throw new GraphProblem('No graph', 'There is no graph file to show. Build one with `kg build` and open it with `kg view GRAPH`.');
  if (!response.ok) throw new GraphProblem('Cannot load the graph', `${GRAPH_URL}: HTTP ${response.status} ${response.statusText}`);
  return response;
}

/**
 * A response's body as it streams in, into one buffer of the `bytes` it must have (a body of
 * another size is a graph file changed meanwhile). Read whole (arrayBuffer()), a graph file of tens
 * of megabytes held the page for one or two long tasks of 0.5–0.7 s while its bytes were gathered.
 */
async function readBytes(response: Response, bytes: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.length !== bytes) throw graphChanged('graph.json');
    return whole;
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes) {
      void reader.cancel();
      throw graphChanged('graph.json');
    }
    out.set(value, at);
    at += value.length;
  }
  if (at !== bytes) throw graphChanged('graph.json');
  return out;
}

/** The stamp of the file the server read graph.json from (null without a usable one: a page drawn from the skeleton then takes the graph as changed). */
function servedStamp(response: Response): Stamp | null {
  try {
    return JSON.parse(response.headers.get(GRAPH_STAMP_HEADER) ?? 'null') as Stamp | null;
  } catch {
    return null;
  }
}
