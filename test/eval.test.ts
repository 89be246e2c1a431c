// Scoring exactly as the annotation guideline says, and gold files read with clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KgInputError, evaluate, goldAsPrediction, loadGoldDir, maxMatching, parseGold, score, type GoldDoc, type PredictedDoc } from '../src/eval/index.js';
import { graphOf, tempDir } from './helpers.js';
import { writeGraphFile } from '../src/graph/write.js';

const gold = (entities: GoldDoc['entities'], relations: GoldDoc['relations'] = []): GoldDoc => ({ doc: 'a.txt', entities, relations });
const pred = (entities: PredictedDoc['entities'], relations: PredictedDoc['relations'] = []): PredictedDoc => ({ doc: 'a.txt', entities, relations });

test('an entity matches by name or alias, after NFKC, without spaces, middle dots alike', () => {
  const g = gold([
    { name: '重庆润通控股（集团）有限公司', type: 'company', aliases: ['润通集团'] },
    { name: 'ABB', type: 'company', aliases: [] },
    { name: '江津区', type: 'place', aliases: ['江津'] },
    { name: '现代·金融湾产业园项目', type: 'project', aliases: [] },
  ]);
  const p = pred([
    { key: 'a', type: 'company', forms: ['重庆润通控股(集团)有限公司'] },
    { key: 'b', type: 'company', forms: ['ＡＢＢ'] },
    { key: 'c', type: 'place', forms: ['江 津'] },
    { key: 'd', type: 'project', forms: ['现代•金融湾产业园项目'] },
  ]);
  const r = score([g], [p]);
  assert.equal(r.entitiesTyped.tp, 4);
  assert.equal(r.entitiesTyped.f1, 1);
});

test('a wrong type counts for the untyped score only', () => {
  const r = score([gold([{ name: '双福工业园', type: 'industrial-park', aliases: [] }])], [pred([{ key: 'a', type: 'place', forms: ['双福工业园'] }])]);
  assert.equal(r.entitiesUntyped.tp, 1);
  assert.equal(r.entitiesTyped.tp, 0);
  assert.deepEqual(r.details[0]!.wrongType, [{ name: '双福工业园', gold: 'industrial-park', predicted: 'place' }]);
});

test('each gold entity is matched at most once, by a maximum matching', () => {
  const g = gold([
    { name: '重庆', type: 'place', aliases: ['重庆市'] },
    { name: '重庆市江津区', type: 'place', aliases: [] },
  ]);
  // greedy would give the first prediction to 重庆 and leave the second without a partner
  const p = pred([
    { key: 'x', type: 'place', forms: ['重庆市', '重庆市江津区'] },
    { key: 'y', type: 'place', forms: ['重庆'] },
    { key: 'z', type: 'place', forms: ['重庆'] },
  ]);
  const r = score([g], [p]);
  assert.equal(r.entitiesTyped.tp, 2);
  assert.equal(r.entitiesTyped.predicted, 3);
  assert.equal(maxMatching(2, (l) => (l === 0 ? [0, 1] : [0])).size, 2);
});

test('a relation matches through the forms of its ends; its type must agree', () => {
  const g = gold(
    [
      { name: '重庆润通科技有限公司', type: 'company', aliases: ['润通科技'] },
      { name: '双福工业园', type: 'industrial-park', aliases: [] },
    ],
    [{ head: '重庆润通科技有限公司', type: 'located-in', tail: '双福工业园' }],
  );
  const p = pred(
    [
      { key: 'k1', type: 'company', forms: ['润通科技'] },
      { key: 'k2', type: 'industrial-park', forms: ['双福工业园'] },
    ],
    [
      { head: 'k1', type: 'located-in', tail: 'k2' },
      { head: 'k1', type: 'leads', tail: 'k2' },
    ],
  );
  const r = score([g], [p]);
  assert.equal(r.relations.tp, 1);
  assert.equal(r.relations.predicted, 2);
  assert.equal(r.byRelationType['leads'].predicted, 1);
});

