// The build at scale: worker processes must not change the graph, and an incremental build
// (cache beside the output, with each article's relations) must equal a full rebuild after
// articles are added, changed or deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, defaultWorkers } from '../src/build.js';
import { extractedRelationKey, relationKey, unitEntities } from '../src/corpus/relation-cache.js';
import { DocStore, hashStages, infoOf, mentionsOf, recordKey, recordOf, writeRecord } from '../src/corpus/store.js';
import { documentFromText, documentInfo } from '../src/ingest/index.js';
import type { Linked } from '../src/relate/index.js';
import type { DocumentInfo } from '../src/types.js';
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

test('one worker and two workers build byte-identical graphs', async () => {
  const dir = writeCorpus(corpus(24));
  const one = await graphJson(dir, { workers: 1 });
  const two = await graphJson(dir, { workers: 2 });
  assert.ok(one.length > 1000);
  assert.equal(two, one);
});

test('a build says once that its extraction is done, after its last document', async () => {
  const dir = writeCorpus(corpus(6));
  const events: string[] = [];
  await build([dir], {
    ...FIXED,
    workers: 2,
    onProgress: (done, total) => events.push(`${done}/${total}`),
    onExtracted: () => events.push('extracted'),
    onWarning: (message) => events.push(message),
  });
  assert.deepEqual(events, ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6', 'extracted']);
});

test('a build says where its time went: each phase on its thread, and each stage of the extraction summed over the articles it extracted (none from the cache)', async () => {
  const dir = writeCorpus(corpus(6));
  const cacheDir = join(tempDir(), '.kg-cache');
  const { summary } = await build([dir], { ...FIXED, workers: 2, cacheDir });
  const { phases, stages } = summary;
  assert.ok(phases && stages);
  for (const [name, seconds] of Object.entries(phases)) assert.ok(Number.isFinite(seconds) && seconds >= 0, `${name}: ${seconds}`);
  // the phases follow one another within the build's own time (each rounded to the millisecond,
  // the build's seconds to the hundredth twice: once before the graph is made, once after)
  const sum = phases.extraction + phases.names + phases.resolution + phases.relations + phases.graph;
  assert.ok(sum <= summary.seconds + 0.02, `${sum} > ${summary.seconds}`);
  // (build() writes no graph file: its writing is the cache's relation files and closing the store)
  assert.ok(phases.writing >= 0);
  // both workers' starts, and the rules and the tagger of each of the 6 articles
  assert.equal(stages.articles, 6);
  for (const [name, seconds] of Object.entries(stages)) assert.ok(Number.isFinite(seconds) && seconds >= 0, `${name}: ${seconds}`);
  assert.ok(stages.load > 0 && stages.rules > 0 && stages.tagger > 0, JSON.stringify(stages));
  // everything from the cache: nothing extracted, no time in any stage
  const again = await build([dir], { ...FIXED, workers: 2, cacheDir });
  assert.deepEqual(again.summary.stages, { articles: 0, load: 0, ingest: 0, rules: 0, tagger: 0, linker: 0, store: 0 });
  // the rules alone: no tagger
  const rules = await build([dir], { ...FIXED, workers: 1, model: null });
  assert.equal(rules.summary.stages!.articles, 6);
  assert.ok(rules.summary.stages!.rules > 0);
  assert.equal(rules.summary.stages!.tagger, 0);
});

const BUILD_JSON = fileURLToPath(new URL('./fixtures/build-json.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// a Node built without Chinese collation data cannot show the difference: skip there
test("the graph is the same bytes whatever the user's locale", { skip: Intl.Collator.supportedLocalesOf('zh-CN').length === 0 }, () => {
  // names that a Chinese collation orders otherwise than an English one (Han before Latin)
  const dir = writeCorpus({
    'a.txt': '重庆ABB电气有限公司落户江津区双福工业园。重庆润通科技有限公司落户江津区德感工业园。\n重庆ABB电气有限公司今年投产。',
    'b.txt': 'LG新能源项目落户江津区珞璜工业园。润通科技与ABB电气签约。',
  });
  const built = (locale: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', BUILD_JSON, dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: locale, LC_ALL: locale } });
    assert.equal(r.status, 0, r.stderr);
    const at = r.stdout.indexOf('\n');
    return { locale: r.stdout.slice(0, at), graph: r.stdout.slice(at + 1) };
  };
  const zh = built('zh_CN.UTF-8');
  const c = built('C');
  assert.notEqual(zh.locale, c.locale, 'the two processes ran under different locales');
  assert.ok(zh.graph.length > 500);
  assert.equal(zh.graph, c.graph);
});

test('an incremental build equals a full rebuild after adding, changing and deleting articles', async () => {
  const dir = writeCorpus(corpus(12));
  const cacheDir = join(tempDir(), '.kg-cache');
  const first = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(first.summary.cached, 0);
  // each article's relations are kept too, under a key of its bytes and its mentions' entities,
  // and the heads of its record, in a file of each for the whole corpus (segments.ts)
  const cacheFiles = () => readdirSync(join(cacheDir, readdirSync(cacheDir)[0]!)).filter((n) => n.endsWith('.bin')).sort();
  assert.deepEqual(cacheFiles(), ['heads-1.bin', 'relations-1.bin']);
  const stamps = () => cacheFiles().map((n) => `${n} ${statSync(join(cacheDir, readdirSync(cacheDir)[0]!, n)).mtimeMs}`);
  const before = stamps();
  // nothing changed: nothing written
  const same = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(same.summary.cached, 12);
  assert.deepEqual(stamps(), before);

  // add two articles, change one, delete one
  const extra = generateArticles({ documents: 2, sentences: 12, seed: 99 });
  extra.forEach((a, i) => writeFileSync(join(dir, `new-${i}.txt`), a.text));
  appendFileSync(join(dir, '000003.txt'), '\n重庆市江津区珞璜工业园重庆新晟泰机械有限公司今年新增产值十亿元。\n');
  rmSync(join(dir, '000005.txt'));

  // the same rebuild with two worker processes, which extract the new articles while the cached ones are read
  const cacheDir2 = join(tempDir(), '.kg-cache');
  cpSync(cacheDir, cacheDir2, { recursive: true });
  const again = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(again.summary.documents, 13);
  assert.equal(again.summary.cached, 10, 'only the new and the changed articles are extracted again');
  // the new and changed articles' heads go to a file of their own; one deleted article of 13 leaves the first file in use
  assert.deepEqual(cacheFiles().filter((n) => n.startsWith('heads-')), ['heads-1.bin', 'heads-2.bin']);
  const full = await build([dir], FIXED);
  assert.equal(JSON.stringify(again.graph.export()), JSON.stringify(full.graph.export()));
  // one cached record damaged too: its article is extracted after the heads are read
  const folder2 = join(cacheDir2, readdirSync(cacheDir2)[0]!);
  const damaged = recordKey(createHash('sha256').update(readFileSync(join(dir, '000000.txt'))).digest('hex'), '000000.txt');
  writeFileSync(join(folder2, `${damaged}.json`), '{"format":1,"sha256":"trunc');
  // (its head from the heads file would serve: without them, each head is read from its record)
  for (const n of readdirSync(folder2)) if (n.startsWith('heads-')) rmSync(join(folder2, n));
  const again2 = await build([dir], { ...FIXED, cacheDir: cacheDir2, workers: 2 });
  assert.equal(again2.summary.cached, 9);
  assert.equal(JSON.stringify(again2.graph.export()), JSON.stringify(full.graph.export()));

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

test('a document\'s relation key covers every field of its mentions, in whatever order they are held', () => {
  const m: Linked = { doc: 'a.txt', start: 0, end: 3, text: '江津区', sentence: 0, type: 'place', nstart: 0, nend: 3, rule: 'gazetteer', entity: 'place:江津区' };
  const sha = 'f'.repeat(64);
  const key = relationKey('s', 'a.txt', sha, [m]);
  // as read back from a record: the same fields in another order
  assert.equal(relationKey('s', 'a.txt', sha, [Object.fromEntries(Object.entries(m).reverse()) as unknown as Linked]), key);
  assert.notEqual(relationKey('s', 'b.txt', sha, [m]), key);
  assert.notEqual(relationKey('s', 'a.txt', 'e'.repeat(64), [m]), key);
  assert.notEqual(relationKey('s', 'a.txt', sha, [{ ...m, aliasOf: '江津' }]), key);
  assert.notEqual(relationKey('s', 'a.txt', sha, [{ ...m, entity: 'place:江津' }]), key);
  assert.notEqual(relationKey('s', 'a.txt', sha, [{ ...m, implied: '区政府' }]), key);
  // an absent field and an undefined one are alike, as they are in a record
  assert.equal(relationKey('s', 'a.txt', sha, [{ ...m, aliasOf: undefined }]), key);
  // a field added to Mention one day is part of the key without anyone listing it
  assert.notEqual(relationKey('s', 'a.txt', sha, [{ ...m, confidence: 0.5 } as Linked]), key);
});

test("an extracted document's relation key is its bytes and its mentions' (or units') entities (its record holds the rest)", () => {
  const sha = 'f'.repeat(64);
  const key = extractedRelationKey('s', 'a.txt', sha, ['place:江津区', 'company:瑞达科技']);
  assert.notEqual(extractedRelationKey('s', 'b.txt', sha, ['place:江津区', 'company:瑞达科技']), key);
  assert.notEqual(extractedRelationKey('s', 'a.txt', 'e'.repeat(64), ['place:江津区', 'company:瑞达科技']), key);
  // resolution joined a mention to another entity, or the entities come in another order: found again
  assert.notEqual(extractedRelationKey('s', 'a.txt', sha, ['place:江津', 'company:瑞达科技']), key);
  assert.notEqual(extractedRelationKey('s', 'a.txt', sha, ['company:瑞达科技', 'place:江津区']), key);
  assert.notEqual(extractedRelationKey('s', 'a.txt', sha, ['place:江津区company:瑞达科技']), key);
  assert.equal(extractedRelationKey('s', 'a.txt', sha, ['place:江津区', 'company:瑞达科技']), key);
  // another store folder (other extraction code or model) is another key
  assert.notEqual(extractedRelationKey('t', 'a.txt', sha, ['place:江津区', 'company:瑞达科技']), key);
  // the entities of its units, in their order, are another list than those of its mentions
  assert.deepEqual(unitEntities(Int32Array.from([0, 1, 0, 2, 1]), ['x', 'place:江津区', 'company:瑞达科技', 'place:江津区', 'place:重庆市', 'company:瑞达科技'], 1), ['place:江津区', 'company:瑞达科技', 'place:重庆市']);
  assert.notEqual(extractedRelationKey('s', 'a.txt', sha, ['place:江津区', 'company:瑞达科技'], 'unit'), key);
});

test("the cache's records are kept through a change to the resolution across articles, and made again after a change to a stage that makes them", () => {
  const root = tempDir();
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('extract/rules.ts', 'export const a = 1;');
  write('resolve/units.ts', 'export const b = 1;');
  write('resolve/index.ts', 'export const c = 1;');
  const scope = () => hashStages(createHash('sha256'), ['extract', 'resolve'], root).digest('hex');
  const first = scope();
  write('resolve/index.ts', 'export const c = 2;');
  assert.equal(scope(), first);
  write('resolve/units.ts', 'export const b = 2;');
  const second = scope();
  assert.notEqual(second, first);
  write('extract/rules.ts', 'export const a = 2;');
  assert.notEqual(scope(), second);
});

test("a document's relations come back from the cache as they were put, those that share a sentence sharing its evidence", () => {
  const cacheDir = join(tempDir(), '.kg-cache');
  let store = DocStore.open(cacheDir);
  const sentence = { doc: 'a.txt', start: 3, end: 20, sentence: '瑞达科技有限公司落户双福工业园。' };
  const relations = [
    { head: 'company:瑞达科技', tail: 'industrial-park:双福工业园', relation: 'located-in' as const, evidence: [sentence], derived: false },
    { head: 'industrial-park:双福工业园', tail: 'place:江津区', relation: 'located-in' as const, evidence: [sentence, { doc: 'b.txt', start: 0, end: 9, sentence: '双福工业园在江津区。' }], derived: true },
  ];
  store.putRelations('k1', relations);
  assert.equal(store.getRelations('k2'), undefined);
  // kept by the build that put them, for the next build
  store.keepRelations();
  store.close();
  store = DocStore.open(cacheDir);
  assert.deepEqual(store.getRelations('k1'), relations);
  assert.equal(store.getRelations('k2'), undefined);
  const [a, b] = store.getRelations('k1')!;
  assert.equal(a!.evidence[0], b!.evidence[0], 'the relations that share a sentence share its evidence');
});

test("a cached article's info and mentions are read from its record's first line, without its text", () => {
  const doc = documentFromText('a.txt', '2024年3月5日\n瑞达科技有限公司落户双福工业园。');
  const mention = { doc: 'a.txt', start: 11, end: 19, text: '瑞达科技有限公司', sentence: 1, type: 'company' as const, nstart: 11, nend: 19, rule: 'test' };
  const store = DocStore.open(join(tempDir(), '.kg-cache'));
  writeRecord(store.dir, recordOf(doc, [mention]));
  const file = join(store.dir, `${doc.sha256}.json`);
  // the text goes after the head: a record cut after its first line still gives the head
  writeFileSync(file, readFileSync(file, 'utf8').split('\n')[0]!);
  const head = store.getHead(doc.sha256);
  assert.ok(head && !('skip' in head));
  assert.deepEqual(infoOf(head, 'a.txt', 'a.txt'), documentInfo(doc));
  assert.deepEqual(mentionsOf(head, 'a.txt').map((m) => ({ ...m })), [mention]);
  // the record whole is damaged: get() gives nothing, and a build reads the file again (below)
  assert.equal(store.get(doc.sha256), undefined);
  // a head longer than one read
  const many = Array.from({ length: 2000 }, (_, i) => ({ ...mention, start: i, sentence: i }));
  writeRecord(store.dir, recordOf(doc, many));
  const long = store.getHead(doc.sha256);
  assert.ok(long && !('skip' in long) && long.mentions.length === 2000 && readFileSync(file).indexOf('\n') > 64 * 1024);
  assert.equal((store.get(doc.sha256) as { text: string }).text, doc.text);
  // an alias, an implied name, both, empty ones: each read back as written, under the id it is read for
  const marked = [
    { ...mention, aliasOf: '瑞达科技有限公司', text: '瑞达' },
    { ...mention, type: 'organization' as const, implied: '区政府', rule: 'implied' },
    { ...mention, aliasOf: '甲', implied: '乙' },
    { ...mention, aliasOf: '' },
    { ...mention, implied: '' },
  ];
  writeRecord(store.dir, recordOf(doc, marked));
  const again = store.getHead(doc.sha256);
  assert.ok(again && !('skip' in again));
  assert.deepEqual(mentionsOf(again, 'b.txt').map((m) => ({ ...m })), marked.map((m) => ({ ...m, doc: 'b.txt' })));
});

test('the same bytes in an .html and a .txt file are read two ways, and the cache keeps the two readings apart', async () => {
  const [a] = generateArticles({ documents: 1, sentences: 12, seed: 3 });
  const page = `<html><head><title>园区新闻</title></head><body><p>${a!.text.split('\n').join('</p><p>')}</p></body></html>`;
  const dir = writeCorpus({ 'a.html': page, 'b.txt': page });
  const cacheDir = join(tempDir(), '.kg-cache');
  const full = await graphJson(dir);
  const infos = (JSON.parse(full) as { attributes: { documents: DocumentInfo[] } }).attributes.documents;
  // the page's text without its tags, and the file's text with them
  assert.ok(infos[0]!.chars < infos[1]!.chars, JSON.stringify(infos));
  assert.equal(await graphJson(dir, { cacheDir }), full);
  const cached = await build([dir], { ...FIXED, cacheDir });
  assert.equal(cached.summary.cached, 2);
  assert.equal(JSON.stringify(cached.graph.export()), full);
  // a page with no text is skipped, and remembered so; the same bytes as a text file are a text
  const empty = '<html><body><script>var x = 1;</script></body></html>';
  const both = writeCorpus({ 'c.html': empty, 'd.txt': empty });
  const bothCache = join(tempDir(), '.kg-cache');
  for (let i = 0; i < 2; i++) {
    const { graph, summary } = await build([both], { ...FIXED, cacheDir: bothCache });
    assert.deepEqual([summary.documents, summary.skipped, summary.cached], [1, 1, i === 0 ? 0 : 1], `build ${i + 1}`);
    assert.deepEqual((graph.getAttribute('documents') as DocumentInfo[]).map((d) => d.id), ['d.txt']);
  }
});

test('a damaged cache record is ignored and extracted again', async () => {
  const dir = writeCorpus(corpus(3));
  const cacheDir = join(tempDir(), '.kg-cache');
  const clean = await graphJson(dir, { cacheDir });
  const [version] = readdirSync(cacheDir);
  const [record] = readdirSync(join(cacheDir, version!)).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
  // the records' heads are read from the heads file: without it, from the records
  for (const n of readdirSync(join(cacheDir, version!))) if (n.startsWith('heads-')) rmSync(join(cacheDir, version!, n));
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
  // every record keeps its head and loses its text; no relations are kept, so each document is read
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (name.startsWith('relations-')) rmSync(file);
    else if (name.endsWith('.json')) writeFileSync(file, readFileSync(file, 'utf8').split('\n')[0]!);
  }
  const { graph, summary } = await build([dir], { ...FIXED, cacheDir });
  assert.equal(summary.cached, 3);
  assert.equal(JSON.stringify(graph.export()), clean);
  // the damaged records went (though the heads files still name them): extracted anew, then cached
  const next = await build([dir], { ...FIXED, cacheDir });
  assert.equal(next.summary.cached, 0);
  assert.equal(JSON.stringify(next.graph.export()), clean);
  assert.equal((await build([dir], { ...FIXED, cacheDir })).summary.cached, 3);
});

test('closing the worker pool waits for the articles handed to the workers and starts no more', { timeout: 120_000 }, async () => {
  const { createExtractor, TASKS_PER_WORKER } = await import('../src/corpus/pool.js');
  const pool = createExtractor(2);
  assert.equal(pool.capacity, 2 * TASKS_PER_WORKER);
  const articles = generateArticles({ documents: pool.capacity + 1, sentences: 200, seed: 9 });
  const dir = writeCorpus(Object.fromEntries(articles.map((a) => [a.name, a.text])));
  const storeDir = tempDir();
  const task = (i: number) => ({ path: join(dir, articles[i]!.name), id: articles[i]!.name, storeDir, model: null });
  // each worker's queue full: one article in progress, the next waiting in the worker
  const running = Array.from({ length: pool.capacity }, (_, i) => pool.run(task(i)));
  const queued = assert.rejects(pool.run(task(pool.capacity)), /closing/); // was waiting for a free place
  const closed = pool.close();
  // the ones handed out finish, each with its own article; the one waiting never starts; nothing hangs
  const outcomes = await Promise.all(running);
  outcomes.forEach((outcome, i) => assert.ok(outcome.kind === 'doc' && outcome.info.id === articles[i]!.name, `task ${i} answered with its own article`));
  await queued;
  await closed;
  await assert.rejects(pool.run(task(0)), /closing/);
});

test('one worker process, started with the model it loads at once, extracts as the build\'s own process does; closing it as it starts waits for it', { timeout: 120_000 }, async () => {
  const { createExtractor } = await import('../src/corpus/pool.js');
  const { DEFAULT_MODEL } = await import('../src/tagger/paths.js');
  const [a] = generateArticles({ documents: 1, sentences: 30, seed: 4 });
  const dir = writeCorpus({ [a!.name]: a!.text });
  const task = { path: join(dir, a!.name), id: a!.name, storeDir: tempDir(), model: DEFAULT_MODEL, keep: true };
  const inProcess = createExtractor(1);
  const own = await inProcess.run(task);
  await inProcess.close();
  const pool = createExtractor(1, { processes: true, model: DEFAULT_MODEL });
  const there = await pool.run(task);
  await pool.close();
  assert.equal(own.kind, 'doc');
  assert.ok(own.kind === 'doc' && own.mentions.length > 0);
  // (the times apart: each its own; the worker process loaded jieba and the model before the
  // article, where this process, which earlier tests had load them, found them loaded)
  assert.ok(there.times.load > 0);
  assert.deepEqual(JSON.parse(JSON.stringify({ ...there, times: 0 })), JSON.parse(JSON.stringify({ ...own, times: 0 })));
  // stopped while it loads jieba and the model: no abort, no hang
  const early = createExtractor(1, { processes: true, model: DEFAULT_MODEL });
  await early.close();
  await assert.rejects(early.run(task), /closing/);
});

test("a worker process asks glibc's malloc for huge pages, unless the user's GLIBC_TUNABLES say otherwise, and keeps the user's other tunables", async () => {
  const { hugePagesEnv } = await import('../src/corpus/heap.js');
  assert.equal(hugePagesEnv({ PATH: '/bin' }).GLIBC_TUNABLES, 'glibc.malloc.hugetlb=1');
  assert.equal(hugePagesEnv({ PATH: '/bin' }).PATH, '/bin');
  assert.equal(hugePagesEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES, 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  assert.equal(hugePagesEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).GLIBC_TUNABLES, 'glibc.malloc.hugetlb=0');
  // and a worker process is started with it (its environment read where Linux shows it)
  if (process.platform !== 'linux' || process.env.GLIBC_TUNABLES) return;
  const { startWorker } = await import('../src/corpus/spawn.js');
  const w = startWorker(undefined);
  const seen = await new Promise<string | undefined>((resolve, reject) => {
    w.once('error', reject);
    w.once('spawn', () => resolve(readFileSync(`/proc/${w.pid}/environ`, 'utf8').split('\0').find((v) => v.startsWith('GLIBC_TUNABLES='))));
  });
  w.kill();
  assert.equal(seen, 'GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
});

test('a worker process started ahead of the build is the pool\'s first worker, or is stopped; one that cannot load its model exits without a word', { timeout: 120_000 }, async () => {
  const { createExtractor } = await import('../src/corpus/pool.js');
  const { EarlyWorker } = await import('../src/corpus/spawn.js');
  type Process = import('node:child_process').ChildProcess;
  const [a] = generateArticles({ documents: 1, sentences: 20, seed: 6 });
  const dir = writeCorpus({ [a!.name]: a!.text });
  const task = { path: join(dir, a!.name), id: a!.name, storeDir: tempDir(), model: null };
  const processOf = (early: InstanceType<typeof EarlyWorker>) => early.process!;
  const ended = (w: Process) => w.exitCode !== null || w.signalCode !== null;
  const exited = (w: Process) => new Promise<void>((resolve) => (ended(w) ? resolve() : w.once('exit', () => resolve())));
  // taken once it said it is ready (as a rebuild's is, by the time its articles are hashed): the
  // pool extracts with it, and stops it when closed
  const taken = new EarlyWorker(null);
  const tw = processOf(taken);
  await new Promise<void>((resolve) => tw.on('message', (m: { ready?: true }) => m?.ready && resolve()));
  const pool = createExtractor(1, { processes: true, model: null, early: taken });
  assert.equal(taken.take(null), undefined, 'the pool took it');
  let replies = 0;
  tw.on('message', (m: { ready?: true }) => (m?.ready ? undefined : replies++));
  const outcome = await pool.run(task);
  assert.ok(outcome.kind === 'doc' && outcome.mentions.length > 0);
  assert.ok(replies > 0, 'the worker started ahead extracted the article');
  assert.equal(ended(tw), false, 'still running until the pool is closed');
  await pool.close();
  await exited(tw);
  // not needed (one worker in the build's own process): stopped
  const unused = new EarlyWorker(null);
  const uw = processOf(unused);
  await createExtractor(1, { model: null, early: unused }).close();
  await exited(uw);
  assert.equal(uw.signalCode, 'SIGTERM');
  // for another model: stopped, and the pool starts its own
  const other = new EarlyWorker(null);
  const ow = processOf(other);
  assert.equal(other.take('/some/other.model'), undefined);
  await exited(ow);
  assert.equal(ow.signalCode, 'SIGTERM');
  // a model it cannot load: it exits with code 1 and writes nothing (the build reports the model in one line)
  const bad = join(tempDir(), 'broken.model');
  writeFileSync(bad, 'not a model');
  const worker = fileURLToPath(new URL('../src/corpus/worker.ts', import.meta.url));
  const quiet = spawnSync(process.execPath, ['--import', 'tsx', worker, JSON.stringify({ model: bad, quiet: true })], { encoding: 'utf8' });
  assert.equal(quiet.status, 1);
  assert.equal(quiet.stderr, '');
  const loud = spawnSync(process.execPath, ['--import', 'tsx', worker, JSON.stringify({ model: bad })], { encoding: 'utf8' });
  assert.notEqual(loud.stderr, '', 'a pool\'s own worker says why');
});
