// The work of `kg build`'s thread (started by build-host.ts, for a corpus of THREAD_FILES files or
// more), or of the process's own thread for a smaller one: the build and the graph written. The
// thread sends what it writes to stderr as messages, stops when the build's signal aborts, and
// hands back the summary.
import { parentPort } from 'node:worker_threads';
import type { EarlyWorker } from '../corpus/spawn.js';
import { buildRecords } from '../build.js';
import { addSeconds } from '../laps.js';
import { graphIndexPath } from '../corpus/store.js';
import { setCorpusPassHeapFlags } from '../corpus/heap.js';
import { removeStaleTemps, writeGraphFileOverlapped } from '../graph/write.js';
import { skeletonPath } from '../graph/skeleton.js';
import type { BuildJob, BuildOutcome, FromThread, Hooks } from './build-host.js';

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
  const t0 = performance.now();
  const written = await writeGraphFileOverlapped(job.out, records, { skeleton: true, release: true, ...(cacheDir !== undefined && reuse ? { reuse: { index: graphIndexPath(cacheDir, job.out), ...reuse } } : {}) });
  // what a killed build left beside the graph
  removeStaleTemps(job.out);
  removeStaleTemps(skeletonPath(job.out));
  if (summary.phases) addSeconds(summary.phases, 'writing', (performance.now() - t0) / 1000);
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
