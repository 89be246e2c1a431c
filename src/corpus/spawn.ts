// Starting an extraction worker process (worker.ts), and starting one early: a rebuild of a large
// cached corpus hands its few new articles to one worker process, whose start (node, jieba's
// dictionaries, the model: about 1–1.5 s) the build used to wait for. Started before the build's
// process loads kg's modules and hashes the inputs, it is ready about when the build needs it.
import type { ChildProcess } from 'node:child_process';
import { forkKg } from '../fork.js';

/**
 * Cached articles from which a rebuild's single worker is a process started before their heads
 * are read (about 0.15 ms each; build.ts), so that its start (about 1 s: node, jieba's
 * dictionaries, the model) overlaps the reading instead of following it. Measured at 13,200 (the
 * ×100 rebuild, 3 alternating rounds: 28.1/27.3/23.9 s in-process, 24.0/25.5/20.8 s with the
 * process); 2,000 is where the reading (0.3 s) starts to be worth a process, reasoned from those
 * costs, not timed. The process also extracts the new articles while the heads are read. `kg
 * build` starts that process (an EarlyWorker) as its build process starts when it is given this many
 * files or more, a cache and no --workers.
 */
export const OVERLAP_HEADS = 2000;

/** A worker process (worker.ts, started by fork.ts) loading `model` (and jieba) as it starts; a `quiet` one exits without a word when it cannot load them. */
export function startWorker(model: string | null | undefined, quiet = false): ChildProcess {
  return forkKg({ module: './worker', from: import.meta.url, args: model === undefined ? [] : [JSON.stringify({ model, ...(quiet ? { quiet } : {}) })], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** A worker process started ahead, as a pool takes it: whether it said it is ready (worker.ts posts `{ ready: true }` once loaded) before the pool listens to it. */
export interface TakenWorker {
  process: ChildProcess;
  ready: boolean;
}

/**
 * A worker process started before the build knows whether it needs one: the extraction takes it
 * (take) or the build stops it (discard). A rebuild with nothing new to extract pays for a process
 * started and stopped beside it.
 */
export class EarlyWorker {
  private w: ChildProcess | undefined;
  private ready = false;

  constructor(readonly model: string | null) {
    const w = (this.w = startWorker(model, true));
    // a failure to start is the pool's to report once it takes the worker; unused, it is nobody's
    w.on('error', () => {});
    w.on('message', (msg: { ready?: true }) => {
      if (msg?.ready) this.ready = true;
    });
  }

  /** The process, until it is taken or discarded. */
  get process(): ChildProcess | undefined {
    return this.w;
  }

  /**
   * The worker, for a pool whose workers load `model`; undefined (and the worker stopped) for
   * another model, once it has exited, or once taken or discarded.
   */
  take(model: string | null): TakenWorker | undefined {
    const w = this.w;
    if (!w || model !== this.model || w.exitCode !== null || w.signalCode !== null) {
      this.discard();
      return undefined;
    }
    this.w = undefined;
    return { process: w, ready: this.ready };
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
