// The first module of `kg build`'s thread (build-thread.ts): for a large corpus it starts an
// extraction worker process (corpus/spawn.ts) before loading the rest of kg, whose modules take
// the thread most of a second to load; the build takes that worker if it has articles to extract.
import { workerData } from 'node:worker_threads';
import { EarlyWorker, OVERLAP_HEADS } from '../corpus/spawn.js';
import { modelOrDefault } from '../tagger/paths.js';
import type { BuildJob } from './build-host.js';

const job = (workerData as { kgBuildJob: BuildJob }).kgBuildJob;
// (a build with a cache and that many files is a rebuild whose cached heads pay for a process:
// build.ts decides, and stops it if it has nothing to extract)
const { model, workers, cacheDir } = job.options;
const early = workers === undefined && cacheDir !== undefined && job.inputs.files.length >= OVERLAP_HEADS ? new EarlyWorker(modelOrDefault(model)) : undefined;
try {
  const { runThread } = await import('./build-thread.js');
  runThread(job, early);
} catch (err) {
  early?.discard();
  throw err;
}
