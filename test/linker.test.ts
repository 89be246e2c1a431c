// The relation classifier's candidates: pairs in a sentence, and pairs through anaphors and
// elided subjects, with the sentence that names the entity kept as evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFromText } from '../src/ingest/index.js';
import { candidatePairs, allowedRelations } from '../src/linker/candidates.js';
import { linkDocument } from '../src/linker/index.js';
import { relateDocument } from '../src/relate/index.js';
import { fromArrays, CLASSES, decide, linkerPayload, trainLinker } from '../src/linker/model.js';
import { RUN_SEED_STEP } from '../src/random.js';
import { linkExamples } from '../src/linker/index.js';
import { pairFeatures } from '../src/linker/features.js';
import type { Linked } from '../src/relate/sentence.js';
import type { EntityType, Relation } from '../src/types.js';

/** Mentions of the given names in a document, each its own entity (named by its text). */
function linked(text: string, names: Array<[string, EntityType]>) {
  const doc = documentFromText('a.txt', text);
  const mentions: Linked[] = [];
  for (const [name, type] of names) {
    for (let at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + name.length)) {
      const sentence = doc.sentences.find((s) => at >= s.start && at < s.end)!;
      mentions.push({ doc: 'a.txt', start: at, end: at + name.length, text: name, sentence: sentence.index, type, nstart: at, nend: at + name.length, rule: 'test', entity: name });
    }
  }
  return { doc, mentions: mentions.sort((a, b) => a.nstart - b.nstart) };
}

const pairsOf = (text: string, names: Array<[string, EntityType]>) => {
  const { doc, mentions } = linked(text, names);
  return candidatePairs(doc, mentions).map((c) => `${c.head.entity}${c.head.anaphor ? `(${c.head.anaphor})` : ''} → ${c.tail.entity}${c.tail.anaphor ? `(${c.tail.anaphor})` : ''} [${c.allowed.join(',')}]`);
};

test('the guideline decides which type pairs are candidates for which relation', () => {
  assert.deepEqual(allowedRelations('company', 'industrial-park'), ['located-in']);
  assert.deepEqual(allowedRelations('company', 'industry-cluster'), ['belongs-to-cluster', 'leads']);
  assert.deepEqual(allowedRelations('person', 'organization'), ['leads']);
  assert.deepEqual(allowedRelations('person', 'place'), []);
  assert.deepEqual(allowedRelations('place', 'company'), []);
});

test('every allowed pair of a sentence is a candidate, in both directions where allowed', () => {
  const p = pairsOf('瑞达科技有限公司落户双福工业园。', [['瑞达科技有限公司', 'company'], ['双福工业园', 'industrial-park']]);
  assert.deepEqual(p, ['瑞达科技有限公司 → 双福工业园 [located-in]'], 'a park is never located in a company');
  // a park and a place may each be in the other (双福 is a part of the park in 科学城双福片区)
  const both = pairsOf('双福工业园位于江津区。', [['双福工业园', 'industrial-park'], ['江津区', 'place']]);
  assert.deepEqual(both.sort(), ['双福工业园 → 江津区 [located-in]', '江津区 → 双福工业园 [located-in]']);
});

