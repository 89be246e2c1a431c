// The learned tagger: labels, decoding, gold projection, CLUENER mapping, training, the model file
// and how kg build uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOWED, LABEL_COUNT, decodeSpans, encodeSpans, labelOf } from '../src/tagger/labels.js';
import { viterbi } from '../src/tagger/viterbi.js';
import { projectGold } from '../src/tagger/data.js';
import { readCluener, splitAddress } from '../src/tagger/cluener.js';
import { loadTrainingData, readTrainConfig, trainOn } from '../src/tagger/train.js';
import { parseModels, serializeModels, ModelError } from '../src/model-file.js';
import { sentenceInputs, spanKeyOf, tagMentions } from '../src/tagger/index.js';
import { FEATURES_PER_CHAR, LEXICAL_TEMPLATES, sentenceFeatures } from '../src/tagger/features.js';
import { pruneRows } from '../src/tagger/rows.js';
import { emissions } from '../src/tagger/model.js';
import { RUN_SEED_STEP } from '../src/random.js';
import { analyseDocument, extractMentions } from '../src/extract/index.js';
import { repairSpans, withCountries, withCountedLists, withListItems, withListShapes, withColonLists, withoutGenericBodies, withoutGenericParks, withPrefixedParks, withFramedClusters } from '../src/tagger/repair.js';
import { makeContext } from '../src/extract/context.js';
import { documentFromText } from '../src/ingest/index.js';
import { findDatelines } from '../src/ingest/furniture.js';
import type { EntityType } from '../src/types.js';
import { parseGold } from '../src/eval/gold.js';
import { seedTrainConfig, tempDir, writeCorpus } from './helpers.js';

