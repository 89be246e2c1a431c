// The serialised graph is a contract other tools read: its schema, determinism and atomic writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildRecords } from '../src/build.js';
import { writeFileAtomic, writeGraphFile, writeGraphFileOverlapped } from '../src/graph/write.js';
import { jsonPieces } from '../src/graph/json-pieces.js';
import { parseGraph, readGraphFile } from '../src/graph/read.js';
import { ENTITY_TYPES, RELATION_TYPES, type Entity, type Mention, type Relation } from '../src/types.js';
import { buildGraph, graphOf, graphRecords } from '../src/graph/build.js';
import { LaterMentions } from '../src/graph/lazy-mentions.js';
import { mentionCount } from '../src/graph/skeleton.js';
import { EntityMentions, type MentionRows } from '../src/mentions.js';
import { articleUnits, resolveArticles } from '../src/resolve/index.js';
import { compareCodeUnits } from '../src/strings.js';
import { tempDir, writeCorpus } from './helpers.js';

const CORPUS = {
  'news/one.txt': '江津区双福工业园重庆宏远机械股份有限公司今年产值增长两成。区委书记唐大军到企业调研。',
  'news/two.txt': '宏远机械扩建项目落户双福工业园。江津区加快打造装备制造产业集群。',
};

test('nodes and edges carry the documented attributes', async () => {
  const { graph } = await build([writeCorpus(CORPUS)], { layoutIterations: 20 });
  const data = graph.export() as any;
  assert.ok(data.nodes.length > 0 && data.edges.length > 0);
  for (const n of data.nodes) {
    const a = n.attributes;
    assert.equal(typeof a.label, 'string');
    assert.ok((ENTITY_TYPES as readonly string[]).includes(a.entityType), a.entityType);
    assert.ok(Array.isArray(a.aliases) && a.aliases.includes(a.label));
    assert.ok(a.mentions.length > 0);
    for (const m of a.mentions) assert.deepEqual(Object.keys(m).sort(), ['doc', 'end', 'sentence', 'start', 'text']);
    for (const k of ['x', 'y', 'size']) assert.ok(Number.isFinite(a[k]), `${k} is a number`);
    assert.match(a.color, /^#[0-9a-f]{6}$/);
    assert.equal(a.type, undefined, 'sigma reads `type` as its render program: the entity type is entityType');
  }
  for (const e of data.edges) {
    const a = e.attributes;
    assert.ok((RELATION_TYPES as readonly string[]).includes(a.relation));
    assert.equal(typeof a.derived, 'boolean');
    assert.equal(a.weight, a.evidence.length);
    if (!a.derived) assert.ok(a.evidence.length > 0, 'stated edges have evidence');
  }
  const docs = data.attributes.documents;
  assert.deepEqual(docs.map((d: any) => d.id), ['news/one.txt', 'news/two.txt'], 'doc ids are paths relative to the input root');
  for (const d of docs) assert.match(d.sha256, /^[0-9a-f]{64}$/);
  assert.equal(data.attributes.generator.name, 'kg');
  assert.ok(!Number.isNaN(Date.parse(data.attributes.builtAt)));
});

test('a mention is found again in several documents as one node with all its mentions', async () => {
  const { graph } = await build([writeCorpus(CORPUS)], { layoutIterations: 0 });
  const park = graph.findNode((_k: string, a: any) => a.label === '双福工业园');
  assert.ok(park);
  const docs = new Set((graph.getNodeAttribute(park, 'mentions') as any[]).map((m) => m.doc));
  assert.deepEqual([...docs].sort(), ['news/one.txt', 'news/two.txt']);
});

test('the same input gives the same graph, apart from builtAt', async () => {
  const dir = writeCorpus(CORPUS);
  const a = (await build([dir], { layoutIterations: 50, builtAt: 'T' })).graph.export();
  const b = (await build([dir], { layoutIterations: 50, builtAt: 'T' })).graph.export();
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

test('edges come in the code-unit order of head, relation and tail, whatever order they were found in', () => {
  // ids where one is the start of another, Chinese and ASCII, given out of order
  const ids = ['place:江津区', 'company:宏远机械', 'place:江津', 'company:宏远', 'company:Z', 'industrial-park:双福工业园', 'place:江津区双福'];
  const entities: Entity[] = ids.map((id) => ({ id, label: id.slice(id.indexOf(':') + 1), type: id.slice(0, id.indexOf(':')) as Entity['type'], aliases: [], mentions: [] }));
  const ev = [{ doc: 'd', start: 0, end: 1, sentence: 's' }];
  const relations: Relation[] = [];
  // one edge per pair (a simple graph), the relations mixed
  ids.forEach((head, i) => ids.forEach((tail, j) => {
    if (i !== j) relations.push({ head, tail, relation: RELATION_TYPES[(i + 2 * j) % 3]!, evidence: ev, derived: false });
  }));
  relations.reverse();
  relations.push({ head: 'company:宏远', tail: 'place:nowhere', relation: 'located-in', evidence: ev, derived: false });
  const keysOf = (all: Entity[]) => buildGraph(all, relations, [], { layoutIterations: 0, builtAt: 'now', generator: { name: 'kg', version: '0' } }).mapEdges((_e, a, s, t) => `${s}\u0000${a.relation}\u0000${t}`);
  const keys = keysOf(entities);
  assert.equal(keys.length, relations.length - 1, 'a relation whose end is no entity is left out');
  assert.deepEqual(keys, [...keys].sort(compareCodeUnits));
  // among many more entities (a rebuild's few edges made again), the same order
  const many = [...entities, ...Array.from({ length: 1500 }, (_, i): Entity => ({ id: `project:项目${i}`, label: `项目${i}`, type: 'project', aliases: [], mentions: [] }))];
  assert.deepEqual(keysOf(many), keys);
  // the entities in id order (as resolution hands them): the same; two alike fail, in order or not
  const byId = (all: Entity[]) => [...all].sort((a, b) => compareCodeUnits(a.id, b.id));
  const inOrder = byId(entities);
  assert.deepEqual(keysOf(inOrder), keys);
  assert.deepEqual(keysOf(byId(many)), keys);
  assert.throws(() => keysOf([...inOrder.slice(0, 2), inOrder[1]!, ...inOrder.slice(2)]), /two entities with the id/);
  assert.throws(() => keysOf([...entities, entities[0]!]), /two entities with the id/);
});

test('writes are atomic: the target is replaced whole and no temporary file is left', () => {
  const dir = tempDir();
  const target = join(dir, 'out', 'graph.json');
  writeFileAtomic(target, '{"old":true}');
  writeFileAtomic(target, '{"new":true}');
  assert.equal(readFileSync(target, 'utf8'), '{"new":true}');
  // more than one write call's worth, in characters of three bytes
  const long = `"${'园'.repeat(700_000)}"`;
  writeFileAtomic(target, long);
  assert.equal(readFileSync(target, 'utf8'), long);
  // a long text is encoded in pieces: a character outside the BMP (a surrogate pair) at any
  // offset around where a piece ends is written whole, as Buffer.from encodes it
  for (let shift = 0; shift < 4; shift++) {
    const astral = `${'a'.repeat(87_381 - shift)}${'𠮷'.repeat(120_000)}`;
    writeFileAtomic(target, astral);
    assert.ok(readFileSync(target).equals(Buffer.from(astral, 'utf8')), `shift ${shift}`);
  }
  assert.deepEqual(readdirSync(join(dir, 'out')), ['graph.json']);
});

test('large JSON is written in pieces that make up exactly what JSON.stringify gives', () => {
  class Lazy {
    toJSON() {
      return ['made', 'when', 'written'];
    }
  }
  const bare = Object.create(null) as Record<string, unknown>;
  bare.b = 1;
  bare.a = [2, undefined];
  const long = (n: number) => Array.from({ length: n }, (_, i) => (i % 5 === 0 ? { i, label: `园${i}`, skip: undefined } : i % 5 === 1 ? null : i % 5 === 2 ? undefined : i % 5 === 3 ? '𠮷"\\' : i + 0.5));
  const values: unknown[] = [
    {},
    [],
    { a: long(4096), b: long(4097), c: long(8192), d: long(10_001), '2': 'an index-like key', 1: 'first' },
    { skipped: undefined, fn: () => 1, lazy: new Lazy(), bare, nested: { deeper: { list: long(5000), empty: [] } }, at: new Date(0) },
    // a toJSON is handed its key (an item's index in the whole list), and one that gives undefined leaves its key out
    { keyed: { toJSON: (k: string) => `under ${k}` }, gone: { toJSON: () => undefined }, after: 1 },
    { list: Array.from({ length: 5000 }, (_, i) => (i % 1000 === 999 ? { toJSON: (k: string) => k } : i)) },
    long(12_345),
    'a string',
    42,
  ];
  for (const value of values) {
    const pieces: string[] = [];
    jsonPieces(value, (p) => pieces.push(p));
    assert.equal(pieces.join(''), JSON.stringify(value));
  }
  // a long list is handed out in several pieces, none of them the whole
  const pieces: string[] = [];
  jsonPieces({ list: long(20_000) }, (p) => pieces.push(p));
  assert.ok(pieces.length > 4 && Math.max(...pieces.map((p) => p.length)) < JSON.stringify(long(20_000)).length / 3);
});

test('a graph written while its skeleton is worked out: a rename that fails leaves what was there and no temporary file', async () => {
  const { graph } = await build([writeCorpus(CORPUS)], { layoutIterations: 0 });
  const dir = tempDir();
  // a folder where the graph file would go: the rename over it fails
  const target = join(dir, 'graph.json');
  mkdirSync(join(target, 'inside'), { recursive: true });
  await assert.rejects(writeGraphFileOverlapped(target, graph, { skeleton: true }));
  assert.deepEqual(readdirSync(dir).sort(), ['graph.json']);
  assert.deepEqual(readdirSync(target), ['inside']);
  // to a file: the bytes writeGraphFile writes, and the skeleton
  const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
  writeGraphFile(a, graph, { skeleton: true });
  await writeGraphFileOverlapped(b, graph, { skeleton: true });
  assert.ok(readFileSync(a).equals(readFileSync(b)));
  assert.ok(existsSync(join(dir, 'b.skeleton.json')));
});

test('the graph file is written piece by piece, byte for byte what graph.export() serialises to', async () => {
  const { graph } = await build([writeCorpus(CORPUS)], { layoutIterations: 20 });
  graph.addNode('bare'); // no attributes: graphology leaves the key alone
  graph.addDirectedEdgeWithKey('bare->x', 'bare', graph.nodes()[0]!);
  // a record longer than the writer's buffer, and a file of several write calls
  graph.addNode('long', { note: '园'.repeat(500_000) });
  // and graph attributes longer than it, characters outside the BMP among them, around where its pieces end
  graph.setAttribute('note', `${'b'.repeat(349_500)}${'𠮷'.repeat(400_000)}`);
  const dir = tempDir();
  writeGraphFile(join(dir, 'g.json'), graph);
  assert.ok(readFileSync(join(dir, 'g.json')).equals(Buffer.from(JSON.stringify(graph.export()), 'utf8')));
  assert.deepEqual(readdirSync(dir), ['g.json']);
});

test('kg build writes the graph from its records: the same bytes and skeleton as the library graph gives', async () => {
  const dir = writeCorpus(CORPUS);
  for (const layoutIterations of [0, 20]) {
    const { records } = await buildRecords([dir], { layoutIterations, builtAt: 'T' });
    const { graph } = await build([dir], { layoutIterations, builtAt: 'T' });
    assert.equal(JSON.stringify(records), JSON.stringify(graph.export()), `layoutIterations ${layoutIterations}`);
    // the library's graph holds a node's mentions with the graph's fields alone, as a file read back does
    graph.forEachNode((_n, a) => {
      for (const m of a.mentions as object[]) assert.deepEqual(Object.keys(m).filter((k) => k !== 'implied'), ['doc', 'start', 'end', 'text', 'sentence']);
    });
    const out = tempDir();
    writeGraphFile(join(out, 'records.json'), records, { skeleton: true });
    writeGraphFile(join(out, 'graph.json'), graph, { skeleton: true });
    assert.equal(readFileSync(join(out, 'records.json'), 'utf8'), JSON.stringify(graph.export()));
    const skeleton = (f: string) => {
      const s = JSON.parse(readFileSync(join(out, f), 'utf8'));
      delete s.graph; // stamped with its own file's size, time and inode
      return s;
    };
    assert.ok(skeleton('records.skeleton.json').nodes.at.length > 0);
    assert.deepEqual(skeleton('records.skeleton.json'), skeleton('graph.skeleton.json'));
  }
});

test('reading a broken graph file names the file and the fault', () => {
  const dir = tempDir();
  const truncated = join(dir, 'truncated.json');
  writeFileSync(truncated, '{"nodes": [');
  assert.throws(() => readGraphFile(truncated), (e: Error) => e.message.startsWith(`${truncated}: not valid JSON`));
  assert.throws(() => readGraphFile(join(dir, 'missing.json')), /missing\.json: no such file/);
  assert.throws(
    () => parseGraph({ nodes: [{ key: 'a', attributes: { label: 'A', entityType: 'firm', aliases: [], mentions: [] } }], edges: [] }, 'g.json'),
    /g\.json: nodes\[0\] \(a\) has unknown entityType "firm"/,
  );
  assert.ok(!existsSync(join(dir, 'missing.json')));
});

test("a node's mentions left to be made: the same record and graph, counted without making them, made only when serialised", () => {
  const m = (doc: string, start: number, text: string, type: Mention['type'] = 'organization'): Mention => ({ doc, start, end: start + text.length, text, sentence: 0, type, nstart: start, nend: start + text.length, rule: 'tagger' });
  const a = [m('a', 0, '高新区管委会'), m('a', 10, '某某科技有限公司', 'company'), m('a', 30, '高新区管委会')];
  const b = [m('b', 5, '某某科技有限公司', 'company'), m('b', 20, '江津区', 'place')];
  // article b as rows: its mentions made on request, counted
  let made = 0;
  const rows: MentionRows = {
    length: b.length,
    at: (j) => {
      made++;
      return { ...b[j]! };
    },
    nameAt: (j, into) => Object.assign(into, { text: b[j]!.text, type: b[j]!.type, rule: b[j]!.rule }),
  };
  const options = { layoutIterations: 0, builtAt: 'now', generator: { name: 'kg', version: '0' } };
  // (articles without mentions between them, a list and rows: each mention found in its own article)
  const none: MentionRows = { length: 0, at: () => assert.fail('no mention'), nameAt: () => assert.fail('no mention') };
  const eager = resolveArticles([{ doc: 'a', mentions: a }, { doc: 'e', mentions: [] }, { doc: 'f', mentions: [] }, { doc: 'b', mentions: b }]);
  const expected = graphRecords(eager.entities, [], [], options);
  // (with its units, as a cache keeps them: else they are worked out from its mentions)
  const units = articleUnits([[], b]);
  const articles = [a, [], none, rows];
  const lazy = resolveArticles([{ doc: 'a', mentions: a }, { doc: 'e', mentions: [] }, { doc: 'f', mentions: none, units: units[0]! }, { doc: 'b', mentions: rows, units: units[1]! }], { listMentions: false });
  assert.deepEqual(lazy.entityIndex, eager.entityIndex);
  assert.ok(lazy.entities.every((e) => e.mentions.length === 0), 'resolution made no list');
  const records = graphRecords(lazy.entities, [], [], { ...options, mentions: new EntityMentions(articles, lazy.entityIndex, lazy.entities.length) });
  assert.equal(made, 0, 'no mention made by resolution or the records');
  assert.deepEqual(records.nodes.map((n) => mentionCount(n.attributes!)), expected.nodes.map((n) => (n.attributes!.mentions as unknown[]).length));
  assert.deepEqual(records.nodes.map((n) => n.attributes!.size), expected.nodes.map((n) => n.attributes!.size));
  assert.equal(made, 0, 'counted without being made');
  // only the nodes with a mention in rows wait: those of lists alone are made with the record
  const waits = (n: (typeof records.nodes)[number]) => n.attributes!.mentions instanceof LaterMentions;
  assert.deepEqual(records.nodes.map((n) => [n.key, waits(n)]), [['company:某某科技有限公司', true], ['organization:高新区管委会', false], ['place:江津区', true]]);
  // serialised alike, keys in the same order; the graph instance holds them as lists
  assert.equal(JSON.stringify(records.nodes), JSON.stringify(expected.nodes));
  assert.equal(made, b.length);
  assert.deepEqual(graphOf(records).export(), graphOf(expected).export());
});
