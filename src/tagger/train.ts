// `kg train`: the tagger learned from annotated articles and CLUENER2020, as one config file
// describes them (data/model/train.json). The same config and data give the same model bytes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KgInputError } from '../eval/errors.js';
import { analyseDocument, type RuleAnalysis } from '../extract/index.js';
import { loadAnnotated, type AnnotatedDoc, type CorpusSource } from './corpus.js';
import { cluenerExamples, readCluener, type CluenerSentence } from './cluener.js';
import { documentExamples, projectGold, type Example, type GoldSpan } from './data.js';
import type { Document } from '../types.js';
import type { Linked } from '../relate/sentence.js';
import { linkExamples, trainLinker } from '../linker/index.js';
import type { LinkExample } from '../linker/model.js';
import type { Models } from '../model-file.js';
import { perceptronWeights } from './perceptron.js';
import { crfWeights } from './crf.js';
import { featureRows, mixWeights, pruneRows } from './rows.js';
import { LEXICAL_TEMPLATES } from './features.js';
import { makeModel } from './model.js';

export interface TrainConfig {
  /** annotated corpora (paths relative to the config file) */
  annotated: CorpusSource[];
  /** CLUENER2020 train.json, or null for none */
  cluener: string | null;
  /** every n-th CLUENER sentence is held out for scoring and never trained on */
  cluenerHoldout: number;
  epochs: number;
  /** how many perceptron runs, each in its own order of the examples, the tagger's weights are the mean of */
  runs: number;
  minCount: number;
  seed: number;
  /** how much more a mistake on an annotated article moves the weights than one on CLUENER */
  articleWeight: number;
  /** tagger weights under this share of the largest are left out (a smaller, faster model) */
  pruneBelow: number;
  /**
   * the share of a linear-chain CRF in the tagger (0: the perceptron alone): both learners train
   * on the same examples and their weights, each scaled to a largest weight of 1, are mixed into
   * one table; its passes, L2 penalty and first step size
   */
  crfWeight: number;
  crfEpochs: number;
  crfL2: number;
  crfRate: number;
  /**
   * lexical weights (character n-grams, words) of the features the annotated articles use, under
   * this share of the largest, are left out too (0: only pruneBelow); CLUENER's own keep theirs
   */
  lexicalPruneBelow: number;
  /** relation classifier: passes over its examples, how much a true relation's loss weighs against a pair with none, and AdaGrad's step size */
  linkerEpochs: number;
  linkerPositiveWeight: number;
  linkerRate: number;
  /** how many relation classifier runs, each in its own order of the examples, its weights are the mean of */
  linkerRuns: number;
}

/** The relation classifier's L2 penalty per weight (small: the step size and passes do most of the regularising). */
const LINKER_L2 = 1e-4;

/** What a training config leaves out takes these values. */
export const TRAIN_DEFAULTS: Readonly<Omit<TrainConfig, 'annotated' | 'cluener'>> = { cluenerHoldout: 10, epochs: 8, runs: 1, minCount: 2, seed: 1, articleWeight: 3, pruneBelow: 0.02, crfWeight: 0, crfEpochs: 10, crfL2: 1, crfRate: 0.002, lexicalPruneBelow: 0, linkerEpochs: 20, linkerPositiveWeight: 0.7, linkerRate: 0.01, linkerRuns: 1 };

