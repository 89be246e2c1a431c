// The build at scale: worker threads must not change the graph, and an incremental build
// (cache beside the output, with each article's relations) must equal a full rebuild after
// articles are added, changed or deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../src/build.js';
import { generateArticles } from '../bench/generate.js';
import { tempDir, writeCorpus } from './helpers.js';

const FIXED = { layoutIterations: 20, builtAt: '2026-01-01T00:00:00.000Z' } as const;

function corpus(n: number, seed = 7): Record<string, string> {
  return Object.fromEntries(generateArticles({ documents: n, sentences: 12, seed }).map((a) => [a.name, a.text]));
}

/** The serialised graph without what legitimately differs between two builds. */
async function graphJson(dir: string, options: Parameters<typeof build>[1] = {}): Promise<string> {
  const { graph } = await build([dir], { ...FIXED, ...options });
  return JSON.stringify(graph.export());
}

test('one worker and two workers build byte-identical graphs', async () => {
  const dir = writeCorpus(corpus(24));
  const one = await graphJson(dir, { workers: 1 });
  const two = await graphJson(dir, { workers: 2 });
  assert.ok(one.length > 1000);
  assert.equal(two, one);
});

test('an incremental build equals a full rebuild after adding, changing and deleting articles', async () => {
  const dir = writeCorpus(corpus(12));
  const cacheDir = join(tempDir(), '.kg-cache');
  const first = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(first.summary.cached, 0);
  // each article's relations are kept too, under a key of its mentions and their entities
  const relationFiles = () => readdirSync(join(cacheDir, readdirSync(cacheDir)[0]!)).filter((n) => n.startsWith('rel-')).length;
  assert.equal(relationFiles(), 12);

  // add two articles, change one, delete one
  const extra = generateArticles({ documents: 2, sentences: 12, seed: 99 });
  extra.forEach((a, i) => writeFileSync(join(dir, `new-${i}.txt`), a.text));
  appendFileSync(join(dir, '000003.txt'), '\n重庆市江津区珞璜工业园重庆新晟泰机械有限公司今年新增产值十亿元。\n');
  rmSync(join(dir, '000005.txt'));

  const again = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(again.summary.documents, 13);
  assert.equal(again.summary.cached, 10, 'only the new and the changed articles are extracted again');
  const full = await build([dir], FIXED);
  assert.equal(JSON.stringify(again.graph.export()), JSON.stringify(full.graph.export()));
  assert.equal(relationFiles(), 13, 'the deleted article\'s relations are gone from the cache');

  // nothing from the deleted article survives, the changed one's new fact is there
  const docs = new Set<string>();
  again.graph.forEachNode((_n: string, a: Record<string, any>) => a.mentions.forEach((m: { doc: string }) => docs.add(m.doc)));
  assert.ok(!docs.has('000005.txt'));
  assert.ok(again.graph.someNode((_n: string, a: Record<string, any>) => a.label === '重庆新晟泰机械有限公司'));
});

test('a damaged cache record is ignored and extracted again', async () => {
  const dir = writeCorpus(corpus(3));
  const cacheDir = join(tempDir(), '.kg-cache');
  const clean = await graphJson(dir, { cacheDir });
  const [version] = readdirSync(cacheDir);
  const [record] = readdirSync(join(cacheDir, version!));
  writeFileSync(join(cacheDir, version!, record!), '{"format":1,"sha256":"trunc');
  const { graph, summary } = await build([dir], { ...FIXED, cacheDir });
  assert.equal(summary.cached, 2);
  assert.equal(JSON.stringify(graph.export()), clean);
});

test('closing the thread pool waits for the articles in progress and starts no more', { timeout: 120_000 }, async () => {
  const { createExtractor } = await import('../src/corpus/pool.js');
  const articles = generateArticles({ documents: 3, sentences: 200, seed: 9 });
  const dir = writeCorpus(Object.fromEntries(articles.map((a) => [a.name, a.text])));
  const storeDir = tempDir();
  const pool = createExtractor(2);
  const task = (i: number) => ({ path: join(dir, articles[i]!.name), id: articles[i]!.name, storeDir, model: null });
  const running = [pool.run(task(0)), pool.run(task(1))];
  const queued = assert.rejects(pool.run(task(2)), /closing/); // was waiting for a free thread
  const closed = pool.close();
  // the two in progress finish; the queued one never starts; nothing hangs
  for (const outcome of await Promise.all(running)) assert.equal(outcome.kind, 'doc');
  await queued;
  await closed;
  await assert.rejects(pool.run(task(2)), /closing/);
});
