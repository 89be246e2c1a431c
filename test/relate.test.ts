// Relations: each pattern of the guideline yields its edge, with the sentence as evidence.
// The patterns are rules over mentions; these cases build with the rules' mentions (model: null)
// so that what they check does not move when the learned tagger is trained again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { facts, graphOf as buildGraph, nodeNamed } from './helpers.js';
import type { Document, EntityType, Mention } from '../src/types.js';
import { documentFromText } from '../src/ingest/index.js';
import { toMention } from '../src/extract/index.js';
import { withImpliedEntities } from '../src/extract/implied.js';
import { resolve } from '../src/resolve/index.js';
import { mergeRelations, relateDocument } from '../src/relate/index.js';

const graphOf = (files: Record<string, string>) => buildGraph(files, { model: null });

test('an appositive chain gives located-in at each step', async () => {
  const g = await graphOf({ 'a.txt': '江津区双福工业园重庆宏远机械股份有限公司今年产值增长两成。' });
  const f = facts(g);
  assert.ok(f.includes('重庆宏远机械股份有限公司 located-in 双福工业园'), f.join('\n'));
  assert.ok(f.includes('双福工业园 located-in 江津区'), f.join('\n'));
});

test('落户 / 落地 link the listed projects to the place after the verb', async () => {
  const g = await graphOf({ 'a.txt': '现场签约项目中，长青轴承制造项目、华峰新材料产业园项目签约落户綦江区。' });
  const f = facts(g);
  assert.ok(f.includes('长青轴承制造项目 located-in 綦江区'), f.join('\n'));
  assert.ok(f.includes('华峰新材料产业园项目 located-in 綦江区'), f.join('\n'));
});

test('a company, its head title and the person after it: three things, and the person leads the company', async () => {
  const g = await graphOf({ 'a.txt': '重庆瑞达科技有限公司董事长李斌表示，公司将扩大产能。' });
  const f = facts(g);
  assert.ok(f.includes('李斌 leads 重庆瑞达科技有限公司'), f.join('\n'));
  assert.ok(!nodeNamed(g, '重庆瑞达科技有限公司董事长李斌'), 'the run is not one company');
});

test('a place signing a project is where the project is; a signing ceremony held in a place is not', async () => {
  const g = await graphOf({ 'a.txt': '綦江区签约华峰新材料产业园项目。' });
  assert.ok(facts(g).includes('华峰新材料产业园项目 located-in 綦江区'), facts(g).join('\n'));
  // the company signs at a ceremony held in the district: where the company is, the sentence does not say
  const ceremony = await graphOf({ 'a.txt': '集中签约仪式在綦江区举行，重庆华峰新材料有限公司参加签约。' });
  assert.ok(nodeNamed(ceremony, '重庆华峰新材料有限公司'), 'both ends are found, so the test can fail');
  assert.deepEqual(facts(ceremony).filter((x) => x.includes('located-in')), []);
});

test('a head title leads its body; deputies do not', async () => {
  const g = await graphOf({ 'a.txt': '江津区召开会议。区委书记唐大军出席，江津区政协主席杨立新讲话，副区长刘小平参加。' });
  const f = facts(g);
  assert.ok(f.includes('唐大军 leads 区委'), f.join('\n'));
  assert.ok(f.includes('杨立新 leads 江津区政协'), f.join('\n'));
  assert.ok(!f.some((x) => x.startsWith('刘小平 leads')), f.join('\n'));
});

test('以X为龙头 makes X lead the cluster; 以X为代表 makes X a member', async () => {
  const g = await graphOf({
    'a.txt': '綦江区以重庆宏远机械有限公司为龙头，打造齿轮产业集群。园区形成了以华峰新材料有限公司为代表的新材料产业集群。',
  });
  const f = facts(g);
  assert.ok(f.includes('重庆宏远机械有限公司 leads 齿轮产业集群'), f.join('\n'));
  assert.ok(f.includes('华峰新材料有限公司 belongs-to-cluster 新材料产业集群'), f.join('\n'));
});

test('every stated edge carries its sentence and offsets into the original text', async () => {
  // a narrow newspaper column: the page layout breaks lines inside words
  const text = [
    '近日，重庆宏远机械有限公司正式',
    '落户綦江区珞璜工业园。该公司主要生',
    '产齿轮箱和精密零部件，预计年产值',
    '达到十亿元，将带动上下游企业集聚',
    '发展，为全区工业增长注入新动能。',
  ].join('\n');
  const g = await graphOf({ 'a.txt': text });
  const key = g.findEdge((_e: string, a: Record<string, any>) => a.relation === 'located-in' && !a.derived);
  assert.ok(key, 'a located-in edge');
  const ev = g.getEdgeAttribute(key, 'evidence') as Array<{ doc: string; start: number; end: number; sentence: string }>;
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.doc, 'a.txt');
  assert.match(ev[0]!.sentence, /正式落户綦江区珞璜工业园/);
  assert.equal(text.slice(ev[0]!.start, ev[0]!.end).replace(/\n/g, ''), ev[0]!.sentence);
  assert.equal(g.getEdgeAttribute(key, 'weight'), 1);
});

test('gazetteer hierarchy adds derived located-in edges between places of the graph', async () => {
  const g = await graphOf({ 'a.txt': '重庆市加快发展。江津区工业增长。' });
  const a = nodeNamed(g, '江津区')!;
  const b = nodeNamed(g, '重庆市')!;
  const e = g.edge(a, b);
  assert.ok(e, 'an edge 江津区 → 重庆市');
  assert.equal(g.getEdgeAttribute(e, 'derived'), true);
  assert.deepEqual(facts(g), [], 'derived edges are not stated facts');
});

test('projects listed before 等Y项目 belong to the industry Y', async () => {
  const g = await graphOf({ 'a.txt': '本次签约项目中，长青精密轴承、华峰复合新材等高端装备建链补链项目5个，总投资20亿元。' });
  const f = facts(g);
  assert.ok(f.includes('长青精密轴承 belongs-to-cluster 高端装备'), f.join('\n'));
  assert.ok(f.includes('华峰复合新材 belongs-to-cluster 高端装备'), f.join('\n'));
});

test('位于Y的X: X is located in Y; a village after its town is a place in it', async () => {
  const g = await graphOf({ 'a.txt': '一趟专列从位于綦江区工业园区的宏远物流中心始发。在江津区四面山镇头道村，农户忙着采茶。' });
  const f = facts(g);
  assert.ok(f.includes('宏远物流中心 located-in 綦江区工业园区') || f.includes('宏远物流中心 located-in 綦江区'), f.join('\n'));
  assert.ok(f.includes('头道村 located-in 四面山镇'), f.join('\n'));
});

