// The first module of `kg build`'s build process (build-process.ts; build-host.ts forks it): it
// takes the job from kg's process and listens for a stop; for a large corpus it starts an
// extraction worker process (corpus/spawn.ts) before loading the rest of kg, whose modules take
// most of a second to load; the build takes that worker if it has articles to extract.
import { EarlyWorker, OVERLAP_HEADS } from '../corpus/spawn.js';
import { modelOrDefault } from '../tagger/paths.js';
import type { BuildJob, ToBuild } from './build-host.js';

const stop = new AbortController();
const stopped = () => stop.abort(new Error('stopped'));
// a terminal's Ctrl-C reaches kg's process as well, which asks for the stop (a second one ends kg's
// process at once, and with it this channel)
process.on('SIGINT', () => {});
process.on('SIGTERM', stopped);
// kg's process gone (killed): nobody waits for the graph
process.on('disconnect', stopped);
const job = await new Promise<BuildJob>((resolve) => {
  process.on('message', (m: ToBuild) => {
    if ('kgBuildJob' in m) resolve(m.kgBuildJob);
    else if (m.abort) stopped();
  });
});
// (a build with a cache and that many files is a rebuild whose cached heads pay for a process:
// build.ts decides, and stops it if it has nothing to extract)
const { model, workers, cacheDir } = job.options;
const early = !stop.signal.aborted && workers === undefined && cacheDir !== undefined && job.inputs.files.length >= OVERLAP_HEADS ? new EarlyWorker(modelOrDefault(model)) : undefined;
try {
  const { runInProcess } = await import('./build-process.js');
  runInProcess(job, stop.signal, early);
} catch (err) {
  early?.discard();
  throw err;
}