/** What the repair stage makes of the decoded spans `forms` (each its first occurrence in `text`), as `type:text` lines. */
function repairedOf(text: string, forms: Array<[string, EntityType]>): string[] {
  const spans = forms.map(([form, type]) => ({ start: text.indexOf(form), end: text.indexOf(form) + form.length, type }));
  return repairSpans(makeContext(text), spans).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`);
}

const KG = join(import.meta.dirname, '..', 'bin', 'kg.js');
const kg = (...args: string[]) => spawnSync(process.execPath, [KG, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

test('spans and BIOES labels convert both ways', () => {
  const spans = [
    { start: 0, end: 3, type: 'place' as const },
    { start: 3, end: 4, type: 'person' as const },
    { start: 6, end: 8, type: 'company' as const },
  ];
  const labels = encodeSpans(9, spans);
  assert.equal(labels[0], labelOf('place', 'B'));
  assert.equal(labels[1], labelOf('place', 'I'));
  assert.equal(labels[3], labelOf('person', 'S'));
  assert.equal(labels[5], 0);
  assert.deepEqual(decodeSpans(labels), spans);
});

test('Viterbi follows the scores but never gives an invalid sequence', () => {
  const L = LABEL_COUNT;
  const n = 3;
  const emit = new Float64Array(n * L);
  // each character alone prefers I-company, which cannot open or stand alone
  for (let i = 0; i < n; i++) emit[i * L + labelOf('company', 'I')] = 5;
  emit[0 * L + labelOf('company', 'B')] = 4;
  emit[2 * L + labelOf('company', 'E')] = 4;
  const out = viterbi(emit, n, new Float32Array(L * L));
  assert.deepEqual([...out], [labelOf('company', 'B'), labelOf('company', 'I'), labelOf('company', 'E')]);
  for (let i = 1; i < n; i++) assert.equal(ALLOWED[out[i - 1]! * L + out[i]!], 1);
  // nothing to prefer: all O
  assert.deepEqual([...viterbi(new Float64Array(n * L), n, new Float32Array(L * L))], [0, 0, 0]);
});

test('gold names are found in the article: every occurrence, longest form first, never in a byline', () => {
  const doc = documentFromText('a.txt', '江津区双福工业园今年产值增长。双福工业园位于江津区。\n记者 江津区 报道');
  const gold = parseGold(
    JSON.stringify({
      doc: 'a.txt',
      entities: [
        { name: '江津区', type: 'place', aliases: ['江津'] },
        { name: '双福工业园', type: 'industrial-park', aliases: [] },
      ],
    }),
    'a.gold.json',
  );
  const spans = projectGold(doc, gold).map((s) => `${doc.text.slice(s.start, s.end)}/${s.type}`);
  assert.deepEqual(spans, ['江津区/place', '双福工业园/industrial-park', '双福工业园/industrial-park', '江津区/place']);
});

test('CLUENER labels map onto the guideline: addresses split into places or the sentence is left out', () => {
  assert.deepEqual(splitAddress('北京市海淀区'), ['北京市', '海淀区']);
  assert.equal(splitAddress('中关村大街27号'), undefined);
  const dir = tempDir();
  const file = join(dir, 'train.json');
  writeFileSync(
    file,
    [
      { text: '浙商银行叶老桂表示，北京市海淀区将加快发展。', label: { company: { 浙商银行: [[0, 3]] }, name: { 叶老桂: [[4, 6]] }, address: { 北京市海淀区: [[10, 15]] } } },
      { text: '皇马战胜了巴萨。', label: { organization: { 皇马: [[0, 1]], 巴萨: [[5, 6]] } } },
      { text: '他在中关村大街27号上班。', label: { address: { 中关村大街27号: [[2, 9]] } } },
      { text: '《三体》的作者接受了采访。', label: { book: { 三体: [[1, 2]] }, position: { 作者: [[5, 6]] } } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const read = readCluener(file);
  assert.equal(read.sentences.length, 2);
  assert.deepEqual(read.dropped, { 'has organization': 1, 'has an address that is not a chain of place names': 1 });
  const first = read.sentences[0]!;
  assert.deepEqual(
    first.spans.map((s) => `${first.text.slice(s.start, s.end)}/${s.type}`),
    ['浙商银行/company', '叶老桂/person', '北京市/place', '海淀区/place'],
  );
  assert.deepEqual(read.sentences[1]!.spans, [], 'books and positions are not entities: O');
});

const SMALL = seedTrainConfig();

test('emission scores from the look-up table (keys told absent by their presence bit, bias apart, long rows apart, buffers reused) equal the sum of every key row', async () => {
  const data = await loadTrainingData(SMALL);
  const { tagger } = parseModels(serializeModels(trainOn(data, [0, 1, 2], SMALL)), 'm.model');
  const doc = data.docs[3]!.doc;
  // longest sentence first, so later ones reuse longer buffers
  const inputs = sentenceInputs(doc, analyseDocument(doc)).sort((a, b) => b.text.length - a.text.length);
  const rowOf = new Map([...tagger.keys].map((k, r) => [k, r]));
  let longRows = 0;
  for (const input of inputs.slice(0, 12)) {
    const n = input.text.length;
    const features = sentenceFeatures(input);
    const got = Array.from(emissions(tagger, features, n));
    const want = new Array<number>(n * LABEL_COUNT).fill(0);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < FEATURES_PER_CHAR; f++) {
        const r = rowOf.get(features[i * FEATURES_PER_CHAR + f]!);
        if (r === undefined) continue;
        if (tagger.start[r + 1]! - tagger.start[r]! > 3) longRows++;
        for (let e = tagger.start[r]!; e < tagger.start[r + 1]!; e++) want[i * LABEL_COUNT + tagger.labels[e]!] += tagger.values[e]!;
      }
    }
    assert.deepEqual(got, want, input.text.slice(0, 20));
    const buffered = sentenceFeatures(input, new Uint32Array(features.length + 7 * FEATURES_PER_CHAR).fill(5));
    assert.deepEqual(Array.from(buffered), Array.from(features), 'features written into a used buffer are the same');
  }
  assert.ok(longRows > 0, 'some keys have rows of more than three labels');
});

test('training is deterministic and the model file round-trips', async () => {
  const data = await loadTrainingData(SMALL);
  const a = serializeModels(trainOn(data, [0, 1, 2], SMALL));
  const b = serializeModels(trainOn(data, [0, 1, 2], SMALL));
  assert.ok(a.equals(b), 'two trainings on the same data give the same bytes');
  const models = parseModels(a, 'm.model');
  assert.ok(models.linker, 'the file holds the relation classifier too');
  assert.ok(serializeModels(models).equals(a), 'read and written again: the same bytes');
  // the model tags: an article it was trained on gets most of its gold entities back
  const doc = data.docs[0]!;
  const found = new Set(tagMentions(doc.doc, models.tagger).map((m) => m.text));
  const hits = doc.gold.entities.filter((e) => [e.name, ...e.aliases].some((f) => found.has(f))).length;
  assert.ok(hits / doc.gold.entities.length > 0.6, `${hits} of ${doc.gold.entities.length}`);
});

test('names in a dateline (the outlet, the place it was filed from) are no mentions; the same names in the story are', () => {
  const models = parseModels(readFileSync('data/model/entities.model'), 'entities.model');
  const text = '新华社重庆6月20日电 重庆市江津区今天召开会议。\n江津日报讯 白沙镇的企业开工。';
  const found = tagMentions(documentFromText('a.txt', text), models.tagger).map((m) => `${m.type}:${m.text}@${m.nstart}`);
  assert.deepEqual(found, ['place:重庆市@12', 'place:江津区@15', 'place:白沙镇@32']);
  // the rules alone (kg build --rules-only) leave them out too
  const byRules = extractMentions(documentFromText('a.txt', text)).map((m) => m.nstart);
  assert.ok(byRules.length > 0 && byRules.every((at) => at >= 12 && (at < 21 || at >= 32)), `rules: ${byRules}`);
  assert.deepEqual(findDatelines('中新网嘉兴6月20日电(记者 张三)\n四川经济日报泸州讯 (记者 李四)\n国网供电讯息'), [[0, 11], [19, 28]]);
});

test('a tagger trained in several runs, each in its own order, scores as the mean of the runs', async () => {
  const data = await loadTrainingData(SMALL);
  const config = { ...SMALL, pruneBelow: 0 };
  const one = (seed: number) => trainOn(data, [0, 1, 2], { ...config, runs: 1, seed }).tagger;
  const a = one(config.seed);
  const b = one(config.seed + RUN_SEED_STEP);
  const two = trainOn(data, [0, 1, 2], { ...config, runs: 2 });
  assert.equal(two.training.runs, 2, 'the model says how it was trained');
  const ex = data.examples[0]!.find((e) => e.n >= 20)!;
  const scores = (m: typeof a) => Array.from(emissions(m, ex.features, ex.n), (v) => v * m.meta.scale);
  const [sa, sb, s2] = [scores(a), scores(b), scores(two.tagger)];
  // each stored weight is rounded to its model's scale: a character's score, a sum of FEATURES_PER_CHAR weights, is off by at most that many half-steps
  const tolerance = (FEATURES_PER_CHAR / 2) * (a.meta.scale + b.meta.scale + 2 * two.tagger.meta.scale);
  let apart = 0;
  s2.forEach((v, i) => {
    assert.ok(Math.abs(v - (sa[i]! + sb[i]!) / 2) <= tolerance, `score ${i}: ${v} against the mean ${(sa[i]! + sb[i]!) / 2}`);
    apart = Math.max(apart, Math.abs(sa[i]! - sb[i]!));
  });
  assert.ok(apart > 2 * tolerance, 'the two orders gave different models');
});

test('a tagger mixed from the perceptron and a CRF scores as the mix of the two, each scaled to a largest weight of 1', async () => {
  const data = await loadTrainingData(SMALL);
  const config = { ...SMALL, pruneBelow: 0, crfEpochs: 4 };
  const perceptron = trainOn(data, [0, 1, 2], { ...config, crfWeight: 0 }).tagger;
  const crf = trainOn(data, [0, 1, 2], { ...config, crfWeight: 1 }).tagger;
  const mixed = trainOn(data, [0, 1, 2], { ...config, crfWeight: 0.3 });
  assert.equal(mixed.training.crfWeight, 0.3, 'the model says how it was trained');
  assert.ok(serializeModels(mixed).equals(serializeModels(trainOn(data, [0, 1, 2], { ...config, crfWeight: 0.3 }))), 'the same data give the same bytes');
  const ex = data.examples[0]!.find((e) => e.n >= 20)!;
  // the perceptron's and the CRF's scores in units of their largest weight (makeModel stores it as
  // 32767; the CRF alone is already scaled to 1), the mixed model's as they are
  const scores = (m: typeof crf, unit: number) => Array.from(emissions(m, ex.features, ex.n), (v) => v * unit);
  const [sp, sc, sm] = [scores(perceptron, 1 / 32767), scores(crf, 1 / 32767), scores(mixed.tagger, mixed.tagger.meta.scale)];
  const tolerance = (FEATURES_PER_CHAR / 2) * (3 / 32767);
  let apart = 0;
  sm.forEach((v, i) => {
    const want = 0.7 * sp[i]! + 0.3 * sc[i]!;
    assert.ok(Math.abs(v - want) <= tolerance, `score ${i}: ${v} against the mix ${want}`);
    apart = Math.max(apart, Math.abs(sp[i]! - sc[i]!));
  });
  assert.ok(apart > 10 * tolerance, 'the two learners gave different models');
  // the CRF alone learns: an article it was trained on gets most of its gold entities back
  const doc = data.docs[0]!;
  const found = new Set(tagMentions(doc.doc, crf).map((m) => m.text));
  const hits = doc.gold.entities.filter((e) => [e.name, ...e.aliases].some((f) => found.has(f))).length;
  assert.ok(hits / doc.gold.entities.length > 0.6, `CRF alone: ${hits} of ${doc.gold.entities.length}`);
});

test('a training config with a CRF share outside 0…1, no CRF pass or a lexical pruning share of 1 is one error naming the file', () => {
  const dir = tempDir();
  const bad = (settings: Record<string, unknown>) => {
    const file = join(dir, 'train.json');
    writeFileSync(file, JSON.stringify({ annotated: [{ texts: 'texts', gold: 'gold' }], ...settings }));
    try {
      readTrainConfig(file);
    } catch (err) {
      return (err as Error).message;
    }
    return 'read without complaint';
  };
  assert.match(bad({ crfWeight: 1.5 }), /train\.json: "crfWeight" must be between 0 and 1$/);
  assert.match(bad({ crfEpochs: 0, crfWeight: 0.3 }), /train\.json: "crfEpochs" must be a whole number of 1 or more$/);
  assert.match(bad({ lexicalPruneBelow: 1 }), /train\.json: "lexicalPruneBelow" must be under 1$/);
  assert.match(bad({ lexicalPruneBelow: -0.1 }), /train\.json: "lexicalPruneBelow" must be a number of 0 or more$/);
  assert.equal(bad({ crfWeight: 0.3, lexicalPruneBelow: 0.05 }), 'read without complaint');
});

test('a damaged or foreign model file is one error naming the file and the fault', async () => {
  const data = await loadTrainingData(SMALL);
  const bytes = serializeModels(trainOn(data, [0], { ...SMALL, epochs: 1 }));
  const fault = (b: Buffer) => {
    try {
      parseModels(b, 'x.model');
    } catch (err) {
      assert.ok(err instanceof ModelError);
      assert.doesNotMatch(err.message, /\n/);
      return err.message;
    }
    return 'read without complaint';
  };
  assert.match(fault(Buffer.from('hello')), /^x\.model: not a kg model file/);
  assert.match(fault(bytes.subarray(0, bytes.length - 100)), /^x\.model: damaged model file \(checksum mismatch/);
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 10] ^= 0xff;
  assert.match(fault(flipped), /^x\.model: damaged model file/);
  assert.match(fault(bytes.subarray(0, 20)), /^x\.model: (truncated|damaged)/);
});

test('kg build uses the committed model, --model another, --rules-only none; a bad model is exit 1 and one line', () => {
  const corpus = writeCorpus({ 'a.txt': '重庆润通科技有限公司位于江津区双福工业园。董事长罗红宾表示，公司将扩大产能。' });
  const dir = tempDir();
  const out = join(dir, 'g.json');
  const ok = kg('build', corpus, '--out', out, '--json', '-q');
  assert.equal(ok.status, 0, ok.stderr);
  const rules = kg('build', corpus, '--out', join(dir, 'r.json'), '--rules-only', '--json', '-q');
  assert.equal(rules.status, 0, rules.stderr);
  assert.ok(JSON.parse(rules.stdout).entities.company >= 1);

  const bad = join(dir, 'bad.model');
  writeFileSync(bad, 'not a model');
  const before = readFileSync(out);
  const r = kg('build', corpus, '--out', out, '--model', bad, '-q');
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `kg: ${bad}: not a kg model file (no KGMODELS header)\n`);
  assert.ok(readFileSync(out).equals(before), 'the graph is left as it was');
  const gone = kg('build', corpus, '--out', out, '--model', join(dir, 'none.model'), '-q');
  assert.equal(gone.status, 1);
  assert.match(gone.stderr, /^kg: .*none\.model: no such model file/);
  assert.equal(kg('build', corpus, '--model', bad, '--rules-only').status, 2);
});

test('kg train writes the model its config describes; kg eval --cv prints the pooled table', () => {
  const dir = tempDir();
  const config = join(dir, 'train.json');
  writeFileSync(config, JSON.stringify({ annotated: [{ texts: join(process.cwd(), 'data/corpus'), gold: join(process.cwd(), 'data/gold') }], cluener: null, epochs: 1 }));
  const out = join(dir, 'm.model');
  const t = kg('train', '--config', config, '--out', out, '--json', '-q');
  assert.equal(t.status, 0, t.stderr);
  const summary = JSON.parse(t.stdout);
  assert.equal(summary.articles, 5);
  assert.equal(summary.bytes, readFileSync(out).length);
  const cv = kg('eval', '--cv', '2', '--config', config, '-q');
  assert.equal(cv.status, 0, cv.stderr);
  assert.match(cv.stdout, /^2-fold cross-validation over 5 annotated articles/);
  assert.match(cv.stdout, /entities \(typed\)\s+[01]\.\d{3}/);
  // --seeds: one cross-validation per tagger seed; each row is what --cv gives with that seed
  const one = JSON.parse(kg('eval', '--cv', '2', '--config', config, '-q', '--json').stdout);
  const spread = JSON.parse(kg('eval', '--cv', '2', '--seeds', '1,2', '--config', config, '-q', '--json').stdout);
  assert.deepEqual(spread.seeds.map((x: { seed: number }) => x.seed), [1, 2]);
  assert.equal(spread.seeds[0].entities, one.model.entitiesTyped.f1, 'seed 1 is the config\'s own seed');
  assert.equal(spread.seeds[0].margin, one.model.entitiesTyped.f1 - one.rules.entitiesTyped.f1);
  assert.ok(Math.abs(spread.mean.entities - (spread.seeds[0].entities + spread.seeds[1].entities) / 2) < 1e-12);
  assert.equal(kg('eval', '--seeds', '1,2', '--config', config).status, 2, '--seeds without --cv is a usage error');
  writeFileSync(join(dir, 'zero.json'), JSON.stringify({ annotated: [{ texts: 'data/corpus', gold: 'data/gold' }], runs: 0 }));
  const zero = kg('train', '--config', join(dir, 'zero.json'));
  assert.equal(zero.status, 1);
  assert.match(zero.stderr, /zero\.json: "runs" must be a whole number of 1 or more\n$/);
  writeFileSync(join(dir, 'half.json'), JSON.stringify({ annotated: [{ texts: 'data/corpus', gold: 'data/gold' }], linkerRuns: 1.5 }));
  const half = kg('train', '--config', join(dir, 'half.json'));
  assert.equal(half.status, 1);
  assert.match(half.stderr, /half\.json: "linkerRuns" must be a whole number of 1 or more\n$/);
  const missing = kg('train', '--config', join(dir, 'none.json'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^kg: .*none\.json: no such training config\n$/);
});

test('a span\'s key tells every span and type apart, in a short text and past 16 M characters', () => {
  for (const length of [40, (1 << 24) + 5, 2 ** 27]) {
    const key = spanKeyOf(length);
    const seen = new Map<number | string, string>();
    const at = [0, 1, 2, length >> 1, length - 2, length - 1, length];
    for (const ns of at) {
      for (const ne of at) {
        if (ne <= ns) continue;
        for (const type of ['company', 'place', 'person'] as EntityType[]) {
          const k = key(ns, ne, type);
          const span = `${ns}:${ne}:${type}`;
          assert.equal(seen.get(k) ?? span, span, `length ${length}: ${span} and ${seen.get(k)} share a key`);
          seen.set(k, span);
          assert.equal(key(ns, ne, type), k, 'the same span, the same key');
        }
      }
    }
  }
});

test('the Viterbi search gives what a search over every allowed transition gives', () => {
  const L = LABEL_COUNT;
  // a plain search over all allowed pairs, ties to the lower label
  const full = (emit: Float64Array, n: number, trans: Float64Array): number[] => {
    const score: number[][] = [];
    const back: number[][] = [];
    score.push(Array.from({ length: L }, (_, l) => (l % 4 === 2 || l % 4 === 3 ? (l === 0 ? emit[0]! : -Infinity) : emit[l]!)));
    score[0]![0] = emit[0]!;
    for (let i = 1; i < n; i++) {
      score.push([]);
      back.push([]);
      for (let to = 0; to < L; to++) {
        let best = -Infinity;
        let arg = 0;
        for (let f = 0; f < L; f++) {
          if (!ALLOWED[f * L + to]) continue;
          const s = score[i - 1]![f]! + trans[f * L + to]!;
          if (s > best) {
            best = s;
            arg = f;
          }
        }
        score[i]![to] = best + emit[i * L + to]!;
        back[i - 1]![to] = arg;
      }
    }
    let arg = 0;
    for (let l = 0; l < L; l++) if ((l === 0 || (l - 1) % 4 >= 2) && score[n - 1]![l]! > score[n - 1]![arg]!) arg = l;
    const out = [arg];
    for (let i = n - 1; i > 0; i--) out.unshift(back[i - 1]![out[0]!]!);
    return out;
  };
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(random() * 30);
    // small integers, as the model's weights are: ties happen
    const emit = Float64Array.from({ length: n * L }, () => Math.floor(random() * 7) - 3);
    const trans = Float64Array.from({ length: L * L }, () => Math.floor(random() * 5) - 2);
    assert.deepEqual([...viterbi(emit, n, trans)], full(emit, n, trans), `round ${round}`);
  }
});

test('a country written before a company or park is a place of its own, and edge words are dropped', () => {
  const text = '德国西门子、荷兰哈克和甲乙丙在内的企业落户园区，德国商会到场';
  const span = (s: string, type: 'company' | 'place' | 'organization') => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
  const repaired = repairSpans(makeContext(text), [span('德国西门子', 'company'), span('荷兰哈克', 'company'), span('甲乙丙在内', 'company'), span('德国商会', 'organization')]);
  assert.deepEqual(
    repaired.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`),
    // jieba writes 德国西门子 as one word, 荷兰 哈克 as two; 德国商会 is a body, and only companies and parks lose a country
    ['place:德国', 'company:西门子', 'place:荷兰', 'company:哈克', 'company:甲乙丙', 'organization:德国商会'],
  );
});