test('定址Y的X, 落户Y的X: what the verb settles in Y is in it, where the verb opens its clause', () => {
  const cases: Array<[string, Array<[string, EntityType]>, string[]]> = [
    ['目前，定址甲区的乙丙工程技术研究院正在加紧建设。', [['甲区', 'place'], ['乙丙工程技术研究院', 'organization']], ['organization:乙丙工程技术研究院 located-in place:甲区']],
    ['新落户在甲区的乙丙公司已投产。', [['甲区', 'place'], ['乙丙公司', 'company']], ['company:乙丙公司 located-in place:甲区']],
    // 位于 as before, and a place whose name starts with 于 after it
    ['位于于洪区的乙丙公司投产。', [['于洪区', 'place'], ['乙丙公司', 'company']], ['company:乙丙公司 located-in place:于洪区']],
    // the zone's other name in brackets before 的
    ['位于甲乙科学城丙丁片区（戊己工业园）的庚辛科技迎来喜事。', [['甲乙科学城丙丁片区', 'industrial-park'], ['戊己工业园', 'industrial-park'], ['庚辛科技', 'company']], ['company:庚辛科技 located-in industrial-park:甲乙科学城丙丁片区']],
    // the verb's own subject, a plan, a place after 的, a country, the holder of another: nothing
    ['会上表彰了推动项目落户甲区的乙丙商会。', [['甲区', 'place'], ['乙丙商会', 'organization']], []],
    ['原计划落户甲区的乙丙项目最终转投他处。', [['甲区', 'place'], ['乙丙项目', 'project']], []],
    ['目前落户甲区的德国企业已达10家。', [['甲区', 'place'], ['德国', 'place']], []],
    ['扎根中国的乙丙集团发布新品。', [['中国', 'place'], ['乙丙集团', 'company']], []],
    ['进驻甲区的乙丙集团子公司投产。', [['甲区', 'place'], ['乙丙集团', 'company']], []],
  ];
  for (const [text, forms, want] of cases) {
    const c = mentionsIn(text, forms);
    assert.deepEqual(patternsFind(c.doc, c.mentions), want, text);
  }
});

test('a place or zone opening a clause holds the projects and parks it builds or brings in', async () => {
  const g = await graphOf({
    'a.txt':
      '璧山区全力打造智能装备产业园；龙岗组团大力发展先进材料等产业，加快建设华宇精密铸造扩能等项目。' +
      '龙岗组团存量企业重庆鑫源泰机械有限公司再投3亿元。' +
      '新加坡驻成都总领事陈明率调研组来津，就规划布局海联互通项目进行调研。',
  });
  const f = facts(g);
  assert.ok(f.includes('智能装备产业园 located-in 璧山区'), f.join('\n'));
  assert.ok(f.includes('华宇精密铸造扩能 located-in 龙岗组团'), f.join('\n'));
  assert.ok(f.includes('重庆鑫源泰机械有限公司 located-in 龙岗组团'), f.join('\n'));
  // the clause's subject is the consul, not the country before his title
  assert.ok(!f.some((x) => x.startsWith('海联互通项目 located-in')), f.join('\n'));
});

test('a place or park that gathers or hosts listed companies holds them (聚集了A、B等企业; 现入驻有…企业A、B)', () => {
  const gathers = mentionsIn('当地产业基础好，而甲区聚集了乙丙汽车、丁戊集团等企业。', [['甲区', 'place'], ['乙丙汽车', 'company'], ['丁戊集团', 'company']]);
  assert.deepEqual(patternsFind(gathers.doc, gathers.mentions), ['company:丁戊集团 located-in place:甲区', 'company:乙丙汽车 located-in place:甲区']);
  const hosts = mentionsIn('己庚园重点发展汽车产业，现入驻有整车生产龙头企业辛壬汽车、癸子照明等企业。', [['己庚园', 'industrial-park'], ['辛壬汽车', 'company'], ['癸子照明', 'company']]);
  assert.deepEqual(patternsFind(hosts.doc, hosts.mentions), ['company:癸子照明 located-in industrial-park:己庚园', 'company:辛壬汽车 located-in industrial-park:己庚园']);
  // building names no company's site (甲区建设乙丙汽车配套设施 is not 乙丙汽车 in 甲区), nor does a company the subject only visits
  const builds = mentionsIn('甲区建设乙丙汽车配套设施，丁戊集团参观甲区。', [['甲区', 'place'], ['乙丙汽车', 'company'], ['丁戊集团', 'company']]);
  assert.deepEqual(patternsFind(builds.doc, builds.mentions), []);
});

test('companies that settle in a place (A、B等企业在Y落户) are located in it, as those that start work there are', () => {
  const settled = mentionsIn('乙丙汽车、丁戊集团等知名企业在甲区落户。', [['乙丙汽车', 'company'], ['丁戊集团', 'company'], ['甲区', 'place']]);
  assert.deepEqual(patternsFind(settled.doc, settled.mentions), ['company:丁戊集团 located-in place:甲区', 'company:乙丙汽车 located-in place:甲区']);
  // a meeting held in a place says nothing of where the company is
  const met = mentionsIn('己庚科技在甲区召开会议。', [['己庚科技', 'company'], ['甲区', 'place']]);
  assert.deepEqual(patternsFind(met.doc, met.mentions), []);
});

test('a cluster that opens 以X为龙头 is the one X leads (Y产业以A和B为龙头)', () => {
  const { doc, mentions } = mentionsIn('甲市锂电新能源产业以乙丙科技有限公司和丁戊新能源有限公司为龙头，引进项目。', [['甲市锂电新能源产业', 'industry-cluster'], ['乙丙科技有限公司', 'company'], ['丁戊新能源有限公司', 'company']]);
  assert.deepEqual([...new Set(patternsFind(doc, mentions))], ['company:丁戊新能源有限公司 leads industry-cluster:甲市锂电新能源产业', 'company:乙丙科技有限公司 leads industry-cluster:甲市锂电新能源产业']);
});

test('以X为核心，集聚了A、B: the framed place or park holds what the clause after it gathers', () => {
  const { doc, mentions } = mentionsIn('以甲乙经济开发区为核心，集聚了丙丁科技股份有限公司、戊己机械有限公司等一批企业。', [['甲乙经济开发区', 'industrial-park'], ['丙丁科技股份有限公司', 'company'], ['戊己机械有限公司', 'company']]);
  assert.deepEqual([...new Set(patternsFind(doc, mentions))].sort(), [
    'company:丙丁科技股份有限公司 located-in industrial-park:甲乙经济开发区',
    'company:戊己机械有限公司 located-in industrial-park:甲乙经济开发区',
  ]);
  // 以X为核心 inside a clause frames nothing
  const inner = mentionsIn('产业以甲乙经济开发区为核心，集聚了丙丁科技股份有限公司。', [['甲乙经济开发区', 'industrial-park'], ['丙丁科技股份有限公司', 'company']]);
  assert.deepEqual(patternsFind(inner.doc, inner.mentions), []);
});

