// Relations decided where an article was extracted, with its mentions resolved within it: the
// build takes them only when the corpus's resolution splits the article's mentions the same way,
// and the graph is the same as when the build's process links every document itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../src/build.js';
import { graphFromCorpus, buildGraphFromDocuments } from '../src/pipeline.js';
import { localRelations, relationsUnderCorpusIds, type LocalRelations } from '../src/corpus/local-relations.js';
import { documentFromText, documentInfo } from '../src/ingest/index.js';
import { findMentions } from '../src/tagger/index.js';
import { DEFAULT_MODEL } from '../src/tagger/paths.js';
import { loadModels } from '../src/model-file.js';
import { resolve } from '../src/resolve/index.js';
import { linkDocument } from '../src/linker/index.js';
import { mergeRelations } from '../src/relate/index.js';
import { generateArticles } from '../bench/generate.js';
import { tempDir, writeCorpus } from './helpers.js';
import type { Relation } from '../src/types.js';

const FIXED = { layoutIterations: 0, builtAt: '2026-01-01T00:00:00.000Z' } as const;
const SEEDS = fileURLToPath(new URL('../data/corpus/', import.meta.url));
const linker = loadModels(DEFAULT_MODEL).linker!;

const ARTICLE = '重庆润通科技有限公司落户江津区双福工业园。润通科技董事长张大军表示，公司将扩大产能。\n双福工业园位于江津区。';

test('relations linked within an article carry the corpus ids when the corpus splits its mentions alike', () => {
  const doc = documentFromText('a.txt', ARTICLE);
  const mentions = findMentions(doc, DEFAULT_MODEL);
  const local = localRelations(doc, mentions, linker);
  assert.ok(local.relations.length > 0, 'the article states relations');
  // the corpus's ids: the article's own entities renamed, as another article's longer name would,
  // and in another order than the article's own ids
  const { entityOf } = resolve(mentions);
  const order = [...new Set(entityOf)].sort().reverse();
  const renamed = entityOf.map((id) => `organization:${String.fromCharCode(0x4e00 + order.indexOf(id))}`);
  const expected = linkDocument(doc, mentions.map((m, j) => ({ ...m, entity: renamed[j]! })), linker);
  const taken = relationsUnderCorpusIds(local, doc.id, renamed);
  assert.ok(taken);
  // each relation once, its sentences merged as the corpus merges them
  assert.deepEqual(mergeRelations(taken), mergeRelations(expected));
  assert.equal(new Set(taken.map((r) => `${r.head} ${r.relation} ${r.tail}`)).size, taken.length);
});

test('relations linked within an article are not taken when the corpus joins two of its entities or splits one', () => {
  const local: LocalRelations = {
    entityOf: Int32Array.of(0, 1, 0),
    relations: Int32Array.of(0, 1, 0, 0, 1, 0),
    spans: Int32Array.of(0, 10),
    sentences: ['甲公司落户乙园。'],
  };
  assert.deepEqual(relationsUnderCorpusIds(local, 'a.txt', ['company:甲', 'industrial-park:乙', 'company:甲']), [
    { head: 'company:甲', tail: 'industrial-park:乙', relation: 'located-in', evidence: [{ doc: 'a.txt', start: 0, end: 10, sentence: '甲公司落户乙园。' }], derived: false },
  ]);
  assert.equal(relationsUnderCorpusIds(local, 'a.txt', ['company:甲', 'company:甲', 'company:甲']), undefined, 'two entities of the article are one in the corpus');
  assert.equal(relationsUnderCorpusIds(local, 'a.txt', ['company:甲', 'industrial-park:乙', 'company:丙']), undefined, 'one entity of the article is two in the corpus');
  assert.equal(relationsUnderCorpusIds(local, 'a.txt', ['company:甲', 'industrial-park:乙']), undefined, 'another number of mentions');
});

