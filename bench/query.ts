// Query benchmark: a generated graph of 100k entities and ~300k relations written as kg writes
// it (graph.json and its skeleton), then opened as `kg path` / `kg neighbors` do (from the
// skeleton; mentions and evidence read on demand), then name look-ups, shortest paths and
// neighbourhoods between random entities, timed one by one. For comparison, the same graph read in
// full (parse, schema check, import), as exports and graphs without a skeleton are.
// Runnable alone: node --import tsx bench/query.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { openGraph, readGraphFile } from '../src/graph/read.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { findPaths, neighbors, resolveEntity } from '../src/query/index.js';
import { rng } from './generate.js';
import type { BenchRow } from './rows.js';

export interface QueryBenchOptions {
  nodes: number;
  edgesPerNode: number;
  /** queries of each kind */
  queries: number;
  loadTargetMs: number;
  p50TargetMs: number;
}

export const DEFAULT_QUERY_BENCH_OPTIONS: QueryBenchOptions = {
  nodes: 100_000,
  edgesPerNode: 3,
  queries: 200,
  loadTargetMs: 3000,
  p50TargetMs: 50,
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times `run` on each input; the sorted durations in milliseconds. */
function timeEach<T>(inputs: T[], run: (input: T) => unknown): number[] {
  const ms = inputs.map((input) => {
    const t = performance.now();
    run(input);
    return performance.now() - t;
  });
  return ms.sort((a, b) => a - b);
}

/** Writes a generated graph to `file` from another process, so that this one holds only what it loads; its size in words. */
function writeGenerated(file: string, nodes: number, edgesPerNode: number): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./graph.ts', import.meta.url)), file, String(nodes), String(edgesPerNode)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error('bench query: generating the graph failed');
  const { order, size } = JSON.parse(r.stdout) as { order: number; size: number };
  return `${Math.round(order / 1000)}k nodes / ${Math.round(size / 1000)}k edges`;
}

export async function benchQuery(options: Partial<QueryBenchOptions> = {}): Promise<BenchRow[]> {
  const o = { ...DEFAULT_QUERY_BENCH_OPTIONS, ...options };
  const section = 'query';
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-query-'));
  try {
    const file = join(dir, 'graph.json');
    // the generated graph goes out of scope before the load is timed: a `kg` command holds one graph
    const what = writeGenerated(file, o.nodes, o.edgesPerNode);
    const mb = statSync(file).size / 1e6;
    const skeletonMb = statSync(skeletonPath(file)).size / 1e6;

    const t0 = performance.now();
    let graph = openGraph(file);
    const loadMs = performance.now() - t0;
    const random = rng(11);
    const keys = graph.nodes();
    const pick = () => keys[Math.floor(random() * keys.length)]!;
    const labels = Array.from({ length: o.queries }, () => graph.getNodeAttribute(pick(), 'label') as string);
    const pairs = Array.from({ length: o.queries }, () => [pick(), pick()] as const);

    // the first look-up builds the name index: a one-off cost each `kg` command pays after load
    const t1 = performance.now();
    resolveEntity(graph, labels[0]!);
    const indexMs = performance.now() - t1;

    const lookup = timeEach(labels, (label) => resolveEntity(graph, label));
    const paths = timeEach(pairs, ([a, b]) => findPaths(graph, a, b));
    const around = timeEach(pairs, ([a]) => neighbors(graph, a, { depth: 1 }));
    const around2 = timeEach(pairs, ([a]) => neighbors(graph, a, { depth: 2 }));

    // the queried graph goes before the full read is timed
    graph = undefined as unknown as typeof graph;
    const t2 = performance.now();
    const full = readGraphFile(file);
    const fullMs = performance.now() - t2;
    if (full.order !== keys.length) throw new Error('bench query: the full read differs from the skeleton');

    const rows: BenchRow[] = [
      { section, metric: `graph file, ${what}`, value: Math.round(mb * 10) / 10, unit: 'MB' },
      { section, metric: 'its skeleton (graph.skeleton.json)', value: Math.round(skeletonMb * 10) / 10, unit: 'MB' },
      { section, metric: `load from the skeleton (as kg path does), ${what}`, value: Math.round(loadMs), unit: 'ms', target: `< ${o.loadTargetMs} ms`, met: loadMs < o.loadTargetMs },
      { section, metric: 'load in full (read, parse, check, import), same graph', value: Math.round(fullMs), unit: 'ms' },
      { section, metric: 'skeleton load ÷ full load', value: Math.round((loadMs / fullMs) * 100) / 100, unit: '×' },
      { section, metric: 'first name look-up (builds the name index)', value: Math.round(indexMs), unit: 'ms' },
    ];
    const timed: Array<[string, number[], boolean]> = [
      ['name look-up (exact label)', lookup, false],
      ['shortest path between random entities', paths, true],
      ['neighbours, depth 1', around, true],
      ['neighbours, depth 2', around2, false],
    ];
    for (const [name, ms, targeted] of timed) {
      const p50 = percentile(ms, 50);
      rows.push({
        section,
        metric: `${name}, p50 of ${ms.length}`,
        value: Math.round(p50 * 100) / 100,
        unit: 'ms',
        ...(targeted ? { target: `< ${o.p50TargetMs} ms`, met: p50 < o.p50TargetMs } : {}),
      });
      rows.push({ section, metric: `${name}, p95`, value: Math.round(percentile(ms, 95) * 100) / 100, unit: 'ms' });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchQuery();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else (await import('./rows.js')).printRows(rows);
}
