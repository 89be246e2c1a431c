// A build worker (a child process): loads the segmenter and dictionaries once, then extracts
// files as asked.
import { extractFile, warmUp, type FileTask } from './extract-file.js';

const send = (msg: unknown): void => {
  process.send?.(msg);
};

// tasks are extracted one at a time, in the order they came, and each is answered as soon as it
// is done: the pool matches a reply to the oldest task it posted (pool.ts)
let previous: Promise<void> = Promise.resolve();
// the seconds this worker took to start (below), told with its first article's times
let loadSeconds = 0;
process.on('message', (msg: { task: FileTask }) => {
  previous = previous.then(() =>
    extractFile(msg.task).then(
      (outcome) => {
        outcome.times.load += loadSeconds;
        loadSeconds = 0;
        send({ outcome });
      },
      (err: unknown) => send({ error: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack }),
    ),
  );
});
// Ctrl-C in a terminal reaches the whole process group: the build decides when its workers stop
process.on('SIGINT', () => {});
// the build is gone (killed): nothing is left to do
process.on('disconnect', () => process.exit(0));

// what the build's model needs, loaded before the first article comes (the pool does not stop a
// worker before it is ready: nodejieba must not be stopped inside its native code)
// (one started ahead of its build, spawn.ts, is quiet: a model that cannot be loaded is the
// build's to report, in one line, before any work)
const warm = process.argv[2];
if (warm !== undefined) {
  const { model, quiet } = JSON.parse(warm) as { model: string | null; quiet?: boolean };
  try {
    const t0 = performance.now();
    warmUp(model);
    loadSeconds = (performance.now() - t0) / 1000;
  } catch (err) {
    if (!quiet) throw err;
    process.exit(1);
  }
}

// loaded: from here on the pool may stop this worker whenever it is between articles
send({ ready: true });