export function readTrainConfig(file: string): TrainConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KgInputError(file, code === 'ENOENT' ? 'no such training config' : code ? `cannot read the training config (${code})` : `not valid JSON (${(err as Error).message})`);
  }
  const c = raw as Partial<TrainConfig>;
  const base = dirname(file);
  if (!Array.isArray(c.annotated) || c.annotated.some((s) => typeof s?.texts !== 'string' || typeof s?.gold !== 'string')) {
    throw new KgInputError(file, '"annotated" must be a list of {"texts": folder, "gold": folder}');
  }
  for (const k of ['cluenerHoldout', 'epochs', 'runs', 'minCount', 'seed', 'articleWeight', 'pruneBelow', 'crfWeight', 'crfEpochs', 'crfL2', 'crfRate', 'lexicalPruneBelow', 'linkerEpochs', 'linkerPositiveWeight', 'linkerRate', 'linkerRuns'] as const) {
    if (c[k] !== undefined && (typeof c[k] !== 'number' || !Number.isFinite(c[k]) || c[k]! < 0)) throw new KgInputError(file, `"${k}" must be a number of 0 or more`);
  }
  if (c.crfWeight !== undefined && c.crfWeight > 1) throw new KgInputError(file, '"crfWeight" must be between 0 and 1');
  if (c.lexicalPruneBelow !== undefined && c.lexicalPruneBelow >= 1) throw new KgInputError(file, '"lexicalPruneBelow" must be under 1');
  if (c.crfEpochs !== undefined && !(Number.isInteger(c.crfEpochs) && c.crfEpochs >= 1)) throw new KgInputError(file, '"crfEpochs" must be a whole number of 1 or more');
  for (const k of ['runs', 'linkerRuns'] as const) {
    if (c[k] !== undefined && !(Number.isInteger(c[k]) && c[k]! >= 1)) throw new KgInputError(file, `"${k}" must be a whole number of 1 or more`);
  }
  return {
    ...TRAIN_DEFAULTS,
    ...c,
    annotated: c.annotated.map((s) => ({ texts: resolve(base, s.texts), gold: resolve(base, s.gold) })),
    cluener: typeof c.cluener === 'string' ? resolve(base, c.cluener) : null,
  } as TrainConfig;
}

/** Everything training reads, loaded once (cross-validation trains many models on parts of it). */
export interface TrainingData {
  docs: AnnotatedDoc[];
  /** what the rules make of each document, same order */
  analyses: RuleAnalysis[];
  /** the sentences of each document as examples, same order as docs */
  examples: Example[][];
  /** each document's relation-classifier examples, from its gold mentions and relations */
  links: LinkExample[][];
  /** CLUENER sentences trained on, and those held out */
  cluenerTrain: Example[];
  cluenerHeldOut: CluenerSentence[];
  cluenerDropped: Record<string, number>;
}

export async function loadTrainingData(config: TrainConfig, log: (msg: string) => void = () => {}): Promise<TrainingData> {
  for (const s of config.annotated) if (!existsSync(s.texts)) throw new KgInputError(s.texts, 'no such folder of articles (named by the training config)');
  const docs = await loadAnnotated(config.annotated);
  const analyses = docs.map((d) => analyseDocument(d.doc));
  const spans = docs.map((d) => projectGold(d.doc, d.gold));
  const examples = docs.map((d, i) => documentExamples(d.doc, spans[i]!, analyses[i]));
  const links = docs.map((d, i) => linkExamples(d.doc, goldMentions(d.doc, spans[i]!, analyses[i]!), d.gold.relations));
  log(`kg: ${docs.length} annotated articles, ${examples.reduce((n, e) => n + e.length, 0)} sentences`);
  let cluenerTrain: Example[] = [];
  let cluenerHeldOut: CluenerSentence[] = [];
  let cluenerDropped: Record<string, number> = {};
  if (config.cluener) {
    if (!existsSync(config.cluener)) throw new KgInputError(config.cluener, 'no such CLUENER file (named by the training config)');
    const read = readCluener(config.cluener);
    const every = Math.max(0, Math.floor(config.cluenerHoldout));
    const held = (s: CluenerSentence) => every > 0 && s.line % every === 0;
    cluenerHeldOut = read.sentences.filter(held);
    cluenerTrain = read.sentences.filter((s) => !held(s)).flatMap(cluenerExamples);
    cluenerDropped = read.dropped;
    log(`kg: ${read.sentences.length} CLUENER sentences usable (${cluenerHeldOut.length} held out), ${Object.values(read.dropped).reduce((a, b) => a + b, 0)} left out`);
  }
  return { docs, analyses, examples, links, cluenerTrain, cluenerHeldOut, cluenerDropped };
}

