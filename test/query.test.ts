// Asking the graph: entity look-up by what a person types, paths with evidence, neighbourhoods,
// entity cards, search — as a library and through `kg path/neighbors/show/search`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { allSimplePaths } from 'graphology-simple-path';
import fc from 'fast-check';
import { build } from '../src/build.js';
import { writeFileAtomic } from '../src/graph/write.js';
import {
  AmbiguousEntityError,
  EntityNotFoundError,
  findEntities,
  findPaths,
  formatPaths,
  neighbors,
  resolveEntity,
  searchEntities,
  showEntity,
  suggestEntities,
  type Path,
} from '../src/query/index.js';
import { tempDir } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// A small hand-made graph in the kg schema, for exact assertions

type Node = [type: string, label: string, aliases?: string[], mentions?: number];
type Edge = [source: string, relation: string, target: string, sentence?: string];

function kgGraph(nodes: Node[], edges: Edge[]): DirectedGraph {
  const g = new DirectedGraph();
  g.setAttribute('documents', [{ id: 'a.txt', path: 'a.txt', title: '标题甲', sha256: '', chars: 100 }]);
  for (const [type, label, aliases = [label], mentions = 1] of nodes) {
    const m = Array.from({ length: mentions }, (_, i) => ({ doc: i % 2 ? 'b.txt' : 'a.txt', start: i, end: i + 1, text: label, sentence: 0 }));
    g.addNode(`${type}:${label}`, { label, entityType: type, aliases, mentions: m, x: 0, y: 0, size: 3, color: '#000000' });
  }
  for (const [s, relation, t, sentence] of edges) {
    const evidence = sentence ? [{ doc: 'a.txt', start: 0, end: sentence.length, sentence }] : [];
    g.addDirectedEdgeWithKey(`${s}->${relation}->${t}`, s, t, { relation, evidence, derived: !sentence, weight: evidence.length });
  }
  return g;
}

const town = kgGraph(
  [
    ['place', '重庆市', ['重庆市', '重庆'], 40],
    ['place', '江津区', ['江津区', '江津'], 30],
    ['organization', '江津区委', ['江津区委', '区委'], 5],
    ['industrial-park', '双福工业园', ['双福工业园'], 9],
    ['industrial-park', '白沙工业园', ['白沙工业园'], 2],
    ['industrial-park', '白沙组团', ['白沙组团'], 1],
    ['company', '赛力斯', ['赛力斯', '赛力斯汽车有限公司'], 3],
    ['company', '宏远机械', ['宏远机械', '重庆宏远机械股份有限公司'], 2],
    ['industry-cluster', '汽摩产业集群', ['汽摩产业集群'], 2],
    ['person', '唐大军', ['唐大军'], 2],
    ['organization', '长风', ['长风'], 1],
    ['company', '长风', ['长风'], 4],
  ],
  [
    ['place:江津区', 'located-in', 'place:重庆市'],
    ['industrial-park:双福工业园', 'located-in', 'place:江津区', '双福工业园位于江津区。'],
    ['industrial-park:白沙工业园', 'located-in', 'place:江津区', '江津区白沙工业园今年新签项目十个。'],
    ['company:赛力斯', 'located-in', 'industrial-park:双福工业园', '赛力斯汽车有限公司落户双福工业园。'],
    ['company:宏远机械', 'located-in', 'industrial-park:白沙工业园', '重庆宏远机械股份有限公司位于白沙工业园。'],
    ['company:赛力斯', 'leads', 'industry-cluster:汽摩产业集群', '以赛力斯为龙头的汽摩产业集群。'],
    ['company:宏远机械', 'belongs-to-cluster', 'industry-cluster:汽摩产业集群', '宏远机械等企业组成汽摩产业集群。'],
    ['person:唐大军', 'leads', 'organization:江津区委', '区委书记唐大军到企业调研。'],
  ],
);

// ---------------------------------------------------------------------------------------------
// Look-up