test('A、B等链主企业 makes each item lead the cluster; 以X为主企业 leads, 以X为骨干 and 以X为主 make members', () => {
  const chain = mentionsIn('甲市依托乙丙、丁戊等链主企业，加快打造绿色食品产业集群。', [['乙丙', 'company'], ['丁戊', 'company'], ['绿色食品产业集群', 'industry-cluster']]);
  assert.deepEqual([...new Set(patternsFind(chain.doc, chain.mentions))].sort(), ['company:丁戊 leads industry-cluster:绿色食品产业集群', 'company:乙丙 leads industry-cluster:绿色食品产业集群']);
  const roles = mentionsIn('已形成以甲乙科技为主企业，以丙丁装备为骨干，以戊己电子为主的轨道交通装备产业链。', [['甲乙科技', 'company'], ['丙丁装备', 'company'], ['戊己电子', 'company'], ['轨道交通装备产业链', 'industry-cluster']]);
  assert.deepEqual([...new Set(patternsFind(roles.doc, roles.mentions))].sort(), [
    'company:丙丁装备 belongs-to-cluster industry-cluster:轨道交通装备产业链',
    'company:戊己电子 belongs-to-cluster industry-cluster:轨道交通装备产业链',
    'company:甲乙科技 leads industry-cluster:轨道交通装备产业链',
  ]);
  // 以X为主导, 以X为主阵地 are no role, nor is a 为主 in a later clause than 以
  for (const text of ['以甲乙科技为主导产业的轨道交通装备产业链。', '以甲乙科技为主阵地，打造轨道交通装备产业链。', '以项目建设为抓手，甲乙科技为主，打造轨道交通装备产业链。']) {
    const none = mentionsIn(text, [['甲乙科技', 'company'], ['轨道交通装备产业链', 'industry-cluster']]);
    assert.deepEqual(patternsFind(none.doc, none.mentions), [], text);
  }
  // the leaders of A、B等链主企业 lead the cluster after the list, not one named before it
  const before = mentionsIn('壬癸产业集群加快发展，依托乙丙、丁戊等链主企业，打造绿色食品产业集群。', [['壬癸产业集群', 'industry-cluster'], ['乙丙', 'company'], ['丁戊', 'company'], ['绿色食品产业集群', 'industry-cluster']]);
  assert.deepEqual([...new Set(patternsFind(before.doc, before.mentions))].sort(), ['company:丁戊 leads industry-cluster:绿色食品产业集群', 'company:乙丙 leads industry-cluster:绿色食品产业集群']);
  // a list of leaders meeting a list of clusters is not paired (the guideline), in either pattern
  const names: Array<[string, EntityType]> = [['乙丙', 'company'], ['丁戊', 'company'], ['绿色食品', 'industry-cluster'], ['精细化工产业集群', 'industry-cluster']];
  for (const text of ['依托乙丙、丁戊等链主企业，打造绿色食品、精细化工产业集群。', '形成以乙丙、丁戊为龙头的绿色食品、精细化工产业集群。']) {
    const lists = mentionsIn(text, names);
    assert.deepEqual(patternsFind(lists.doc, lists.mentions), [], text);
  }
});

test('以X同志为核心的Y and 以X为首的Y: X leads Y', async () => {
  const f = facts(await graphOf({ 'a.txt': '全区紧紧团结在以王建国同志为核心的区委周围。以刘晓梅同志为首的江津区调研组来到綦江区。' }));
  assert.ok(f.some((x) => /^王建国 leads .*区委$/.test(x)), f.join('\n'));
  assert.ok(f.includes('刘晓梅 leads 江津区调研组'), f.join('\n'));
});

test('towns written by their short name after their district are places in it; a facility name is not a town', async () => {
  const g = await graphOf({
    'a.txt': '永川区今年推进产业升级。其中，永川来苏、仙龙、朱沱纳入全市重点镇。璧山丁家污水厂、永川何埂加压站投用。',
  });
  const f = facts(g);
  for (const town of ['来苏', '仙龙', '朱沱']) assert.ok(f.includes(`${town} located-in 永川区`), f.join('\n'));
  assert.equal(nodeNamed(g, '丁家'), undefined, 'the start of 丁家污水厂 is not the town');
  assert.equal(nodeNamed(g, '何埂'), undefined, 'the start of 何埂加压站 is not the town');
  // a verb phrase ending in 场 (召开现场会) does not make the town part of a facility name
  const h = await graphOf({ 'a.txt': '永川区推进改革。永川吉安召开现场推进会。' });
  assert.ok(facts(h).includes('吉安 located-in 永川区'), facts(h).join('\n'));
});

test('a quoted figurative verb (纷纷“落子”) links the listed companies to the place', async () => {
  const g = await graphOf({
    'a.txt': '璧山区加快发展新能源产业。瑞达新能源有限公司、恒通储能有限公司等企业纷纷“落子”璧山区，产业链日趋完整。',
  });
  const f = facts(g);
  assert.ok(f.includes('瑞达新能源有限公司 located-in 璧山区'), f.join('\n'));
  assert.ok(f.includes('恒通储能有限公司 located-in 璧山区'), f.join('\n'));
});

test('a democratic party committee (民建…区委会) is a body its chair (主委) leads', async () => {
  const g = await graphOf({ 'a.txt': '璧山区召开座谈会。区政协副主席、民建璧山区委会主委陈立华参加会议并致辞。' });
  const f = facts(g);
  assert.ok(f.includes('陈立华 leads 民建璧山区委会'), f.join('\n'));
});

test('a zone named after the zone that holds it (…产业园璧山片区) is located in it', async () => {
  const g = await graphOf({
    'a.txt': '成渝智造产业园建设提速。成渝智造产业园璧山片区今年新签约项目12个。',
  });
  const f = facts(g);
  assert.ok(f.includes('成渝智造产业园璧山片区 located-in 成渝智造产业园'), f.join('\n'));
});

/** A document of `text` and a mention of each form (its first occurrence), in the sentence given or the first. */
function mentionsIn(text: string, forms: Array<[string, EntityType, number?]>): { doc: Document; mentions: Mention[] } {
  const doc = documentFromText('a.txt', text);
  const mentions = forms.map(([form, type, sentence]) => toMention(doc, text.indexOf(form), text.indexOf(form) + form.length, { type, rule: 'test', sentence: sentence ?? 0 }));
  return { doc, mentions };
}

/** What the patterns find among resolved mentions, as sorted `head relation tail` lines. */
function patternsFind(doc: Document, mentions: Mention[]): string[] {
  const { entityOf } = resolve(mentions);
  return relateDocument(doc, mentions.map((m, i) => ({ ...m, entity: entityOf[i]! }))).map((r) => `${r.head} ${r.relation} ${r.tail}`).sort();
}