/** Trains the tagger and the relation classifier on the given documents (indices into data.docs) and CLUENER's training part. */
export function trainOn(data: TrainingData, docIndices: readonly number[], config: TrainConfig, log: (msg: string) => void = () => {}): Models {
  const articles = docIndices.flatMap((i) => data.examples[i]!);
  const examples = [...articles, ...data.cluenerTrain];
  const weight = config.articleWeight;
  const isArticle = (e: Example) => !e.id.startsWith('cluener:');
  const weightOf = (e: Example) => (isArticle(e) ? weight : 1);
  const table = featureRows(examples, config.minCount);
  // each learner only where it has a share (crfWeight 0: the perceptron alone; 1: the CRF alone)
  const perceptron =
    config.crfWeight < 1
      ? perceptronWeights(examples, table, {
          epochs: config.epochs,
          runs: config.runs,
          seed: config.seed,
          weightOf,
          onEpoch: (epoch, wrong, total) => log(`kg: tagger epoch ${epoch}/${config.epochs}: ${wrong} of ${total} sentences tagged wrongly`),
        })
      : undefined;
  const crf =
    config.crfWeight > 0
      ? crfWeights(examples, table, {
          epochs: config.crfEpochs,
          seed: config.seed,
          l2: config.crfL2,
          rate: config.crfRate,
          weightOf,
          onEpoch: (epoch, loss) => log(`kg: CRF epoch ${epoch}/${config.crfEpochs}: loss ${loss.toFixed(0)}`),
        })
      : undefined;
  const mixed = perceptron && crf ? mixWeights(perceptron, crf, config.crfWeight) : (perceptron ?? crf)!;
  const weights = config.lexicalPruneBelow > 0 ? pruneRows(mixed, examples, table, LEXICAL_TEMPLATES, isArticle, config.lexicalPruneBelow) : mixed;
  const tagger = makeModel(table.keys, weights.dense, weights.transitions, config.pruneBelow);
  const links = docIndices.flatMap((i) => data.links[i]!);
  const linker = trainLinker(links, { epochs: config.linkerEpochs, runs: config.linkerRuns, seed: config.seed, positiveWeight: config.linkerPositiveWeight, rate: config.linkerRate, l2: LINKER_L2 });
  log(`kg: relation classifier trained on ${links.length} candidate pairs (${links.filter((l) => l.label !== 0).length} related)`);
  return {
    tagger,
    linker,
    training: {
      articles: docIndices.map((i) => data.docs[i]!.key),
      cluenerSentences: data.cluenerTrain.length,
      epochs: config.epochs,
      runs: config.runs,
      minCount: config.minCount,
      seed: config.seed,
      articleWeight: weight,
      pruneBelow: config.pruneBelow,
      // a perceptron-only model's header stays as it was before the CRF (the same bytes)
      ...(config.crfWeight > 0 ? { crfWeight: config.crfWeight, crfEpochs: config.crfEpochs, crfL2: config.crfL2, crfRate: config.crfRate } : {}),
      ...(config.lexicalPruneBelow > 0 ? { lexicalPruneBelow: config.lexicalPruneBelow } : {}),
      linkerEpochs: config.linkerEpochs,
      linkerPositiveWeight: config.linkerPositiveWeight,
      linkerRate: config.linkerRate,
      // a one-run classifier's header stays as it was before runs (the same bytes)
      ...(config.linkerRuns > 1 ? { linkerRuns: config.linkerRuns } : {}),
    },
  };
}

/** An article's gold mentions as the relation stage sees mentions: linked to their gold entity's name. */
export function goldMentions(doc: Document, spans: readonly GoldSpan[], analysis: RuleAnalysis): Linked[] {
  const ruleAt = new Map(analysis.mentions.map((m) => [`${m.nstart}:${m.nend}`, m.rule]));
  return spans.flatMap((sp) => {
    const sentence = doc.sentences.find((s) => sp.start >= s.start && sp.end <= s.end);
    if (!sentence) return [];
    const rule = ruleAt.get(`${sp.start}:${sp.end}`);
    return [
      {
        doc: doc.id,
        start: doc.offsets[sp.start]!,
        end: doc.offsets[sp.end - 1]! + 1,
        text: doc.text.slice(sp.start, sp.end),
        sentence: sentence.index,
        type: sp.type,
        nstart: sp.start,
        nend: sp.end,
        rule: rule ? `tagger+${rule}` : 'tagger',
        entity: sp.name,
      },
    ];
  });
}
