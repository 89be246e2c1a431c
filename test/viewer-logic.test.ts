// The viewer's graph logic, as plain modules without a browser: what the filters leave on
// screen (degree, document, focus, largest part), links that keep them, and evidence marking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Graph from 'graphology';
import { NO_FILTERS, type Filters } from '../viewer/src/state.js';
import { partSizes, unconnectedShare, visibleOf } from '../viewer/src/visibility.js';
import { formatHash, parseHash } from '../viewer/src/hash.js';
import { markEvidence } from '../viewer/src/evidence.js';
import { communityColors, OTHER_COMMUNITY } from '../viewer/src/communities.js';
import type { KgGraph } from '../viewer/src/types.js';
import { drawSkeleton, fillDetails, skeletonMentionCounts } from '../viewer/src/skeleton.js';
import { GraphProblem, parseGraphText } from '../viewer/src/schema.js';
import { writeGraphFile } from '../src/graph/write.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { DirectedGraph } from 'graphology';
import { generateGraph } from '../bench/graph.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** a—b—c—d chain (a in doc 1, the rest in doc 2), e—f apart, g and h alone */
function sample(): KgGraph {
  const g = new Graph({ type: 'directed', multi: true }) as unknown as KgGraph;
  g.setAttribute('documents', [
    { id: '1.txt', path: '1.txt', title: 'one' },
    { id: '2.txt', path: '2.txt', title: 'two' },
  ]);
  const node = (key: string, doc: string, entityType = 'company') =>
    g.addNode(key, { label: key, entityType, aliases: [], mentions: [{ doc, start: 0, end: 1, text: key }], x: 0, y: 0, size: 1, color: '#000' } as never);
  node('a', '1.txt');
  for (const k of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) node(k, '2.txt', k === 'd' ? 'place' : 'company');
  const edge = (s: string, t: string, doc = '2.txt') => g.addEdge(s, t, { relation: 'located-in', evidence: [{ doc, start: 0, end: 1, sentence: 'x' }], derived: false, weight: 1 } as never);
  edge('a', 'b', '1.txt');
  edge('b', 'c');
  edge('c', 'd');
  edge('e', 'f');
  return g;
}
const shown = (g: KgGraph, f: Partial<Filters>) => [...visibleOf(g, { ...NO_FILTERS, ...f }).nodes].sort().join('');

test('filters: minimum relations, one document, a focus of n hops, one connected part', () => {
  const g = sample();
  assert.equal(shown(g, {}), 'abcdefgh');
  assert.equal(shown(g, { minDegree: 1 }), 'abcdef', 'the unconnected go');
  assert.equal(shown(g, { minDegree: 2 }), '', 'counted among what is left, until it holds: a chain unravels');
  assert.equal(shown(g, { doc: '1.txt' }), 'a', 'what the document mentions');
  assert.equal(visibleOf(g, { ...NO_FILTERS, doc: '2.txt' }).edges.size, 3, 'and the relations it states');
  assert.equal(shown(g, { focus: { node: 'b', hops: 1 } }), 'abc');
  assert.equal(shown(g, { focus: { node: 'b', hops: 2 } }), 'abcd');
  assert.equal(shown(g, { focus: { node: 'a', hops: 2 }, hiddenTypes: new Set(['place']) }), 'abc', 'hops go over what is shown');
  assert.equal(shown(g, { component: 0 }), 'abcd', 'the largest part');
  assert.equal(shown(g, { component: 1 }), 'ef', 'the second');
  assert.deepEqual(partSizes(g, { ...NO_FILTERS, minDegree: 1 }), [4, 2]);
  assert.deepEqual(partSizes(g, { ...NO_FILTERS, minDegree: 1, component: 1 }), [4, 2], 'the part chosen does not narrow the choice');
  assert.equal(visibleOf(g, { ...NO_FILTERS, minDegree: 1 }).degree.get('b'), 2);
  assert.equal(unconnectedShare(g), 2 / 8);
});

test('a link keeps every filter, and a missing degree means the default', () => {
  const g = sample();
  const view = { selected: 'b', hiddenTypes: [], hiddenRelations: [], path: null, minDegree: 2, doc: '1.txt', focus: { node: 'c', hops: 2 }, component: 0, colorBy: 'community' as const, showDocuments: true };
  assert.deepEqual(parseHash(formatHash(view), g), view);
  const bare = parseHash('#node=b&doc=nope.txt&focus=zz&hops=9', g);
  assert.equal(bare.minDegree, null);
  assert.equal(bare.doc, null, 'a document not in the graph is dropped');
  assert.equal(bare.focus, null, 'so is a node');
  assert.deepEqual(parseHash('#focus=a&hops=9', g).focus, { node: 'a', hops: 3 }, 'at most 3 hops');
});