test('an amount before a name (总投资5亿元的X) and the 以 of 以X为龙头 are not part of the name', () => {
  const text = '总投资5亿元的甲乙通讯、占地300亩的丙丁产业园落户，以新岳光电、甲乙电子为代表的企业；美的集团和以色列公司';
  const span = (s: string, type: 'company' | 'industrial-park' | 'place') => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
  const repaired = repairSpans(makeContext(text), [span('总投资5亿元的甲乙通讯', 'company'), span('占地300亩的丙丁产业园', 'industrial-park'), span('以新岳光电', 'company'), span('美的集团', 'company'), span('以色列', 'place')]);
  assert.deepEqual(
    repaired.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`),
    // jieba writes 以新岳 as one unknown word; 美的 has no amount before its 的; 以色列 is a dictionary word
    ['company:甲乙通讯', 'industrial-park:丙丁产业园', 'company:新岳光电', 'company:美的集团', 'place:以色列'],
  );
  // nor is the end of a date (2017年|经开区); a name that begins with 年 after no number keeps it
  assert.deepEqual(repairedOf('据统计，2017年经开区累计签约，年丰科技投产', [['年经开区', 'industrial-park'], ['年丰科技', 'company']]), ['industrial-park:经开区', 'company:年丰科技']);
  // nor is a scope word (全省) before a cluster's name
  assert.deepEqual(repairedOf('打造全省新型显示产业链', [['全省新型显示产业链', 'industry-cluster']]), ['industry-cluster:新型显示产业链']);
  // a name does not begin with a middle dot: the word before it is the name's first part
  assert.deepEqual(repairedOf('仪式暨华南•滨江湾产业园项目启动', [['•滨江湾产业园项目', 'project']]), ['project:华南•滨江湾产业园项目']);
  // nor in the middle of Latin words a hyphen joins (Hi-|Lex集团); a Latin name after a Chinese word keeps its start
  assert.deepEqual(repairedOf('日本Hi-Lex集团与甲乙签约', [['Lex集团', 'company']]), ['company:Hi-Lex集团']);
  assert.deepEqual(repairedOf('美国3M公司投产', [['M公司', 'company']]), ['company:3M公司']);
  // not across a space: which words of Johnson Controls name the company, the tagger says
  assert.deepEqual(repairedOf('江森Johnson Controls公司', [['Controls公司', 'company']]), ['company:Controls公司']);
  // not a number's part (1.5|GW), nor figures before a hyphen (2023-|Lex)
  assert.deepEqual(repairedOf('建设1.5GW光伏组件项目', [['GW光伏组件项目', 'project']]), ['project:GW光伏组件项目']);
  assert.deepEqual(repairedOf('2023-Lex集团成立', [['Lex集团', 'company']]), ['company:Lex集团']);
});

test('a project starts after the verb that acts on it, and two project names joined by 、 are split where the first ends as a name', () => {
  const text = '甲市布局光伏组件项目，建设年产5GWH储能系统，乙丙产业园(一期)、丁戊智能制造车间开工，庚辛电机、电驱系统产业项目，建设项目';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'project' as const });
  const repaired = repairSpans(makeContext(text), [span('甲市布局光伏组件项目'), span('建设年产5GWH储能系统'), span('乙丙产业园(一期)、丁戊智能制造车间'), span('庚辛电机、电驱系统产业项目'), span('建设项目')]);
  assert.deepEqual(
    repaired.map((sp) => text.slice(sp.start, sp.end)),
    // a product list (电机、电驱系统) stays one name; 建设项目 names no project at all
    ['光伏组件项目', '年产5GWH储能系统', '乙丙产业园(一期)', '丁戊智能制造车间', '庚辛电机、电驱系统产业项目'],
  );
});

test('a scale written before a cluster is part of its name, also where decoding cut its number', () => {
  const text = '打造千亿级装备制造产业集群和2000亿级绿色食品产业集群';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'industry-cluster' as const });
  const repaired = repairSpans(makeContext(text), [span('装备制造产业集群'), span('亿级绿色食品产业集群')]);
  assert.deepEqual(repaired.map((sp) => text.slice(sp.start, sp.end)), ['千亿级装备制造产业集群', '2000亿级绿色食品产业集群']);
});

test('a span that begins or ends inside a dictionary word, next to a Chinese character, is a cut name, left out', () => {
  // jieba writes 绿色食品 and 产业园 as words: 品产业园项目 and 食品产业园 begin inside one, 乙丙产业 ends inside one
  const text = '甲地新建绿色食品产业园项目和乙丙产业园，引进丁戊科技';
  assert.deepEqual(repairedOf(text, [['品产业园项目', 'project'], ['乙丙产业园', 'industrial-park']]), ['industrial-park:乙丙产业园']);
  assert.deepEqual(repairedOf(text, [['食品产业园', 'industrial-park']]), []);
  assert.deepEqual(repairedOf(text, [['乙丙产业', 'industrial-park']]), []);
  assert.deepEqual(repairedOf(text, [['色食品产业', 'industry-cluster']]), []);
  assert.deepEqual(repairedOf(text, [['绿色食品产业园项目', 'project']]), ['project:绿色食品产业园项目']);
  // a word jieba only guessed (丁戊, 城等: tagged x) is no boundary
  assert.deepEqual(repairedOf(text, [['戊科技', 'company']]), ['company:戊科技']);
  const guessed = '建设甲乙临港产业城等经济发展平台';
  assert.deepEqual(repairedOf(guessed, [['甲乙临港产业城', 'industrial-park']]), ['industrial-park:甲乙临港产业城']);
  // organizations and places are left as decoded: jieba joins a body to its title (区委书记)
  const body = '甲乙区委书记丙丁出席，甲乙食品公司和绿色食品企业';
  assert.deepEqual(repairedOf(body, [['甲乙区委', 'organization'], ['丙丁', 'person']]), ['organization:甲乙区委', 'person:丙丁']);
  assert.deepEqual(repairedOf(body, [['色食品企业', 'company']]), []);
});

test('a park written right before a cluster names the park’s cluster: one cluster name', () => {
  const text = '甲乙经开区工程装备产业集群规模扩大';
  const repaired = repairSpans(makeContext(text), [
    { start: 0, end: 5, type: 'industrial-park' },
    { start: 5, end: 13, type: 'industry-cluster' },
  ]);
  assert.deepEqual(repaired.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['industry-cluster:甲乙经开区工程装备产业集群']);
});

test('a person decoded with the word after the name (率, 向) loses it; a two-character name keeps its own; a credit is no person, and a county’s name is a place', () => {
  const text = '市长甲乙率队出发，丙丁向大家介绍，戊己摄，庚向出席，记者辛壬 摄，癸子 摄';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'person' as const });
  const repaired = repairSpans(makeContext(text), [span('甲乙率'), span('丙丁向'), span('戊己摄'), span('庚向'), span('辛壬'), span('癸子')]);
  // names before 摄 are credits, which the guideline leaves out
  assert.deepEqual(repaired.map((sp) => text.slice(sp.start, sp.end)), ['甲乙', '丙丁', '庚向']);
  // a "person" that runs into a company's or an industry's word is the start of a name
  const named = '黄明出席，蔡丰科技产业园开工，哈达装备投产';
  const at = (s: string) => ({ start: named.indexOf(s), end: named.indexOf(s) + s.length, type: 'person' as const });
  assert.deepEqual(repairSpans(makeContext(named), [at('黄明'), at('蔡丰'), at('哈达')]).map((sp) => named.slice(sp.start, sp.end)), ['黄明']);
  // a "person" that ends as a division's name does is none
  assert.deepEqual(repairedOf('黄明到汽开区调研', [['黄明', 'person'], ['汽开区', 'person']]), ['person:黄明']);
  // nor as a park's: a three-character "person" ending in 园 is that park
  assert.deepEqual(repairedOf('高丰园重点发展食品产业', [['高丰园', 'person']]), ['industrial-park:高丰园']);
  // and so is a "company" ending in 园; not a 家园 site
  assert.deepEqual(repairedOf('九丰园重点发展智能装备，甲乙家园上线', [['九丰园', 'company'], ['甲乙家园', 'company']]), ['industrial-park:九丰园', 'company:甲乙家园']);
  // a "person" named exactly as a county, city or province is that place
  assert.deepEqual(repairedOf('永川、荣昌、黄明出席', [['荣昌', 'person'], ['黄明', 'person']]), ['place:荣昌', 'person:黄明']);
});

test('a name’s brackets are balanced, an alias declaration is no part of the name after it, and 有 or 从 opens none', () => {
  const text = '星河(宁波)电力研究院发布，远航(浙江)动力科技有限公司年产，“青木心”(ABC)辅助人工心脏项目，园区(以下简称“新园”)会展中心项目，其中有华远万州电厂，从省发展改革委获悉';
  const span = (s: string, type: EntityType) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
  const spans = [span('宁波)电力研究院', 'organization'), span('(浙江)动力科技有限公司', 'company'), span('C)辅助人工心脏项目', 'project'), span('新园”)会展中心项目', 'project'), span('有华远万州电厂', 'company'), span('从省发展改革委', 'organization')];
  assert.deepEqual(
    repairSpans(makeContext(text), spans).map((sp) => text.slice(sp.start, sp.end)),
    ['星河(宁波)电力研究院', '远航(浙江)动力科技有限公司', '“青木心”(ABC)辅助人工心脏项目', '会展中心项目', '华远万州电厂', '省发展改革委'],
  );
});

test('a list item the tagger left out is a company when the list head and its decoded items say so', () => {
  const text = '引进甲乙汽车、丙丁、戊己等龙头企业，发展庚辛、壬癸等产业';
  const span = (s: string, type: 'company' | 'industry-cluster') => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
  const out = withListItems(makeContext(text), [span('甲乙汽车', 'company'), span('庚辛', 'industry-cluster')]);
  // the companies' list gains its other items; a cluster list does not (too often wrong)
  assert.deepEqual(out.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['company:甲乙汽车', 'company:丙丁', 'company:戊己', 'industry-cluster:庚辛']);
});

test('a list with no head word gives the items the tagger left out the type most of its decoded items have, not to an amount or a park word', () => {
  const text = '柳南区聚集了甲乙汽车、丙丁机械、戊己、庚辛园，总投资5亿元的壬癸';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'company' as const });
  const out = withListItems(makeContext(text), [span('甲乙汽车'), span('丙丁机械')]);
  assert.deepEqual(out.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['company:甲乙汽车', 'company:丙丁机械', 'company:戊己']);
});

test('a list a count of companies follows gives that many companies, its last items, where the tagger left them out', () => {
  const of = (text: string, decoded: string[] = []) =>
    withCountedLists(makeContext(text), decoded.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'company' as const }))).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`);
  // the count ends the last item; a decoded item stays as it is
  assert.deepEqual(of('目前集聚了甲乙、丙丁、戊己车、庚辛四大整车企业及7家专用车厂', ['丙丁']), ['company:甲乙', 'company:丙丁', 'company:戊己车', 'company:庚辛']);
  // the last two of what the list view took: not the word before the list, nor the frame's 以
  assert.deepEqual(of('以甲公司为核心、以乙丙鞋业、丁戊鞋业2家生产型龙头企业为切入点'), ['company:乙丙鞋业', 'company:丁戊鞋业']);
  // with 等 the list may name fewer than it counts
  assert.deepEqual(of('聚集甲乙科技、丙丁玻璃等5家核心配套企业'), ['company:甲乙科技', 'company:丙丁玻璃']);
  // a count of more than the list names (without 等), or of no companies, gives nothing
  assert.deepEqual(of('引入了甲乙、丙丁三个百亿级龙头企业'), []);
  assert.deepEqual(of('发展装备制造、汽摩产业、材料等四大主导产业'), []);
  // an industry's or a park's companies are no list of companies; 以 is cut only where it stands alone
  assert.deepEqual(of('重点培育新能源汽车、电子信息、装备制造三大产业龙头企业'), []);
  assert.deepEqual(of('依托双福、德感两个园区的龙头企业'), []);
  assert.deepEqual(of('集聚了石药集团、以岭药业两家龙头企业'), ['company:石药集团', 'company:以岭药业']);
  // an item holding a conjunction is two names: left to the tagger
  assert.deepEqual(of('集聚了甲乙、丙丁和戊己、庚辛三家企业'), ['company:甲乙', 'company:庚辛']);
});

