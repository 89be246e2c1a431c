// Tagger benchmark: how fast the learned tagger decides mentions (features and Viterbi, after
// the rules and jieba have read the text), the rules' own pass for comparison, the model file's
// size and load time, and how long `kg train` takes. The generated ×1 corpus (≈1 MB), in this
// process, one thread: the figures are per worker.
// Runnable alone: node --import tsx bench/tagger.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArticles } from './generate.js';
import { DEFAULT_BUILD_BENCH_OPTIONS } from './build.js';
import type { BenchRow } from './rows.js';
import { documentFromText } from '../src/ingest/index.js';
import { analyseDocument } from '../src/extract/index.js';
import { tagMentions } from '../src/tagger/index.js';
import { parseModels } from '../src/model-file.js';
import { readTrainConfig } from '../src/tagger/train.js';
import { DEFAULT_MODEL, DEFAULT_TRAIN_CONFIG } from '../src/tagger/paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchTagger(): BenchRow[] {
  const section = 'tagger';
  const log = (s: string) => process.stderr.write(`bench tagger: ${s}\n`);
  const rows: BenchRow[] = [];

  const bytes = readFileSync(DEFAULT_MODEL);
  const loads: number[] = [];
  let model = parseModels(bytes, DEFAULT_MODEL).tagger;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    model = parseModels(bytes, DEFAULT_MODEL).tagger;
    loads.push((performance.now() - t) / 1000);
  }
  const mb = bytes.length / 1e6;
  rows.push(
    { section, metric: `model file (tagger: ${model.meta.rows} features; and the relation classifier)`, value: round(mb, 1), unit: 'MB', target: '≤ 30 MB', met: mb <= 30 },
    { section, metric: 'model load (read, check, index)', value: round(median(loads), 2), unit: 's' },
  );

  // the ×1 corpus of the build benchmark: ≈ 1 MB of generated articles
  const sample = generateArticles({ documents: 20, seed: 1 });
  const perDoc = sample.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / sample.length;
  const articles = generateArticles({ documents: Math.round(DEFAULT_BUILD_BENCH_OPTIONS.baseBytes / perDoc), seed: 1 });
  const textBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const docs = articles.map((a) => documentFromText(a.name, a.text));
  const rulesTimes: number[] = [];
  const taggerTimes: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const analyses = docs.map((d) => analyseDocument(d));
    rulesTimes.push((performance.now() - t) / 1000);
    t = performance.now();
    docs.forEach((d, i) => tagMentions(d, model, analyses[i]));
    taggerTimes.push((performance.now() - t) / 1000);
  }
  const what = `${(textBytes / 1e6).toFixed(2)} MB, ${docs.length} articles, median of 3`;
  const tagger = textBytes / 1e6 / median(taggerTimes);
  log(`tagger ${tagger.toFixed(2)} MB/s`);
  rows.push(
    { section, metric: `tagger stage (features, emissions, Viterbi, names rescanned), 1 thread, ${what}`, value: round(tagger), unit: 'MB/s', target: '≥ 1 MB/s', met: tagger >= 1 },
    { section, metric: `rules and jieba (what the tagger reads), 1 thread, ${what}`, value: round(textBytes / 1e6 / median(rulesTimes)), unit: 'MB/s' },
    { section, metric: 'whole extraction with the tagger, 1 thread', value: round(textBytes / 1e6 / (median(rulesTimes) + median(taggerTimes))), unit: 'MB/s' },
  );

  // kg train, as the README runs it, when the data it reads is here
  const config = readTrainConfig(DEFAULT_TRAIN_CONFIG);
  const missing = [...config.annotated.map((s) => s.texts), config.cluener ?? ''].find((p) => p && !existsSync(p));
  if (missing) {
    log(`kg train not timed: ${missing} is not here`);
    return rows;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-train-'));
  try {
    const out = join(dir, 'm.model');
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/kg.js'), 'train', '--out', out, '--quiet'], { encoding: 'utf8' });
    const seconds = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`kg train failed: ${r.stderr.trim()}`);
    log(`kg train ${seconds.toFixed(1)} s`);
    rows.push(
      { section, metric: 'kg train (data/model/train.json), 1 thread', value: round(seconds, 1), unit: 's', target: '< 600 s', met: seconds < 600 },
      { section, metric: 'kg train gives the committed model byte for byte', value: readFileSync(out).equals(bytes) ? 1 : 0, unit: '(1 yes)', target: '1', met: readFileSync(out).equals(bytes) },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = benchTagger();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else (await import('./rows.js')).printRows(rows);
}
