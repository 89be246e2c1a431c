// Cross-validation by article: the annotated articles are split into K folds; for each fold a
// model is trained on the other K−1 (plus CLUENER's training part) and the fold's articles are
// built into a graph and scored. The pooled counts of all folds are the quality figure, beside
// the rules alone scored on the same articles. CLUENER's held-out sentences are scored by every
// fold's model (mention spans, the four types whose labels map onto the guideline's), and by the
// rules beside each, so that both counts are pooled over the folds alike.
import type { Mention } from '../types.js';
import type { EvalResult, Prf } from './score.js';
import { prf, score } from './score.js';
import { predictionsFromGraph, type PredictedDoc } from './predictions.js';
import { graphFromCorpus } from '../pipeline.js';
import { tagMentions } from '../tagger/index.js';
import { extractMentions } from '../extract/index.js';
import { documentFromText, documentInfo } from '../ingest/index.js';
import { loadTrainingData, trainOn, type TrainConfig, type TrainingData } from '../tagger/train.js';
import type { CluenerSentence } from '../tagger/cluener.js';
import type { TaggerModel } from '../tagger/model.js';
import type { LinkerModel } from '../linker/model.js';

export const CLUENER_TYPES = ['company', 'organization', 'person', 'place'] as const;
type CluenerType = (typeof CLUENER_TYPES)[number];

export interface CvResult {
  folds: number;
  /** article keys of each fold */
  foldDocs: string[][];
  model: EvalResult;
  rules: EvalResult;
  /** typed entity and relation scores per annotated corpus (the folder the articles came from) */
  byCorpus: Array<{ corpus: string; documents: number; model: { entities: Prf; relations: Prf }; rules: { entities: Prf; relations: Prf } }>;
  /** CLUENER held-out sentences: mapped-type mention scores, pooled over the fold models */
  cluener?: { sentences: number; model: Record<CluenerType, Prf>; rules: Record<CluenerType, Prf> };
  seconds: number;
}

export interface CvOptions {
  folds: number;
  /** use only the first n articles (a quick run) */
  limit?: number;
  /** the training data, when the caller has loaded it for this config already (one load for several seeds) */
  data?: TrainingData;
  log?: (msg: string) => void;
}

export async function crossValidate(config: TrainConfig, options: CvOptions): Promise<CvResult> {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const data = options.data ?? (await loadTrainingData(config, log));
  const n = Math.min(data.docs.length, options.limit ?? Infinity);
  const k = options.folds;
  if (!Number.isInteger(k) || k < 2) throw new Error(`--cv needs 2 folds or more (got ${k})`);
  if (n < k) throw new Error(`${n} annotated articles cannot make ${k} folds`);
  // articles in key order, dealt round robin: each fold gets some of every corpus
  const order = [...Array(n).keys()].sort((a, b) => (data.docs[a]!.key < data.docs[b]!.key ? -1 : 1));
  const foldOf = new Map(order.map((d, i) => [d, i % k]));
  const modelPreds: PredictedDoc[] = [];
  const rulePreds: PredictedDoc[] = [];
  const cl = { model: zeroCounts(), rules: zeroCounts() };
  for (let f = 0; f < k; f++) {
    const test = order.filter((d) => foldOf.get(d) === f);
    const train = order.filter((d) => foldOf.get(d) !== f);
    log(`kg: fold ${f + 1}/${k}: training on ${train.length} articles, scoring ${test.length}`);
    const models = trainOn(data, train, config);
    modelPreds.push(...predict(data, test, (i) => tagMentions(data.docs[i]!.doc, models.tagger, data.analyses[i]), models.linker));
    rulePreds.push(...rulesOnly(data, `${k}:${n}:${f}`, () => predict(data, test, (i) => extractMentions(data.docs[i]!.doc, data.analyses[i]))));
    scoreCluener(data.cluenerHeldOut, models.tagger, cl.model, cl.rules);
  }
  const gold = order.map((i) => data.docs[i]!.gold);
  const corpusOf = (i: number) => data.docs[i]!.key.slice(0, data.docs[i]!.key.indexOf('/'));
  const byCorpus = [...new Set(order.map(corpusOf))].map((corpus) => {
    const docs = order.filter((i) => corpusOf(i) === corpus);
    const g = docs.map((i) => data.docs[i]!.gold);
    const ids = new Set(docs.map((i) => data.docs[i]!.doc.id));
    const of = (r: EvalResult) => ({ entities: r.entitiesTyped, relations: r.relations });
    return {
      corpus,
      documents: docs.length,
      model: of(score(g, modelPreds.filter((p) => ids.has(p.doc)))),
      rules: of(score(g, rulePreds.filter((p) => ids.has(p.doc)))),
    };
  });
  const result: CvResult = {
    folds: k,
    foldDocs: [...Array(k).keys()].map((f) => order.filter((d) => foldOf.get(d) === f).map((d) => data.docs[d]!.key)),
    model: score(gold, modelPreds),
    rules: score(gold, rulePreds),
    byCorpus,
    seconds: 0,
  };
  if (data.cluenerHeldOut.length > 0) {
    result.cluener = {
      sentences: data.cluenerHeldOut.length,
      model: mapCounts(cl.model, prf),
      rules: mapCounts(cl.rules, prf),
    };
  }
  result.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return result;
}