test('an exact label, an alias, traditional characters and pinyin each name one entity', () => {
  assert.equal(resolveEntity(town, '赛力斯'), 'company:赛力斯');
  assert.equal(resolveEntity(town, '赛力斯汽车有限公司'), 'company:赛力斯');
  assert.equal(resolveEntity(town, '江津'), 'place:江津区');
  assert.equal(resolveEntity(town, '江津區'), 'place:江津区');
  assert.equal(resolveEntity(town, '雙福工業園'), 'industrial-park:双福工业园');
  assert.equal(resolveEntity(town, 'jiangjin'), 'place:江津区');
  assert.equal(resolveEntity(town, 'Jiang Jin'), 'place:江津区');
  assert.equal(resolveEntity(town, 'jj'), 'place:江津区');
  assert.equal(resolveEntity(town, 'shuangfugongyeyuan'), 'industrial-park:双福工业园');
  assert.equal(resolveEntity(town, 'company:长风'), 'company:长风');
  // full-width letters and surrounding space are what a Chinese keyboard often gives
  assert.equal(resolveEntity(town, ' ｊｉａｎｇｊｉｎ '), 'place:江津区');
});

test('an exact name of one entity is never ambiguous, even when it is part of other names', () => {
  // 江津区 is inside 江津区委, 白沙工业园 shares 白沙 with 白沙组团
  assert.equal(resolveEntity(town, '江津区'), 'place:江津区');
  assert.equal(resolveEntity(town, '白沙工业园'), 'industrial-park:白沙工业园');
  const ranked = findEntities(town, '江津区');
  assert.deepEqual(
    ranked.map((m) => [m.key, m.kind]),
    [
      ['place:江津区', 'label'],
      ['organization:江津区委', 'substring'],
    ],
  );
});

test('a label beats an alias, an alias beats part of a name', () => {
  const g = kgGraph(
    [
      ['company', '长安', ['长安'], 1],
      ['company', '长安汽车', ['长安汽车', '长安'], 50],
      ['place', '长安镇', ['长安镇'], 1],
    ],
    [],
  );
  assert.equal(resolveEntity(g, '长安'), 'company:长安');
  assert.deepEqual(
    findEntities(g, '长安').map((m) => m.kind),
    ['label', 'alias', 'substring'],
  );
});

test('a name that fits several entities equally is ambiguous (exit 2) and lists type and mention count', () => {
  for (const [query, expected] of [
    ['白沙', ['industrial-park:白沙工业园', 'industrial-park:白沙组团']],
    ['长风', ['company:长风', 'organization:长风']],
  ] as const) {
    assert.throws(
      () => resolveEntity(town, query),
      (err: unknown) => {
        assert.ok(err instanceof AmbiguousEntityError);
        assert.equal(err.exitCode, 2);
        assert.deepEqual(err.candidates.map((c) => c.key).sort(), [...expected].sort());
        for (const c of err.candidates) {
          assert.ok(err.message.includes(c.key));
          assert.ok(err.message.includes(`${c.entityType}, ${c.mentions} mention`), err.message);
        }
        return true;
      },
    );
  }
  // more mentions first among equals: the company 长风 (4) before the organisation (1)
  assert.deepEqual(
    findEntities(town, '长风').map((m) => m.key),
    ['company:长风', 'organization:长风'],
  );
  // a type narrows the choice
  assert.equal(resolveEntity(town, '长风', { types: ['organization'] }), 'organization:长风');
});

test('nothing found exits 1 and suggests the closest names', () => {
  assert.throws(
    () => resolveEntity(town, '白沙工业区'),
    (err: unknown) => {
      assert.ok(err instanceof EntityNotFoundError);
      assert.equal(err.exitCode, 1);
      assert.equal(err.suggestions[0]?.key, 'industrial-park:白沙工业园');
      assert.match(err.message, /白沙工业园/);
      return true;
    },
  );
  // a misspelt pinyin is compared as pinyin
  assert.equal(suggestEntities(town, 'shuangfugongyuan')[0]?.key, 'industrial-park:双福工业园');
  // nothing close: no suggestion rather than a random one
  assert.deepEqual(suggestEntities(town, '完全无关的名字'), []);
});

