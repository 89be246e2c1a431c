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
