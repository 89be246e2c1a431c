// `kg train` (the entity tagger, from data/model/train.json) and `kg eval --cv K` (cross-validation
// by article, the quality figure). Thin: the work is in src/tagger and src/eval/cv.ts.
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import type { EvalResult, Prf } from '../eval/score.js';

/** Mapped-type F1 of the published BERT-base baseline on CLUENER2020, as issue 12 quotes it. */
export const CLUENER_BASELINE: Record<string, number> = { company: 0.66, organization: 0.74, person: 0.76 };

export function registerTrainCommands(program: Command, defaults: { config: string; model: string }): void {
  program
    .command('train')
    .description('learn the entity tagger from annotated articles and CLUENER2020, and write the model file')
    .option('-c, --config <file>', 'training config: the data to read and the settings', defaults.config)
    .option('-o, --out <file>', 'where to write the model', defaults.model)
    .option('-q, --quiet', 'no progress on stderr')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { config: string; out: string; quiet?: boolean; json?: boolean }) => {
      const { readTrainConfig, loadTrainingData, trainOn } = await import('../tagger/train.js');
      const { serializeModels } = await import('../model-file.js');
      const { writeFileAtomic } = await import('../graph/write.js');
      const { prepareOutFile } = await import('./out-path.js');
      // a model file kg cannot write is told now, not after minutes of training
      prepareOutFile(opts.out, '--out', 'entities.model');
      const t0 = performance.now();
      const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
      const config = readTrainConfig(opts.config);
      const data = await loadTrainingData(config, log);
      const models = trainOn(data, data.docs.map((_, i) => i), config, log);
      const bytes = serializeModels(models);
      writeFileAtomic(opts.out, bytes);
      const summary = {
        out: opts.out,
        bytes: bytes.length,
        features: models.tagger.keys.length,
        relationFeatures: models.linker?.keys.length ?? 0,
        articles: data.docs.length,
        cluenerSentences: data.cluenerTrain.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        process.stdout.write(
          `wrote ${summary.out}: ${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.features} tagger and ${summary.relationFeatures} relation features, from ${summary.articles} articles and ${summary.cluenerSentences} CLUENER sentences in ${summary.seconds} s\nsha256 ${summary.sha256}\n`,
        );
      }
    });
}