test('a government head the article names without its body leads the body the title implies (区长 → 区政府)', () => {
  const text = '区委副书记、区长甲乙丙出席。副区长丁戊己讲话。';
  const { doc, mentions: people } = mentionsIn(text, [['甲乙丙', 'person'], ['丁戊己', 'person']]);
  const mentions = withImpliedEntities(doc, people);
  // the title's characters stand for the body: the mention slices back out of the text
  const implied = mentions.filter((m) => m.implied);
  assert.deepEqual(implied.map((m) => [m.text, m.implied, m.type, text.slice(m.start, m.end)]), [['区长', '区政府', 'organization', '区长']]);
  assert.ok(resolve(mentions).entities.some((e) => e.label === '区政府' && e.type === 'organization'), 'the body is an entity named as the gold names it');
  assert.deepEqual(patternsFind(doc, mentions), ['person:甲乙丙 leads organization:区政府'], 'a deputy (副区长) leads nothing');
  // where the article writes the body, that mention is the body and no title stands for it
  const written = mentionsIn('区政府召开会议，区长甲乙丙出席。', [['区政府', 'organization'], ['甲乙丙', 'person']]);
  assert.equal(withImpliedEntities(written.doc, written.mentions).filter((m) => m.implied).length, 0);
});

test('a company named inside its party committee is an entity too, and a head title chained after the committee secretary heads the company', () => {
  const { doc, mentions: found } = mentionsIn('甲乙丙发电有限公司党委书记、董事长丁戊己出席。', [['甲乙丙发电有限公司党委', 'organization'], ['丁戊己', 'person']]);
  const mentions = withImpliedEntities(doc, found);
  assert.deepEqual(mentions.map((m) => `${m.type}:${m.text}`), ['organization:甲乙丙发电有限公司党委', 'company:甲乙丙发电有限公司', 'person:丁戊己']);
  // 党委书记 leads the committee, 董事长 the company
  assert.deepEqual(patternsFind(doc, mentions), ['person:丁戊己 leads company:甲乙丙发电有限公司', 'person:丁戊己 leads organization:甲乙丙发电有限公司党委']);
});

test('a body named inside its party committee is an entity too: the secretary leads the committee, the director the body, across a layout space', () => {
  const { doc, mentions: found } = mentionsIn('甲乙工业园发展中心党委书记、主任 丙丁戊', [['甲乙工业园发展中心党委', 'organization'], ['丙丁戊', 'person']]);
  const mentions = withImpliedEntities(doc, found);
  assert.deepEqual(mentions.map((m) => `${m.type}:${m.text}`), ['organization:甲乙工业园发展中心党委', 'organization:甲乙工业园发展中心', 'person:丙丁戊']);
  assert.deepEqual(patternsFind(doc, mentions), ['person:丙丁戊 leads organization:甲乙工业园发展中心', 'person:丙丁戊 leads organization:甲乙工业园发展中心党委']);
  // a company's head title does not lead a body, nor a body's head a company
  const chair = mentionsIn('甲乙工业园发展中心党委书记、董事长丙丁戊出席。', [['甲乙工业园发展中心党委', 'organization'], ['丙丁戊', 'person']]);
  assert.deepEqual(patternsFind(chair.doc, withImpliedEntities(chair.doc, chair.mentions)), ['person:丙丁戊 leads organization:甲乙工业园发展中心党委']);
  const director = mentionsIn('甲乙丙发电有限公司党委书记、主任丁戊己出席。', [['甲乙丙发电有限公司党委', 'organization'], ['丁戊己', 'person']]);
  const dm = withImpliedEntities(director.doc, director.mentions);
  assert.deepEqual(patternsFind(director.doc, dm), ['person:丁戊己 leads organization:甲乙丙发电有限公司党委']);
});

test('a secretary after a body leads the body’s party group, which the text writes (市政协党组书记)', () => {
  const { doc, mentions: found } = mentionsIn('市政协党组书记、主席甲乙丙出席。', [['市政协', 'organization'], ['甲乙丙', 'person']]);
  const mentions = withImpliedEntities(doc, found);
  assert.deepEqual(mentions.map((m) => `${m.type}:${m.text}`), ['organization:市政协党组', 'organization:市政协', 'person:甲乙丙']);
  const leads = patternsFind(doc, mentions);
  assert.ok(leads.includes('person:甲乙丙 leads organization:市政协党组'), leads.join('\n'));
});

test('a government head alone in a sentence leads the body another sentence names (代理市长X)', () => {
  const { doc, mentions } = mentionsIn('甲乙市委、市政府高度重视。代理市长丙丁戊表示祝贺。', [['甲乙市委', 'organization'], ['市政府', 'organization'], ['丙丁戊', 'person', 1]]);
  assert.deepEqual(patternsFind(doc, mentions), ['person:丙丁戊 leads organization:市政府']);
});

test('a bare 党委 decoded after a company is that company’s committee, named in full', () => {
  const { doc, mentions } = mentionsIn('甲乙能源有限公司党委书记丙丁戊出席。', [['甲乙能源有限公司', 'company'], ['党委', 'organization'], ['丙丁戊', 'person']]);
  assert.deepEqual(withImpliedEntities(doc, mentions).map((m) => `${m.type}:${m.text}`), ['organization:甲乙能源有限公司党委', 'company:甲乙能源有限公司', 'person:丙丁戊']);
});

test('heads from the guideline’s title table lead, and titles joined by 兼 chain like 、', () => {
  const { doc, mentions } = mentionsIn('甲乙集团有限公司执行董事丙丁戊，庚辛公司董事长兼CEO壬癸子，省财政厅厅长丑寅卯出席。', [
    ['甲乙集团有限公司', 'company'], ['丙丁戊', 'person'], ['庚辛公司', 'company'], ['壬癸子', 'person'], ['省财政厅', 'organization'], ['丑寅卯', 'person'],
  ]);
  assert.deepEqual(patternsFind(doc, mentions), ['person:丑寅卯 leads organization:省财政厅', 'person:丙丁戊 leads company:甲乙集团有限公司', 'person:壬癸子 leads company:庚辛公司']);
});

test('a place that opens its clause and 地处 / 位于 another is in it; a company in the same clause takes the verb', async () => {
  const g = await graphOf({ 'a.txt': '綦江区地处成渝地区双城经济圈腹地，交通便利。江津区的重庆宏远机械股份有限公司位于双福工业园。' });
  const f = facts(g);
  assert.ok(f.includes('綦江区 located-in 成渝地区双城经济圈'), f.join('\n'));
  assert.ok(f.includes('重庆宏远机械股份有限公司 located-in 双福工业园'), f.join('\n'));
  assert.ok(!f.includes('江津区 located-in 双福工业园'), f.join('\n'));
});

