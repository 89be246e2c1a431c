// Shared test helpers: build graphs from small texts written to a temporary folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DirectedGraph } from 'graphology';
import { build, type BuildOptions } from '../src/build.js';
import { TRAIN_DEFAULTS, type TrainConfig } from '../src/tagger/train.js';

const made: string[] = [];
// temporary folders go when the test process ends
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'kg-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Writes `files` (relative path → content) under a new temporary folder and returns it. */
export function writeCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** The graph of some articles; `model: null` builds with the rules alone. */
export async function graphOf(files: Record<string, string>, options: BuildOptions = {}): Promise<DirectedGraph> {
  const { graph } = await build([writeCorpus(files)], { layoutIterations: 0, builtAt: '2026-01-01T00:00:00.000Z', ...options });
  return graph;
}

/** The node key whose label or alias is `name`. */
export function nodeNamed(graph: DirectedGraph, name: string): string | undefined {
  return graph.findNode((_k: string, a: Record<string, any>) => a.label === name || (a.aliases as string[]).includes(name));
}

/** "head relation tail" strings of the stated (not derived) edges, by label. */
export function facts(graph: DirectedGraph): string[] {
  const out: string[] = [];
  graph.forEachEdge((_e: string, a: Record<string, any>, s: string, t: string) => {
    if (!a.derived) out.push(`${graph.getNodeAttribute(s, 'label')} ${a.relation} ${graph.getNodeAttribute(t, 'label')}`);
  });
  return out.sort();
}

/** A quick training config over the seed articles (no CLUENER, few passes), from the defaults of `kg train`. */
export function seedTrainConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...TRAIN_DEFAULTS, annotated: [{ texts: 'data/corpus', gold: 'data/gold' }], cluener: null, epochs: 2, minCount: 1, linkerEpochs: 3, ...overrides };
}
