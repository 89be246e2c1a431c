// Query benchmark: a generated graph of 100k entities and ~300k relations written as kg writes
// it (graph.json and its skeleton), then opened as `kg path` / `kg neighbors` do (from the
// skeleton; mentions and evidence read on demand), then name look-ups, shortest paths and
// neighbourhoods between random entities, timed one by one. For comparison, the same graph read in
// full (parse, schema check, import), as exports and graphs without a skeleton are. Load times are
// medians of fresh processes running the compiled code, as the `kg` command does.
// Runnable alone, after `npm run build`: node --import tsx bench/query.ts
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { openGraph } from '../src/graph/read.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { findPaths, neighbors, resolveEntity } from '../src/query/index.js';
import { rng } from './generate.js';
import type { BenchRow } from './rows.js';

export interface QueryBenchOptions {
  nodes: number;
  edgesPerNode: number;
  /** queries of each kind */
  queries: number;
  /** fresh-process loads of each kind; the median is reported */
  loadRuns: number;
  loadTargetMs: number;
  p50TargetMs: number;
}

export const DEFAULT_QUERY_BENCH_OPTIONS: QueryBenchOptions = {
  nodes: 100_000,
  edgesPerNode: 3,
  queries: 200,
  loadRuns: 3,
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

type LoadWay = 'openGraph' | 'readGraphFile';

/** The compiled read module, what the `kg` command runs (bench/run.ts compiles before running). */
const COMPILED_READ = new URL('../dist/graph/read.js', import.meta.url);

/**
 * The median time of `runs` loads, each in a fresh process running the compiled code, as a `kg`
 * command does: openGraph (from the skeleton) or readGraphFile (the whole file). One sample on a
 * shared machine swings by ±20 %.
 */
function timeLoads(way: LoadWay, file: string, runs: number): { ms: number; order: number } {
  if (!existsSync(COMPILED_READ)) throw new Error('bench query: dist/ is missing; run `npm run build` first');
  const script = `
    const { ${way} } = await import(${JSON.stringify(COMPILED_READ.href)});
    const t = performance.now();
    const graph = ${way}(${JSON.stringify(file)});
    process.stdout.write(JSON.stringify({ ms: performance.now() - t, order: graph.order }));`;
  const samples = Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench query: ${way} failed`);
    return JSON.parse(r.stdout) as { ms: number; order: number };
  });
  const median = percentile(samples.map((x) => x.ms).sort((a, b) => a - b), 50);
  return samples.find((x) => x.ms === median)!;
}

/** The median wall time of `runs` whole `kg path A B` commands (start, load, look-up, path, print). */
function timeCommand(file: string, from: string, to: string, runs: number): number {
  const kg = fileURLToPath(new URL('../bin/kg.js', import.meta.url));
  const samples = Array.from({ length: runs }, () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [kg, 'path', from, to, '-g', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0 || !r.stdout.startsWith('path:')) throw new Error(`bench query: kg path ${from} ${to} failed`);
    return performance.now() - t;
  });
  return percentile(samples.sort((a, b) => a - b), 50);
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
    const graph = openGraph(file);
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

    const opened = timeLoads('openGraph', file, o.loadRuns);
    const connected = pairs.find(([a, b]) => findPaths(graph, a, b).paths.length > 0);
    const commandMs = connected
      ? timeCommand(file, graph.getNodeAttribute(connected[0], 'label') as string, graph.getNodeAttribute(connected[1], 'label') as string, o.loadRuns)
      : NaN;
    const full = timeLoads('readGraphFile', file, o.loadRuns);
    if (full.order !== keys.length || opened.order !== keys.length) throw new Error('bench query: the loads differ');

    const rows: BenchRow[] = [
      { section, metric: `graph file, ${what}`, value: Math.round(mb * 10) / 10, unit: 'MB' },
      { section, metric: 'its skeleton (graph.skeleton.json)', value: Math.round(skeletonMb * 10) / 10, unit: 'MB' },
      { section, metric: `load from the skeleton (as kg path does), ${what}, median of ${o.loadRuns} fresh processes (compiled)`, value: Math.round(opened.ms), unit: 'ms', target: `< ${o.loadTargetMs} ms`, met: opened.ms < o.loadTargetMs },
      { section, metric: 'load from the skeleton, in the process that ran the queries below (through tsx)', value: Math.round(loadMs), unit: 'ms' },
      { section, metric: `load in full (read, parse, check, import), median of ${o.loadRuns}`, value: Math.round(full.ms), unit: 'ms' },
      { section, metric: `a whole \`kg path A B\` command (start, load, look-up, path), median of ${o.loadRuns}`, value: Math.round(commandMs), unit: 'ms' },
      { section, metric: 'skeleton load ÷ full load', value: Math.round((opened.ms / full.ms) * 100) / 100, unit: '×' },
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