/**
 * The rules' predictions for one fold: they depend on the articles and the fold, not on the tagger's
 * settings, so cross-validations over the same loaded data (kg eval --seeds) make them once.
 */
const RULES_ONLY = new WeakMap<TrainingData, Map<string, PredictedDoc[]>>();
function rulesOnly(data: TrainingData, fold: string, make: () => PredictedDoc[]): PredictedDoc[] {
  let byFold = RULES_ONLY.get(data);
  if (!byFold) RULES_ONLY.set(data, (byFold = new Map()));
  let preds = byFold.get(fold);
  if (!preds) byFold.set(fold, (preds = make()));
  return preds;
}

/** The graph of some annotated articles, built from the given mentions, as predictions per article. */
function predict(data: TrainingData, docs: number[], mentionsOf: (i: number) => Mention[], linker?: LinkerModel): PredictedDoc[] {
  const graph = graphFromCorpus(
    {
      infos: docs.map((i) => documentInfo(data.docs[i]!.doc)),
      mentions: docs.map(mentionsOf),
      document: (j) => data.docs[docs[j]!]!.doc,
    },
    { layoutIterations: 0, builtAt: '', ...(linker ? { linker } : {}) },
  );
  return predictionsFromGraph(graph);
}

type Counts = Record<CluenerType, { tp: number; predicted: number; gold: number }>;
const zeroCounts = (): Counts => Object.fromEntries(CLUENER_TYPES.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }])) as Counts;
const mapCounts = <T>(c: Counts, fn: (x: Counts[CluenerType]) => T): Record<CluenerType, T> =>
  Object.fromEntries(CLUENER_TYPES.map((t) => [t, fn(c[t])])) as Record<CluenerType, T>;

/** Exact mention spans of the mapped types, as the CLUENER benchmark scores them. */
export function scoreCluener(sentences: readonly CluenerSentence[], model: TaggerModel, modelCounts: Counts, ruleCounts: Counts): void {
  for (const s of sentences) {
    const doc = documentFromText(`cluener:${s.line}`, s.text);
    const gold = new Set(s.spans.map((sp) => `${sp.start}:${sp.end}:${sp.type}`));
    const count = (mentions: Mention[], into: Counts) => {
      for (const t of CLUENER_TYPES) into[t].gold += s.spans.filter((sp) => sp.type === t).length;
      const seen = new Set<string>();
      for (const m of mentions) {
        if (!(CLUENER_TYPES as readonly string[]).includes(m.type)) continue;
        const key = `${m.start}:${m.end}:${m.type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        into[m.type as CluenerType].predicted++;
        if (gold.has(key)) into[m.type as CluenerType].tp++;
      }
    };
    count(tagMentions(doc, model), modelCounts);
    count(extractMentions(doc), ruleCounts);
  }
}

/** One cross-validation per tagger seed: the tagger's figures move with the order it saw its examples in. */
export interface SeedSpread {
  seeds: Array<{ seed: number; entities: number; margin: number; relations: number; locatedInRecall: number }>;
  /** the rules' typed entity F1 (the same for every seed) */
  rules: number;
  mean: { entities: number; margin: number; relations: number; locatedInRecall: number };
  /** max − min over the seeds */
  spread: { entities: number; margin: number; relations: number };
}

/** Cross-validates once per seed (the config's other settings as they are) and sums up the spread. */
export async function crossValidateSeeds(config: TrainConfig, seeds: readonly number[], options: CvOptions): Promise<SeedSpread> {
  const rows: SeedSpread['seeds'] = [];
  let rules = 0;
  // the articles, their rule analyses and CLUENER do not depend on the seed: loaded once
  const data = options.data ?? (await loadTrainingData(config, options.log));
  for (const seed of seeds) {
    options.log?.(`kg: tagger seed ${seed}`);
    const r = await crossValidate({ ...config, seed }, { ...options, data });
    rules = r.rules.entitiesTyped.f1;
    rows.push({ seed, entities: r.model.entitiesTyped.f1, margin: r.model.entitiesTyped.f1 - rules, relations: r.model.relations.f1, locatedInRecall: r.model.byRelationType['located-in'].recall });
  }
  return seedSpread(rows, rules);
}

/** The mean and the spread (max − min) of per-seed figures. */
export function seedSpread(seeds: SeedSpread['seeds'], rules: number): SeedSpread {
  const mean = (k: keyof SeedSpread['mean']) => seeds.reduce((a, s) => a + s[k], 0) / seeds.length;
  const range = (k: keyof SeedSpread['spread']) => Math.max(...seeds.map((s) => s[k])) - Math.min(...seeds.map((s) => s[k]));
  return {
    seeds,
    rules,
    mean: { entities: mean('entities'), margin: mean('margin'), relations: mean('relations'), locatedInRecall: mean('locatedInRecall') },
    spread: { entities: range('entities'), margin: range('margin'), relations: range('relations') },
  };
}
