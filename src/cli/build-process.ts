// The work of `kg build`'s build process (started by build-host.ts, for a corpus of PROCESS_FILES
// files or more), or of kg's own process for a smaller one: the build and the graph written. The
// build's process sends what it writes to stderr as messages, stops when asked to, and hands back
// the summary.
import type { EarlyWorker } from '../corpus/spawn.js';
import { buildRecords } from '../build.js';
import { addSeconds } from '../laps.js';
import { graphIndexPath } from '../corpus/store.js';
import { setCorpusPassHeapFlags } from '../corpus/heap.js';
import { removeStaleTemps, writeGraphFileOverlapped } from '../graph/write.js';
import { skeletonPath } from '../graph/skeleton.js';
import type { BuildJob, BuildOutcome, FromBuild, Hooks } from './build-host.js';

/** The build and the graph written (graph file, skeleton, the cache's index), in this process. */
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
  // (a stop asked for since the build's last check, kg's process gone among them, writes no graph)
  hooks.signal?.throwIfAborted();
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

/**
 * The build process's work (started by build-process-start.ts, which took the job and listens for
 * a stop): its messages to kg's process, over the process's IPC channel, which it closes once the
 * outcome is sent (the process then exits).
 */
export function runInProcess(job: BuildJob, signal: AbortSignal, early?: EarlyWorker): void {
  // (the channel would keep the process alive: it closes once the last message has gone)
  // A send fails when kg's process is gone (its end of the channel closed while a message was on
  // the way): without a callback that failure is an 'error' event on `process`, which would end
  // this process before its stop removed the temporary store; the channel's closing stops the
  // build instead (build-process-start.ts)
  const post = (m: FromBuild, last = false) => {
    if (!process.connected) return;
    process.send!(m, undefined, {}, () => {
      if (last && process.connected) process.disconnect();
    });
  };
  // (each document's progress is not a message: the reporter posts only the lines it writes)
  buildAndWrite(job, { signal, onStderr: (stderr) => post({ stderr }) }, early)
    .then((outcome) => post({ outcome }, true))
    .catch((err: unknown) => {
      const e = err as { message?: string; stack?: string; exitCode?: unknown };
      post({ error: { message: e?.message ?? String(err), ...(e?.stack ? { stack: e.stack } : {}), ...(typeof e?.exitCode === 'number' ? { exitCode: e.exitCode } : {}) } }, true);
    });
}