test('evidence marks the mention at its offsets, never the same characters elsewhere', () => {
  const sentence = '重庆润通科技有限公司落户重庆市江津区。';
  const ev = { doc: 'a.txt', start: 100, end: 100 + sentence.length, sentence };
  const place = { role: 'other' as const, mentions: [{ doc: 'a.txt', start: 112, end: 115, text: '重庆市' }], names: ['重庆市', '重庆'] };
  const company = { role: 'self' as const, mentions: [{ doc: 'a.txt', start: 100, end: 110, text: '重庆润通科技有限公司' }], names: ['重庆润通科技有限公司'] };
  const marked = markEvidence(ev, [company, place]).filter((s) => s.role);
  assert.deepEqual(marked, [
    { text: '重庆润通科技有限公司', role: 'self' },
    { text: '重庆市', role: 'other' },
  ]);
  // the place reached only through 该区: its name inside the company's is not marked
  const anaphor = '重庆润通科技有限公司落户该区。';
  const ev2 = { doc: 'a.txt', start: 100, end: 100 + anaphor.length, sentence: anaphor };
  const other = { role: 'other' as const, mentions: [{ doc: 'a.txt', start: 5, end: 7, text: '重庆' }], names: ['重庆市', '重庆'] };
  assert.deepEqual(markEvidence(ev2, [other]).filter((s) => s.role), []);
  // a line break inside the sentence's span: the sentence drops it, the mark still lands on the name
  const broken = '渝丰科技落户双福工业园。';
  const ev3 = { doc: 'a.txt', start: 0, end: broken.length + 1, sentence: broken };
  const park = { role: 'other' as const, mentions: [{ doc: 'a.txt', start: 7, end: 12, text: '双福工业园' }], names: [] };
  assert.deepEqual(markEvidence(ev3, [park]).filter((s) => s.role), [{ text: '双福工业园', role: 'other' }]);
});

test('community colours: the same graph gets the same colours; linked entities share one, those alone are grey', () => {
  const a = communityColors(sample());
  const b = communityColors(sample());
  assert.deepEqual([...a], [...b]);
  assert.equal(a.get('e'), a.get('f'));
  assert.notEqual(a.get('e'), OTHER_COMMUNITY);
  assert.equal(a.get('g'), OTHER_COMMUNITY);
});

test('the reader cuts an article at the sentence read and at each mention, losing nothing', async () => {
  const { readerSegments } = await import('../viewer/src/reader.js');
  const text = '前言。重庆润通科技有限公司落户双福工业园。后记。';
  const segs = readerSegments(text, [[3, 13, 'company:润通'], [15, 20, 'park:双福']], { start: 3, end: 21 });
  assert.equal(segs.map((s) => s.text).join(''), text, 'nothing lost');
  assert.deepEqual(
    segs.filter((s) => s.node).map((s) => [s.text, s.node, s.sentence]),
    [
      ['重庆润通科技有限公司', 'company:润通', true],
      ['双福工业园', 'park:双福', true],
    ],
  );
  assert.deepEqual(segs.filter((s) => !s.sentence).map((s) => s.text), ['前言。', '后记。']);
});

