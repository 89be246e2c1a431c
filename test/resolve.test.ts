// Resolution: which mentions become one entity, and which must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPARED_IDS, resolve } from '../src/resolve/index.js';
import type { EntityType, Mention } from '../src/types.js';

let pos = 0;
function m(text: string, type: EntityType, doc = 'a.txt'): Mention {
  pos += 10;
  return { doc, start: pos, end: pos + text.length, text, sentence: 0, type, nstart: pos, nend: pos + text.length, rule: 'test' };
}

/** Groups of surface forms, one per entity, sorted for comparison. */
function groups(mentions: Mention[]): string[][] {
  const { entities } = resolve(mentions);
  return entities.map((e) => [...new Set(e.mentions.map((x) => x.text))].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function sameEntity(mentions: Mention[], a: string, b: string): boolean {
  const { entityOf } = resolve(mentions);
  const ia = mentions.findIndex((x) => x.text === a);
  const ib = mentions.findIndex((x) => x.text === b);
  return entityOf[ia] === entityOf[ib];
}

test('a company short name joins the registered name', () => {
  const ms = [m('重庆润通科技有限公司', 'company'), m('润通科技', 'company', 'b.txt')];
  assert.ok(sameEntity(ms, '重庆润通科技有限公司', '润通科技'));
  const { entities } = resolve(ms);
  assert.equal(entities.length, 1);
  assert.equal(entities[0]!.label, '重庆润通科技有限公司', 'the label is the longest form');
  assert.deepEqual(entities[0]!.aliases, ['润通科技', '重庆润通科技有限公司']);
});

test('a district short name joins the district, a city stays apart', () => {
  const ms = [m('江津区', 'place'), m('江津', 'place', 'b.txt'), m('重庆', 'place'), m('重庆市', 'place', 'b.txt')];
  assert.deepEqual(groups(ms), [['江津', '江津区'], ['重庆', '重庆市']]);
});

test('two different industrial parks are two entities', () => {
  const ms = [m('双福工业园', 'industrial-park'), m('德感工业园', 'industrial-park'), m('白沙工业园', 'industrial-park', 'b.txt')];
  assert.equal(resolve(ms).entities.length, 3);
});

test('综保区 is the 综合保税区 of the same place', () => {
  const ms = [m('江津综合保税区', 'industrial-park'), m('江津综保区', 'industrial-park', 'b.txt')];
  assert.ok(sameEntity(ms, '江津综合保税区', '江津综保区'));
});

test('names written with different middle dots (· • ・) are one, as the guideline compares them', () => {
  const ms = [m('甲乙·丙丁产业园项目', 'project'), m('甲乙•丙丁产业园项目', 'project'), m('甲乙・丙丁产业园项目', 'project', 'b.txt')];
  assert.equal(resolve(ms).entities.length, 1);
});

test('a park named without its region prefix joins the full name when only one fits', () => {
  const ms = [m('重庆枢纽港产业园', 'industrial-park'), m('枢纽港产业园', 'industrial-park')];
  assert.ok(sameEntity(ms, '重庆枢纽港产业园', '枢纽港产业园'));
  const ambiguous = [m('江津新材料产业园', 'industrial-park'), m('永川新材料产业园', 'industrial-park'), m('新材料产业园', 'industrial-park')];
  assert.equal(resolve(ambiguous).entities.length, 3, 'a short form that fits two parks is left alone');
});

test('区委 joins the full name the article gives, per district', () => {
  const ms = [m('江津区', 'place'), m('江津区', 'place'), m('江津区委', 'organization'), m('区委', 'organization'), m('巴南区', 'place', 'b.txt'), m('巴南区', 'place', 'b.txt'), m('区委', 'organization', 'b.txt')];
  assert.ok(sameEntity(ms, '江津区委', '区委'), '区委 in an article about 江津区 is 江津区委');
  const { entityOf } = resolve(ms);
  assert.notEqual(entityOf[3], entityOf[6], "two districts' 区委 are two bodies");
});

test('an industry named with and without 产业 is one cluster', () => {
  const ms = [m('电子信息产业', 'industry-cluster'), m('电子信息', 'industry-cluster', 'b.txt'), m('新能源及新能源汽车', 'industry-cluster'), m('新能源和新能源汽车产业', 'industry-cluster')];
  assert.deepEqual(groups(ms), [['新能源及新能源汽车', '新能源和新能源汽车产业'], ['电子信息', '电子信息产业']]);
  // 制造业 cut short to 制造 is the same cluster; a short name keeps its 制造 (智能制造 is not 智能)
  const cut = [m('新一代电子信息制造业产业集群', 'industry-cluster'), m('新一代电子信息制造', 'industry-cluster'), m('智能制造', 'industry-cluster'), m('智能产业', 'industry-cluster')];
  assert.deepEqual(groups(cut), [['新一代电子信息制造', '新一代电子信息制造业产业集群'], ['智能产业'], ['智能制造']]);
});

test('the same text as two types stays two entities', () => {
  const ms = [m('长江', 'place'), m('长江', 'company', 'b.txt')];
  assert.equal(resolve(ms).entities.length, 2);
});

test('within an article, a short form that fits one longer name is that name; in another article it is another', () => {
  const ms = [
    m('芜湖经开区', 'industrial-park', 'a.txt'),
    m('经开区', 'industrial-park', 'a.txt'),
    m('武汉经开区', 'industrial-park', 'b.txt'),
    m('经开区', 'industrial-park', 'b.txt'),
    m('区委宣传部', 'organization', 'a.txt'),
    m('宣传部', 'organization', 'a.txt'),
    m('重庆天实精工科技有限公司', 'company', 'a.txt'),
    m('天实精工公司', 'company', 'a.txt'),
    m('国家级生物医药产业集群', 'industry-cluster', 'a.txt'),
    m('生物医药产业集群', 'industry-cluster', 'a.txt'),
  ];
  assert.deepEqual(groups(ms), [
    ['区委宣传部', '宣传部'],
    ['国家级生物医药产业集群', '生物医药产业集群'],
    ['天实精工公司', '重庆天实精工科技有限公司'],
    ['武汉经开区', '经开区'],
    ['经开区', '芜湖经开区'],
  ]);
});

test('a short form that fits two longer names of its article joins neither', () => {
  const ms = [m('芜湖经开区', 'industrial-park'), m('合肥经开区', 'industrial-park'), m('经开区', 'industrial-park')];
  assert.deepEqual(groups(ms), [['合肥经开区'], ['经开区'], ['芜湖经开区']]);
});

test('an alias the article declares (以下简称“…”) joins the name before it', async () => {
  const { graphOf, nodeNamed } = await import('./helpers.js');
  const g = await graphOf(
    { 'a.txt': '重庆润通控股（集团）有限公司（以下简称“润通集团”）今年产值增长两成。润通集团将在江津区新建工厂。' },
    { model: null },
  );
  const key = nodeNamed(g, '润通集团');
  assert.ok(key, 'the alias is found');
  assert.equal(key, nodeNamed(g, '重庆润通控股（集团）有限公司'));
});

test('mentions of one name spread over articles, interleaved, all reach its entity in their order', () => {
  const ms = [
    m('重庆润通科技有限公司', 'company', 'a.txt'),
    m('润通科技', 'company', 'b.txt'),
    m('润通科技', 'company', 'a.txt'),
    m('重庆润通科技有限公司', 'company', 'b.txt'),
    m('重庆润通科技有限公司', 'company', 'a.txt'),
  ];
  const { entities, entityOf } = resolve(ms);
  assert.equal(entities.length, 1);
  assert.deepEqual(entities[0]!.mentions, ms, 'every mention, each once, in the input order');
  assert.deepEqual(entityOf, ms.map(() => entities[0]!.id));
});

test('a name the article declares an alias in one mention and writes plainly in another: only the declared one joins', () => {
  const alias = { ...m('园区', 'industrial-park'), aliasOf: '重庆枢纽港产业园' };
  const ms = [m('重庆枢纽港产业园', 'industrial-park'), alias, m('园区', 'industrial-park')];
  const { entityOf } = resolve(ms);
  assert.equal(entityOf[1], entityOf[0], 'the declared alias is the park');
  assert.notEqual(entityOf[2], entityOf[0], 'the plain 园区 names no park of its own');
});

test('entities come in the code-unit order of their ids, and each mention names its entity by id and by place in that list', () => {
  // ids sharing their first units (up to 4, and past them), a one-character name, ASCII and CJK, a
  // character outside the BMP, and two bodies written alike in two districts (区委@…), the articles'
  // mentions interleaved
  const mentions = [
    m('江津区委', 'organization', 'a.txt'),
    m('区委', 'organization', 'a.txt'),
    m('甲', 'person', 'a.txt'),
    m('江津区', 'place', 'a.txt'),
    m('綦江区', 'place', 'b.txt'),
    m('区委', 'organization', 'b.txt'),
    m('润通科技有限公司', 'company', 'a.txt'),
    m('润通机械有限公司', 'company', 'b.txt'),
    m('ABC科技有限公司', 'company', 'b.txt'),
    m('𠀋润科技有限公司', 'company', 'a.txt'),
    m('润通科技股份有限公司', 'company', 'b.txt'),
    m('Z项目', 'project', 'a.txt'),
    m('Z项目二期', 'project', 'b.txt'),
    m('重庆市经济技术协作办公室', 'organization', 'a.txt'),
    m('重庆', 'organization', 'a.txt'),
    m('重庆市经济和信息化委员会', 'organization', 'b.txt'),
  ];
  // as many entities as an article has (their ids compared whole), and as a corpus has (sorted by their units)
  const many = Array.from({ length: COMPARED_IDS + 500 }, (_, i) => {
    const name = `${'润通甲乙'.slice(0, 1 + (i % 4))}${String.fromCodePoint(0x4e00 + ((i * 7919) % 2000))}${i % 3 === 0 ? '𠀋' : ''}${i}科技有限公司`;
    return m(name, i % 5 === 0 ? 'organization' : 'company', `${i % 7}.txt`);
  });
  for (const list of [mentions, many]) {
    const { entities, entityOf, entityIndex } = resolve(list);
    const ids = entities.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(entityIndex.length, list.length);
    list.forEach((mention, i) => {
      const e = entities[entityIndex[i]!]!;
      assert.equal(e.id, entityOf[i]);
      assert.ok(e.mentions.includes(mention));
    });
  }
  assert.ok(resolve(many).entities.length > COMPARED_IDS);
});
