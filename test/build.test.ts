// The build at scale: worker processes must not change the graph, and an incremental build
// (cache beside the output, with each article's relations) must equal a full rebuild after
// articles are added, changed or deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, defaultWorkers } from '../src/build.js';
import { corpusRelations, findLocalRelations } from '../src/corpus/local-relations.js';
import { DocStore, infoOf, recordOf, writeRecord } from '../src/corpus/store.js';
import { documentFromText, documentInfo, ingestBytes, listInputs } from '../src/ingest/index.js';
import { buildGraphFromDocuments } from '../src/pipeline.js';
import type { DocumentInfo, EntityType } from '../src/types.js';
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

test('by default, one worker per 2 MB of text to extract: one below 2 MB, more above, never more than the cores', () => {
  for (const bytes of [0, 1, 1_000_000, 1_999_999]) assert.equal(defaultWorkers(bytes, 8), 1, `${bytes} bytes`);
  // a second worker only once there are 2 MB of text for each
  assert.equal(defaultWorkers(3_000_000, 8), 1);
  assert.equal(defaultWorkers(4_000_000, 8), 2);
  assert.equal(defaultWorkers(10_000_000, 8), 5);
  assert.equal(defaultWorkers(100_000_000, 8), 8);
  assert.equal(defaultWorkers(100_000_000, 2), 2);
  assert.equal(defaultWorkers(100_000_000, 1), 1);
});

test('one worker and two workers build byte-identical graphs, and relations found in the workers are those the corpus pass finds', async () => {
  const dir = writeCorpus(corpus(24));
  const one = await graphJson(dir, { workers: 1 });
  const two = await graphJson(dir, { workers: 2 });
  assert.ok(one.length > 1000);
  assert.equal(two, one);
  // the same documents built in memory: every document's relations found after resolution
  const documents = listInputs([dir]).files.map((f) => ingestBytes(readFileSync(f.path), f.path, f.id));
  const graph = buildGraphFromDocuments(documents, FIXED);
  assert.ok(graph.size > 50);
  assert.equal(JSON.stringify(graph.export()), one);
});

test('an incremental build equals a full rebuild after adding, changing and deleting articles', async () => {
  const dir = writeCorpus(corpus(12));
  const cacheDir = join(tempDir(), '.kg-cache');
  const first = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(first.summary.cached, 0);
  const records = () => readdirSync(join(cacheDir, readdirSync(cacheDir)[0]!)).length;
  assert.equal(records(), 12);

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
  assert.equal(records(), 13, 'the deleted article\'s record is gone from the cache');

  // nothing from the deleted article survives, the changed one's new fact is there
  const docs = new Set<string>();
  again.graph.forEachNode((_n: string, a: Record<string, any>) => a.mentions.forEach((m: { doc: string }) => docs.add(m.doc)));
  assert.ok(!docs.has('000005.txt'));
  assert.ok(again.graph.someNode((_n: string, a: Record<string, any>) => a.label === '重庆新晟泰机械有限公司'));
});

test('an article\'s date is found once, at ingest, and kept in its record: a build from the cache has it too', async () => {
  const [a, b] = generateArticles({ documents: 2, sentences: 12, seed: 5 });
  const dir = writeCorpus({ 'dated.txt': `2024年3月5日\n${a!.text}`, 'undated.txt': b!.text });
  const cacheDir = join(tempDir(), '.kg-cache');
  const documents = (r: Awaited<ReturnType<typeof build>>) => JSON.stringify(r.graph.getAttribute('documents') as DocumentInfo[]);
  const first = await build([dir], { ...FIXED, cacheDir });
  const cached = await build([dir], { ...FIXED, cacheDir });
  assert.equal(cached.summary.cached, 2);
  const full = await build([dir], FIXED);
  const infos = JSON.parse(documents(full)) as DocumentInfo[];
  assert.equal(infos[0]!.date, '2024-03-05');
  assert.ok(!('date' in infos[1]!), 'no dateline: no date, not an undefined one');
  assert.equal(documents(first), documents(full));
  assert.equal(documents(cached), documents(full));
});

