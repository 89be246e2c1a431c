// A rebuild with a cache copies the graph records it did not change from the file it replaces
// (graph/reuse.ts, corpus/fingerprints.ts): the file must be the bytes a full build writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecords, type BuildOptions } from '../src/build.js';
import { GRAPH_INDEX } from '../src/corpus/store.js';
import { writeGraphFile } from '../src/graph/write.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { generateArticles } from '../bench/generate.js';
import { tempDir, writeCorpus } from './helpers.js';

const FIXED = { builtAt: '2026-01-01T00:00:00.000Z', workers: 1 } as const;

function corpus(n: number, seed: number): Record<string, string> {
  return Object.fromEntries(generateArticles({ documents: n, sentences: 12, seed }).map((a) => [a.name, a.text]));
}

/** What `kg build` does with a cache: build, then write the graph, copying what the index allows. */
async function buildWithCache(dir: string, out: string, options: BuildOptions): Promise<ReturnType<typeof writeGraphFile> & { edges: number }> {
  const cacheDir = join(out, '..', '.kg-cache');
  const { records, fingerprints } = await buildRecords([dir], { ...options, cacheDir });
  assert.ok(fingerprints, 'a build with a cache gives its records fingerprints');
  return { ...writeGraphFile(out, records, { skeleton: true, reuse: { index: join(cacheDir, GRAPH_INDEX), fingerprints } }), edges: records.edges.length };
}

/** The graph file (and skeleton) a build without a cache writes: nothing to copy from. */
async function fullFile(dir: string, options: BuildOptions): Promise<string> {
  const out = join(tempDir(), 'graph.json');
  const { records, fingerprints } = await buildRecords([dir], options);
  assert.equal(fingerprints, undefined);
  writeGraphFile(out, records, { skeleton: true });
  return out;
}

/** A skeleton without its stamp of the graph file (size, time, inode). */
const skeletonOf = (graphFile: string) => ({ ...JSON.parse(readFileSync(skeletonPath(graphFile), 'utf8')), graph: undefined });

for (const [label, options, nodesCopied] of [
  // a graph too big to lay out keeps its nodes where they are when others are added
  ['no layout, the tagger', { ...FIXED, layoutIterations: 0 }, true],
  // the rules alone add to each article the names other articles gave (its mentions are not its
  // record's alone): the nodes are written anew, the edges copied
  ['laid out, the rules alone', { ...FIXED, layoutIterations: 20, model: null }, false],
] as const) {
  test(`a rebuild copies the records it did not change, and writes the bytes of a full build (${label})`, async () => {
    const dir = writeCorpus(corpus(12, 7));
    const out = join(tempDir(), 'graph.json');
    const first = await buildWithCache(dir, out, options);
    assert.equal(first.copied, 0, 'the first build has no graph to copy from');
    assert.ok(existsSync(join(out, '..', '.kg-cache', GRAPH_INDEX)));

    // nothing changed: every record is copied (the layout runs alike)
    const same = await buildWithCache(dir, out, options);
    assert.equal(same.copied, nodesCopied ? same.total : same.edges);

    // two articles added, one changed, one deleted
    generateArticles({ documents: 2, sentences: 12, seed: 99 }).forEach((a, i) => writeFileSync(join(dir, `new-${i}.txt`), a.text));
    appendFileSync(join(dir, '000003.txt'), '\n重庆市江津区珞璜工业园重庆新晟泰机械有限公司今年新增产值十亿元。\n');
    rmSync(join(dir, '000005.txt'));
    const again = await buildWithCache(dir, out, options);
    assert.ok(again.copied > 0 && again.copied < again.total, `${again.copied} of ${again.total} records copied`);
    const full = await fullFile(dir, options);
    assert.ok(readFileSync(out).equals(readFileSync(full)), 'the rebuild wrote other bytes than a full build');
    // and its skeleton describes the file written, copied records and all
    assert.deepEqual(skeletonOf(out), skeletonOf(full));
  });
}

test('an index that does not describe the graph file (replaced, damaged, missing) copies nothing and the bytes are right', async () => {
  const options = { ...FIXED, layoutIterations: 0 };
  const dir = writeCorpus(corpus(8, 11));
  const out = join(tempDir(), 'graph.json');
  const index = join(out, '..', '.kg-cache', GRAPH_INDEX);
  await buildWithCache(dir, out, options);
  writeFileSync(join(dir, 'new.txt'), generateArticles({ documents: 1, sentences: 12, seed: 5 })[0]!.text);
  const full = readFileSync(await fullFile(dir, options));

  // the graph file replaced by another (its stamp no longer matches): records are not taken from it
  const before = readFileSync(out);
  rmSync(out);
  writeFileSync(out, before);
  const replaced = await buildWithCache(dir, out, options);
  assert.equal(replaced.copied, 0);
  assert.ok(readFileSync(out).equals(full));

  for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.from(b.toString('latin1').replace('kgGraphIndex', 'kgGraphIndey'), 'latin1')]) {
    writeFileSync(index, damage(readFileSync(index)));
    const damaged = await buildWithCache(dir, out, options);
    assert.equal(damaged.copied, 0);
    assert.ok(readFileSync(out).equals(full));
  }

  rmSync(index);
  assert.equal((await buildWithCache(dir, out, options)).copied, 0);
  assert.ok(readFileSync(out).equals(full));
  assert.ok(existsSync(index), 'the index is written again');
});
