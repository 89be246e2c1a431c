// Resolution: which mentions become one entity, and which must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from '../src/resolve/index.js';
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
});

test('the same text as two types stays two entities', () => {
  const ms = [m('长江', 'place'), m('长江', 'company', 'b.txt')];
  assert.equal(resolve(ms).entities.length, 2);
});