test('an anaphor stands for the nearest earlier entity of its kind', () => {
  const park = pairsOf('双福工业园去年产值增长两成。今年该园引进瑞达科技有限公司。', [['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  assert.ok(park.includes('瑞达科技有限公司 → 双福工业园(该园) [located-in]'), park.join('\n'));
  const district = pairsOf('璧山区加快发展。璧山区新签约项目多。我区引进恒通储能项目。', [['璧山区', 'place'], ['恒通储能项目', 'project']]);
  assert.ok(district.includes('恒通储能项目 → 璧山区(我区) [located-in]'), district.join('\n'));
  const projects = pairsOf('恒通储能项目开工。这些项目落户璧山区。', [['恒通储能项目', 'project'], ['璧山区', 'place']]);
  assert.ok(projects.includes('恒通储能项目(这些项目) → 璧山区 [located-in]'), projects.join('\n'));
  const company = pairsOf('瑞达科技有限公司去年营收增长。该公司今年落户双福工业园。', [['瑞达科技有限公司', 'company'], ['双福工业园', 'industrial-park']]);
  assert.ok(company.includes('瑞达科技有限公司(该公司) → 双福工业园 [located-in]'), company.join('\n'));
  // 其 stands for the nearest earlier name that can hold or lead something (not a person or a cluster)
  const its = pairsOf('双福工业园今年产值增长。其新引进的瑞达科技有限公司已投产。', [['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  assert.ok(its.includes('瑞达科技有限公司 → 双福工业园(其) [located-in]'), its.join('\n'));
  // 该集群 stands for the cluster named before (该集群以甲公司为龙头)
  const cluster = pairsOf('电子信息产业集群集聚企业超千家。该集群以瑞达科技有限公司为龙头。', [['电子信息产业集群', 'industry-cluster'], ['瑞达科技有限公司', 'company']]);
  assert.ok(cluster.includes('瑞达科技有限公司 → 电子信息产业集群(该集群) [belongs-to-cluster,leads]'), cluster.join('\n'));
});

test('an item of a long list is a candidate with what its list is near, however long the list', () => {
  const items = Array.from({ length: 8 }, (_, i) => `甲乙丙${'一二三四五六七八'[i]}号新能源汽车零部件智能制造项目`);
  const names: Array<[string, EntityType]> = [['璧山区', 'place'], ...items.map((n): [string, EntityType] => [n, 'project'])];
  const p = pairsOf(`璧山区此次开工的项目分别为${items.join('、')}。`, names);
  assert.ok(p.includes(`${items.at(-1)} → 璧山区 [located-in]`), p.join('\n'));
  // a name as far from the place and in no list is none
  const far = pairsOf(`璧山区此次开工的项目分别为${items.slice(0, 7).join('，')}，还有${items[7]}。`, names);
  assert.ok(!far.includes(`${items[7]} → 璧山区 [located-in]`), far.join('\n'));
});

test("a sentence that opens without a name continues the previous one's park", () => {
  const p = pairsOf('双福工业园去年产值增长两成。全力打造智能装备产业园，引进瑞达科技有限公司。', [['双福工业园', 'industrial-park'], ['智能装备产业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  assert.ok(p.includes('瑞达科技有限公司 → 双福工业园(elided) [located-in]'), p.join('\n'));
  assert.ok(p.includes('智能装备产业园 → 双福工业园(elided) [located-in]'), p.join('\n'));
});

test('a sentence that states hosting but names no place speaks of the place or park named just before', () => {
  const p = pairsOf('双福工业园去年产值增长两成。瑞达科技有限公司等企业已经入驻。', [['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  assert.ok(p.includes('瑞达科技有限公司 → 双福工业园(elided-place) [located-in]'), p.join('\n'));
  // without a hosting word, nothing is read into the sentence
  const none = pairsOf('双福工业园去年产值增长两成。瑞达科技有限公司去年营收增长。', [['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  assert.ok(!none.some((x) => x.includes('elided-place')), none.join('\n'));
});

test('a sentence that states hosting with no place or park near it speaks of the one the article names most', () => {
  const text = '綦江区今年项目建设提速。綦江区新开工项目过百个。全年投资增长一成。就业稳中有升。消费持续回暖。瑞达科技有限公司等企业已经入驻。';
  const p = pairsOf(text, [['綦江区', 'place'], ['瑞达科技有限公司', 'company']]);
  assert.ok(p.includes('瑞达科技有限公司 → 綦江区(topic) [located-in]'), p.join('\n'));
  // a place named within two sentences before is the elided place, not the topic
  const near = pairsOf('綦江区今年项目建设提速。全年投资增长一成。瑞达科技有限公司等企业已经入驻。', [['綦江区', 'place'], ['瑞达科技有限公司', 'company']]);
  assert.ok(near.includes('瑞达科技有限公司 → 綦江区(elided-place) [located-in]'), near.join('\n'));
});

test('a park the sentence before builds or gathers is what was hosted there, not the elided place', () => {
  const names: Array<[string, EntityType]> = [['甲乙经开区', 'industrial-park'], ['丙丁装备产业园', 'industrial-park'], ['戊己科技有限公司', 'company']];
  const text = '甲乙经开区今年项目建设提速。载体平台方面，建成丙丁装备产业园等18个特色园区。目前集聚了戊己科技有限公司等企业。';
  const p = pairsOf(text, names);
  assert.ok(!p.some((x) => x.startsWith('戊己科技有限公司 → 丙丁装备产业园(')), p.join('\n'));
  assert.ok(p.includes('戊己科技有限公司 → 甲乙经开区(elided-place) [located-in]'), p.join('\n'));
  // a hosting word used as a noun, or inside a name, acts on no site
  const rd: Array<[string, EntityType]> = [['綦江区', 'place'], ['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company'], ['甲乙建设集团有限公司', 'company']];
  const noun = pairsOf('綦江区今年经济稳中有进。綦江区新开工项目过百个。项目建设方面，双福工业园新开工项目12个。瑞达科技有限公司等企业已经入驻。', rd);
  assert.ok(noun.includes('瑞达科技有限公司 → 双福工业园(elided-place) [located-in]'), noun.join('\n'));
  const named = pairsOf('綦江区今年经济稳中有进。甲乙建设集团有限公司在双福工业园投资扩产。瑞达科技有限公司等企业已经入驻。', rd);
  assert.ok(named.includes('瑞达科技有限公司 → 双福工业园(elided-place) [located-in]'), named.join('\n'));
});

test('a place written as the venue of an event before is no elided place, nor is the topic then', () => {
  const names: Array<[string, EntityType]> = [['丙丁区', 'place'], ['戊己科技产业园项目', 'project']];
  const venue = pairsOf('丙丁区今年项目建设提速。丙丁区新开工项目过百个。本月上旬在丙丁区举行招商推介会。签约的项目有戊己科技产业园项目。', names);
  assert.ok(!venue.some((x) => x.startsWith('戊己科技产业园项目 → ') && /elided-place|topic/u.test(x)), venue.join('\n'));
  // the same place written as the subject that signs is the elided place
  const host = pairsOf('丙丁区今年项目建设提速。丙丁区新开工项目过百个。本月上旬丙丁区举行招商推介会。签约的项目有戊己科技产业园项目。', names);
  assert.ok(host.includes('戊己科技产业园项目 → 丙丁区(elided-place) [located-in]'), host.join('\n'));
});

test('a relation read through an anaphor keeps both sentences as evidence, the one that states it first', () => {
  const { doc, mentions } = linked('双福工业园去年产值增长两成。今年该园引进瑞达科技有限公司。', [['双福工业园', 'industrial-park'], ['瑞达科技有限公司', 'company']]);
  // a classifier that says located-in wherever it may: what is left to check is the evidence
  const keys = new Set<number>();
  for (const c of candidatePairs(doc, mentions)) for (const k of pairFeatures(doc, c, new Map(), [c.head, c.tail])) keys.add(k);
  const sorted = Uint32Array.from(keys).sort();
  const weights = new Int16Array(sorted.length * CLASSES.length).map((_, i) => (i % CLASSES.length === 1 ? 1 : 0));
  const rel = linkDocument(doc, mentions, fromArrays(sorted, weights, 1)).find((r) => r.head === '瑞达科技有限公司' && r.tail === '双福工业园');
  assert.ok(rel, 'the relation is found');
  assert.deepEqual(rel.evidence.map((e) => e.sentence), ['今年该园引进瑞达科技有限公司。', '双福工业园去年产值增长两成。']);
});

/**
 * Each candidate pair of a document with its feature keys as linkDocument makes them (the
 * sentence's arguments in the order the candidates name them).
 */
function pairKeys(doc: ReturnType<typeof linked>['doc'], mentions: Linked[]): Map<ReturnType<typeof candidatePairs>[number], Uint32Array> {
  const pairs = candidatePairs(doc, mentions);
  const args = [...new Set(pairs.flatMap((c) => [c.head, c.tail]))];
  return new Map(pairs.map((c) => [c, pairFeatures(doc, c, new Map(), args)]));
}

type Pair = ReturnType<typeof candidatePairs>[number];

/** The keys of the pairs `fits` accepts. */
function keysWhere(keys: Map<Pair, Uint32Array>, fits: (c: Pair) => boolean): Set<number> {
  return new Set([...keys].filter(([c]) => fits(c)).flatMap(([, k]) => [...k]));
}

/** The keys that only the pairs `fits` accepts have: weights on them speak for those pairs alone. */
function keysOnly(keys: Map<Pair, Uint32Array>, fits: (c: Pair) => boolean): Set<number> {
  const others = keysWhere(keys, (c) => !fits(c));
  return new Set([...keysWhere(keys, fits)].filter((k) => !others.has(k)));
}

/** A classifier over those keys whose only weights are for one relation (located-in unless said): `weightOf` each key. */
function modelFor(keys: Map<unknown, Uint32Array>, weightOf: (key: number) => number, relation: (typeof CLASSES)[number] = 'located-in') {
  const sorted = Uint32Array.from(new Set([...keys.values()].flatMap((k) => [...k]))).sort();
  const weights = new Int16Array(sorted.length * CLASSES.length);
  sorted.forEach((k, i) => (weights[i * CLASSES.length + CLASSES.indexOf(relation)] = weightOf(k)));
  return fromArrays(sorted, weights, 1);
}

test('the classifier puts an entity in one park per document: the best-scoring one', () => {
  const { doc, mentions } = linked('瑞达科技有限公司与双福工业园、德感工业园座谈，江津区参加。', [
    ['瑞达科技有限公司', 'company'],
    ['双福工业园', 'industrial-park'],
    ['德感工业园', 'industrial-park'],
    ['江津区', 'place'],
  ]);
  assert.deepEqual(relateDocument(doc, mentions).filter((r) => r.head === '瑞达科技有限公司'), [], 'no pattern relates the company here');
  const keys = pairKeys(doc, mentions);
  const keysOf = (tail: string) => keysWhere(keys, (c) => c.head.entity === '瑞达科技有限公司' && c.tail.entity === tail);
  const toSite = (favoured: string, other: string) => {
    // located-in wherever it may; the favoured park's pair scores higher than the other's
    const a = keysOf(favoured);
    const b = keysOf(other);
    return linkDocument(doc, mentions, modelFor(keys, (k) => 1 + (a.has(k) ? 20 : 0) + (b.has(k) ? 10 : 0)))
      .filter((r) => r.head === '瑞达科技有限公司' && r.relation === 'located-in')
      .map((r) => r.tail)
      .sort();
  };
  // one park, and the place beside it (a place is not a park: both stay)
  assert.deepEqual(toSite('双福工业园', '德感工业园'), ['双福工业园', '江津区']);
  assert.deepEqual(toSite('德感工业园', '双福工业园'), ['德感工业园', '江津区']);
});

const COMPANY = '瑞达科技有限公司';

/**
 * An article about COMPANY and the places it names, and the company's located-in relations as a
 * classifier decides them whose only weights are for located-in: `weight` of a key, by whether
 * the pairs with the place `favoured` as tail have it (by default 21 if so, else 1).
 */
function companyAndPlaces(text: string, places: string[]) {
  const { doc, mentions } = linked(text, [[COMPANY, 'company'], ...places.map((p): [string, EntityType] => [p, 'place'])]);
  const keys = pairKeys(doc, mentions);
  const locatedIn = (favoured: string, weight: (fav: boolean) => number = (fav) => (fav ? 21 : 1)) => {
    const fav = keysWhere(keys, (c) => c.tail.entity === favoured);
    return linkDocument(doc, mentions, modelFor(keys, (k) => weight(fav.has(k)))).filter((r) => r.relation === 'located-in' && r.head === COMPANY);
  };
  return { doc, mentions, locatedIn };
}

const tailsOf = (relations: readonly Relation[]) => [...new Set(relations.map((r) => r.tail))].sort();

test('of the places the classifier puts an entity in across a document, the best-scoring stays, with every sentence that states it', () => {
  const { doc, mentions, locatedIn } = companyAndPlaces('瑞达科技有限公司走访永川区。瑞达科技有限公司走访江津区。瑞达科技有限公司又走访江津区。', ['永川区', '江津区']);
  assert.deepEqual(relateDocument(doc, mentions), [], 'no pattern relates them here');
  const inJiangjin = locatedIn('江津区');
  assert.deepEqual(tailsOf(inJiangjin), ['江津区']);
  assert.deepEqual(inJiangjin.flatMap((r) => r.evidence.map((e) => e.sentence)), ['瑞达科技有限公司走访江津区。', '瑞达科技有限公司又走访江津区。']);
  assert.deepEqual(tailsOf(locatedIn('永川区')), ['永川区']);
});

test('beside the best-scoring place, a place the gazetteer nests with it stays: a district and its city', () => {
  const { locatedIn } = companyAndPlaces('瑞达科技有限公司走访永川区。瑞达科技有限公司走访江津区。瑞达科技有限公司走访重庆市。', ['永川区', '江津区', '重庆市']);
  assert.deepEqual(tailsOf(locatedIn('江津区')), ['江津区', '重庆市'].sort(), '永川区, beside 江津区 in 重庆市, goes');
});

test("where the patterns give an entity a place, the classifier's other places for it go", () => {
  const { doc, mentions, locatedIn } = companyAndPlaces('瑞达科技有限公司落户江津区。瑞达科技有限公司走访永川区。瑞达科技有限公司走访江津区。', ['永川区', '江津区']);
  const ruled = relateDocument(doc, mentions).filter((r) => r.relation === 'located-in');
  assert.deepEqual(ruled.map((r) => r.tail), ['江津区'], 'the pattern reads 落户');
  // a classifier sure of 永川区 (and unsure of 江津区) does not add it beside the pattern's 江津区
  const found = locatedIn('永川区', (fav) => (fav ? 20 : 1));
  assert.deepEqual(tailsOf(found), ['江津区']);
  // and every sentence that states it stays as evidence, the classifier's too
  assert.deepEqual([...new Set(found.flatMap((r) => r.evidence.map((e) => e.sentence)))].sort(), ['瑞达科技有限公司落户江津区。', '瑞达科技有限公司走访江津区。'].sort());
});

test('a place in brackets right after a name is that name\'s location, not its neighbours\'', () => {
  // cities in brackets, which the bracket pattern leaves to the classifier (relate/located.ts)
  const { doc, mentions } = linked('重点项目有瑞达电子项目（成都）、恒通机械项目（深圳）。', [
    ['瑞达电子项目', 'project'],
    ['成都', 'place'],
    ['恒通机械项目', 'project'],
    ['深圳', 'place'],
  ]);
  // a classifier that says located-in to every pair that allows it
  const located = linkDocument(doc, mentions, modelFor(pairKeys(doc, mentions), () => 1))
    .filter((r) => r.relation === 'located-in' && r.head.endsWith('项目'))
    .map((r) => `${r.head} → ${r.tail}`)
    .sort();
  assert.deepEqual(located, ['恒通机械项目 → 深圳', '瑞达电子项目 → 成都']);
});

test("what the classifier says of a list's item nearest the other name, it says of the whole list", () => {
  const text = '白沙工业园走访了甲科技有限公司、乙科技有限公司、丙科技有限公司。';
  const names: Array<[string, EntityType]> = [['白沙工业园', 'industrial-park'], ['甲科技有限公司', 'company'], ['乙科技有限公司', 'company'], ['丙科技有限公司', 'company']];
  const { doc, mentions } = linked(text, names);
  assert.deepEqual(relateDocument(doc, mentions), [], 'no pattern relates them here');
  const keys = pairKeys(doc, mentions);
  // a classifier that says located-in for one item's pair alone (keys no other pair has)
  const onlyFor = (company: string) => {
    const mine = keysOnly(keys, (c) => c.head.entity === company);
    return linkDocument(doc, mentions, modelFor(keys, (k) => (mine.has(k) ? 5 : 0)))
      .filter((r) => r.relation === 'located-in' && r.tail === '白沙工业园')
      .map((r) => r.head)
      .sort();
  };
  assert.deepEqual(onlyFor('甲科技有限公司'), ['丙科技有限公司', '乙科技有限公司', '甲科技有限公司'], 'the nearest item speaks for its list');
  assert.deepEqual(onlyFor('丙科技有限公司'), ['丙科技有限公司'], 'a far item speaks for itself alone');
  // a place written flush against the first item is that item's region prefix, not the list's
  const prefixed = linked('引进了德国甲科技有限公司、乙科技有限公司。', [['德国', 'place'], ['甲科技有限公司', 'company'], ['乙科技有限公司', 'company']]);
  const pk = pairKeys(prefixed.doc, prefixed.mentions);
  const located = linkDocument(prefixed.doc, prefixed.mentions, modelFor(pk, () => 0))
    .filter((r) => r.relation === 'located-in' && r.tail === '德国')
    .map((r) => r.head);
  assert.deepEqual(located, ['甲科技有限公司'], 'the patterns read the prefix as the first item\'s location');
  const firstOnly = keysOnly(pk, (c) => c.head.entity === '甲科技有限公司' && c.tail.entity === '德国');
  const prefixOf = linkDocument(prefixed.doc, prefixed.mentions, modelFor(pk, (k) => (firstOnly.has(k) ? 5 : 0)))
    .filter((r) => r.relation === 'located-in' && r.tail === '德国')
    .map((r) => r.head);
  assert.deepEqual([...new Set(prefixOf)], ['甲科技有限公司']);
  // nor is a place nested in an item's name (永川区 in 永川区恒通机械项目) the list's
  const nested = linked('重点项目有永川区恒通机械项目、江津区瑞达电子项目。', [['永川区恒通机械项目', 'project'], ['江津区瑞达电子项目', 'project'], ['永川区', 'place'], ['江津区', 'place']]);
  const nk = pairKeys(nested.doc, nested.mentions);
  const own = keysOnly(nk, (c) => c.head.entity === '永川区恒通机械项目' && c.tail.entity === '永川区');
  const inYongchuan = linkDocument(nested.doc, nested.mentions, modelFor(nk, (k) => (own.has(k) ? 5 : 0)))
    .filter((r) => r.relation === 'located-in' && r.tail === '永川区')
    .map((r) => r.head);
  assert.ok(inYongchuan.includes('永川区恒通机械项目'), inYongchuan.join(', '));
  assert.ok(!inYongchuan.includes('江津区瑞达电子项目'), inYongchuan.join(', '));
});

test('items that each carry a modifier (A、总投资5亿元的B) are one list: what the classifier says of the nearest it says of all', () => {
  const text = '白沙工业园引进了总投资8亿元的甲科技有限公司、投资5亿元的乙科技有限公司。';
  const names: Array<[string, EntityType]> = [['白沙工业园', 'industrial-park'], ['甲科技有限公司', 'company'], ['乙科技有限公司', 'company']];
  const { doc, mentions } = linked(text, names);
  const keys = pairKeys(doc, mentions);
  const first = keysOnly(keys, (c) => c.head.entity === '甲科技有限公司');
  const heads = linkDocument(doc, mentions, modelFor(keys, (k) => (first.has(k) ? 5 : 0)))
    .filter((r) => r.relation === 'located-in' && r.tail === '白沙工业园')
    .map((r) => r.head);
  assert.deepEqual([...new Set(heads)].sort(), ['乙科技有限公司', '甲科技有限公司']);
  // a clause between them ends the list
  const apart = linked('白沙工业园引进了甲科技有限公司，投资5亿元的乙科技有限公司也已投产。', names);
  const ak = pairKeys(apart.doc, apart.mentions);
  const own = keysOnly(ak, (c) => c.head.entity === '甲科技有限公司');
  const alone = linkDocument(apart.doc, apart.mentions, modelFor(ak, (k) => (own.has(k) ? 5 : 0)))
    .filter((r) => r.relation === 'located-in' && r.tail === '白沙工业园')
    .map((r) => r.head);
  assert.deepEqual([...new Set(alone)], ['甲科技有限公司']);
});

test('a list may mix companies, projects and parks; a relation goes to the items the guideline allows it for', () => {
  const located = linked('白沙工业园走访了甲科技有限公司、乙电子项目、丙科技有限公司。', [['白沙工业园', 'industrial-park'], ['甲科技有限公司', 'company'], ['乙电子项目', 'project'], ['丙科技有限公司', 'company']]);
  const lk = pairKeys(located.doc, located.mentions);
  const first = keysOnly(lk, (c) => c.head.entity === '甲科技有限公司');
  const heads = linkDocument(located.doc, located.mentions, modelFor(lk, (k) => (first.has(k) ? 5 : 0)))
    .filter((r) => r.relation === 'located-in' && r.tail === '白沙工业园')
    .map((r) => r.head);
  assert.deepEqual([...new Set(heads)].sort(), ['丙科技有限公司', '乙电子项目', '甲科技有限公司']);
  // leads the company's cluster: a project in its list leads nothing
  const led = linked('电子信息产业集群走访了甲科技有限公司、乙电子项目。', [['电子信息产业集群', 'industry-cluster'], ['甲科技有限公司', 'company'], ['乙电子项目', 'project']]);
  const dk = pairKeys(led.doc, led.mentions);
  const own = keysOnly(dk, (c) => c.head.entity === '甲科技有限公司');
  const leads = linkDocument(led.doc, led.mentions, modelFor(dk, (k) => (own.has(k) ? 5 : 0), 'leads')).filter((r) => r.tail === '电子信息产业集群');
  assert.deepEqual(leads.map((r) => `${r.head} ${r.relation}`), ['甲科技有限公司 leads']);
});

test('the words between two names read figures as one shape', () => {
  const keysOf = (text: string) => {
    const { doc, mentions } = linked(text, [['临空经济区', 'industrial-park'], ['甲医药项目', 'project']]);
    return [...pairKeys(doc, mentions).values()].map((k) => [...k].sort().join(','));
  };
  assert.deepEqual(keysOf('临空经济区3个：甲医药项目。'), keysOf('临空经济区6个：甲医药项目。'));
  assert.notDeepEqual(keysOf('临空经济区3个：甲医药项目。'), keysOf('临空经济区的：甲医药项目。'));
});

/** Four articles' pairs: 落户 between a company and a park states located-in, 参观 does not. */
function triggerExamples() {
  const articles = [
    ['甲科技有限公司落户双福工业园。', true],
    ['乙科技有限公司落户德感工业园。', true],
    ['丙科技有限公司参观双福工业园。', false],
    ['丁科技有限公司参观德感工业园。', false],
  ] as const;
  return articles.flatMap(([text, related]) => {
    const company = text.slice(0, 7);
    const park = text.slice(9, 14);
    const { doc, mentions } = linked(text, [[company, 'company'], [park, 'industrial-park']]);
    return linkExamples(doc, mentions, related ? [{ head: company, type: 'located-in', tail: park }] : []);
  });
}

const TRIGGER_OPTIONS = { epochs: 20, seed: 1, positiveWeight: 1, rate: 0.1, l2: 1e-4 };

test('the relation classifier learns from gold pairs what a trigger word says, and the same examples give the same bytes', () => {
  const examples = triggerExamples();
  const model = trainLinker(examples, TRIGGER_OPTIONS);
  for (const ex of examples) assert.equal(decide(model, ex.features, ex.allowed).k, ex.label);
  // unseen pairs: the classifier's own decision (not the patterns', which linkDocument adds)
  const classesOf = (text: string) => {
    const { doc, mentions } = linked(text, [[text.slice(0, 7), 'company'], [text.slice(9, 14), 'industrial-park']]);
    return linkExamples(doc, mentions, []).map((ex) => CLASSES[decide(model, ex.features, ex.allowed).k]);
  };
  assert.ok(classesOf('戊科技有限公司落户白沙工业园。').includes('located-in'));
  assert.ok(!classesOf('己科技有限公司参观白沙工业园。').includes('located-in'));
  assert.deepEqual(linkerPayload(trainLinker(examples, TRIGGER_OPTIONS)).bytes, linkerPayload(model).bytes);
});

test('a classifier trained in several runs, each in its own order, scores as the mean of the runs', () => {
  const examples = triggerExamples();
  // seeds 1, 1 + RUN_SEED_STEP, …: a pair's scores are the mean of the runs'
  const scores = (m: ReturnType<typeof trainLinker>, ex: (typeof examples)[number]) => {
    const rows = new Map([...m.keys].map((key, row) => [key, row]));
    return CLASSES.map((_, k) => [...ex.features].reduce((s, f) => s + (rows.has(f) ? m.weights[rows.get(f)! * CLASSES.length + k]! : 0), 0) * m.scale);
  };
  const a = trainLinker(examples, { ...TRIGGER_OPTIONS, seed: 1 });
  const b = trainLinker(examples, { ...TRIGGER_OPTIONS, seed: 1 + RUN_SEED_STEP });
  const two = trainLinker(examples, { ...TRIGGER_OPTIONS, seed: 1, runs: 2 });
  let apart = 0;
  for (const ex of examples) {
    // each stored weight is rounded to half its model's step: a sum of n weights is off by at most n half-steps
    const tolerance = (ex.features.length / 2) * (a.scale + b.scale + 2 * two.scale);
    const [sa, sb, s2] = [scores(a, ex), scores(b, ex), scores(two, ex)];
    s2.forEach((v, k) => {
      assert.ok(Math.abs(v - (sa[k]! + sb[k]!) / 2) <= tolerance, `class ${k}: ${v} against the mean ${(sa[k]! + sb[k]!) / 2}`);
      apart = Math.max(apart, Math.abs(sa[k]! - sb[k]!) - 2 * tolerance);
    });
  }
  assert.ok(apart > 0, 'the two orders gave different classifiers');
});

test("the classifier finds each key's weights whatever the key: 0, 2³¹ and over, keys that share their low bits, a key given twice", () => {
  // rows 0–6 say class 1 with weights 10, 20, …; 0, 16, 32 and 48 share their low bits, and so do 2³¹ and 2³² − 16
  const keys = Uint32Array.from([0, 16, 32, 48, 2 ** 31, 2 ** 32 - 16, 7]);
  const weights = new Int16Array(keys.length * CLASSES.length);
  keys.forEach((_, row) => (weights[row * CLASSES.length + 1] = 10 * (row + 1)));
  const model = fromArrays(keys, weights, 1);
  keys.forEach((key, row) => assert.deepEqual(decide(model, Uint32Array.of(key), [0, 1]), { k: 1, margin: 10 * (row + 1) }, `key ${key}`));
  // a key the model lacks, though it shares low bits with several it has: no weight
  assert.deepEqual(decide(model, Uint32Array.of(64), [0, 1]), { k: 0, margin: 0 });
  // a key given twice (a damaged file): its last row
  const twice = fromArrays(Uint32Array.from([5, 5]), Int16Array.from([0, 1, 0, 0, 0, 2, 0, 0]), 1);
  assert.deepEqual(decide(twice, Uint32Array.of(5), [0, 1]), { k: 1, margin: 2 });
});

test('in an article about a park, what a sentence with no site of its own hosts is in that park', () => {
  const names: Array<[string, EntityType]> = [['甲乙经开区', 'industrial-park'], ['丙丁市', 'place'], ['戊己科技', 'company'], ['庚辛电子', 'company'], ['壬癸项目', 'project'], ['子丑园', 'industrial-park'], ['寅卯区', 'place']];
  // a classifier that relates nothing: what stays is the topic's (and the patterns')
  const none = fromArrays(new Uint32Array(0), new Int16Array(0), 1);
  const inPark = (text: string, types = names) => {
    const { doc, mentions } = linked(text, types);
    return linkDocument(doc, mentions, none).filter((r) => r.relation === 'located-in' && r.tail === '甲乙经开区');
  };
  const opening = '甲乙经开区召开招商大会。甲乙经开区位于丙丁市。';
  const closing = '甲乙经开区将持续优化营商环境。';
  const located = inPark(`${opening}目前已集聚戊己科技、庚辛电子等企业。${closing}`);
  assert.deepEqual(located.map((r) => r.head).sort(), ['庚辛电子', '戊己科技']);
  // the sentence that states the hosting is the evidence shown first; the one that names the park nearest before stays beside it
  assert.deepEqual(located[0]!.evidence.map((e) => e.sentence), ['目前已集聚戊己科技、庚辛电子等企业。', '甲乙经开区位于丙丁市。']);
  // a word of settling after what settles; a park the sentence builds
  assert.deepEqual(inPark(`${opening}壬癸项目近日开工。${closing}`).map((r) => r.head), ['壬癸项目']);
  assert.deepEqual(inPark(`${opening}园内新建成子丑园。${closing}`).map((r) => r.head), ['子丑园']);
  // not the parties of a signing, nor an investor, nor where a district's anaphor or a site of the
  // sentence's own says where, nor where the sentence before speaks of another site
  assert.deepEqual(inPark(`${opening}戊己科技与庚辛电子签约。${closing}`), []);
  assert.deepEqual(inPark(`${opening}戊己科技投资建设的壬癸项目开工。${closing}`).map((r) => r.head), ['壬癸项目']);
  assert.deepEqual(inPark(`${opening}该区今年引进了戊己科技。${closing}`), []);
  assert.deepEqual(inPark(`${opening}寅卯区今年引进了戊己科技。${closing}`), []);
  assert.deepEqual(inPark(`${opening}邻近的寅卯区也在加快发展。今年引进了戊己科技。${closing}`), []);
  // nor in an article about a place
  const aboutPlace = linked(`${opening}目前已集聚戊己科技、庚辛电子等企业。${closing}`.replaceAll('甲乙经开区', '甲乙区'), [['甲乙区', 'place'], ...names.slice(1)]);
  assert.deepEqual(linkDocument(aboutPlace.doc, aboutPlace.mentions, none).filter((r) => r.relation === 'located-in' && r.tail === '甲乙区'), []);
});
