// Evaluation: a built graph against a folder of gold files.
import { readGraphFile } from '../graph/read.js';
import { loadGoldDir } from './gold.js';
import { predictionsFromGraph } from './predictions.js';
import { score, type EvalResult } from './score.js';

export { KgInputError } from './errors.js';
export { loadGoldDir, parseGold, type GoldDoc } from './gold.js';
export { goldAsPrediction, predictionsFromGraph, type PredictedDoc } from './predictions.js';
export { formatMarkdown, formatReport, toJSON } from './report.js';
export { maxMatching, score, type EvalResult, type Prf } from './score.js';

export function evaluate(graphFile: string, goldDir: string): EvalResult {
  const gold = loadGoldDir(goldDir);
  return score(gold, predictionsFromGraph(readGraphFile(graphFile)));
}