test('a list whose decoded parks share an ending gives its other items of that shape as parks', () => {
  const of = (text: string, decoded: Array<[string, EntityType]>) =>
    withListShapes(makeContext(text), decoded.map(([s, type]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type }))).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`);
  const text = '按甲乙园、丙丁园、戊己园、庚辛园、壬癸园“一区五园”规划布局';
  // two parks decoded, both ending in 园: the other items so ending are parks, a place decoded inside one is its prefix
  assert.deepEqual(of(text, [['甲乙园', 'industrial-park'], ['庚辛园', 'industrial-park'], ['壬癸', 'place']]), ['industrial-park:甲乙园', 'industrial-park:丙丁园', 'industrial-park:戊己园', 'industrial-park:庚辛园', 'industrial-park:壬癸园']);
  // one decoded park is no shape; an item of another ending, or one a name of another kind overlaps, stays as decoded
  assert.deepEqual(of(text, [['甲乙园', 'industrial-park']]), ['industrial-park:甲乙园']);
  const mixed = '建成甲乙园、丙丁园、戊己中心、庚辛公司园';
  assert.deepEqual(of(mixed, [['甲乙园', 'industrial-park'], ['丙丁园', 'industrial-park'], ['庚辛公司', 'company']]), ['industrial-park:甲乙园', 'industrial-park:丙丁园', 'company:庚辛公司']);
  // a division written first is the region prefix, a place of its own (the guideline): the park starts after it
  assert.deepEqual(of('已建成甲乙产业园、丙丁产业园、戊县庚辛园', [['甲乙产业园', 'industrial-park'], ['丙丁产业园', 'industrial-park'], ['戊县', 'place']]), ['industrial-park:甲乙产业园', 'industrial-park:丙丁产业园', 'place:戊县', 'industrial-park:庚辛园']);
  // an item of the shape decoded as a project is one more park; a project named so (…项目) is not of the shape
  assert.deepEqual(of('园区分为：甲乙产业园、丙丁产业园、戊己工业园、庚辛产业园项目', [['甲乙产业园', 'industrial-park'], ['丙丁产业园', 'project'], ['戊己工业园', 'industrial-park'], ['庚辛产业园项目', 'project']]), ['industrial-park:甲乙产业园', 'industrial-park:丙丁产业园', 'industrial-park:戊己工业园', 'project:庚辛产业园项目']);
  // a kindergarten or a public park ends in 园 too, and is no industrial park
  assert.deepEqual(of('配套建设了甲乙产业园、丙丁科技园、戊己幼儿园、庚辛公园', [['甲乙产业园', 'industrial-park'], ['丙丁科技园', 'industrial-park']]), ['industrial-park:甲乙产业园', 'industrial-park:丙丁科技园']);
});

test('a list after a count and a colon in a sentence about projects holds that many projects, a company-shaped item a company', () => {
  const of = (text: string, decoded: string[] = []) =>
    withColonLists(makeContext(text), decoded.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'project' as const }))).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`);
  const opening = '当天还有9个项目集中开工，其中甲区本部3个：';
  assert.deepEqual(of(`${opening}甲乙研发中心、丙丁智能停车设备、铭达宏科技。`, ['甲乙研发中心']), ['project:甲乙研发中心', 'project:丙丁智能停车设备', 'company:铭达宏科技']);
  // the last item ends at 等 or a bracket; one that runs on past a name's ending is left out
  assert.deepEqual(of(`${opening}铭达宏科技、瑞晟特医药、恒通物流园（总投资5亿元）。`), ['company:铭达宏科技', 'company:瑞晟特医药', 'project:恒通物流园']);
  assert.deepEqual(of(`${opening}铭达宏科技、瑞晟特医药、恒通物流园等。`), ['company:铭达宏科技', 'company:瑞晟特医药', 'project:恒通物流园']);
  assert.deepEqual(of(`${opening}甲乙研发中心、瑞晟特医药、恒通物流园均已开工。`), ['project:甲乙研发中心', 'company:瑞晟特医药']);
  // a count the list does not match, or a sentence not about projects, gives nothing
  assert.deepEqual(of(`当天还有9个项目集中开工，其中甲区本部4个：甲乙研发中心、丙丁智能停车设备、铭达宏科技。`), []);
  assert.deepEqual(of('当天共有3个：甲乙研发中心、丙丁智能停车设备、铭达宏科技。'), []);
  // nor a list with no item ending as a project's name does: industries, places, dates, tasks
  assert.deepEqual(of('今年新开工项目20个，其中战略性新兴产业3个：新一代信息技术、高端装备制造、新能源汽车。'), []);
  assert.deepEqual(of('项目涉及的镇街有3个：长岭镇、白桥镇、丰源街道。'), []);
  assert.deepEqual(of('本次签约项目9个，其中甲区3个：2024年、2025年、2026年。'), []);
  assert.deepEqual(of('项目建设重点抓好3个：优化营商环境、强化要素保障、提升服务效能。'), []);
});

