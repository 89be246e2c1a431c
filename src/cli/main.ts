// The `kg` command: a thin layer over the library API. Results go to stdout, progress,
// warnings and errors to stderr; `--json` for machines. Exit codes: 0 ok, 1 failure, 2 usage.
// A command loads the modules it runs when it runs (the commands' registration reads only their
// defaults, query/defaults.ts, export/formats.ts, view/defaults.ts): this module and its imports
// load in about 22 ms against 140 ms when they loaded every command's, so `kg --help` takes 0.09 s
// instead of 0.21 s, and `kg build` starts its build process, which forks the extraction's early worker,
// about 90 ms sooner (2026-12-04, timed by hand).
import { dirname, join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';

import { buildAndWriteGraph } from './build-host.js';
import { listInputs } from '../ingest/files.js';
import { GENERATOR } from '../generator.js';
import { formatSummary } from './summary.js';
import { registerQueryCommands } from './query-commands.js';
import { registerViewCommands } from './view-commands.js';
import { registerTrainCommands, runCrossValidation, runSeedSpread } from './train-commands.js';
import { DEFAULT_MODEL, DEFAULT_TRAIN_CONFIG } from '../tagger/paths.js';

const DEFAULT_GRAPH = 'graph/graph.json';

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('kg')
    .description('Knowledge graphs from Chinese regional-economy news: entities, relations, evidence.')
    .version(GENERATOR.version)
    .exitOverride()
    // usage errors read like every other kg error: `kg: missing required argument 'from'`
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s.replace(/^error: /u, 'kg: ')) });

  program
    .command('build')
    .description('extract entities and relations from articles and write the graph')
    .argument('[inputs...]', 'files or folders of articles (.txt .md .html)', ['data/corpus'])
    .option('-o, --out <file>', 'where to write the graph', DEFAULT_GRAPH)
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--strict', 'stop at the first file that cannot be read or decoded instead of skipping it')
    .option('-w, --workers <n>', 'extraction worker processes (default: one per 2 MB of text to extract, up to the number of cores; one at least beside 2,000 cached articles)', positiveInt)
    .option('--no-cache', 'extract every article again instead of reusing .kg-cache/ beside the output')
    .option('-m, --model <file>', 'the tagger model that decides the entities (default: the committed data/model/entities.model)')
    .option('--rules-only', 'find entities with the rules alone, without the learned tagger')
    .action(async (inputs: string[], opts: { out: string; json?: boolean; quiet?: boolean; strict?: boolean; workers?: number; cache: boolean; model?: string; rulesOnly?: boolean }) => {
      if (opts.model !== undefined && opts.rulesOnly) throw new UsageError('--model and --rules-only cannot go together');
      // a graph file kg cannot write is told now, not after the extraction
      // (the inputs first: a build that fails on them makes no folder for its output)
      const files = listInputs(inputs);
      const { prepareOutFile } = await import('./out-path.js');
      prepareOutFile(opts.out, '--out', 'graph.json');
      // Ctrl-C (or a SIGTERM) stops the build: workers terminated, the temporary store removed,
      // the previous graph left as it was. A second Ctrl-C kills at once.
      const stop = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => stop.abort(new Interrupted(signal, opts.out));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const started = performance.now();
        const cacheDir = opts.cache ? join(dirname(opts.out), '.kg-cache') : undefined;
        const { summary, records: written } = await buildAndWriteGraph(
          {
            inputs: files,
            out: opts.out,
            options: {
              strict: !!opts.strict,
              ...(opts.workers ? { workers: opts.workers } : {}),
              ...(opts.rulesOnly ? { model: null } : opts.model !== undefined ? { model: opts.model } : {}),
              ...(cacheDir ? { cacheDir } : {}),
            },
            // progress on stderr: a live line on a terminal, else a line per tenth
            progress: opts.quiet ? 'none' : process.stderr.isTTY ? 'live' : 'lines',
            // this process ends with the build: its heap may grow more once the extraction is done
            corpusPassHeap: true,
          },
          { signal: stop.signal, onStderr: (text) => process.stderr.write(text) },
        );
        // the time a user waited: build() stops its clock before closing the store, and writing
        // the graph comes after it (seconds at 100 MB of text)
        summary.seconds = Math.round((performance.now() - started) / 10) / 100;
        // --json also tells how many of the graph's records were copied from the file it replaced
        if (opts.json) process.stdout.write(`${JSON.stringify({ out: opts.out, ...summary, records: written }, null, 2)}\n`);
        else process.stdout.write(formatSummary(summary, opts.out));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  program
    .command('stats')
    .description('counts of a built graph: documents, entities and relations by type')
    .argument('[graph]', 'graph file', DEFAULT_GRAPH)
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const [{ readGraphFile }, { statsOf, formatStats }] = await Promise.all([import('../graph/read.js'), import('../graph/stats.js')]);
      const stats = statsOf(readGraphFile(file));
      process.stdout.write(opts.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    });

  program
    .command('eval')
    .description("score a graph against gold files (the annotation guideline's scoring), or cross-validate the tagger (--cv K)")
    .argument('[graph]', 'graph file built from the gold articles')
    .argument('[gold-dir]', 'folder of NAME.gold.json files')
    .option('-v, --verbose', 'list missed, spurious and wrongly typed entities and missed relations per document')
    .option('--json', 'print as JSON')
    .option('--markdown', 'print a Markdown table of P/R/F1 per type')
    .option('--cv <k>', 'cross-validation by article: train on K-1 folds of the annotated articles, score the held-out one, for every fold', positiveInt)
    .option('-c, --config <file>', 'with --cv: the training config naming the annotated articles', DEFAULT_TRAIN_CONFIG)
    .option('--limit <n>', 'with --cv: only the first N articles (a quick run)', positiveInt)
    .option('--seeds <list>', 'with --cv: one cross-validation per tagger seed (1,2,3), each seed\'s figures and their mean and spread', seedList)
    .option('-q, --quiet', 'with --cv: no progress on stderr')
    .action(async (graphFile: string | undefined, goldDir: string | undefined, opts: { verbose?: boolean; json?: boolean; markdown?: boolean; cv?: number; config: string; limit?: number; seeds?: number[]; quiet?: boolean }) => {
      if (opts.seeds !== undefined && opts.cv === undefined) throw new UsageError('kg eval --seeds needs --cv K');
      if (opts.cv !== undefined) {
        if (graphFile !== undefined) throw new UsageError('kg eval --cv takes no graph or gold folder: the training config names the annotated articles');
        if (opts.seeds !== undefined) return runSeedSpread({ ...opts, cv: opts.cv, seeds: opts.seeds });
        return runCrossValidation({ ...opts, cv: opts.cv });
      }
      if (graphFile === undefined || goldDir === undefined) throw new UsageError("kg eval needs a graph file and a gold folder (or --cv K)");
      const { evaluate, formatMarkdown, formatReport, toJSON } = await import('../eval/index.js');
      const result = evaluate(graphFile, goldDir);
      for (const w of result.warnings ?? []) process.stderr.write(`kg: ${w}\n`);
      if (opts.json) process.stdout.write(`${JSON.stringify(toJSON(result), null, 2)}\n`);
      else if (opts.markdown) process.stdout.write(formatMarkdown(result));
      else process.stdout.write(formatReport(result, { verbose: !!opts.verbose }));
    });

  registerTrainCommands(program, { config: DEFAULT_TRAIN_CONFIG, model: DEFAULT_MODEL });
  registerQueryCommands(program, DEFAULT_GRAPH);
  registerViewCommands(program, DEFAULT_GRAPH);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

/** A build stopped by a signal: exit status 128 + the signal's number, as a shell reports it. */
class Interrupted extends Error {
  readonly exitCode: number;
  constructor(signal: NodeJS.Signals, out: string) {
    super(`interrupted (${signal}); ${out} left as it was`);
    this.name = 'Interrupted';
    this.exitCode = signal === 'SIGTERM' ? 143 : 130;
  }
}

/** A usage error found after parsing: exit code 2, like commander's own. */
class UsageError extends Error {
  readonly exitCode = 2;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** 1,2,3: tagger seeds, each a whole number of 0 or more, none twice. */
function seedList(value: string): number[] {
  const seeds = value.split(',').map((x) => x.trim());
  if (seeds.some((x) => !/^\d+$/.test(x)) || new Set(seeds).size !== seeds.length) throw new InvalidArgumentError('expected seeds as whole numbers joined by commas, none twice (1,2,3)');
  return seeds.map(Number);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0
    return err.exitCode === 0 ? 0 : 2;
  }
  const e = err as { message?: string; stack?: string; exitCode?: unknown };
  process.stderr.write(`kg: ${e?.message ?? String(err)}\n`);
  if (process.env.KG_DEBUG && e?.stack) process.stderr.write(`${e.stack}\n`);
  // an error may carry its own status (2: an ambiguous name)
  return typeof e?.exitCode === 'number' && e.exitCode > 0 ? e.exitCode : 1;
}

// `node dist/cli/main.js` directly, as well as through bin/kg.js
if (import.meta.url === `file://${process.argv[1]}`) void main(process.argv);
