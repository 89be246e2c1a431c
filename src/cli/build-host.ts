// `kg build`'s side of the build's thread (build-thread.ts): the job it is given, and the thread
// started for a corpus of THREAD_FILES files or more, so that the thread's heap can be given a
// young generation larger than V8's default (corpus/heap.ts): a build's corpus passes keep
// millions of mentions, relations and strings alive, and with the default 16 MB semi-spaces each
// of those objects was copied through some hundreds of scavenges (bench/RESULTS.md). A
// process-wide flag (--max-semi-space-size) cannot be set once Node runs; a worker thread's
// `resourceLimits` can. The thread sends what it writes to stderr (warnings, progress lines) as
// messages, stops when the build's signal aborts, and hands back the summary.
//
// Apart from build-thread.ts so that the CLI loads none of the build's modules before it starts
// the thread: the thread loads them, and starts the extraction's early worker (corpus/spawn.ts)
// before it does. A smaller corpus, built in the CLI's own thread, loads them then.
import { Worker } from 'node:worker_threads';
import type { BuildOptions, BuildSummary } from '../build.js';
import { BUILD_YOUNG_GENERATION_MB } from '../corpus/heap.js';
import type { InputList } from '../ingest/index.js';

/**
 * Corpora of fewer files are built in the process's own thread: a thread of its own costs a
 * second load of kg's modules and about 110 MB more memory at peak, and its larger young
 * generation pays only where the corpus passes hold many objects. Measured by hand, in the
 * process's thread → in a thread of its own: data/corpus (5 articles, --no-cache), 4 alternating
 * rounds, 2.30 → 2.67 s on average, 400 → 515 MB at peak; 132 articles (1 MB), 2 rounds, 4.6 and
 * 4.8 → 5.0 and 5.9 s, 440 → 568 MB; 1,320 articles (10 MB, --workers 1), 3 rounds, 22.1, 21.2,
 * 23.5 → 22.5, 19.7, 22.6 s, 575 → 690 MB; 13,200 articles rebuilt after adding 13, 4 rounds,
 * median 19.2 → 16.7 s. The threshold lies between the last two; it was not timed itself.
 */
export const THREAD_FILES = 1000;

/** buildInThread for corpora of THREAD_FILES files or more, else build-thread.ts's buildAndWrite in this thread. */
export async function buildAndWriteGraph(job: BuildJob, hooks: Hooks = {}): Promise<BuildOutcome> {
  if (job.inputs.files.length >= THREAD_FILES) return buildInThread(job, hooks);
  const { buildAndWrite } = await import('./build-thread.js');
  return buildAndWrite(job, hooks);
}

/** What `kg build` asks for: the inputs (as listed), the graph file, and the library's build options that a message can carry. */
export interface BuildJob {
  inputs: InputList;
  out: string;
  options: Pick<BuildOptions, 'strict' | 'workers' | 'model' | 'cacheDir' | 'builtAt' | 'layoutIterations'>;
  /** progress on stderr: none, a line per tenth of the documents, or a live line (a terminal) */
  progress: 'none' | 'lines' | 'live';
  /**
   * once the extraction is done, set V8's heap growth for the corpus passes (corpus/heap.ts), for
   * the rest of the process: for `kg build`'s process, which ends with its build
   */
  corpusPassHeap?: boolean;
}

export interface BuildOutcome {
  summary: BuildSummary;
  /** the graph file's records, and how many of them were copied from the file it replaced */
  records: { total: number; copied: number };
}

export interface Hooks {
  signal?: AbortSignal;
  /** warnings and progress, as text for stderr */
  onStderr?: (text: string) => void;
}

export type FromThread =
  | { stderr: string }
  | { outcome: BuildOutcome }
  | { error: { message: string; stack?: string; exitCode?: number } };

/**
 * buildAndWrite in a thread with the larger young generation. Rejects with the thread's error
 * (its message and exit code), or with the signal's reason once the thread has stopped (workers
 * terminated, temporary store removed) after the signal aborted.
 */
export function buildInThread(job: BuildJob, hooks: Hooks = {}): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) return reject(hooks.signal.reason);
    const options = { workerData: { kgBuildJob: job }, resourceLimits: { maxYoungGenerationSizeMb: BUILD_YOUNG_GENERATION_MB } };
    // the thread starts at build-thread-start; under tsx (tests) it is TypeScript: the thread registers tsx's loader, then loads it
    const ts = import.meta.url.endsWith('.ts');
    const start = new URL(ts ? './build-thread-start.ts' : './build-thread-start.js', import.meta.url);
    const thread = ts
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(start.href)}); })`, { ...options, eval: true })
      : new Worker(start, options);
    let outcome: BuildOutcome | undefined;
    let failure: Error | undefined;
    const onAbort = () => thread.postMessage({ abort: true });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    thread.on('message', (m: FromThread) => {
      if ('stderr' in m) hooks.onStderr?.(m.stderr);
      else if ('outcome' in m) outcome = m.outcome;
      else failure = Object.assign(new Error(m.error.message), m.error);
    });
    thread.on('error', (err) => (failure ??= err));
    thread.on('exit', (code) => {
      hooks.signal?.removeEventListener('abort', onAbort);
      // a stop that came after the build's last check (while the graph was written) finds the
      // build done: it succeeded, as it did when the writing ran in the process's one thread
      if (outcome) resolve(outcome);
      else if (hooks.signal?.aborted) reject(hooks.signal.reason);
      else reject(failure ?? new Error(`the build's thread stopped (exit code ${code})`));
    });
  });
}