test('merging keeps each evidence sentence of a relation once (by article and offset), in the order first seen, for few sentences and many', () => {
  const ev = (doc: string, start: number) => ({ doc, start, end: start + 10, sentence: `句子${doc}${start}` });
  const rel = (...evidence: ReturnType<typeof ev>[]) => ({ head: 'company:甲', tail: 'place:乙', relation: 'located-in' as const, derived: false, evidence });
  const few = mergeRelations([rel(ev('a', 0)), rel(ev('a', 0), ev('b', 0)), rel(ev('a', 5), ev('b', 0))]);
  assert.deepEqual(few[0]!.evidence.map((e) => `${e.doc}${e.start}`), ['a0', 'b0', 'a5']);
  // past the few a scan covers: the same sentences again, then new ones
  const many = Array.from({ length: 40 }, (_, i) => ev('c', i));
  const merged = mergeRelations([rel(...many.slice(0, 10)), rel(...many.slice(5, 30)), rel(...many), rel(ev('c', 3), ev('d', 3))]);
  assert.deepEqual(merged[0]!.evidence.map((e) => `${e.doc}${e.start}`), [...many.map((e) => `c${e.start}`), 'd3']);
});

test('the items a site’s count lists after a colon are in that site (其中甲区6个：A、B；乙园3个：C); a list longer than its count is no such list', () => {
  const text = '当天，5个项目集中开工，其中甲区本部2个：乙丙研发中心、丁戊食品；己庚园3个：辛壬医药、癸子物流园。';
  // the splitter ends a sentence at ；: the second site's list is sentence 1
  const { doc, mentions } = mentionsIn(text, [['甲区', 'place'], ['乙丙研发中心', 'project'], ['丁戊食品', 'company'], ['己庚园', 'industrial-park', 1], ['辛壬医药', 'company', 1], ['癸子物流园', 'industrial-park', 1]]);
  assert.deepEqual(patternsFind(doc, mentions), [
    'company:丁戊食品 located-in place:甲区',
    'company:辛壬医药 located-in industrial-park:己庚园',
    'industrial-park:癸子物流园 located-in industrial-park:己庚园',
    'project:乙丙研发中心 located-in place:甲区',
  ]);
  // three items under a count of one: not that site's list
  const over = mentionsIn('其中甲区1个：乙丙研发中心、丁戊食品、己庚医药。', [['甲区', 'place'], ['乙丙研发中心', 'project'], ['丁戊食品', 'company'], ['己庚医药', 'company']]);
  assert.deepEqual(patternsFind(over.doc, over.mentions), []);
  // the site right before the count, not one before it
  const nearest = mentionsIn('其中甲区乙丙园2个：丁戊研发中心、己庚医药。', [['甲区', 'place'], ['乙丙园', 'industrial-park'], ['丁戊研发中心', 'project'], ['己庚医药', 'company']]);
  assert.deepEqual(patternsFind(nearest.doc, nearest.mentions).filter((x) => !x.includes('乙丙园 located-in')), [
    'company:己庚医药 located-in industrial-park:乙丙园',
    'project:丁戊研发中心 located-in industrial-park:乙丙园',
  ]);
  // a place that projects come from or sign with is not where they are
  for (const text of ['甲区与德国签约2个项目：丁戊研发中心、己庚医药。', '按投资方来源地分，德国2个：丁戊研发中心、己庚医药。']) {
    const from = mentionsIn(text, [['德国', 'place'], ['丁戊研发中心', 'project'], ['己庚医药', 'company']]);
    assert.deepEqual(patternsFind(from.doc, from.mentions), [], text);
  }
});

test('a place or park in brackets right after a project or company is where it is; a park’s bracket names the park again', () => {
  const listed = mentionsIn('重大产业项目包括甲乙半导体项目（丙丁经开区），戊己电子封装项目（庚县）。', [
    ['甲乙半导体项目', 'project'],
    ['丙丁经开区', 'industrial-park'],
    ['戊己电子封装项目', 'project'],
    ['庚县', 'place'],
  ]);
  assert.deepEqual(patternsFind(listed.doc, listed.mentions), ['project:戊己电子封装项目 located-in place:庚县', 'project:甲乙半导体项目 located-in industrial-park:丙丁经开区']);
  const again = mentionsIn('辛壬新区（辛壬开发区）是国家级新区。', [['辛壬新区', 'industrial-park'], ['辛壬开发区', 'industrial-park']]);
  assert.deepEqual(patternsFind(again.doc, again.mentions), []);
  // a city in brackets may be where the investor is from; a bracket the name goes on after is part of it
  const city = mentionsIn('签约项目包括年产10万吨新材料项目（深圳）、智能装备制造项目（苏州）等。', [['年产10万吨新材料项目', 'project'], ['深圳', 'place'], ['智能装备制造项目', 'project'], ['苏州', 'place']]);
  assert.deepEqual(patternsFind(city.doc, city.mentions), []);
  const inName = mentionsIn('甲乙（庚县）轻型汽车公司扩产。', [['甲乙', 'company'], ['庚县', 'place']]);
  assert.deepEqual(patternsFind(inName.doc, inName.mentions), []);
});

test('the first, only or biggest one of a place is in it (X是甲市最大的…企业); X是甲市的重要企业 says nothing of where X is', () => {
  const biggest = mentionsIn('甲乙油气分公司是丙丁地区最大的天然气生产企业。', [['甲乙油气分公司', 'company'], ['丙丁地区', 'place']]);
  assert.deepEqual(patternsFind(biggest.doc, biggest.mentions), ['company:甲乙油气分公司 located-in place:丙丁地区']);
  const ranked = mentionsIn('戊己产业园是庚市近年来投资规模最大的产业项目。', [['戊己产业园', 'industrial-park'], ['庚市', 'place']]);
  assert.deepEqual(patternsFind(ranked.doc, ranked.mentions), ['industrial-park:戊己产业园 located-in place:庚市']);
  const plain = mentionsIn('辛壬公司是癸市的重要企业。', [['辛壬公司', 'company'], ['癸市', 'place']]);
  assert.deepEqual(patternsFind(plain.doc, plain.mentions), []);
  // of a chain, the last link
  const chain = mentionsIn('甲乙化工公司是重庆市江津区最大的化工企业。', [['甲乙化工公司', 'company'], ['重庆市', 'place'], ['江津区', 'place']]);
  assert.ok(patternsFind(chain.doc, chain.mentions).includes('company:甲乙化工公司 located-in place:江津区'), patternsFind(chain.doc, chain.mentions).join('\n'));
  assert.ok(!patternsFind(chain.doc, chain.mentions).includes('company:甲乙化工公司 located-in place:重庆市'));
  // not the biggest of another name, nor a party to the place, nor a country's biggest
  const refused: Array<[string, Array<[string, EntityType]>]> = [
    ['甲乙科技是丙市丁戊汽车最大的零部件供应商。', [['甲乙科技', 'company'], ['丙市', 'place'], ['丁戊汽车', 'company']]],
    ['甲乙集团是丙市最大的投资方。', [['甲乙集团', 'company'], ['丙市', 'place']]],
    ['甲乙科技是中国最大的齿轮箱生产企业。', [['甲乙科技', 'company'], ['中国', 'place']]],
  ];
  for (const [text, forms] of refused) {
    const r = mentionsIn(text, forms);
    assert.deepEqual(patternsFind(r.doc, r.mentions).filter((x) => x.startsWith('company:甲乙')), [], text);
  }
});