test("a document's relations found on its own are the corpus's, renamed, where the corpus partitions its mentions alike", () => {
  const doc = documentFromText('a.txt', '瑞达科技有限公司落户双福工业园。瑞达科技有限公司今年投产。');
  const at = (name: string, from = 0) => doc.text.indexOf(name, from);
  const m = (name: string, type: EntityType, from = 0) => ({ doc: 'a.txt', start: at(name, from), end: at(name, from) + name.length, text: name, sentence: at(name, from) < doc.sentences[1]!.start ? 0 : 1, type, nstart: at(name, from), nend: at(name, from) + name.length, rule: 'test' });
  const mentions = [m('瑞达科技有限公司', 'company'), m('双福工业园', 'industrial-park'), m('瑞达科技有限公司', 'company', 10)];
  const local = findLocalRelations(doc, mentions);
  assert.deepEqual(local.groups, [0, 1, 0], 'the two mentions of the company are one entity');
  const corpus = ['company:瑞达科技', 'industrial-park:双福', 'company:瑞达科技'];
  const found = corpusRelations(local, 'a.txt', corpus)!;
  assert.deepEqual(
    found.map((r) => `${r.head} ${r.relation} ${r.tail} ${r.evidence.map((e) => `${e.doc}:${e.sentence}`).join()}`),
    ['company:瑞达科技 located-in industrial-park:双福 a.txt:瑞达科技有限公司落户双福工业园。'],
  );
  // the corpus joins two of the document's entities, or splits one: found again by the build
  assert.equal(corpusRelations(local, 'a.txt', ['company:瑞达科技', 'company:瑞达科技', 'company:瑞达科技']), undefined);
  assert.equal(corpusRelations(local, 'a.txt', ['company:瑞达科技', 'industrial-park:双福', 'company:瑞达']), undefined);
  assert.equal(corpusRelations(local, 'a.txt', corpus.slice(0, 2)), undefined);
});

test("a cached article's info and mentions are read from its record's first line, without its text", () => {
  const doc = documentFromText('a.txt', '2024年3月5日\n瑞达科技有限公司落户双福工业园。');
  const mention = { doc: 'a.txt', start: 11, end: 19, text: '瑞达科技有限公司', sentence: 1, type: 'company' as const, nstart: 11, nend: 19, rule: 'test' };
  const store = DocStore.open(join(tempDir(), '.kg-cache'));
  const none = { groups: [0], sentences: [], relations: [] };
  writeRecord(store.dir, recordOf(doc, [mention], none));
  const file = join(store.dir, `${doc.sha256}.json`);
  assert.deepEqual(store.getRelations(doc.sha256), none);
  // the relations and the text go after the head: a record cut after its first line still gives the head
  writeFileSync(file, readFileSync(file, 'utf8').split('\n')[0]!);
  assert.equal(store.getRelations(doc.sha256), undefined);
  const head = store.getHead(doc.sha256);
  assert.ok(head && !('skip' in head));
  assert.deepEqual(infoOf(head, 'a.txt', 'a.txt'), documentInfo(doc));
  assert.deepEqual(head.mentions, [{ ...mention, doc: undefined }].map(({ doc: _d, ...m }) => m));
  // the record whole is damaged: get() gives nothing, and a build reads the file again (below)
  assert.equal(store.get(doc.sha256), undefined);
  // a head longer than one read
  const many = Array.from({ length: 2000 }, (_, i) => ({ ...mention, start: i, sentence: i }));
  writeRecord(store.dir, recordOf(doc, many, { ...none, groups: many.map(() => 0) }));
  const long = store.getHead(doc.sha256);
  assert.ok(long && !('skip' in long) && long.mentions.length === 2000 && readFileSync(file).indexOf('\n') > 64 * 1024);
  assert.equal((store.get(doc.sha256) as { text: string }).text, doc.text);
  assert.equal(store.getRelations(doc.sha256)?.groups.length, 2000);
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

test("a cached record whose text is damaged is read from its file again when a pass needs the text", async () => {
  const dir = writeCorpus(corpus(3));
  const cacheDir = join(tempDir(), '.kg-cache');
  const clean = await graphJson(dir, { cacheDir });
  const folder = join(cacheDir, readdirSync(cacheDir)[0]!);
  // every record keeps its head and loses its relations and its text: each document is read
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n')[0]!);
  }
  const { graph, summary } = await build([dir], { ...FIXED, cacheDir });
  assert.equal(summary.cached, 3);
  assert.equal(JSON.stringify(graph.export()), clean);
});

test('closing the worker pool waits for the articles in progress and starts no more', { timeout: 120_000 }, async () => {
  const { createExtractor } = await import('../src/corpus/pool.js');
  const articles = generateArticles({ documents: 3, sentences: 200, seed: 9 });
  const dir = writeCorpus(Object.fromEntries(articles.map((a) => [a.name, a.text])));
  const storeDir = tempDir();
  const pool = createExtractor(2);
  const task = (i: number) => ({ path: join(dir, articles[i]!.name), id: articles[i]!.name, storeDir, model: null });
  const running = [pool.run(task(0)), pool.run(task(1))];
  const queued = assert.rejects(pool.run(task(2)), /closing/); // was waiting for a free worker
  const closed = pool.close();
  // the two in progress finish; the queued one never starts; nothing hangs
  for (const outcome of await Promise.all(running)) assert.equal(outcome.kind, 'doc');
  await queued;
  await closed;
  await assert.rejects(pool.run(task(2)), /closing/);
});