test('a project word after generic words only (重大招商项目) names no project', () => {
  const text = '签约重大招商项目和产业项目，开工甲乙新材料项目';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'project' as const });
  const repaired = repairSpans(makeContext(text), [span('重大招商项目'), span('产业项目'), span('甲乙新材料项目')]);
  assert.deepEqual(repaired.map((sp) => text.slice(sp.start, sp.end)), ['甲乙新材料项目']);
});

test('集群 or 产业链 after generic words only names no cluster; a named one stays', () => {
  const forms = ['现有产业集群', '领军型集群', '标志性产业园区集群', '新能源汽车产业集群'];
  assert.deepEqual(repairedOf(forms.join('，'), forms.map((f) => [f, 'industry-cluster'])), ['industry-cluster:新能源汽车产业集群']);
  // a cluster decoded with its subject and the verb that builds it starts after the verb; what is
  // left may be generic, and no cluster
  const built = ['甲乙区聚力发展大数据智能化', '双方在新能源产业', '某市推出产业链'];
  assert.deepEqual(repairedOf(built.join('，'), built.map((f) => [f, 'industry-cluster'])), ['industry-cluster:大数据智能化', 'industry-cluster:新能源产业']);
});

test('a company followed by what it makes and 项目 is one project named after it', () => {
  const text = '签约甲乙模具制造科技有限公司年产200套汽车模具项目、丙丁实业有限公司模具制造项目，丙丁实业有限公司总经理出席';
  const at = (s: string, from = 0) => text.indexOf(s, from);
  const spans = [
    { start: at('甲乙'), end: at('年产'), type: 'company' as const },
    { start: at('丙丁'), end: at('模具制造项目'), type: 'company' as const },
    { start: at('模具制造项目'), end: at('，'), type: 'project' as const },
    { start: at('丙丁', at('，')), end: at('总经理'), type: 'company' as const },
  ];
  assert.deepEqual(
    repairSpans(makeContext(text), spans).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`),
    // the company named alone, with no product and 项目 after it, stays a company
    ['project:甲乙模具制造科技有限公司年产200套汽车模具项目', 'project:丙丁实业有限公司模具制造项目', 'company:丙丁实业有限公司'],
  );
  // what it makes may be a list of products, each with its amount; a list of companies is not one
  assert.deepEqual(
    repairedOf('包括甲乙新材料科技有限公司年产10万片抛光垫(CMP)、1000吨TPU膜、500万片膜片项目(某区)，丙丁科技有限公司、戊己电子有限公司年产5万台电机项目', [
      ['甲乙新材料科技有限公司', 'company'],
      ['500万片膜片项目', 'project'],
      ['丙丁科技有限公司', 'company'],
      ['戊己电子有限公司', 'company'],
    ]),
    ['project:甲乙新材料科技有限公司年产10万片抛光垫(CMP)、1000吨TPU膜、500万片膜片项目', 'company:丙丁科技有限公司', 'project:戊己电子有限公司年产5万台电机项目'],
  );
});

test('a place that names a media outlet, or begins a quoted name, is not a mention', () => {
  const text = '浙江在线记者报道，浙江新材料产业园开工，“黄河明珠”“浙江”';
  const spans = [
    { start: 0, end: 2, type: 'place' as const },
    { start: text.indexOf('浙江', 2), end: text.indexOf('浙江', 2) + 2, type: 'place' as const },
    { start: text.indexOf('黄河'), end: text.indexOf('黄河') + 2, type: 'place' as const },
    { start: text.lastIndexOf('浙江'), end: text.lastIndexOf('浙江') + 2, type: 'place' as const },
  ];
  // nor is one nested in a short quoted name (“黄河明珠”); a place quoted alone stays
  assert.deepEqual(repairSpans(makeContext(text), spans).map((sp) => sp.start), [text.indexOf('浙江', 2), text.lastIndexOf('浙江')]);
  // a province's workers' paper is an outlet too
  assert.deepEqual(repairedOf('黔南工人报讯 记者在黔南采访', [['黔南', 'place']]), []);
  assert.deepEqual(repairedOf('记者在黔南采访', [['黔南', 'place']]), ['place:黔南']);
});

test('a park word with no name is not a park, unless the article names the park it stands for', () => {
  const park = (text: string) => ({ type: 'industrial-park' as const, text });
  assert.deepEqual(
    withoutGenericParks([park('该产业园'), park('省级高新区'), park('甲乙高新区'), park('经开区'), park('上述产业园'), park('重磅产业园')]).map((m) => m.text),
    ['甲乙高新区'],
  );
  assert.deepEqual(withoutGenericParks([park('长沙经开区'), park('经开区')]).map((m) => m.text), ['长沙经开区', '经开区']);
});

test('a body or unit named by a generic noun only is no entity, unless the article names the body it stands for; 管委会 is', () => {
  const m = (text: string, type: 'organization' | 'company' = 'organization') => ({ type, text });
  assert.deepEqual(
    withoutGenericBodies([m('研究院'), m('采购部'), m('交易中心', 'company'), m('有关部门'), m('甲乙大学'), m('管委会')]).map((x) => x.text),
    ['甲乙大学', '管委会'],
  );
  assert.deepEqual(withoutGenericBodies([m('甲乙国际交易中心'), m('交易中心')]).map((x) => x.text), ['甲乙国际交易中心', '交易中心']);
});

test('a head title inside a decoded name ends it, and the name after the title is a person', () => {
  const read = (t: string, s: string, type: EntityType) => repairedOf(t, [[s, type]]);
  assert.deepEqual(read('甲乙投资有限公司总经理黄明出席', '甲乙投资有限公司总经理黄明', 'company'), ['company:甲乙投资有限公司', 'person:黄明']);
  // a party committee's secretary: the body keeps 党委 and is an organization
  assert.deepEqual(read('甲乙风电集团党委书记、董事长王强表示', '甲乙风电集团党委书记', 'project'), ['organization:甲乙风电集团党委']);
  assert.deepEqual(read('甲乙风电集团党委书记、董事长王强表示', '董事长王强', 'project'), ['person:王强']);
  // 代表 is a word of sentences too; a place with 区长 inside its characters is no title
  assert.deepEqual(read('王强代表区委讲话', '王强代表区委', 'organization'), ['organization:王强代表区委']);
  assert.deepEqual(read('江津区长江大桥通车', '江津区长江大桥', 'project'), ['project:江津区长江大桥']);
});

test('a company’s short name decoded as a project (签约项目有：X科技、Y电子) is a company; a project’s name stays a project', () => {
  const forms = ['甲乙科技', '丙丁电子', '壬癸医疗器械', '子丑医药包装', '寅卯机械制造', '戊己新材料产业园', '庚辛智能制造项目', '年产10万辆新能源汽车'];
  assert.deepEqual(repairedOf(`签约项目有：${forms.join('、')}`, forms.map((f) => [f, 'project'])), [
    'company:甲乙科技',
    'company:丙丁电子',
    'company:壬癸医疗器械',
    'company:子丑医药包装',
    'company:寅卯机械制造',
    'project:戊己新材料产业园',
    'project:庚辛智能制造项目',
    'project:年产10万辆新能源汽车',
  ]);
});

test('the frame of 以X为代表 is no part of the name: 以 inside a span splits off the place before it, and 为 before 代表 is cut', () => {
  const read = (t: string, s: string, type: EntityType) => repairedOf(t, [[s, type]]);
  assert.deepEqual(read('甲乙区以丙丁科技、戊己药业等龙头企业为带动', '甲乙区以丙丁科技', 'company'), ['place:甲乙区', 'company:丙丁科技']);
  assert.deepEqual(read('形成以丙丁光为代表的企业', '以丙丁光为', 'company'), ['company:丙丁光']);
  assert.deepEqual(read('以色列企业', '以色列', 'place'), ['place:以色列']);
  assert.deepEqual(read('甲乙高新区以丙丁科技为龙头', '甲乙高新区以丙丁科技', 'company'), ['industrial-park:甲乙高新区', 'company:丙丁科技']);
});

test('a country the tagger left out is a place where jieba writes it as a word of its own; 中国 and names that cover one are left as they are', () => {
  const text = '产品出口美国和越南，飞往英国，德国甲乙公司，中国工程机械行业';
  const covered = { start: text.indexOf('德国甲乙公司'), end: text.indexOf('德国甲乙公司') + 6, type: 'company' as const };
  const out = withCountries(makeContext(text), [covered]);
  assert.deepEqual(out.map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['place:美国', 'place:越南', 'place:英国', 'company:德国甲乙公司']);
});

test('two bodies written straight on are two (甲区委区政府, 中共中央国务院); a body and its department are one', () => {
  const read = (t: string) => repairedOf(t, [[t, 'organization']]).map((x) => x.slice('organization:'.length));
  assert.deepEqual(read('甲乙区委区政府'), ['甲乙区委', '区政府']);
  assert.deepEqual(read('中共中央国务院'), ['中共中央', '国务院']);
  assert.deepEqual(read('甲乙区党工委宣传部甲乙区党工委'), ['甲乙区党工委宣传部', '甲乙区党工委']);
  assert.deepEqual(read('甲乙区委宣传部'), ['甲乙区委宣传部']);
  assert.deepEqual(read('区政府办公室'), ['区政府办公室']);
  assert.deepEqual(read('甲乙中央商务区管委会'), ['甲乙中央商务区管委会']);
});

test('a place decoded right before a project is part of its name; a place inside a chain of two stays apart', () => {
  assert.deepEqual(
    repairedOf('开工重庆市现代物流中心项目、江北区重庆数字产业园项目', [['重庆市', 'place'], ['现代物流中心项目', 'project'], ['江北区重庆数字产业园项目', 'project']]),
    ['project:重庆市现代物流中心项目', 'place:江北区', 'project:重庆数字产业园项目'],
  );
});

test('a span that opens with a legal form is the rest of the name before it; alone it names nothing', () => {
  assert.deepEqual(
    repairedOf('甲乙工程研究院股份有限公司与丙丁有限责任公司、有限公司大型冲压设备项目', [
      ['甲乙工程研究院', 'organization'],
      ['股份有限公司', 'company'],
      ['丙丁有限责任公司', 'company'],
      ['有限公司大型冲压设备项目', 'project'],
    ]),
    ['company:甲乙工程研究院股份有限公司', 'company:丙丁有限责任公司'],
  );
});

test('two names decoded as one span are split; a company and its branch are one name', () => {
  const text = '甲乙乳业有限公司丙丁食品有限公司与戊己服饰有限公司浙江分公司，庚辛园区、壬癸园区';
  const span = (s: string, type: 'company' | 'industrial-park') => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });
  const spans = [span('甲乙乳业有限公司丙丁食品有限公司', 'company'), span('戊己服饰有限公司浙江分公司', 'company'), span('庚辛园区、壬癸园区', 'industrial-park')];
  assert.deepEqual(
    repairSpans(makeContext(text), spans).map((sp) => text.slice(sp.start, sp.end)),
    ['甲乙乳业有限公司', '丙丁食品有限公司', '戊己服饰有限公司浙江分公司', '庚辛园区', '壬癸园区'],
  );
});

test('a place written before a name as its location, one of the two places inside the other, is a place of its own (the guideline\'s region prefix)', () => {
  const read = (t: string, s: string, type: EntityType) => repairedOf(t, [[s, type]]);
  assert.deepEqual(read('落户河北保定甲乙经济区', '河北保定甲乙经济区', 'industrial-park'), ['place:河北', 'industrial-park:保定甲乙经济区']);
  assert.deepEqual(read('唐山市乐亭县的企业', '唐山市乐亭县', 'place'), ['place:唐山市', 'place:乐亭县']);
  // also where jieba writes the two as one word
  assert.deepEqual(read('在广西南宁举行', '广西南宁', 'place'), ['place:广西', 'place:南宁']);
  assert.deepEqual(read('雁塔区西安甲乙物流基地项目开工', '雁塔区西安甲乙物流基地项目', 'project'), ['place:雁塔区', 'project:西安甲乙物流基地项目']);
  // two provinces side by side name one park; a registered company keeps its prefix; a prefix
  // before a name that starts with no place stays
  assert.deepEqual(read('广东海南甲乙合作产业园揭牌', '广东海南甲乙合作产业园', 'industrial-park'), ['industrial-park:广东海南甲乙合作产业园']);
  assert.deepEqual(read('重庆市江津区甲乙机械有限公司', '重庆市江津区甲乙机械有限公司', 'company'), ['company:重庆市江津区甲乙机械有限公司']);
  assert.deepEqual(read('重庆市甲乙服务中心项目', '重庆市甲乙服务中心项目', 'project'), ['project:重庆市甲乙服务中心项目']);
});

test('a province or city written before a company\'s short name is its region prefix; a group, a two-character name and generic words keep theirs', () => {
  const text = '拜访了浙江甲乙丙新材料、上海丁戊己汽车配件、湖北变压器、西安甲乙和浙江甲乙丙集团';
  assert.deepEqual(
    repairedOf(text, [['浙江甲乙丙新材料', 'company'], ['上海丁戊己汽车配件', 'company'], ['湖北变压器', 'company'], ['西安甲乙', 'company'], ['浙江甲乙丙集团', 'company']]),
    ['place:浙江', 'company:甲乙丙新材料', 'place:上海', 'company:丁戊己汽车配件', 'company:湖北变压器', 'company:西安甲乙', 'company:浙江甲乙丙集团'],
  );
  // generic words only after the region (no name jieba does not know), and a bank, keep it
  const generic = '走访江苏银行股份、上海汽车工业、重庆农村商业银行';
  assert.deepEqual(
    repairedOf(generic, [['江苏银行股份', 'company'], ['上海汽车工业', 'company'], ['重庆农村商业银行', 'company']]),
    ['company:江苏银行股份', 'company:上海汽车工业', 'company:重庆农村商业银行'],
  );
});

test('a place decoded right before a park word that names no park alone is one park with it (甲市|高新区); a named park stays apart', () => {
  const text = '甲乙市高新区与丙丁市双福工业园签约';
  const at = (w: string) => text.indexOf(w);
  const spans = [
    { start: at('甲乙市'), end: at('甲乙市') + 3, type: 'place' as const },
    { start: at('丙丁市'), end: at('丙丁市') + 3, type: 'place' as const },
    { start: at('双福工业园'), end: at('双福工业园') + 5, type: 'industrial-park' as const },
  ];
  assert.deepEqual(withPrefixedParks(makeContext(text), spans).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['industrial-park:甲乙市高新区', 'place:丙丁市', 'industrial-park:双福工业园']);
  // the park word decoded as a park of its own joins the place too
  const both = [spans[0]!, { start: at('高新区'), end: at('高新区') + 3, type: 'industrial-park' as const }];
  assert.deepEqual(withPrefixedParks(makeContext(text), both).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`), ['industrial-park:甲乙市高新区']);
  // a span inside the park word that is not exactly it, and a body's name after it, leave the place as it is
  const read = (t: string, names: Array<[string, EntityType]>) => {
    const sps = names.map(([n, type]) => ({ start: t.indexOf(n), end: t.indexOf(n) + n.length, type }));
    return withPrefixedParks(makeContext(t), sps).map((sp) => `${sp.type}:${t.slice(sp.start, sp.end)}`);
  };
  assert.deepEqual(read('甲乙市综合保税区开工', [['甲乙市', 'place'], ['保税区', 'industrial-park']]), ['place:甲乙市', 'industrial-park:保税区']);
  assert.deepEqual(read('甲乙市高新区管委会主任', [['甲乙市', 'place']]), ['place:甲乙市']);
});