test('the parks a zone’s layout lists (按A、B、C“一区三园”布局) are in the zone the sentence or the one before opens with, with the stating sentence first as evidence', () => {
  const text = '甲乙经济开发区是国家级开发区。按丙园、丁园、戊己园“一区三园”规划布局，重点发展汽车产业。';
  const parks: Array<[string, EntityType, number?]> = [['甲乙经济开发区', 'industrial-park'], ['丙园', 'industrial-park', 1], ['丁园', 'industrial-park', 1], ['戊己园', 'industrial-park', 1]];
  const { doc, mentions } = mentionsIn(text, parks);
  assert.deepEqual(patternsFind(doc, mentions), [
    'industrial-park:丁园 located-in industrial-park:甲乙经济开发区',
    'industrial-park:丙园 located-in industrial-park:甲乙经济开发区',
    'industrial-park:戊己园 located-in industrial-park:甲乙经济开发区',
  ]);
  const { entityOf } = resolve(mentions);
  const rels = relateDocument(doc, mentions.map((m, i) => ({ ...m, entity: entityOf[i]! })));
  assert.deepEqual(rels[0]!.evidence.map((e) => e.sentence), ['按丙园、丁园、戊己园“一区三园”规划布局，重点发展汽车产业。', '甲乙经济开发区是国家级开发区。']);
  // 园区分为 after the layout, an item's other name in brackets, 多 for the count
  const split = mentionsIn('甲乙工业园区是市级特色园区。按照“一区多园”布局，园区分为：丙丁产业园（丙丁生态园）、戊己工业园。', [['甲乙工业园区', 'industrial-park'], ['丙丁产业园', 'industrial-park', 1], ['丙丁生态园', 'industrial-park', 1], ['戊己工业园', 'industrial-park', 1]]);
  assert.deepEqual(patternsFind(split.doc, split.mentions), [
    'industrial-park:丙丁产业园 located-in industrial-park:甲乙工业园区',
    'industrial-park:戊己工业园 located-in industrial-park:甲乙工业园区',
  ]);
  // the park that opens the sentence is the zone, not a park it benchmarks against
  const own = mentionsIn('甲乙高新区对标庚辛工业园区，按丙园、丁园、戊己园“一区三园”布局。', [['甲乙高新区', 'industrial-park'], ['庚辛工业园区', 'industrial-park'], ['丙园', 'industrial-park'], ['丁园', 'industrial-park'], ['戊己园', 'industrial-park']]);
  assert.deepEqual(patternsFind(own.doc, own.mentions), [
    'industrial-park:丁园 located-in industrial-park:甲乙高新区',
    'industrial-park:丙园 located-in industrial-park:甲乙高新区',
    'industrial-park:戊己园 located-in industrial-park:甲乙高新区',
  ]);
  // the park written right before the layout is the zone; a region prefix before the first item is no subject, nor an item
  const named = mentionsIn('会议介绍了庚辛高新区“一区三园”布局，即丙园、丁园、戊己园。', [['庚辛高新区', 'industrial-park'], ['丙园', 'industrial-park'], ['丁园', 'industrial-park'], ['戊己园', 'industrial-park']]);
  assert.deepEqual(patternsFind(named.doc, named.mentions).map((x) => x.split(' ').at(-1)), Array(3).fill('industrial-park:庚辛高新区'));
  const prefixed = mentionsIn('甲乙经济开发区是国家级开发区。按庚县丙园、丁园、戊己园“一区三园”规划布局。', [['甲乙经济开发区', 'industrial-park'], ['庚县', 'place', 1], ['丙园', 'industrial-park', 1], ['丁园', 'industrial-park', 1], ['戊己园', 'industrial-park', 1]]);
  assert.deepEqual(patternsFind(prefixed.doc, prefixed.mentions).filter((x) => x.endsWith('甲乙经济开发区')), [
    'industrial-park:丁园 located-in industrial-park:甲乙经济开发区',
    'industrial-park:丙园 located-in industrial-park:甲乙经济开发区',
    'industrial-park:戊己园 located-in industrial-park:甲乙经济开发区',
  ]);
  // the park opening the sentence before, rather than the park the article names most
  const before = mentionsIn('庚辛园区、庚辛园区、庚辛园区。甲乙经济开发区是国家级开发区。按丙园、丁园、戊己园“一区三园”规划布局。', [['庚辛园区', 'industrial-park'], ['甲乙经济开发区', 'industrial-park', 1], ['丙园', 'industrial-park', 2], ['丁园', 'industrial-park', 2], ['戊己园', 'industrial-park', 2]]);
  const repeat = before.mentions.filter((m) => m.text === '庚辛园区');
  const more = [1, 2].map((k) => ({ ...repeat[0]!, start: repeat[0]!.start + 5 * k, end: repeat[0]!.end + 5 * k, nstart: repeat[0]!.nstart + 5 * k, nend: repeat[0]!.nend + 5 * k }));
  assert.deepEqual(patternsFind(before.doc, [...before.mentions, ...more]).map((x) => x.split(' ').at(-1)), Array(3).fill('industrial-park:甲乙经济开发区'));
});

test('a layout’s list is the one it counts and writes beside it: a list elsewhere in the sentence, of another length, with a company among its items, or a district’s layout gives no zone parts', () => {
  const parks = (...names: string[]): Array<[string, EntityType, number?]> => [['甲乙经济开发区', 'industrial-park'], ...names.map((n): [string, EntityType, number] => [n, n.endsWith('公司') ? 'company' : 'industrial-park', 1])];
  const none = (text: string, forms: Array<[string, EntityType, number?]>) => {
    const { doc, mentions } = mentionsIn(text, forms);
    assert.deepEqual(patternsFind(doc, mentions), [], text);
  };
  // the layout counts four: three listed is not its list
  none('甲乙经济开发区是国家级开发区。按丙园、丁园、戊己园“一区四园”规划布局。', parks('丙园', '丁园', '戊己园'));
  // a company among the items spoils the whole list, the items after it too
  none('甲乙经济开发区是国家级开发区。按丙园、丁戊公司、己庚园、辛壬园“一区多园”规划布局。', parks('丙园', '丁戊公司', '己庚园', '辛壬园'));
  // a policy phrase with other zones listed after it in the sentence
  none('甲乙经济开发区加快发展。推广“一区多园”管理模式，支持丙丁工业园区、戊己经开区加快发展。', parks('丙丁工业园区', '戊己经开区'));
  none('甲乙经济开发区加快发展。推广“一区多园”管理模式，首批试点包括丙丁工业园区、戊己经开区。', parks('丙丁工业园区', '戊己经开区'));
  // a place's layout written before it (对标庚辛区“一区三园”): not the park's
  none('甲乙经济开发区加快发展。甲乙经济开发区对标庚辛区“一区三园”布局，即丙园、丁园、戊己园。', [['甲乙经济开发区', 'industrial-park'], ['庚辛区', 'place', 1], ['丙园', 'industrial-park', 1], ['丁园', 'industrial-park', 1], ['戊己园', 'industrial-park', 1]]);
  // a district opens the sentence: its layout, not the park's
  none('甲乙经济开发区封关运行。庚辛区按丙园、丁园、戊己园“一区三园”布局。', [...parks('丙园', '丁园', '戊己园'), ['庚辛区', 'place', 1]]);
});

