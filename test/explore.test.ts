// Exploring a built corpus from the command line: lists, mentions with their sentences,
// documents, neighbour counts, and exports whose format follows the file name.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DirectedGraph } from 'graphology';
import { filterGraph } from '../src/export/index.js';
import { tempDir, writeCorpus } from './helpers.js';

const KG = join(import.meta.dirname, '..', 'bin', 'kg.js');
const kg = (...args: string[]) => spawnSync(process.execPath, [KG, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

const A = '2024年3月5日 江津日报\n江津区双福工业园新签约项目12个。重庆润通科技有限公司落户双福工业园。区委书记唐大军出席签约仪式。';
const B = '江津区加快发展。白沙工业园引进瑞达新能源有限公司。江津区今年产值增长。';
let corpus: string;
let graph: string;
before(() => {
  corpus = writeCorpus({ 'a.txt': A, 'b.txt': B });
  graph = join(tempDir(), 'g.json');
  const r = kg('build', corpus, '--out', graph, '-q', '--rules-only');
  assert.equal(r.status, 0, r.stderr);
});

test('kg list ranks entities by mentions, relations or name, by type, and lists the unconnected', () => {
  const all = JSON.parse(kg('list', '-g', graph, '--json').stdout);
  assert.ok(all.total >= 5);
  assert.equal(all.entities[0].label, '江津区', 'the most mentioned first');
  for (let i = 1; i < all.entities.length; i++) assert.ok(all.entities[i - 1].mentions >= all.entities[i].mentions);
  const companies = JSON.parse(kg('list', '-g', graph, '--type', 'company', '--json').stdout);
  assert.ok(companies.entities.length >= 2 && companies.entities.every((e: { entityType: string }) => e.entityType === 'company'));
  const byDegree = JSON.parse(kg('list', '-g', graph, '--sort', 'degree', '--json').stdout).entities;
  for (let i = 1; i < byDegree.length; i++) assert.ok(byDegree[i - 1].degree >= byDegree[i].degree);
  const isolated = JSON.parse(kg('list', '-g', graph, '--isolated', '--json').stdout).entities;
  assert.ok(isolated.every((e: { degree: number }) => e.degree === 0));
  const two = kg('list', '-g', graph, '--limit', '2');
  assert.match(two.stdout, /\(2 of \d+; raise --limit to see more\)\n$/);
  assert.equal(kg('list', '-g', graph, '--sort', 'size').status, 2);
});

test('kg mentions gives every sentence an entity is written in, with document and offsets', () => {
  const r = kg('mentions', '双福工业园', '-g', graph);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /双福工业园 \(industrial-park\): 2 mentions/);
  assert.match(r.stdout, /a\.txt \d+–\d+ {2}双福工业园\n {4}“重庆润通科技有限公司落户双福工业园。”/);
  const json = JSON.parse(kg('mentions', '双福工业园', '-g', graph, '--json').stdout);
  for (const m of json.mentions) assert.equal(A.slice(m.start, m.end), m.text, 'offsets slice the article');
  const onlyB = JSON.parse(kg('mentions', '江津区', '-g', graph, '--doc', 'b.txt', '--json').stdout);
  assert.ok(onlyB.mentions.length >= 2 && onlyB.mentions.every((m: { doc: string }) => m.doc === 'b.txt'));
  // an article changed since the build: offsets still, sentences not
  const changed = writeCorpus({ 'a.txt': A, 'b.txt': B });
  const g2 = join(tempDir(), 'g.json');
  kg('build', changed, '--out', g2, '-q', '--rules-only');
  writeFileSync(join(changed, 'a.txt'), `${A}又一段。`);
  const stale = kg('mentions', '双福工业园', '-g', g2);
  assert.match(stale.stdout, /the sentences of a\.txt are not shown: the file is gone or has changed since the build/);
});

test('kg docs lists the documents with title, date and counts; kg doc shows one', () => {
  const rows = JSON.parse(kg('docs', '-g', graph, '--json').stdout);
  assert.deepEqual(rows.map((d: { id: string }) => d.id), ['a.txt', 'b.txt']);
  assert.equal(rows[0].date, '2024-03-05', 'the dateline');
  assert.ok(rows[0].entities >= 3 && rows[0].relations >= 1);
  const card = JSON.parse(kg('doc', 'a.txt', '-g', graph, '--json').stdout);
  assert.ok(card.entityList.some((e: { label: string }) => e.label === '重庆润通科技有限公司'));
  assert.ok(card.relationList.some((r: { head: { label: string }; relation: string }) => r.head.label === '重庆润通科技有限公司' && r.relation === 'located-in'));
  assert.equal(card.entities, rows[0].entities);
  assert.equal(card.relations, rows[0].relations);
  const missing = kg('doc', 'c.txt', '-g', graph);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'kg: no document "c.txt" in the graph (kg docs lists them)\n');
  // the date is read at build time and kept in the graph: the article need not be there any more
  const gone = writeCorpus({ 'a.txt': A });
  const g3 = join(tempDir(), 'g.json');
  assert.equal(kg('build', gone, '--out', g3, '-q', '--rules-only').status, 0);
  rmSync(join(gone, 'a.txt'));
  assert.equal(JSON.parse(kg('docs', '-g', g3, '--json').stdout)[0].date, '2024-03-05');
});

