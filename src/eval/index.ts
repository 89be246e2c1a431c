// Evaluation: a built graph against a folder of gold files.
import { basename } from 'node:path';
import { readGraphFile } from '../graph/read.js';
import { loadGoldDir } from './gold.js';
import { predictionsFromGraph } from './predictions.js';
import { score, type EvalResult } from './score.js';
import { KgInputError } from './errors.js';

export { KgInputError } from './errors.js';
export { loadGoldDir, parseGold, type GoldDoc } from './gold.js';
export { goldAsPrediction, predictionsFromGraph, type PredictedDoc } from './predictions.js';
export { formatMarkdown, formatReport, toJSON } from './report.js';
export { maxMatching, score, type EvalResult, type Prf } from './score.js';

export function evaluate(graphFile: string, goldDir: string): EvalResult {
  const gold = loadGoldDir(goldDir);
  const predicted = predictionsFromGraph(readGraphFile(graphFile));
  // a graph of other articles would score 0 everywhere: a wrong pair of arguments, not a result
  // (a gold document pairs by id or file name, score.ts: none can where no file name is shared)
  const names = new Set(predicted.map((p) => basename(p.doc)));
  if (gold.length > 0 && !gold.some((g) => names.has(basename(g.doc)))) {
    const some = gold.slice(0, 3).map((g) => g.doc).join(', ');
    const which = gold.length === 1 ? `the one document of ${goldDir} is not` : `none of the ${gold.length} documents of ${goldDir} is`;
    throw new KgInputError(graphFile, `${which} in this graph (${some}${gold.length > 3 ? ', …' : ''}); build the graph from the gold's articles`);
  }
  return score(gold, predicted);
}
