// Starting an extraction worker process (worker.ts), and starting one early: a rebuild of a large
// cached corpus hands its few new articles to one worker process, whose start (node, jieba's
// dictionaries, the model: about 1–1.5 s) the build's thread used to wait for. Started before the
// thread loads kg's modules and hashes the inputs, it is ready about when the build needs it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAGS } from './heap.js';

/**
 * Cached articles from which a rebuild's single worker is a process started before their heads
 * are read (about 0.15 ms each; build.ts), so that its start (about 1 s: node, jieba's
 * dictionaries, the model) overlaps the reading instead of following it. Measured at 13,200 (the
 * ×100 rebuild, 3 alternating rounds: 28.1/27.3/23.9 s in-process, 24.0/25.5/20.8 s with the
 * process); 2,000 is where the reading (0.3 s) starts to be worth a process, reasoned from those
 * costs, not timed. The process also extracts the new articles while the heads are read. `kg
 * build` starts that process (an EarlyWorker) as its thread starts when it is given this many
 * files or more, a cache and no --workers.
 */
export const OVERLAP_HEADS = 2000;

/** Workers that said they are ready (worker.ts posts `{ ready: true }` once loaded), whoever listens to them later. */
const ready = new WeakSet<ChildProcess>();

/** Has `w` loaded what its tasks need (so that it may be stopped between articles)? */
export function isReady(w: ChildProcess): boolean {
  return ready.has(w);
}

/**
 * A worker process loading `model` (and jieba) as it starts; a `quiet` one exits without a word
 * when it cannot load them. Built code runs worker.js directly;
 * under tsx (tests, benchmarks) the worker is TypeScript, run with tsx's loader. Messages travel
 * in V8's serialisation (as between threads), not JSON.
 */
export function startWorker(model: string | null | undefined, quiet = false): ChildProcess {
  const ts = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(ts ? './worker.ts' : './worker.js', import.meta.url));
  const w = fork(entry, model === undefined ? [] : [JSON.stringify({ model, ...(quiet ? { quiet } : {}) })], { serialization: 'advanced', execArgv: [...(ts ? ['--import', 'tsx'] : []), ...HEAP_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  w.on('message', (msg: { ready?: true }) => {
    if (msg?.ready) ready.add(w);
  });
  return w;
}

/**
 * A worker process started before the build knows whether it needs one: the extraction takes it
 * (take) or the build stops it (discard). A rebuild with nothing new to extract pays for a process
 * started and stopped beside it.
 */
export class EarlyWorker {
  private w: ChildProcess | undefined;

  constructor(readonly model: string | null) {
    this.w = startWorker(model, true);
    // a failure to start is the pool's to report once it takes the worker; unused, it is nobody's
    this.w.on('error', () => {});
  }

  /** The worker, for a pool whose workers load `model`; undefined (and the worker stopped) for another model, or once taken or discarded. */
  take(model: string | null): ChildProcess | undefined {
    if (model !== this.model) this.discard();
    const w = this.w;
    this.w = undefined;
    return w;
  }

  /**
   * Stops the worker unless it was taken, at once, even while it loads jieba: a signal ends a
   * process in native code as anywhere (the pool's close() waits for the articles it handed over).
   */
  discard(): void {
    this.w?.kill();
    this.w = undefined;
  }
}