test('a build whose workers link the articles gives the graph the build process gives linking them itself', async () => {
  const files: Record<string, string> = { 'a.txt': ARTICLE };
  // the seed articles, with their layout breaks, bylines and credits
  for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) files[name] = readFileSync(join(SEEDS, name), 'utf8');
  for (const a of generateArticles({ documents: 6, sentences: 12, seed: 11 })) files[a.name] = a.text;
  const dir = writeCorpus(files);
  // with a cache the articles' texts are not kept in memory: the workers link them
  const two = await build([dir], { ...FIXED, workers: 2, cacheDir: join(tempDir(), '.kg-cache') });
  const docs = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => documentFromText(name, text));
  const inMemory = buildGraphFromDocuments(docs, FIXED);
  assert.ok(two.graph.size > 5, 'relations were found');
  const { nodes, edges } = two.graph.export();
  const expected = inMemory.export();
  assert.equal(JSON.stringify(edges), JSON.stringify(expected.edges));
  assert.equal(JSON.stringify(nodes), JSON.stringify(expected.nodes));
  // without one, worker processes send the articles back and link them too
  const kept = (await build([dir], { ...FIXED, workers: 2 })).graph.export();
  assert.equal(JSON.stringify(kept.edges), JSON.stringify(expected.edges));
  assert.equal(JSON.stringify(kept.nodes), JSON.stringify(expected.nodes));
});

test("relations linked by the workers are taken as they are, without reading an article back", () => {
  const docs = [documentFromText('a.txt', ARTICLE), documentFromText('b.txt', '江津区双福工业园引进重庆润通科技有限公司。')];
  const mentions = docs.map((d) => findMentions(d, DEFAULT_MODEL));
  const infos = docs.map(documentInfo);
  const plain = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]! }, { ...FIXED, linker });
  const local = mentions.map((ms, i) => localRelations(docs[i]!, ms, linker));
  const noText = (i: number): never => {
    throw new Error(`article ${i} read back`);
  };
  const taken = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: noText, local }, { ...FIXED, linker });
  assert.ok(plain.size > 0);
  assert.equal(JSON.stringify(taken.export()), JSON.stringify(plain.export()));
});

test('relations linked with a partition the corpus does not give are linked again: the graph does not change', () => {
  const docs = [documentFromText('a.txt', ARTICLE), documentFromText('b.txt', '江津区双福工业园引进重庆润通科技有限公司。')];
  const mentions = docs.map((d) => findMentions(d, DEFAULT_MODEL));
  const infos = docs.map(documentInfo);
  const plain = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]! }, { ...FIXED, linker });
  // a worker's relations made with every mention of the article as one entity (no corpus splits it so)
  const wrong = mentions.map((ms, i) => {
    const local = localRelations(docs[i]!, ms, linker);
    return { ...local, entityOf: local.entityOf.map(() => 0) };
  });
  const taken = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]!, local: wrong }, { ...FIXED, linker });
  assert.ok(plain.size > 0);
  assert.equal(JSON.stringify(taken.export()), JSON.stringify(plain.export()));
});

test("the relations of a document the build's process links are kept in the cache each once with its sentences, as a worker's are, and give the same graph", () => {
  const docs = [documentFromText('a.txt', ARTICLE), documentFromText('b.txt', '江津区双福工业园引进重庆润通科技有限公司。润通科技在双福工业园扩产。')];
  const mentions = docs.map((d) => findMentions(d, DEFAULT_MODEL));
  const infos = docs.map(documentInfo);
  const plain = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]! }, { ...FIXED, linker });
  const kept = new Map<string, Relation[]>();
  const relationCache = { scope: 's', get: (k: string) => kept.get(k), put: (k: string, rs: Relation[]) => void kept.set(k, rs), keep: (k: string) => kept.has(k) };
  const cached = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]! }, { ...FIXED, linker, relationCache });
  assert.equal(kept.size, docs.length);
  for (const list of kept.values()) assert.equal(new Set(list.map((r) => `${r.head} ${r.relation} ${r.tail}`)).size, list.length);
  // the linker finds some relations more than once in the article (one per pair of mentions)
  const found = docs.map((d, i) => linkDocument(d, mentions[i]!.map((m, j) => ({ ...m, entity: resolve(mentions[i]!).entityOf[j]! })), linker));
  assert.ok(found.some((list) => new Set(list.map((r) => `${r.head} ${r.relation} ${r.tail}`)).size < list.length), 'a relation found twice in an article');
  assert.ok(plain.size > 0);
  assert.equal(JSON.stringify(cached.export()), JSON.stringify(plain.export()));
  // and read back from the cache the next time
  const again = graphFromCorpus({ infos, mentions: mentions.map((ms) => [...ms]), document: (i) => docs[i]! }, { ...FIXED, linker, relationCache });
  assert.equal(JSON.stringify(again.export()), JSON.stringify(plain.export()));
});