test('the ones before in a place’s series are in it too (这是继A、B之后，甲区引进的第3家…); a series with no place that brings them in is not', () => {
  const text = '这是继法国丙丁集团、戊己科技之后，甲乙经济开发区引进的第3家世界500强企业。';
  const forms: Array<[string, EntityType, number?]> = [['法国', 'place'], ['丙丁集团', 'company'], ['戊己科技', 'company'], ['甲乙经济开发区', 'industrial-park']];
  const { doc, mentions } = mentionsIn(text, forms);
  assert.deepEqual(patternsFind(doc, mentions).filter((x) => !x.includes('法国')), [
    'company:丙丁集团 located-in industrial-park:甲乙经济开发区',
    'company:戊己科技 located-in industrial-park:甲乙经济开发区',
  ]);
  // the series is the place's own, not one the place merely follows (继丙丁集团之后，甲乙区也…)
  for (const other of ['继丙丁集团之后，甲乙经济开发区也发布了招商政策。', '继丙丁集团之后，甲乙经济开发区引进了戊己科技。']) {
    const x = mentionsIn(other, [['丙丁集团', 'company'], ['甲乙经济开发区', 'industrial-park']]);
    assert.deepEqual(patternsFind(x.doc, x.mentions), [], other);
  }
  // no ordinal, a district signing with a bank or attracting a visit, a province after 之后: no series of the place's
  for (const other of ['继丙丁集团之后，甲乙经济开发区引进的企业越来越多。', '这是继丙丁集团之后，甲乙经济开发区签约的第3家战略合作企业。', '这是继丙丁集团之后，甲乙经济开发区吸引的又一家前来考察的企业。', '这是继丙丁集团之后，四川省引进的第3家世界500强企业。']) {
    const x = mentionsIn(other, [['丙丁集团', 'company'], ['甲乙经济开发区', 'industrial-park'], ['四川省', 'place']].filter(([f]) => other.includes(f as string)) as Array<[string, EntityType]>);
    assert.deepEqual(patternsFind(x.doc, x.mentions), [], other);
  }
  // a park is no item of a series; a chain after 之后 gives its last link
  const park = mentionsIn('这是继丙丁产业园之后，甲乙区引进的第3个产业园。', [['丙丁产业园', 'industrial-park'], ['甲乙区', 'place']]);
  assert.deepEqual(patternsFind(park.doc, park.mentions), []);
  const chain = mentionsIn('这是继丙丁集团之后，甲市乙区引进的第3家世界500强企业。', [['丙丁集团', 'company'], ['甲市', 'place'], ['乙区', 'place']]);
  assert.ok(patternsFind(chain.doc, chain.mentions).includes('company:丙丁集团 located-in place:乙区'), patternsFind(chain.doc, chain.mentions).join('\n'));
  // a domestic prefix that is not the tail's own: the item is where its prefix says, not in the tail
  const prefixed = mentionsIn('这是继上海丙丁项目之后，宁波市引进的第二个外资整车项目。', [['上海', 'place'], ['丙丁项目', 'project'], ['宁波市', 'place']]);
  assert.ok(!patternsFind(prefixed.doc, prefixed.mentions).includes('project:丙丁项目 located-in place:宁波市'));
});

test('what is taken into a zone lies in it (甲区乙镇、丙镇纳入丁科学城); what is taken into a plan or a list names no zone', () => {
  const text = '其中在创新发展方面，甲区乙镇、丙镇纳入丁戊科学城。';
  const { doc, mentions } = mentionsIn(text, [['甲区', 'place'], ['乙镇', 'place'], ['丙镇', 'place'], ['丁戊科学城', 'industrial-park']]);
  const found = patternsFind(doc, mentions).filter((x) => x.endsWith('丁戊科学城'));
  assert.deepEqual(found, ['place:丙镇 located-in industrial-park:丁戊科学城', 'place:乙镇 located-in industrial-park:丁戊科学城']);
  // the names are not the clause's subject: someone else's action on them
  const object = mentionsIn('市里推动乙镇纳入丁戊科学城。', [['乙镇', 'place'], ['丁戊科学城', 'industrial-park']]);
  assert.deepEqual(patternsFind(object.doc, object.mentions), []);
  // a province after 纳入 is a plan's scope, not a zone
  const province = mentionsIn('乙镇纳入四川省管理范围。', [['乙镇', 'place'], ['四川省', 'place']]);
  assert.deepEqual(patternsFind(province.doc, province.mentions), []);
  // a district or a park that begins a list's, a plan's or a statistic's name is nested in it: no zone
  for (const text of ['甲乙项目纳入丙丁区重点项目库。', '甲乙科技有限公司纳入丙丁区“专精特新”企业名单。', '甲乙科技有限公司纳入丙丁工业园企业培育库。', '甲乙科技有限公司纳入丙丁区规上企业统计。']) {
    const head = text.startsWith('甲乙项目') ? '甲乙项目' : '甲乙科技有限公司';
    const zone = text.includes('丙丁区') ? '丙丁区' : '丙丁工业园';
    const x = mentionsIn(text, [[head, head.endsWith('项目') ? 'project' : 'company'], [zone, zone.endsWith('区') ? 'place' : 'industrial-park']]);
    assert.deepEqual(patternsFind(x.doc, x.mentions), [], text);
  }
  // its range after the zone is the zone's; a chain after 纳入 gives its last link
  const range = mentionsIn('乙镇纳入丁戊新区管理范围。', [['乙镇', 'place'], ['丁戊新区', 'industrial-park']]);
  assert.deepEqual(patternsFind(range.doc, range.mentions), ['place:乙镇 located-in industrial-park:丁戊新区']);
  const chain = mentionsIn('乙镇纳入甲区丁戊工业园。', [['乙镇', 'place'], ['甲区', 'place'], ['丁戊工业园', 'industrial-park']]);
  assert.ok(patternsFind(chain.doc, chain.mentions).includes('place:乙镇 located-in industrial-park:丁戊工业园'), patternsFind(chain.doc, chain.mentions).join('\n'));
  assert.ok(!patternsFind(chain.doc, chain.mentions).includes('place:乙镇 located-in place:甲区'));
});