test('kg neighbors --limit says how many there are in all', () => {
  const r = kg('neighbors', '江津区', '-g', graph, '--limit', '1', '--depth', '2');
  assert.match(r.stdout, /^江津区 \(place\): 1 of \d+ neighbours\n/);
  const json = JSON.parse(kg('neighbors', '江津区', '-g', graph, '--limit', '1', '--depth', '2', '--json').stdout);
  assert.ok(json.total > 1 && json.truncated);
});

test('kg export takes its format from the file name; a folder format refuses a file name', () => {
  const dir = tempDir();
  const r = kg('export', '-g', graph, '--out', join(dir, 'kg.graphml'));
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'kg.graphml')));
  const csv = kg('export', '-g', graph, '--format', 'csv', '--out', join(dir, 'kg.csv'));
  assert.equal(csv.status, 2);
  assert.match(csv.stderr, /kg\.csv: the csv export writes several files into a folder; give a folder name/);
  assert.ok(!existsSync(join(dir, 'kg.csv')), 'no folder named kg.csv is made');
  const unknown = kg('export', '-g', graph, '--out', join(dir, 'kg.xyz'));
  assert.equal(unknown.status, 2);
});

test('export filters apply to every format: types, relations, documents, minimum degree, derived edges', async () => {
  const { readFileSync } = await import('node:fs');
  const dir = tempDir();
  const read = (args: string[]) => {
    const out = join(dir, `g${Math.random().toString(36).slice(2)}.json`);
    const r = kg('export', '-g', graph, '--out', out, ...args);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(readFileSync(out, 'utf8')) as { nodes: Array<{ key: string; attributes: Record<string, any> }>; edges: Array<{ source: string; target: string; attributes: Record<string, any> }>; attributes: Record<string, any> };
  };
  const all = read([]);
  const typeOf = (k: string) => all.nodes.find((n) => n.key === k)!.attributes.entityType;
  const placeAndParkEdges = all.edges.filter((e) => ['place', 'industrial-park'].includes(typeOf(e.source)) && ['place', 'industrial-park'].includes(typeOf(e.target)));
  assert.ok(placeAndParkEdges.length > 0, 'the corpus has an edge between a park and a place');
  const places = read(['--type', 'place,industrial-park']);
  assert.ok(places.nodes.length > 0 && places.nodes.every((n) => ['place', 'industrial-park'].includes(n.attributes.entityType)));
  assert.equal(places.edges.length, placeAndParkEdges.length, 'every edge between kept entities is kept');
  const leads = read(['--relation', 'leads']);
  assert.ok(leads.edges.length > 0 && leads.edges.every((e) => e.attributes.relation === 'leads'));
  assert.equal(leads.nodes.length, all.nodes.length, 'a relation filter keeps the entities');
  const onlyB = read(['--doc', 'b.txt']);
  assert.ok(onlyB.nodes.every((n) => n.attributes.mentions.some((m: { doc: string }) => m.doc === 'b.txt')));
  assert.ok(!onlyB.nodes.some((n) => n.attributes.label === '唐大军'), 'a.txt alone mentions him');
  assert.deepEqual(onlyB.attributes.documents.map((d: { id: string }) => d.id), ['b.txt']);
  // a document named as kg doc takes it: by its path too
  const bPath = all.attributes.documents.find((d: { id: string }) => d.id === 'b.txt').path;
  assert.notEqual(bPath, 'b.txt');
  assert.deepEqual(read(['--doc', bPath]).nodes, onlyB.nodes);
  const both = kg('export', '-g', graph, '--out', join(dir, 'x.json'), '--doc', '.txt');
  assert.equal(both.status, 2, 'the end of two ids is ambiguous');
  assert.match(both.stderr, /"\.txt" names 2 documents: a\.txt, b\.txt/);
  const connected = read(['--min-degree', '1']);
  const degree = (g: typeof all, k: string) => g.edges.filter((e) => e.source === k || e.target === k).length;
  assert.ok(connected.nodes.length < all.nodes.length && connected.nodes.every((n) => degree(connected, n.key) >= 1));
  const missing = kg('export', '-g', graph, '--out', join(dir, 'x.json'), '--doc', 'c.txt');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no document "c\.txt" in the graph/);
  // Gephi can filter by article: each node carries the documents that mention it
  const ml = join(dir, 'kg.graphml');
  kg('export', '-g', graph, '--out', ml);
  assert.match(readFileSync(ml, 'utf8'), /<key id="n_documents" for="node" attr.name="documents" attr.type="string"\/>[\s\S]*<data key="n_documents">a\.txt\|b\.txt<\/data>/);
});

