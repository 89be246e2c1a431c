// The library API behind `kg build`: inputs (files and folders) in, graph out.
import type { DirectedGraph } from 'graphology';
import { ingest } from './ingest/index.js';
import { buildGraphFromDocuments, summarise, type BuildOptions, type BuildSummary } from './pipeline.js';

export type { BuildOptions, BuildSummary } from './pipeline.js';

/** Reads the inputs (files and folders) and builds the graph. */
export async function build(inputs: string[], options: BuildOptions = {}): Promise<{ graph: DirectedGraph; summary: BuildSummary }> {
  const t0 = performance.now();
  const ingestOptions = { ...(options.onWarning ? { onWarning: options.onWarning } : {}), strict: !!options.strict };
  const { documents, skipped } = await ingest(inputs, ingestOptions);
  const graph = buildGraphFromDocuments(documents, options);
  const summary = summarise(graph, documents.length, skipped.length, (performance.now() - t0) / 1000);
  return { graph, summary };
}