test('a clause that opens with 作为 and a place puts the next clause’s subject in that place (作为甲市重要的制造业基地，乙区…)', () => {
  const find = (text: string, forms: Array<[string, EntityType]>) => {
    const x = mentionsIn(text, forms);
    return patternsFind(x.doc, x.mentions);
  };
  // a place in a region, a park after a time phrase
  assert.deepEqual(find('作为丙丁湾区重要的制造业基地，戊己市拥有33个工业大类。', [['丙丁湾区', 'place'], ['戊己市', 'place']]), ['place:戊己市 located-in place:丙丁湾区']);
  assert.deepEqual(find('作为甲乙区构建现代工业体系的开端，近年来，丙丁工业园锚定先进制造业。', [['甲乙区', 'place'], ['丙丁工业园', 'industrial-park']]), ['industrial-park:丙丁工业园 located-in place:甲乙区']);
  // 作为 inside a clause (江津作为…) is the subject's role, not this construction; nor a subject that is
  // not written first in the next clause, nor a clause that ends the sentence
  assert.deepEqual(find('要把丙丁工业园作为甲乙区发展的重点，加大投入。', [['丙丁工业园', 'industrial-park'], ['甲乙区', 'place']]), []);
  assert.deepEqual(find('作为甲乙区发展的重点，区里支持丙丁工业园加快建设。', [['甲乙区', 'place'], ['丙丁工业园', 'industrial-park']]), []);
  assert.deepEqual(find('作为甲乙区发展的重点。丙丁工业园加快建设。', [['甲乙区', 'place'], ['丙丁工业园', 'industrial-park']]), []);
  // a place is not in a park, nor in a place the gazetteer puts inside it; a company not in a province
  assert.deepEqual(find('作为丙丁工业园的核心区，戊己镇加快发展。', [['丙丁工业园', 'industrial-park'], ['戊己镇', 'place']]), []);
  assert.deepEqual(find('作为江津区发展的重点，重庆市加大投入。', [['江津区', 'place'], ['重庆市', 'place']]), []);
  assert.deepEqual(find('作为四川省最大的民营企业，甲乙科技有限公司加快发展。', [['四川省', 'place'], ['甲乙科技有限公司', 'company']]), []);
  // places the gazetteer knows must nest (a partner district is not inside); a country is in no place
  assert.deepEqual(find('作为巫山县的对口帮扶单位，江津区今年投入资金。', [['巫山县', 'place'], ['江津区', 'place']]), []);
  assert.deepEqual(find('作为綦江区的重要邻区，江津区加快发展。', [['綦江区', 'place'], ['江津区', 'place']]), []);
  assert.deepEqual(find('作为丙丁湾区的重要门户，美国加快发展。', [['丙丁湾区', 'place'], ['美国', 'place']]), []);
  assert.deepEqual(find('作为重庆市的重要门户，江津区加快发展。', [['重庆市', 'place'], ['江津区', 'place']]), ['place:江津区 located-in place:重庆市']);
  // a role toward the site, not a part of it
  for (const role of ['战略合作伙伴', '主要投资方', '招商引资的重点对象']) {
    assert.deepEqual(find(`作为甲乙区的${role}，丙丁科技有限公司将提供支持。`, [['甲乙区', 'place'], ['丙丁科技有限公司', 'company']]), [], role);
  }
  // a site joined to another is no one site's
  assert.deepEqual(find('作为甲乙市与丙丁区合作的重点项目，戊己项目开工。', [['甲乙市', 'place'], ['丙丁区', 'place'], ['戊己项目', 'project']]), []);
  // a region prefix before the subject is not the subject; an agent of the thing the clause is about is not
  assert.deepEqual(find('作为甲乙区的重点项目，四川省丙丁科技有限公司投资的戊己项目开工。', [['甲乙区', 'place'], ['四川省', 'place'], ['丙丁科技有限公司', 'company'], ['戊己项目', 'project']]).filter((x) => x.endsWith('甲乙区')), []);
  assert.deepEqual(find('作为甲乙区的龙头企业，德国丙丁公司加快发展。', [['甲乙区', 'place'], ['德国', 'place'], ['丙丁公司', 'company']]).filter((x) => x.endsWith('甲乙区')), ['company:丙丁公司 located-in place:甲乙区']);
  // a time phrase with a year opens the clause too
  assert.deepEqual(find('作为甲乙区的重点项目，2024年，丙丁项目加快建设。', [['甲乙区', 'place'], ['丙丁项目', 'project']]), ['project:丙丁项目 located-in place:甲乙区']);
});

test('a list whose items each carry a modifier (A、总投资5亿元的B等落户C) is one list for the settling verb', () => {
  const text = '总投资8亿元的甲乙智能制造项目、投资5亿元的丙丁新材料项目等纷纷落户戊己工业园。';
  const x = mentionsIn(text, [['甲乙智能制造项目', 'project'], ['丙丁新材料项目', 'project'], ['戊己工业园', 'industrial-park']]);
  assert.deepEqual(patternsFind(x.doc, x.mentions), ['project:丙丁新材料项目 located-in industrial-park:戊己工业园', 'project:甲乙智能制造项目 located-in industrial-park:戊己工业园']);
  // a clause between two names ends the list: the first is not what settles
  const clause = mentionsIn('甲乙智能制造项目已投产，投资5亿元的丙丁新材料项目落户戊己工业园。', [['甲乙智能制造项目', 'project'], ['丙丁新材料项目', 'project'], ['戊己工业园', 'industrial-park']]);
  assert.deepEqual(patternsFind(clause.doc, clause.mentions), ['project:丙丁新材料项目 located-in industrial-park:戊己工业园']);
  // a name in the modifier, or a joint action, makes the first name a party to the second, not an item
  for (const [text, party] of [
    ['甲乙集团有限公司、重庆大学共同建设的丙丁新材料项目落户戊己工业园。', ['重庆大学', 'organization']],
    ['甲乙集团有限公司、张三创办的丙丁新材料项目落户戊己工业园。', ['张三', 'person']],
    ['甲乙集团有限公司、庚辛公司合资建设的丙丁新材料项目落户戊己工业园。', ['庚辛公司', 'company']],
  ] as Array<[string, [string, EntityType]]>) {
    const x = mentionsIn(text, [['甲乙集团有限公司', 'company'], party, ['丙丁新材料项目', 'project'], ['戊己工业园', 'industrial-park']]);
    assert.ok(!patternsFind(x.doc, x.mentions).includes('company:甲乙集团有限公司 located-in industrial-park:戊己工业园'), text);
  }
});