test('documents pair by id, else by file name; a gold article missing from the graph counts as missed', () => {
  const g1 = { ...gold([{ name: '江津区', type: 'place', aliases: [] }]), doc: 'd01.txt' };
  const g2 = { ...gold([{ name: '巴南区', type: 'place', aliases: [] }]), doc: 'd02.txt' };
  const p1 = { ...pred([{ key: 'a', type: 'place', forms: ['江津区'] }]), doc: 'texts/d01.txt' };
  const r = score([g1, g2], [p1]);
  assert.equal(r.entitiesTyped.tp, 1);
  assert.equal(r.entitiesTyped.gold, 2);
  assert.ok(r.warnings.some((w) => w.includes('d02.txt')));
});

test('a graph that holds none of the gold\'s documents is an error naming both, not a table of zeros', async () => {
  const graphFile = join(tempDir(), 'g.json');
  writeGraphFile(graphFile, await graphOf({ 'd01.txt': '江津区双福工业园重庆宏远机械股份有限公司今年产值增长两成。' }));
  const dir = tempDir();
  writeFileSync(join(dir, 'other.gold.json'), JSON.stringify({ doc: 'elsewhere/other.txt', entities: [{ name: '江津区', type: 'place' }], relations: [] }));
  assert.throws(
    () => evaluate(graphFile, dir),
    (err: Error) => err instanceof KgInputError && err.message.startsWith(`${graphFile}: the one document of ${dir} is not in this graph (elsewhere/other.txt)`),
  );
  // one document of the graph among them is enough to score
  writeFileSync(join(dir, 'd01.gold.json'), JSON.stringify({ doc: 'texts/d01.txt', entities: [{ name: '江津区', type: 'place' }], relations: [] }));
  const r = evaluate(graphFile, dir);
  assert.equal(r.documents, 2);
  assert.equal(r.entitiesTyped.tp, 1);
});

test('every seed gold file scored against itself gives 1.0', () => {
  const dir = 'data/gold';
  const docs = loadGoldDir(dir);
  const r = score(docs, docs.map(goldAsPrediction));
  assert.equal(r.entitiesTyped.f1, 1);
  assert.equal(r.relations.f1, 1);
  assert.equal(r.documents, readdirSync(dir).length);
});

test('malformed gold files give one line naming the file and the fault', () => {
  assert.throws(() => parseGold('{"doc": "a.txt", "entities": [', 'x.gold.json'), /^Error: x\.gold\.json: not valid JSON|x\.gold\.json: not valid JSON/);
  assert.throws(() => parseGold('{"doc":"a.txt","entities":[{"name":"A","type":"firm"}]}', 'x.gold.json'), /x\.gold\.json: entities\[0\]\.type "firm" is not an entity type/);
  assert.throws(
    () => parseGold('{"doc":"a.txt","entities":[{"name":"A","type":"company"}],"relations":[{"head":"A","type":"leads","tail":"B"}]}', 'x.gold.json'),
    /x\.gold\.json: relations\[0\]\.tail "B" is not the name of an entity of this file/,
  );
  assert.throws(() => parseGold('{"entities":[]}', 'x.gold.json'), /x\.gold\.json: missing "doc"/);
  const empty = tempDir();
  assert.throws(() => loadGoldDir(empty), /no \.gold\.json files/);
  const dir = tempDir();
  writeFileSync(join(dir, 'a.gold.json'), readFileSync('data/gold/000_aa9f9905b46cedab.gold.json'));
  assert.equal(loadGoldDir(dir).length, 1);
});

test('the Markdown table has a row per entity and relation type', async () => {
  const { formatMarkdown } = await import('../src/eval/index.js');
  const docs = loadGoldDir('data/gold');
  const md = formatMarkdown(score(docs, docs.map(goldAsPrediction)));
  assert.match(md, /\| \*\*entities, typed\*\* \| 1\.000 \| 1\.000 \| 1\.000 \|/);
  for (const t of ['company', 'industry-cluster', 'located-in', 'leads']) assert.match(md, new RegExp(`\\| \`${t}\` \\|`));
});