/** `kg eval --cv K --seeds A,B,…`: one cross-validation per tagger seed, each seed's figures and their mean and spread. */
export async function runSeedSpread(opts: { cv: number; config: string; seeds: number[]; limit?: number; json?: boolean; markdown?: boolean; quiet?: boolean }): Promise<void> {
  const { readTrainConfig } = await import('../tagger/train.js');
  const { crossValidateSeeds } = await import('../eval/cv.js');
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const r = await crossValidateSeeds(readTrainConfig(opts.config), opts.seeds, { folds: opts.cv, limit: opts.limit, log });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const f3 = (x: number) => x.toFixed(3);
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${f3(Math.abs(x))}`;
  const rows: string[][] = [
    ...r.seeds.map((s) => [String(s.seed), f3(s.entities), signed(s.margin), f3(s.relations), f3(s.locatedInRecall)]),
    ['mean', f3(r.mean.entities), signed(r.mean.margin), f3(r.mean.relations), f3(r.mean.locatedInRecall)],
    ['spread', f3(r.spread.entities), f3(r.spread.margin), f3(r.spread.relations), ''],
  ];
  const head = ['tagger seed', 'typed F1', `margin over the rules (${f3(r.rules)})`, 'relation F1', 'located-in recall'];
  const lines = opts.markdown
    ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((x) => `| ${x.join(' | ')} |`)]
    : [`${opts.cv}-fold cross-validation, once per tagger seed`, head.join('  '), ...rows.map((x) => x.map((c, i) => c.padEnd(head[i]!.length)).join('  ').trimEnd())];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `kg eval --cv K`: the pooled table of the model and of the rules on the same folds. */
export async function runCrossValidation(opts: { cv: number; config: string; limit?: number; json?: boolean; markdown?: boolean; quiet?: boolean }): Promise<void> {
  const { readTrainConfig } = await import('../tagger/train.js');
  const { crossValidate } = await import('../eval/cv.js');
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const result = await crossValidate(readTrainConfig(opts.config), { folds: opts.cv, limit: opts.limit, log });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...result, model: summaryOf(result.model), rules: summaryOf(result.rules), cluenerBaseline: CLUENER_BASELINE }, null, 2)}\n`);
    return;
  }
  const docs = result.foldDocs.flat().length;
  const lines: string[] = [];
  const f3 = (x: number) => x.toFixed(3);
  if (opts.markdown) {
    lines.push(`${result.folds}-fold cross-validation over ${docs} annotated articles`, '');
    lines.push('| | model P | model R | model F1 | tp / predicted / gold | rules only F1 |', '|---|---|---|---|---|---|');
    for (const [label, m, r] of rowsOf(result.model, result.rules)) {
      const k = label.startsWith('  ') ? `\`${label.trim()}\`` : `**${label}**`;
      lines.push(`| ${k} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${m.tp} / ${m.predicted} / ${m.gold} | ${f3(r.f1)} |`);
    }
    const [mr, rr] = [result.model.resolution, result.rules.resolution];
    lines.push(`| resolution (aliases) | ${f3(mr.precision)} | ${f3(mr.recall)} | | ${mr.merged} joined of ${mr.mustMerge}, ${mr.wrong} wrongly | P ${f3(rr.precision)} R ${f3(rr.recall)} |`);
    lines.push('', '| corpus | articles | model typed F1 | rules only typed F1 | model relation F1 | rules only relation F1 |', '|---|---|---|---|---|---|');
    for (const c of result.byCorpus) lines.push(`| ${c.corpus} | ${c.documents} | ${f3(c.model.entities.f1)} | ${f3(c.rules.entities.f1)} | ${f3(c.model.relations.f1)} | ${f3(c.rules.relations.f1)} |`);
    if (result.cluener) {
      lines.push('', `CLUENER2020 held-out sentences (${result.cluener.sentences}), mention spans, pooled over the ${result.folds} fold models`, '');
      lines.push('| type (CLUENER label) | model P | model R | model F1 | rules only F1 | published BERT-base F1 |', '|---|---|---|---|---|---|');
      for (const [t, label] of CLUENER_ROWS) {
        const m = result.cluener.model[t];
        lines.push(`| \`${t}\` (${label}) | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${f3(result.cluener.rules[t].f1)} | ${CLUENER_BASELINE[t]?.toFixed(2) ?? '–'} |`);
      }
    }
  } else {
    lines.push(`${result.folds}-fold cross-validation over ${docs} annotated articles (${result.seconds} s)`);
    lines.push(`${''.padEnd(20)}  model                               rules only`);
    lines.push(`${''.padEnd(20)}  P      R      F1     tp/pred/gold     P      R      F1`);
    for (const [k, m, r] of rowsOf(result.model, result.rules)) {
      lines.push(`${k.padEnd(20)}  ${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}  ${`${m.tp}/${m.predicted}/${m.gold}`.padEnd(15)}  ${f3(r.precision)}  ${f3(r.recall)}  ${f3(r.f1)}`);
    }
    const [mr, rr] = [result.model.resolution, result.rules.resolution];
    lines.push(`${'resolution (aliases)'.padEnd(20)}  ${f3(mr.precision)}  ${f3(mr.recall)}         ${`${mr.merged}/${mr.mustMerge}, ${mr.wrong} wrong`.padEnd(15)}  ${f3(rr.precision)}  ${f3(rr.recall)}`);
    lines.push('', 'by corpus              typed entity F1        relation F1');
    lines.push(`${''.padEnd(20)}  model  rules          model  rules`);
    for (const c of result.byCorpus) {
      lines.push(`${`  ${c.corpus} (${c.documents})`.padEnd(20)}  ${f3(c.model.entities.f1)}  ${f3(c.rules.entities.f1)}          ${f3(c.model.relations.f1)}  ${f3(c.rules.relations.f1)}`);
    }
    if (result.cluener) {
      lines.push('', `CLUENER held-out: ${result.cluener.sentences} sentences, mention spans, pooled over the ${result.folds} fold models`);
      lines.push(`${''.padEnd(20)}  P      R      F1     rules F1  BERT-base F1`);
      for (const [t] of CLUENER_ROWS) {
        const m = result.cluener.model[t];
        lines.push(`${`  ${t}`.padEnd(20)}  ${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}  ${f3(result.cluener.rules[t].f1)}     ${CLUENER_BASELINE[t]?.toFixed(2) ?? '–'}`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const CLUENER_ROWS = [
  ['company', 'company'],
  ['organization', 'government'],
  ['person', 'name'],
  ['place', 'address, split into places'],
] as const;

function rowsOf(m: EvalResult, r: EvalResult): Array<[string, Prf, Prf]> {
  return [
    ['entities (typed)', m.entitiesTyped, r.entitiesTyped],
    ['entities (untyped)', m.entitiesUntyped, r.entitiesUntyped],
    ...ENTITY_TYPES.map((t): [string, Prf, Prf] => [`  ${t}`, m.byEntityType[t], r.byEntityType[t]]),
    ['relations', m.relations, r.relations],
    ...RELATION_TYPES.map((t): [string, Prf, Prf] => [`  ${t}`, m.byRelationType[t], r.byRelationType[t]]),
  ];
}

function summaryOf(r: EvalResult): Omit<EvalResult, 'details'> {
  const { details: _details, ...rest } = r;
  return rest;
}
