// `kg train`: the tagger learned from annotated articles and CLUENER2020, as one config file
// describes them (data/model/train.json). The same config and data give the same model bytes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KgInputError } from '../eval/errors.js';
import { analyseDocument, type RuleAnalysis } from '../extract/index.js';
import { loadAnnotated, type AnnotatedDoc, type CorpusSource } from './corpus.js';
import { cluenerExamples, readCluener, type CluenerSentence } from './cluener.js';
import { documentExamples, projectGold, type Example } from './data.js';
import { trainPerceptron } from './perceptron.js';
import type { TaggerModel } from './model.js';


export interface TrainConfig {
  /** annotated corpora (paths relative to the config file) */
  annotated: CorpusSource[];
  /** CLUENER2020 train.json, or null for none */
  cluener: string | null;
  /** every n-th CLUENER sentence is held out for scoring and never trained on */
  cluenerHoldout: number;
  epochs: number;
  minCount: number;
  seed: number;
  /** how much more a mistake on an annotated article moves the weights than one on CLUENER */
  articleWeight: number;
}

const DEFAULTS: Omit<TrainConfig, 'annotated' | 'cluener'> = { cluenerHoldout: 10, epochs: 8, minCount: 2, seed: 1, articleWeight: 3 };

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
  for (const k of ['cluenerHoldout', 'epochs', 'minCount', 'seed', 'articleWeight'] as const) {
    if (c[k] !== undefined && (typeof c[k] !== 'number' || !Number.isFinite(c[k]) || c[k]! < 0)) throw new KgInputError(file, `"${k}" must be a number of 0 or more`);
  }
  return {
    ...DEFAULTS,
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
  /** CLUENER sentences trained on, and those held out */
  cluenerTrain: Example[];
  cluenerHeldOut: CluenerSentence[];
  cluenerDropped: Record<string, number>;
}

export async function loadTrainingData(config: TrainConfig, log: (msg: string) => void = () => {}): Promise<TrainingData> {
  for (const s of config.annotated) if (!existsSync(s.texts)) throw new KgInputError(s.texts, 'no such folder of articles (named by the training config)');
  const docs = await loadAnnotated(config.annotated);
  const analyses = docs.map((d) => analyseDocument(d.doc));
  const examples = docs.map((d, i) => documentExamples(d.doc, projectGold(d.doc, d.gold), analyses[i]));
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
  return { docs, analyses, examples, cluenerTrain, cluenerHeldOut, cluenerDropped };
}

/** Trains on the given documents (indices into data.docs) and the CLUENER training part. */
export function trainOn(data: TrainingData, docIndices: readonly number[], config: TrainConfig, log: (msg: string) => void = () => {}): TaggerModel {
  const articles = docIndices.flatMap((i) => data.examples[i]!);
  const examples = [...articles, ...data.cluenerTrain];
  const weight = config.articleWeight;
  return trainPerceptron(
    examples,
    {
      epochs: config.epochs,
      minCount: config.minCount,
      seed: config.seed,
      weightOf: (e) => (e.id.startsWith('cluener:') ? 1 : weight),
      onEpoch: (epoch, wrong, total) => log(`kg: epoch ${epoch}/${config.epochs}: ${wrong} of ${total} sentences tagged wrongly`),
    },
    {
      articles: docIndices.map((i) => data.docs[i]!.key),
      cluenerSentences: data.cluenerTrain.length,
      epochs: config.epochs,
      minCount: config.minCount,
      seed: config.seed,
      articleWeight: weight,
    },
  );
}