test('a graph drawn from its skeleton, its mentions and evidence filled in from graph.json, is the graph read whole; a graph.json rebuilt meanwhile is refused', async () => {
  const g = new DirectedGraph();
  g.replaceAttributes({ documents: [{ id: 'a.txt', path: 'a.txt', title: 'A', sha256: '', chars: 9 }], builtAt: '2026-01-01T00:00:00.000Z' });
  const mention = (text: string, start: number) => ({ doc: 'a.txt', start, end: start + text.length, text, sentence: 0 });
  g.addNode('company:甲公司', { label: '甲公司', entityType: 'company', aliases: ['甲公司'], mentions: [mention('甲公司', 0), mention('甲公司', 20)], x: 1.5, y: -2, size: 6, color: '#e6194b' });
  g.addNode('place:乙区', { label: '乙区', entityType: 'place', aliases: ['乙区', '乙'], mentions: [mention('乙区', 5)], x: 3, y: 4.25, size: 4, color: '#3cb44b' });
  // a key that is not `${type}:${label}`, and no position: placed on the circle as graphFromData places it
  g.addNode('person:丙#2', { label: '丙', entityType: 'person', aliases: ['丙'], mentions: [], size: 3, color: '#f032e6' });
  g.addDirectedEdgeWithKey('company:甲公司->located-in->place:乙区', 'company:甲公司', 'place:乙区', { relation: 'located-in', evidence: [{ doc: 'a.txt', start: 0, end: 9, sentence: '甲公司位于乙区。' }], derived: false, weight: 1 });
  g.addDirectedEdgeWithKey('person:丙#2->leads->company:甲公司', 'person:丙#2', 'company:甲公司', { relation: 'leads', evidence: [], derived: true, weight: 2 });
  // a key of its own, and a self-loop (which the viewer leaves out)
  g.addDirectedEdgeWithKey('e7', 'place:乙区', 'company:甲公司', { relation: 'leads', evidence: [{ doc: 'a.txt', start: 0, end: 9, sentence: '甲公司位于乙区。' }], derived: false, weight: 1 });
  g.addDirectedEdgeWithKey('place:乙区->located-in->place:乙区', 'place:乙区', 'place:乙区', { relation: 'located-in', evidence: [], derived: false, weight: 1 });
  const file = join(mkdtempSync(join(tmpdir(), 'kg-viewer-skeleton-')), 'graph.json');
  try {
    writeGraphFile(file, g, { skeleton: true });
    const text = readFileSync(file, 'utf8');
    const skeleton = JSON.parse(readFileSync(skeletonPath(file), 'utf8'));
    const whole = parseGraphText(text, 'graph.json');
    const drawing = drawSkeleton(skeleton);
    const drawn = drawing.graph;
    assert.deepEqual(drawn.getNodeAttribute('company:甲公司', 'mentions'), [], 'drawn before the mentions arrive');
    // what ranks the entities meanwhile: each one's count of the mentions to come
    const counts = skeletonMentionCounts(drawing);
    const bytes = readFileSync(file);
    await fillDetails(drawing, bytes, 'graph.json');
    assert.deepEqual(drawn.export(), whole.export());
    assert.deepEqual([...counts], drawn.mapNodes((n, a) => [n, a.mentions.length]));
    assert.deepEqual([...counts.values()], [2, 1, 0]);
    assert.equal(drawn.size, 3, 'the self-loop left out, as graphFromData leaves it');

    // an edge without a weight: graphFromData counts its evidence, which the skeleton lacks, so it is not drawn from
    const unweighted = structuredClone(skeleton);
    unweighted.edges.weight[0] = null;
    assert.throws(() => drawSkeleton(unweighted), /no weight/);

    // graph.json rebuilt after the skeleton was read (the page checks the served stamp first; the
    // records are checked all the same): an entity more, one renamed, records moved, a file cut short
    const changed = (e: Error) => e instanceof GraphProblem && /changed while it was loading/.test(e.title);
    const fill = (t: string | Buffer, sk = skeleton) => fillDetails(drawSkeleton(sk), typeof t === 'string' ? Buffer.from(t) : t, 'graph.json');
    const more = text.replace('"nodes":[', '"nodes":[{"key":"place:丁镇","attributes":{"label":"丁镇","entityType":"place","aliases":["丁镇"],"mentions":[]}},');
    assert.notEqual(more, text);
    await assert.rejects(fill(more), changed);
    await assert.rejects(fill(text.replace(/place:乙区/g, 'place:戊区')), changed);
    await assert.rejects(fill(text.replace('{"key"', ' {"key"')), changed);
    await assert.rejects(fill(bytes.subarray(0, bytes.length - 40)), changed);
    // an edge turned into a self-loop: not the relation the skeleton puts there
    await assert.rejects(fill(text.replace('"target":"place:乙区"', '"target":"company:甲公司"')), changed);
    // two ranges on one record (a skeleton that is not this file's): the second is not the node it should be
    const doubled = structuredClone(skeleton);
    [doubled.nodes.at[1], doubled.nodes.len[1]] = [doubled.nodes.at[0], doubled.nodes.len[0]];
    await assert.rejects(fill(bytes, doubled), changed);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});

test('the details of a large graph are filled in slices, between which the page answers, and give the graph read whole', async () => {
  const g = generateGraph(1500, 3);
  const file = join(mkdtempSync(join(tmpdir(), 'kg-viewer-slices-')), 'graph.json');
  try {
    writeGraphFile(file, g, { skeleton: true });
    const skeleton = JSON.parse(readFileSync(skeletonPath(file), 'utf8'));
    const drawing = drawSkeleton(skeleton);
    let pauses = 0;
    // (a slice of 0 ms: a pause every 256 records)
    await fillDetails(drawing, readFileSync(file), 'graph.json', { sliceMs: 0, pause: async () => void pauses++ });
    const records = skeleton.nodes.at.length + skeleton.edges.at.length;
    assert.ok(records > 3000);
    assert.equal(pauses, Math.floor(skeleton.nodes.at.length / 256) + Math.floor(skeleton.edges.at.length / 256));
    assert.deepEqual(drawing.graph.export(), parseGraphText(readFileSync(file, 'utf8'), 'graph.json').export());
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});
