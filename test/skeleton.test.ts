// Opening a graph for queries through its skeleton: the same answers as reading graph.json in
// full, mentions and evidence read on demand, and a skeleton that is missing, stale or damaged
// never gives a wrong answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DirectedGraph } from 'graphology';
import { build } from '../src/build.js';
import { writeGraphFile } from '../src/graph/write.js';
import { openGraph, readGraphFile } from '../src/graph/read.js';
import { loadSkeleton, mentionCount, skeletonPath } from '../src/graph/skeleton.js';
import { importGraph } from '../src/graph/import.js';
import { findPaths, resolveEntity, searchEntities, showEntity } from '../src/query/index.js';
import { tempDir, writeCorpus } from './helpers.js';

const CORPUS = {
  'news/one.txt': '江津区双福工业园重庆宏远机械股份有限公司今年产值增长两成。区委书记唐大军到企业调研。',
  'news/two.txt': '宏远机械扩建项目落户双福工业园。江津区加快打造装备制造产业集群。重庆宏远机械股份有限公司属于装备制造产业集群。',
};

async function builtGraph(): Promise<{ graph: DirectedGraph; file: string }> {
  const { graph } = await build([writeCorpus(CORPUS)], { layoutIterations: 10, builtAt: '2026-01-01T00:00:00.000Z' });
  const file = join(tempDir(), 'graph.json');
  writeGraphFile(file, graph, { skeleton: true });
  return { graph, file };
}

/** Every node and edge with all its attributes (reading the lazy ones), for comparison. */
function contents(graph: DirectedGraph) {
  return {
    attributes: graph.getAttributes(),
    nodes: graph.mapNodes((key, a) => ({ key, ...a })),
    edges: graph.mapEdges((key, a, source, target) => ({ key, source, target, ...a })),
  };
}

test('a graph opened from its skeleton equals the graph file read in full', async () => {
  const { file } = await builtGraph();
  assert.ok(existsSync(skeletonPath(file)), 'writeGraphFile with skeleton writes graph.skeleton.json');
  const load = loadSkeleton(file);
  assert.ok(load.graph, 'the fresh skeleton is used');
  assert.deepEqual(contents(load.graph), contents(readGraphFile(file)));
});

test('graphs outside the usual shapes round-trip too: own keys, aliases, missing optional attributes', () => {
  const g = new DirectedGraph();
  g.setAttribute('documents', [{ id: 'a.txt' }]);
  g.addNode('custom key', { label: '甲公司', entityType: 'company', aliases: ['甲公司', '甲'], mentions: [{ doc: 'a.txt', start: 0, end: 3, text: '甲公司', sentence: 0 }] });
  g.addNode('place:乙区', { label: '乙区', entityType: 'place', aliases: ['乙区'], mentions: [], x: 1.5, y: -2, size: 4, color: '#123456' });
  g.addNode('place:丙镇', { label: '丙镇', entityType: 'place', aliases: [], mentions: [] });
  g.addDirectedEdgeWithKey('e1', 'custom key', 'place:乙区', { relation: 'located-in', evidence: [{ doc: 'a.txt', start: 0, end: 5, sentence: '甲公司位于乙区。' }] });
  g.addDirectedEdgeWithKey('place:丙镇->located-in->place:乙区', 'place:丙镇', 'place:乙区', { relation: 'located-in', evidence: [], derived: true, weight: 0 });
  const file = join(tempDir(), 'g.json');
  writeGraphFile(file, g, { skeleton: true });
  const opened = loadSkeleton(file).graph;
  assert.ok(opened);
  assert.deepEqual(contents(opened), contents(g));
});

test('queries give the same answers on the opened graph, and name look-up reads no mentions', async () => {
  const { graph, file } = await builtGraph();
  const opened = openGraph(file);
  const park = resolveEntity(opened, '双福工业园');
  assert.equal(park, resolveEntity(graph, '双福工业园'));
  assert.deepEqual(searchEntities(opened, '宏远'), searchEntities(graph, '宏远'));
  // ranking by mention count used the counts kept in the skeleton, not the mentions in graph.json
  opened.forEachNode((key, a) => {
    assert.equal(typeof Object.getOwnPropertyDescriptor(a, 'mentions')?.get, 'function', `${key}: mentions still in the file`);
    assert.equal(mentionCount(a), (graph.getNodeAttribute(key, 'mentions') as unknown[]).length);
  });
  const company = resolveEntity(graph, '重庆宏远机械股份有限公司');
  assert.deepEqual(findPaths(opened, company, park), findPaths(graph, company, park));
  assert.deepEqual(showEntity(opened, company), showEntity(graph, company));
  assert.deepEqual(opened.getNodeAttribute(company, 'mentions'), graph.getNodeAttribute(company, 'mentions'));
  opened.setNodeAttribute(company, 'mentions', []);
  assert.equal(mentionCount(opened.getNodeAttributes(company)), 0, 'an assigned attribute replaces the one in the file');
});

