// Entity extraction on single sentences: what a user expects kg to find, and not to find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceSpans } from '../src/extract/index.js';
import { placesNamedIn } from '../src/extract/index.js';

/** The mentions of a sentence as "text/type" strings. */
function found(sentence: string, context = sentence): string[] {
  return sentenceSpans(sentence, placesNamedIn(context)).map((s) => `${sentence.slice(s.start, s.end)}/${s.type}`);
}

test('a company name runs from its legal ending back to where the name starts', () => {
  const got = found('近日，重庆润通科技有限公司在江津区双福工业园投产。');
  assert.ok(got.includes('重庆润通科技有限公司/company'), got.join(' '));
  assert.ok(got.includes('江津区/place'), got.join(' '));
  assert.ok(got.includes('双福工业园/industrial-park'), got.join(' '));
});

test('parentheses inside a name are kept', () => {
  const got = found('该项目由华峰(重庆)新材料有限公司投资建设。');
  assert.ok(got.includes('华峰(重庆)新材料有限公司/company'), got.join(' '));
});

test('a district written before a park is a separate place (location chain)', () => {
  const got = found('在江津区珞璜工业园，一批企业加快建设。');
  assert.ok(got.includes('江津区/place'), got.join(' '));
  assert.ok(got.includes('珞璜工业园/industrial-park'), got.join(' '));
});

test('projects, parks, clusters and bodies are typed by their endings', () => {
  const got = found('总投资12亿元的长青高端轴承制造项目落户綦江区工业园区，区发改委表示将打造轴承产业集群。');
  assert.ok(got.includes('长青高端轴承制造项目/project'), got.join(' '));
  assert.ok(got.includes('区发改委/organization'), got.join(' '));
  assert.ok(got.includes('轴承产业集群/industry-cluster'), got.join(' '));
  const hub = found('綦江区建成西南冷链物资分拨中心。');
  assert.ok(hub.includes('西南冷链物资分拨中心/industrial-park'), hub.join(' '));
});

test('generic nouns are not names', () => {
  const got = found('全区重点项目加快推进，该项目与一批优质项目集中签约，园区干部积极服务。');
  assert.deepEqual(got.filter((g) => /project|organization/.test(g)), []);
});

test('a person after a head title is found, and the body written in the title', () => {
  const got = found('区委书记唐大军出席活动并讲话。');
  assert.ok(got.includes('唐大军/person'), got.join(' '));
  assert.ok(got.includes('区委/organization'), got.join(' '));
});

test('several people listed after one title are all people', () => {
  const got = found('市领导王建国、刘晓梅参加调研。');
  assert.ok(got.includes('王建国/person'), got.join(' '));
  assert.ok(got.includes('刘晓梅/person'), got.join(' '));
});

test('names listed before 等企业 are companies even without a legal ending', () => {
  const got = found('园区引进了宏达光电、恒信精工、瑞丰新材等企业。');
  for (const c of ['宏达光电', '恒信精工', '瑞丰新材']) assert.ok(got.includes(`${c}/company`), got.join(' '));
});

test('items of a counted 产业集群 list are industry clusters', () => {
  const got = found('做大做强电子信息、生物医药、新型储能三大产业集群。');
  for (const c of ['电子信息', '生物医药', '新型储能']) assert.ok(got.includes(`${c}/industry-cluster`), got.join(' '));
  // a quoted formula of the cluster system between 等 and 产业集群
  const quoted = found('该区已形成纺织服装、现代农业、文化旅游等“2+1”产业集群体系。');
  for (const c of ['纺织服装', '现代农业', '文化旅游']) assert.ok(quoted.includes(`${c}/industry-cluster`), quoted.join(' '));
});

test('a district short name needs the district in the document', () => {
  // 长寿 is a district of Chongqing (长寿区), but 长寿之乡 is a phrase
  assert.deepEqual(found('江津是长寿之乡。').filter((g) => g.startsWith('长寿')), []);
  assert.ok(found('江津工业稳步增长。', '江津区工业稳步增长，江津工业稳步增长。').includes('江津/place'));
});

test('short town names listed before a count of towns are places of the district the document names', () => {
  const sentence = '全区选取来苏、仙龙两个镇先行试点。';
  const got = found(sentence, `永川区推进改革。${sentence}`);
  assert.ok(got.includes('来苏/place') && got.includes('仙龙/place'), got.join(' '));
  // without the district in the document they are not read as its towns
  assert.deepEqual(found(sentence).filter((g) => g.endsWith('/place')), []);
});

test('countries and named regions are places', () => {
  const got = found('企业产品销往新加坡和东南亚，助力成渝地区双城经济圈建设。');
  assert.ok(got.includes('新加坡/place'), got.join(' '));
  assert.ok(got.includes('东南亚/place'), got.join(' '));
  assert.ok(got.includes('成渝地区双城经济圈/place'), got.join(' '));
  // jieba reads 打造成渝 as 打/造成/渝: the region takes its first character back
  const swallowed = found('加快打造成渝地区双城经济圈先进制造业高地。');
  assert.ok(swallowed.includes('成渝地区双城经济圈/place'), swallowed.join(' '));
  assert.ok(!swallowed.includes('渝地区双城经济圈/place'), swallowed.join(' '));
});

test('a name set apart from its title by a space, as captions and interview headers do', () => {
  const got = found('访谈嘉宾：区经济信息委主任 陈立华');
  assert.ok(got.includes('陈立华/person'), got.join(' '));
});

test('people after a role word, before an honorific, and in a list of names', () => {
  const role = found('村民张海涛在自家的农家乐里忙前忙后。');
  assert.ok(role.includes('张海涛/person'), role.join(' '));
  const honorific = found('这里是陈志强元帅的故乡。');
  assert.ok(honorific.includes('陈志强/person'), honorific.join(' '));
  const list = found('参加活动的有王建国、李彤、周明、刘晓梅等。');
  for (const name of ['李彤', '周明', '刘晓梅']) assert.ok(list.includes(`${name}/person`), list.join(' '));
  // a function word after a role word is no surname
  const none = found('欢迎广大企业家来渝考察投资，让每个学生都享有公平的教育。');
  assert.ok(!none.some((x) => x.endsWith('/person')), none.join(' '));
});

test('central organs, mass organisations and offices are bodies; two side by side stay two', () => {
  const got = found('中共中央国务院印发规划纲要，区工商联、区文联和南山街道办事处共同主办活动。');
  for (const name of ['中共中央', '国务院', '区工商联', '区文联', '南山街道办事处']) assert.ok(got.includes(`${name}/organization`), got.join(' '));
  assert.ok(!got.includes('中共中央国务院/organization'), got.join(' '));
});