test('the look-up index follows changes to the graph', () => {
  const g = kgGraph([['company', '甲公司', ['甲公司'], 1]], []);
  assert.equal(resolveEntity(g, '甲公司'), 'company:甲公司');
  g.addNode('company:乙公司', { label: '乙公司', entityType: 'company', aliases: ['乙公司'], mentions: [] });
  assert.equal(resolveEntity(g, '乙公司'), 'company:乙公司');
  g.dropNode('company:甲公司');
  assert.throws(() => resolveEntity(g, '甲公司'), EntityNotFoundError);
});

test('search ranks exact names first, then names that contain the text; limit keeps the total', () => {
  const r = searchEntities(town, '江津', { limit: 1 });
  assert.equal(r.total, 2);
  assert.deepEqual(
    r.matches.map((m) => m.key),
    ['place:江津区'],
  );
  const all = searchEntities(town, '工业园');
  assert.deepEqual(
    all.matches.map((m) => m.key),
    // equal kind: shorter label first, then more mentions
    ['industrial-park:双福工业园', 'industrial-park:白沙工业园'],
  );
  assert.deepEqual(searchEntities(town, 'zzzz').matches, []);
});

// ---------------------------------------------------------------------------------------------
// Paths

const labelsOf = (g: DirectedGraph, p: Path) => p.nodes.map((k) => g.getNodeAttribute(k, 'label') as string);

test('a path walks edges either way, each hop keeping its real direction and its evidence', () => {
  const r = findPaths(town, 'company:赛力斯', 'company:宏远机械');
  assert.equal(r.paths.length, 1);
  const [path] = r.paths;
  // 赛力斯 → 汽摩产业集群 ← 宏远机械 (2 hops) beats the way through the parks (4 hops)
  assert.deepEqual(labelsOf(town, path!), ['赛力斯', '汽摩产业集群', '宏远机械']);
  assert.deepEqual(
    path!.hops.map((h) => [h.relation, h.direction]),
    [
      ['leads', 'forward'],
      ['belongs-to-cluster', 'backward'],
    ],
  );
  assert.equal(path!.hops[1]!.evidence[0]!.sentence, '宏远机械等企业组成汽摩产业集群。');
  const text = formatPaths(town, r);
  assert.match(text, /赛力斯 —leads→ 汽摩产业集群/);
  assert.match(text, /汽摩产业集群 ←belongs-to-cluster— 宏远机械/);
  assert.match(text, /\n {4}“宏远机械等企业组成汽摩产业集群。” \(a\.txt\)/);
});

test('--relation, --type and --directed change which paths exist', () => {
  const viaParks = findPaths(town, 'company:赛力斯', 'company:宏远机械', { relations: ['located-in'] });
  assert.deepEqual(labelsOf(town, viaParks.paths[0]!), ['赛力斯', '双福工业园', '江津区', '白沙工业园', '宏远机械']);
  const noClusters = findPaths(town, 'company:赛力斯', 'company:宏远机械', { types: ['industrial-park', 'place'] });
  assert.equal(noClusters.paths[0]!.hops.length, 4);
  // following edge direction: 赛力斯 reaches 重庆市 but not the other way round
  assert.equal(findPaths(town, 'company:赛力斯', 'place:重庆市', { directed: true }).paths[0]!.hops.length, 3);
  assert.equal(findPaths(town, 'place:重庆市', 'company:赛力斯', { directed: true }).paths.length, 0);
  assert.equal(findPaths(town, 'company:赛力斯', 'company:宏远机械', { directed: true }).paths.length, 0);
  // a derived hop has no sentence and says so
  assert.match(formatPaths(town, findPaths(town, 'place:江津区', 'place:重庆市')), /gazetteer/);
});