/**
 * A graph with what the built test corpus lacks: a derived edge and an edge between places. 丙, 甲,
 * 双福工业园 and 乙 make a cycle; 江津区 hangs off it and 重庆市 off 江津区, so a minimum of two
 * relations drops 重庆市 and then 江津区 as well.
 */
function handMadeGraph(): DirectedGraph {
  const g = new DirectedGraph({ allowSelfLoops: false });
  g.setAttribute('documents', [{ id: 'a.txt', path: 'a.txt', title: 'a', sha256: '', chars: 10 }]);
  const node = (key: string) => {
    const [entityType, label] = key.split(':') as [string, string];
    g.addNode(key, { label, entityType, aliases: [], mentions: [{ doc: 'a.txt', start: 0, end: label.length, text: label, sentence: 0 }] });
  };
  ['place:重庆市', 'place:江津区', 'industrial-park:双福工业园', 'company:甲', 'company:乙', 'person:丙'].forEach(node);
  const edge = (s: string, relation: string, t: string, derived = false) =>
    g.addDirectedEdgeWithKey(`${s}|${t}`, s, t, { relation, weight: 1, ...(derived ? { derived, evidence: [] } : { evidence: [{ doc: 'a.txt', sentence: '句。', start: 0, end: 2 }] }) });
  edge('place:江津区', 'located-in', 'place:重庆市', true);
  edge('industrial-park:双福工业园', 'located-in', 'place:江津区');
  edge('company:甲', 'located-in', 'industrial-park:双福工业园');
  edge('company:乙', 'located-in', 'industrial-park:双福工业园');
  edge('person:丙', 'leads', 'company:甲');
  edge('person:丙', 'leads', 'company:乙');
  return g;
}

test('filterGraph: types keep the edges between kept entities, --no-derived drops derived edges, --min-degree repeats until it holds', () => {
  const g = handMadeGraph();
  assert.equal(filterGraph(g, {}), g, 'nothing to filter: the graph itself');
  assert.equal(filterGraph(g, { types: [], relations: [], docs: [], minDegree: 0, noDerived: false }), g);

  const places = filterGraph(g, { types: ['place'] });
  assert.deepEqual(places.nodes(), ['place:重庆市', 'place:江津区']);
  assert.deepEqual(places.edges(), ['place:江津区|place:重庆市']);

  assert.ok(g.someEdge((_e, a) => a.derived === true), 'the unfiltered graph has a derived edge');
  const stated = filterGraph(g, { noDerived: true });
  assert.equal(stated.size, g.size - 1);
  assert.ok(stated.everyEdge((_e, a) => !a.derived));
  assert.equal(stated.order, g.order, 'the entities stay');

  const core = filterGraph(g, { minDegree: 2 });
  assert.deepEqual(core.nodes().sort(), ['company:乙', 'company:甲', 'industrial-park:双福工业园', 'person:丙']);
  assert.ok(core.everyNode((k) => core.degree(k) >= 2));
  assert.equal(g.order, 6, 'the graph itself is left as it is');
});

test('kg export --no-derived and --min-degree on a graph file that has derived edges', async () => {
  const { readFileSync } = await import('node:fs');
  const dir = tempDir();
  const file = join(dir, 'hand.json');
  writeFileSync(file, JSON.stringify(handMadeGraph().export()));
  const read = (args: string[]) => {
    const out = join(dir, `g${Math.random().toString(36).slice(2)}.json`);
    const r = kg('export', '-g', file, '--out', out, ...args);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(readFileSync(out, 'utf8')) as { nodes: Array<{ key: string }>; edges: Array<{ attributes: Record<string, any> }> };
  };
  assert.ok(read([]).edges.some((e) => e.attributes.derived), 'the unfiltered export has a derived edge');
  const stated = read(['--no-derived']);
  assert.ok(stated.edges.length > 0 && stated.edges.every((e) => !e.attributes.derived));
  assert.equal(read(['--min-degree', '2']).nodes.length, 4);
});
