// `kg build` builds a corpus of THREAD_FILES files or more, and writes its graph, in a thread of
// its own, so that the thread's heap can be given a young generation larger than V8's default
// (corpus/heap.ts): a build's corpus passes keep millions of mentions, relations and strings
// alive, and with the default 16 MB semi-spaces each of those objects was copied through some
// hundreds of scavenges (bench/RESULTS.md). A process-wide flag (--max-semi-space-size) cannot be
// set once Node runs; a worker thread's `resourceLimits` can. The thread sends what it writes to
// stderr (warnings, progress lines) as messages, stops when the build's signal aborts, and hands
// back the summary.
import { parentPort, Worker } from 'node:worker_threads';
import type { EarlyWorker } from '../corpus/spawn.js';
import { buildRecords, type BuildOptions, type BuildSummary } from '../build.js';
import { graphIndexPath } from '../corpus/store.js';
import { BUILD_YOUNG_GENERATION_MB, setCorpusPassHeapFlags } from '../corpus/heap.js';
import { removeStaleTemps, writeGraphFile } from '../graph/write.js';
import { skeletonPath } from '../graph/skeleton.js';
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

/** buildInThread for corpora of THREAD_FILES files or more, else buildAndWrite in this thread. */
export function buildAndWriteGraph(job: BuildJob, hooks: Hooks = {}): Promise<BuildOutcome> {
  return job.inputs.files.length >= THREAD_FILES ? buildInThread(job, hooks) : buildAndWrite(job, hooks);
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

interface Hooks {
  signal?: AbortSignal;
  /** warnings and progress, as text for stderr */
  onStderr?: (text: string) => void;
}

/** The build and the graph written (graph file, skeleton, the cache's index), in this thread. */
export async function buildAndWrite(job: BuildJob, hooks: Hooks = {}, early?: EarlyWorker): Promise<BuildOutcome> {
  const { cacheDir } = job.options;
  const stderr = hooks.onStderr ?? (() => {});
  const { records, summary, reuse } = await buildRecords(job.inputs, {
    ...job.options,
    replaces: job.out,
    onWarning: (message) => stderr(`${message}\n`),
    ...(job.progress === 'none' ? {} : { onProgress: progressReporter(stderr, job.progress === 'live') }),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(job.corpusPassHeap ? { onExtracted: setCorpusPassHeapFlags } : {}),
  }, early);
  // with a cache, the records the last build wrote and this one did not change are copied
  const written = writeGraphFile(job.out, records, { skeleton: true, ...(cacheDir !== undefined && reuse ? { reuse: { index: graphIndexPath(cacheDir, job.out), ...reuse } } : {}) });
  // what a killed build left beside the graph
  removeStaleTemps(job.out);
  removeStaleTemps(skeletonPath(job.out));
  return { summary, records: written };
}

/** Progress for corpora of 20 documents or more: a live line (redrawn at most every 100 ms), or a line per tenth. */
function progressReporter(write: (text: string) => void, live: boolean): (done: number, total: number) => void {
  let drawn = 0;
  return (done, total) => {
    if (total < 20) return;
    if (live) {
      const now = performance.now();
      if (done < total && now - drawn < 100) return;
      drawn = now;
      write(`\rkg: extracted ${done}/${total} documents${done === total ? '\n' : ''}`);
    } else if (done === total || done % Math.ceil(total / 10) === 0) {
      write(`kg: extracted ${done}/${total} documents\n`);
    }
  };
}

type FromThread =
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

/** The thread's work (started by build-thread-start.ts): the job, its messages to the build's process. */
export function runThread(job: BuildJob, early?: EarlyWorker): void {
  const port = parentPort!;
  const stop = new AbortController();
  port.on('message', (m: { abort?: boolean }) => {
    if (m?.abort) stop.abort(new Error('stopped'));
  });
  const post = (m: FromThread) => port.postMessage(m);
  // (each document's progress is not a message: the reporter posts only the lines it writes)
  buildAndWrite(job, { signal: stop.signal, onStderr: (stderr) => post({ stderr }) }, early)
    .then((outcome) => post({ outcome }))
    .catch((err: unknown) => {
      const e = err as { message?: string; stack?: string; exitCode?: unknown };
      post({ error: { message: e?.message ?? String(err), ...(e?.stack ? { stack: e.stack } : {}), ...(typeof e?.exitCode === 'number' ? { exitCode: e.exitCode } : {}) } });
    })
    // the port's listener would keep the thread alive
    .finally(() => port.close());
}