test('--all gives every shortest path; --max-hops every simple path up to n hops, shortest first, bounded by limit', () => {
  const all = findPaths(town, 'industrial-park:双福工业园', 'industrial-park:白沙工业园', { all: true });
  assert.equal(all.paths.length, 1);
  const diamond = kgGraph(
    [['place', 'A'], ['place', 'B'], ['place', 'C'], ['place', 'D'], ['place', 'F'], ['place', 'G']],
    [
      ['place:A', 'located-in', 'place:B', 'A在B。'],
      ['place:A', 'located-in', 'place:C', 'A在C。'],
      ['place:B', 'located-in', 'place:D', 'B在D。'],
      ['place:C', 'located-in', 'place:D', 'C在D。'],
      ['place:A', 'located-in', 'place:F', 'A在F。'],
      ['place:F', 'located-in', 'place:G', 'F在G。'],
      ['place:G', 'located-in', 'place:D', 'G在D。'],
    ],
  );
  const shortest = findPaths(diamond, 'place:A', 'place:D', { all: true });
  assert.deepEqual(shortest.paths.map((p) => labelsOf(diamond, p).join('')).sort(), ['ABD', 'ACD']);
  // two ways in and two ways out of a middle node: four shortest paths
  const bowtie = kgGraph(
    ['S', 'A1', 'A2', 'M', 'B1', 'B2', 'T'].map((l): Node => ['place', l]),
    [
      ['place:S', 'located-in', 'place:A1', 'S在A1。'],
      ['place:S', 'located-in', 'place:A2', 'S在A2。'],
      ['place:A1', 'located-in', 'place:M', 'A1在M。'],
      ['place:A2', 'located-in', 'place:M', 'A2在M。'],
      ['place:M', 'located-in', 'place:B1', 'M在B1。'],
      ['place:M', 'located-in', 'place:B2', 'M在B2。'],
      ['place:B1', 'located-in', 'place:T', 'B1在T。'],
      ['place:B2', 'located-in', 'place:T', 'B2在T。'],
    ],
  );
  const four = findPaths(bowtie, 'place:S', 'place:T', { all: true, directed: true });
  assert.deepEqual(four.paths.map((p) => labelsOf(bowtie, p).join('-')).sort(), ['S-A1-M-B1-T', 'S-A1-M-B2-T', 'S-A2-M-B1-T', 'S-A2-M-B2-T']);
  assert.equal(findPaths(bowtie, 'place:T', 'place:S', { all: true }).paths.length, 4);
  const upTo2 = findPaths(diamond, 'place:A', 'place:D', { maxHops: 2 });
  assert.deepEqual(upTo2.paths.map((p) => labelsOf(diamond, p).join('')).sort(), ['ABD', 'ACD']);
  const upTo3 = findPaths(diamond, 'place:A', 'place:D', { maxHops: 3 });
  const found = upTo3.paths.map((p) => labelsOf(diamond, p).join(''));
  assert.deepEqual(found.slice(0, 2).sort(), ['ABD', 'ACD']);
  assert.equal(found[2], 'AFGD');
  assert.equal(found.length, 3);
  assert.equal(upTo3.truncated, false);
  const limited = findPaths(diamond, 'place:A', 'place:D', { maxHops: 3, limit: 1 });
  assert.equal(limited.paths.length, 1);
  assert.equal(limited.truncated, true);
});

/** Random small graphs: the walk agrees with graphology-shortest-path and graphology-simple-path. */
const randomGraph = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 24 }))
  .map(([n, pairs]) => {
    const g = new DirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(`place:${i}`, { label: String(i), entityType: 'place', aliases: [], mentions: [] });
    for (const [a, b] of pairs) {
      const s = `place:${a % n}`;
      const t = `place:${b % n}`;
      // one edge per pair of nodes, as kg's graphs have at most one relation between two entities here
      if (s !== t && !g.hasEdge(s, t) && !g.hasEdge(t, s)) g.addEdgeWithKey(`${s}->located-in->${t}`, s, t, { relation: 'located-in', evidence: [] });
    }
    return g;
  });