test('the cluster a 以X为代表 frame names is a cluster where the tagger left it out; generic words name none', () => {
  const read = (text: string, names: string[]) => {
    const spans = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: 'company' as const }));
    return withFramedClusters(makeContext(text), spans).map((sp) => `${sp.type}:${text.slice(sp.start, sp.end)}`);
  };
  assert.deepEqual(read('推进以甲乙科技、丙丁食品为代表的农产品加工产业加快改造升级', ['甲乙科技', '丙丁食品']), ['company:甲乙科技', 'company:丙丁食品', 'industry-cluster:农产品加工产业']);
  // a second cluster word straight after the first is part of the name
  assert.deepEqual(read('形成以甲乙科技为龙头的新一代电子信息制造业产业集群', ['甲乙科技']), ['company:甲乙科技', 'industry-cluster:新一代电子信息制造业产业集群']);
  assert.deepEqual(read('形成以甲乙科技为代表的传统产业', ['甲乙科技']), ['company:甲乙科技']);
  // a span the tagger decoded there stays as it is
  assert.deepEqual(read('形成以甲乙科技为代表的丙丁产业', ['甲乙科技', '丙丁']), ['company:甲乙科技', 'company:丙丁']);
  // the start of a longer name of another kind, and a 为代表的 with no 以 in its clause, name no cluster
  assert.deepEqual(read('建设以甲乙科技为龙头的新材料产业基地', ['甲乙科技']), ['company:甲乙科技']);
  assert.deepEqual(read('甲乙科技被评为代表的汽车产业', ['甲乙科技']), ['company:甲乙科技']);
  // 以A、B为代表的Y产业项目 names the industry its projects belong to
  assert.deepEqual(read('以甲乙项目、丙丁项目为代表的汽车产业项目', ['甲乙项目', '丙丁项目']), ['company:甲乙项目', 'company:丙丁项目', 'industry-cluster:汽车产业']);
});

