// End to end on the default corpus (the five seed articles): named facts a user would look for,
// each with the sentence that proves it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectedGraph } from 'graphology';
import { build } from '../src/build.js';
import { nodeNamed } from './helpers.js';

let graph: DirectedGraph;
before(async () => {
  graph = (await build(['data/corpus'], { layoutIterations: 0 })).graph;
});

/** The evidence sentences of the stated edge head -relation-> tail, found by label or alias. */
function evidence(head: string, relation: string, tail: string): string[] {
  const h = nodeNamed(graph, head);
  const t = nodeNamed(graph, tail);
  assert.ok(h, `no entity ${head}`);
  assert.ok(t, `no entity ${tail}`);
  const e = graph.edges(h, t).find((k: string) => graph.getEdgeAttribute(k, 'relation') === relation);
  assert.ok(e, `no edge ${head} ${relation} ${tail}`);
  return (graph.getEdgeAttribute(e, 'evidence') as Array<{ sentence: string }>).map((x) => x.sentence);
}

test('the seed corpus builds into a graph of every entity type', () => {
  assert.equal((graph.getAttribute('documents') as unknown[]).length, 5);
  const types = new Set<string>();
  graph.forEachNode((_k: string, a: Record<string, unknown>) => void types.add(a.entityType as string));
  assert.deepEqual([...types].sort(), ['company', 'industrial-park', 'industry-cluster', 'organization', 'person', 'place', 'project']);
});

test('a district secretary leads the district committee, with the sentence as evidence', () => {
  const ev = evidence('唐大军', 'leads', '江津区委');
  assert.ok(ev.some((s) => s.includes('区委书记唐大军')), ev.join('\n'));
});

test('a project started in an industrial park is located in it', () => {
  const ev = evidence('无锡众能光储年产3GW钙钛矿太阳能电池组件西南基地项目', 'located-in', '白沙工业园');
  assert.ok(ev.some((s) => s.includes('在白沙工业园开工')), ev.join('\n'));
});

test('以X为龙头 and 以X为代表 link companies to their clusters', () => {
  assert.ok(evidence('玖龙纸业', 'leads', '高档纸业包装产业集群').some((s) => s.includes('以玖龙纸业为龙头')));
  assert.ok(evidence('江小白', 'belongs-to-cluster', '酒水饮料产业集群').some((s) => s.includes('以江小白为代表')));
});

test('the heads of three CPPCC committees lead each their own', () => {
  evidence('田亚东', 'leads', '泸州市政协');
  evidence('文良印', 'leads', '永川区政协');
  evidence('杨利', 'leads', '江津区政协');
});

test('a name broken across lines by the page layout is one entity', () => {
  // 000 writes 西部（重\n庆）科学城江津园区 across two lines
  assert.ok(nodeNamed(graph, '西部（重庆）科学城江津园区'));
});

test('a district and its short name are one node', () => {
  const key = nodeNamed(graph, '江津区')!;
  assert.ok((graph.getNodeAttribute(key, 'aliases') as string[]).includes('江津'));
  assert.equal(nodeNamed(graph, '江津'), key);
});

test('names in bylines and photo credits are not entities', () => {
  for (const name of ['廖秋平', '林晓光', '苏盛宇', '陆海银', '周邦宁']) assert.equal(nodeNamed(graph, name), undefined, name);
});

test('mention offsets point at the mention in the original file', async () => {
  const { readFileSync } = await import('node:fs');
  const key = nodeNamed(graph, '江小白')!;
  for (const m of graph.getNodeAttribute(key, 'mentions') as Array<{ doc: string; start: number; end: number; text: string }>) {
    const original = readFileSync(`data/corpus/${m.doc}`, 'utf8');
    assert.equal(original.slice(m.start, m.end).replace(/\s/g, ''), m.text);
  }
});

test('what the seeds write in two forms is one entity each (issue 13)', () => {
  const pairs: Array<[string, string]> = [
    ['润通集团', '重庆润通控股（集团）有限公司'],
    ['渝丰', '渝丰科技股份有限公司'],
    ['群光', '群光电子'],
    ['重汽轻型汽车', '重汽（重庆）轻型汽车有限公司'],
    ['双福', '双福街道'],
    ['圣泉', '圣泉街道'],
    ['宣传部', '区委宣传部'],
    ['四面山', '四面山镇'],
    ['新一代电子信息制造', '新一代电子信息制造业产业集群'],
    ['电子信息产业集群', '新一代电子信息制造业产业集群'],
  ];
  for (const [a, b] of pairs) {
    const na = nodeNamed(graph, a);
    const nb = nodeNamed(graph, b);
    if (na && nb) assert.equal(na, nb, `${a} and ${b} are two entities`);
  }
});

test('the seed graph stays connected at least as much as measured', async () => {
  const { statsOf } = await import('../src/graph/stats.js');
  const c = statsOf(graph).connectivity;
  assert.ok(c.stated.unconnectedShare <= 0.58, `${Math.round(c.stated.unconnectedShare * 100)} % of entities have no relation`);
  assert.ok(c.stated.largest >= 38, `the largest component holds ${c.stated.largest} entities`);
  assert.ok(c.withDerived.largest >= c.stated.largest);
});