function undirectedCopy(g: DirectedGraph): UndirectedGraph {
  const u = new UndirectedGraph();
  g.forEachNode((k) => u.addNode(k));
  g.forEachEdge((_e, _a, s, t) => u.mergeEdge(s, t));
  return u;
}

test('shortest paths agree with graphology-shortest-path, in either direction and directed', () => {
  fc.assert(
    fc.property(randomGraph, fc.nat(11), fc.nat(11), (g, a, b) => {
      const s = `place:${a % g.order}`;
      const t = `place:${b % g.order}`;
      for (const [directed, reference] of [
        [false, bidirectional(undirectedCopy(g), s, t)],
        [true, bidirectional(g, s, t)],
      ] as const) {
        const mine = findPaths(g, s, t, { directed });
        assert.equal(mine.paths[0]?.nodes.length, reference?.length);
        // every hop is a real edge, walked in the direction it reports
        for (const h of mine.paths[0]?.hops ?? []) {
          const [src, dst] = h.direction === 'forward' ? [h.head, h.tail] : [h.tail, h.head];
          assert.equal(g.source(h.edge), src);
          assert.equal(g.target(h.edge), dst);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('every shortest path and every simple path up to n hops agree with graphology-simple-path', () => {
  fc.assert(
    fc.property(randomGraph, fc.nat(11), fc.nat(11), fc.integer({ min: 1, max: 6 }), (g, a, b, n) => {
      const s = `place:${a % g.order}`;
      const t = `place:${b % g.order}`;
      if (s === t) return;
      for (const [directed, ref] of [
        [false, undirectedCopy(g)],
        [true, g],
      ] as const) {
        const expected = allSimplePaths(ref, s, t, { maxDepth: n }).map((p) => p.join(' '));
        const simple = findPaths(g, s, t, { directed, maxHops: n, limit: 10_000 });
        assert.deepEqual(simple.paths.map((p) => p.nodes.join(' ')).sort(), expected.sort());
        // shortest first
        const lengths = simple.paths.map((p) => p.hops.length);
        assert.deepEqual(lengths, [...lengths].sort((x, y) => x - y));
        const every = allSimplePaths(ref, s, t);
        const min = Math.min(...every.map((p) => p.length));
        const shortest = findPaths(g, s, t, { directed, all: true, limit: 10_000 });
        assert.deepEqual(
          shortest.paths.map((p) => p.nodes.join(' ')).sort(),
          every.filter((p) => p.length === min).map((p) => p.join(' ')).sort(),
        );
      }
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------------------------
// Neighbours and entity cards

test('neighbours within k hops, each with the hop that reached it; a relation filter narrows them', () => {
  const one = neighbors(town, 'industrial-park:双福工业园');
  assert.deepEqual(
    one.neighbors.map((n) => [n.label, n.depth, n.via.direction]).sort(),
    [
      ['江津区', 1, 'forward'],
      ['赛力斯', 1, 'backward'],
    ],
  );
  const two = neighbors(town, 'industrial-park:双福工业园', { depth: 2 });
  assert.deepEqual(two.neighbors.map((n) => n.label).sort(), ['江津区', '汽摩产业集群', '白沙工业园', '赛力斯', '重庆市'].sort());
  assert.ok(two.neighbors.every((n) => n.depth === (['江津区', '赛力斯'].includes(n.label) ? 1 : 2)));
  const located = neighbors(town, 'industrial-park:双福工业园', { depth: 2, relations: ['located-in'] });
  assert.ok(!located.neighbors.some((n) => n.label === '汽摩产业集群'));
  const out = neighbors(town, 'industrial-park:双福工业园', { depth: 3, directed: true });
  assert.deepEqual(out.neighbors.map((n) => n.label), ['江津区', '重庆市']);
});

test('an entity card has type, aliases, mentions by document and relations grouped with evidence', () => {
  const card = showEntity(town, 'company:赛力斯');
  assert.equal(card.entityType, 'company');
  assert.deepEqual(card.aliases, ['赛力斯', '赛力斯汽车有限公司']);
  assert.equal(card.mentions, 3);
  assert.deepEqual(
    card.documents.map((d) => [d.id, d.mentions]),
    [
      ['a.txt', 2],
      ['b.txt', 1],
    ],
  );
  assert.equal(card.documents[0]!.title, '标题甲');
  assert.deepEqual(
    card.relations.map((r) => [r.relation, r.direction, r.other.label]),
    [
      ['leads', 'out', '汽摩产业集群'],
      ['located-in', 'out', '双福工业园'],
    ],
  );
  assert.equal(card.relations[1]!.evidence[0]!.sentence, '赛力斯汽车有限公司落户双福工业园。');
  const park = showEntity(town, 'industrial-park:双福工业园');
  assert.deepEqual(
    park.relations.map((r) => [r.relation, r.direction, r.other.label]),
    [
      ['located-in', 'out', '江津区'],
      ['located-in', 'in', '赛力斯'],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// The commands, on the seed graph and on the hand-made one

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
function kg(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const townFile = join(tempDir(), 'town.json');
writeFileAtomic(townFile, JSON.stringify(town.export()));

const seeds = build(['data/corpus'], { layoutIterations: 0, builtAt: '2026-01-01T00:00:00.000Z' }).then(({ graph }) => {
  const file = join(tempDir(), 'seeds.json');
  writeFileAtomic(file, JSON.stringify(graph.export()));
  return { graph, file };
});

/** Pairs of seed entities two or more hops apart, named by labels that resolve to them. */
function connectedPairs(g: DirectedGraph): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const unique = (k: string) => {
    try {
      return resolveEntity(g, g.getNodeAttribute(k, 'label') as string) === k;
    } catch {
      return false;
    }
  };
  g.forEachNode((s) => {
    if (!unique(s)) return;
    const far = neighbors(g, s, { depth: 4 }).neighbors.filter((n) => n.depth >= 2 && unique(n.key));
    if (far.length) pairs.push([s, far[far.length - 1]!.key]);
  });
  return pairs;
}

test('kg path on the seed graph prints every hop with its evidence sentence and document', async () => {
  const { graph, file } = await seeds;
  const pairs = connectedPairs(graph);
  assert.ok(pairs.length >= 3, 'the seed graph has entities several hops apart');
  const docs = new Set((graph.getAttribute('documents') as Array<{ id: string }>).map((d) => d.id));
  for (const [s, t] of pairs.slice(0, 3)) {
    const from = graph.getNodeAttribute(s, 'label') as string;
    const to = graph.getNodeAttribute(t, 'label') as string;
    const r = kg('path', from, to, '-g', file);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const hops = lines.filter((l) => /^ {2}\S.* (—\S+→|←\S+—) /.test(l));
    assert.ok(hops.length >= 2, r.stdout);
    for (const hop of hops) {
      const evidence = lines[lines.indexOf(hop) + 1]!;
      const m = /^ {4}“(.+)” \((.+?)\)/.exec(evidence);
      if (m) assert.ok(docs.has(m[2]!), evidence);
      else assert.match(evidence, /gazetteer/, `hop without evidence: ${hop}`);
    }
    const json = JSON.parse(kg('path', from, to, '-g', file, '--json').stdout);
    assert.equal(json.from.key, s);
    assert.equal(json.to.key, t);
    for (const hop of json.paths[0].hops) {
      assert.ok(['forward', 'backward'].includes(hop.direction));
      assert.ok(hop.derived || hop.evidence.length > 0, JSON.stringify(hop));
      for (const e of hop.evidence) assert.ok(graph.getEdgeAttribute(hop.edge, 'evidence').some((x: { sentence: string }) => x.sentence === e.sentence));
    }
  }
});

test('kg path: an ambiguous name exits 2 listing candidates, an unknown one exits 1 with suggestions', () => {
  const amb = kg('path', '白沙', '赛力斯', '-g', townFile);
  assert.equal(amb.code, 2);
  assert.equal(amb.stdout, '');
  assert.match(amb.stderr, /^kg: "白沙" is ambiguous/);
  assert.match(amb.stderr, /industrial-park:白沙工业园 {2}\(industrial-park, 2 mentions\)/);
  assert.match(amb.stderr, /industrial-park:白沙组团 {2}\(industrial-park, 1 mention\)/);
  const ambJson = kg('path', '白沙', '赛力斯', '-g', townFile, '--json');
  assert.equal(ambJson.code, 2);
  assert.deepEqual(JSON.parse(ambJson.stdout).candidates.map((c: { key: string }) => c.key).sort(), ['industrial-park:白沙工业园', 'industrial-park:白沙组团']);
  const none = kg('path', '白沙工业区', '赛力斯', '-g', townFile);
  assert.equal(none.code, 1);
  assert.equal(none.stderr.trim().split('\n').length, 1);
  assert.match(none.stderr, /^kg: no entity matches "白沙工业区"; did you mean 白沙工业园/);
  const unreachable = kg('path', '赛力斯', '重庆市', '-g', townFile, '--directed', '--relation', 'leads');
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.stderr, /no path/);
  const badRelation = kg('path', '赛力斯', '重庆市', '-g', townFile, '--relation', 'owns');
  assert.equal(badRelation.code, 2);
});

test('kg path --json, --all, --max-hops; kg neighbors, show and search print their results', () => {
  const p = JSON.parse(kg('path', 'chongqing', '宏远机械', '-g', townFile, '--json').stdout);
  assert.deepEqual(
    p.paths[0].hops.map((h: { head: string; relation: string; tail: string; direction: string }) => [h.head, h.relation, h.tail, h.direction]),
    [
      ['place:重庆市', 'located-in', 'place:江津区', 'backward'],
      ['place:江津区', 'located-in', 'industrial-park:白沙工业园', 'backward'],
      ['industrial-park:白沙工业园', 'located-in', 'company:宏远机械', 'backward'],
    ],
  );
  const many = kg('path', '赛力斯', '宏远机械', '-g', townFile, '--max-hops', '4');
  assert.equal(many.code, 0, many.stderr);
  assert.match(many.stdout, /path 1 of 2: 赛力斯 \(company\) → 宏远机械 \(company\), 2 hops/);
  assert.match(many.stdout, /path 2 of 2: .*, 4 hops/);
  const n = kg('neighbors', '双福工业园', '-g', townFile, '--depth', '2');
  assert.equal(n.code, 0, n.stderr);
  assert.match(n.stdout, /双福工业园 \(industrial-park\): 5 neighbours/);
  assert.match(n.stdout, /2 {2}江津区 —located-in→ 重庆市/);
  const s = kg('show', 'sls', '-g', townFile);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /^赛力斯 {2}\(company\)/);
  assert.match(s.stdout, /aliases {4}赛力斯、赛力斯汽车有限公司/);
  assert.match(s.stdout, /leads →\n {2}汽摩产业集群 {2}\(industry-cluster\)\n {4}“以赛力斯为龙头的汽摩产业集群。” \(a\.txt\)/);
  assert.equal(JSON.parse(kg('show', '赛力斯', '-g', townFile, '--json').stdout).mentions, 3);
  const found = kg('search', '工业园', '-g', townFile);
  assert.equal(found.code, 0);
  assert.match(found.stdout, /1\. 双福工业园 .*\n\s+2\. 白沙工业园/);
  assert.equal(kg('search', 'qqqqqq', '-g', townFile).code, 1);
});