test('a count after the last item of a list ends the item; a count that opens the span is left to the generic-name rules', () => {
  const read = (t: string, s: string) => repairedOf(t, [[s, 'industry-cluster']]);
  assert.deepEqual(read('推出丙丁、甲乙体育及装备12条产业链', '甲乙体育及装备12条产业链'), ['industry-cluster:甲乙体育及装备']);
  assert.deepEqual(read('包括丙丁、甲乙电网6大装备制造产业链', '甲乙电网6大装备制造产业链'), ['industry-cluster:甲乙电网']);
  assert.deepEqual(read('千亿级装备制造产业集群', '千亿级装备制造产业集群'), ['industry-cluster:千亿级装备制造产业集群']);
  assert.deepEqual(repairedOf('启动甲乙装备产业园六大项目', [['甲乙装备产业园六大项目', 'project']]), ['project:甲乙装备产业园']);
});

test('two projects decoded as one across a bracketed site and 和 are two projects and the site', () => {
  const text = '包括甲乙食品有限公司年产1万吨加工项目(庆元县)和丙丁年产1.2万吨精线加工及仓储建设项目(青田县)。';
  assert.deepEqual(repairedOf(text, [['甲乙食品有限公司年产1万吨加工项目(庆元县)和丙丁年产1.2万吨精线加工及仓储建设项目', 'project']]), [
    'project:甲乙食品有限公司年产1万吨加工项目',
    'place:庆元县',
    'project:丙丁年产1.2万吨精线加工及仓储建设项目',
  ]);
  // brackets that are no site (a product's code) join nothing
  const other = '甲乙年产10万片抛光垫(CMP)和膜片项目开工';
  assert.deepEqual(repairedOf(other, [['甲乙年产10万片抛光垫(CMP)和膜片项目', 'project']]), ['project:甲乙年产10万片抛光垫(CMP)和膜片项目']);
});