test('a graph file rewritten without a skeleton makes the old skeleton stale: the new graph is read', async () => {
  const { file } = await builtGraph();
  const other = new DirectedGraph();
  other.addNode('place:丁县', { label: '丁县', entityType: 'place', aliases: ['丁县'], mentions: [] });
  writeGraphFile(file, other);
  assert.equal(loadSkeleton(file).graph, undefined);
  assert.deepEqual(openGraph(file).nodes(), ['place:丁县']);
});

test('a damaged skeleton is a warning and the graph is read in full', async () => {
  const { graph, file } = await builtGraph();
  const warnings: string[] = [];
  writeFileSync(skeletonPath(file), '{"kgSkeleton":1,"graph":');
  const opened = openGraph(file, { onWarning: (m) => warnings.push(m) });
  assert.equal(opened.order, graph.order);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /graph\.skeleton\.json is not valid JSON.*reading the whole graph instead/);
});

test('a graph file replaced after opening is reported when evidence is read, never mixed in', async () => {
  const { file } = await builtGraph();
  const opened = openGraph(file);
  const edge = opened.edges()[0]!;
  // the same size and time would pass the freshness check; the record's key still catches it
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/"key":"[^"]*->/u, (m) => m.replace('"key":"', '"key":"X')).slice(0, text.length));
  assert.throws(
    () => opened.getEdgeAttribute(edge, 'evidence'),
    (e: Error) => e.name === 'GraphFileError' && e.message.startsWith(`${file}: changed while kg was reading it`),
  );
});

test('a graph with attributes beyond the schema gets no skeleton, and an old one is removed', async () => {
  const { file } = await builtGraph();
  const g = new DirectedGraph();
  g.addNode('place:戊市', { label: '戊市', entityType: 'place', aliases: ['戊市'], mentions: [], population: 3 });
  writeGraphFile(file, g, { skeleton: true });
  assert.equal(existsSync(skeletonPath(file)), false);
  assert.equal(openGraph(file).getNodeAttribute('place:戊市', 'population'), 3);
});

test("importGraph's faster edge insertion leaves a graph that behaves as graphology's import", async () => {
  const { graph } = await builtGraph();
  const data = graph.export();
  const fast = importGraph(new DirectedGraph({ allowSelfLoops: false }), data);
  const plain = new DirectedGraph({ allowSelfLoops: false });
  plain.import(data);
  assert.deepEqual(fast.export(), plain.export());
  plain.forEachNode((n) => {
    assert.deepEqual(fast.outNeighbors(n), plain.outNeighbors(n));
    assert.deepEqual(fast.inNeighbors(n), plain.inNeighbors(n));
    assert.deepEqual(fast.edges(n), plain.edges(n));
  });
  plain.forEachEdge((e, _a, s, t) => {
    assert.ok(fast.hasDirectedEdge(s, t));
    assert.equal(fast.edge(s, t), e);
  });
  // changes after the import work as usual
  const [e] = fast.edges();
  const [s, t] = fast.extremities(e!);
  fast.dropEdge(e!);
  assert.equal(fast.hasDirectedEdge(s!, t!), false);
  fast.addDirectedEdge(s!, t!, { relation: 'located-in', evidence: [] });
  assert.equal(fast.hasDirectedEdge(s!, t!), true);
  assert.throws(() => fast.addDirectedEdge(s!, t!), /already exists/);
});

test('kg build writes the skeleton; kg path uses it, and a damaged one is a warning, not a failure', async () => {
  const dir = writeCorpus(CORPUS);
  const out = join(tempDir(), 'graph.json');
  const kg = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  assert.equal(kg('build', dir, '--out', out, '-q').status, 0);
  assert.ok(existsSync(skeletonPath(out)));
  assert.equal(skeletonPath(out), join(dirname(out), 'graph.skeleton.json'));
  const ok = kg('path', '重庆宏远机械股份有限公司', '江津区', '-g', out);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stderr, '');
  assert.match(ok.stdout, /“[^”]+” \(news\/(one|two)\.txt\)/);
  writeFileSync(skeletonPath(out), 'garbage');
  const damaged = kg('path', '重庆宏远机械股份有限公司', '江津区', '-g', out);
  assert.equal(damaged.status, 0);
  assert.equal(damaged.stdout, ok.stdout);
  assert.match(damaged.stderr, /^kg: .*graph\.skeleton\.json is not valid JSON .*; reading the whole graph instead\n$/);
  kg('build', dir, '--out', out, '-q');
  const wrong = kg('show', '江津区', '-g', skeletonPath(out));
  assert.equal(wrong.status, 1);
  assert.equal(wrong.stderr, `kg: ${skeletonPath(out)}: is the skeleton of a graph (a cache kg build writes beside it), not a graph; give the graph file\n`);
});