test('lexical weights the articles use are pruned harder; those only CLUENER uses, and the other templates, keep theirs', () => {
  const F = FEATURES_PER_CHAR;
  const lexical = LEXICAL_TEMPLATES[0]!;
  const other = [...Array(F).keys()].find((t) => t > 0 && !LEXICAL_TEMPLATES.includes(t))!;
  // one article sentence and one CLUENER sentence of one character each; rows 0 and 1 are
  // lexical keys (the article's and CLUENER's), row 2 another template's key the article uses
  const slots = (at: Array<[number, number]>) => {
    const r = new Int32Array(F).fill(-1);
    for (const [slot, row] of at) r[slot] = row;
    return r;
  };
  const examples = [
    { id: 'a.txt:0', n: 1, features: new Uint32Array(F), labels: new Uint8Array(1) },
    { id: 'cluener:1', n: 1, features: new Uint32Array(F), labels: new Uint8Array(1) },
  ];
  const table = { keys: Uint32Array.from([11, 12, 13]), rows: [slots([[lexical, 0], [other, 2]]), slots([[lexical, 1]])] };
  const L = LABEL_COUNT;
  const dense = new Float32Array(3 * L);
  dense[0 * L + 1] = 0.04; // under 5 % of the largest (1): pruned
  dense[0 * L + 2] = 0.06; // over it: kept
  dense[1 * L + 1] = 0.04; // CLUENER's only: kept
  dense[2 * L + 1] = 0.04; // not lexical: kept
  dense[2 * L + 2] = 1;
  const transitions = new Float32Array(L * L);
  const out = pruneRows({ dense, transitions }, examples, table, LEXICAL_TEMPLATES, (e) => !e.id.startsWith('cluener:'), 0.05);
  assert.deepEqual([out.dense[0 * L + 1], out.dense[0 * L + 2], out.dense[1 * L + 1], out.dense[2 * L + 1], out.dense[2 * L + 2]].map((v) => Math.round(v! * 100) / 100), [0, 0.06, 0.04, 0.04, 1]);
  assert.equal(out.transitions, transitions);
});

test('a word list finds the longest listed word at a position by the text\'s characters, the first class given for a word kept', async () => {
  const { WordIndex } = await import('../src/tagger/word-index.js');
  const index = new WordIndex([['北京', 1], ['北京市', 2], ['京', 3], ['北京', 9], ['市政府', 4]]);
  const text = '在北京市和北京和京北';
  assert.equal(index.longestAt(text, 0), undefined);
  assert.deepEqual(index.longestAt(text, 1), { length: 3, cls: 2 });
  assert.deepEqual(index.longestAt(text, 5), { length: 2, cls: 1 });
  assert.deepEqual(index.longestAt(text, 6), { length: 1, cls: 3 });
  assert.equal(index.longestAt(text, 9), undefined, 'the start of a word at the end of the text is no word');
  assert.deepEqual(index.longestAt('北京', 0), { length: 2, cls: 1 }, 'a longer candidate past the end is skipped');
  assert.equal(index.longestAt('北方', 0), undefined);
  // left to right, no overlaps: 北京市 takes 市, so 市政府 is not found after it
  assert.deepEqual([...index.cover('北京市政府')], [2 * 8 + 1, 2 * 8 + 2, 2 * 8 + 3, 0, 0]);
});
