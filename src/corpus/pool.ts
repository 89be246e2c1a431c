// A pool of worker processes for per-document extraction. With one worker the work runs
// in-process (no process to start, no copying), which is also what small corpora get.
//
// Processes, not threads: each worker loads nodejieba's dictionaries (≈ 230 MB of native memory),
// which nodejieba never frees, and a thread's native memory stays with the process after the
// thread ends: the corpus passes after extraction carried every worker's dictionaries along. A
// worker process gives all of it back when it exits.
import type { ChildProcess } from 'node:child_process';
import { extractFile, warmUp, type FileOutcome, type FileTask } from './extract-file.js';
import { startWorker, type EarlyWorker, type TakenWorker } from './spawn.js';

export interface Extractor {
  /** how many tasks it takes at once: a build keeps this many running */
  readonly capacity: number;
  run(task: FileTask): Promise<FileOutcome>;
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** worker processes even for one worker: its start-up then overlaps what the build does meanwhile */
  processes?: boolean;
  /** the model the tasks will name (FileTask.model): each worker loads it, and jieba, as it starts */
  model?: string | null;
  /** a worker process started ahead (spawn.ts): a pool takes it as its first worker */
  early?: EarlyWorker;
}

/**
 * Tasks posted to a worker process at once: the next article waits in its queue while it extracts
 * one, so it does not idle while its reply crosses to the build's process and the next task comes
 * back (×10 corpus, 2 workers: about 1.2 s of each worker's 22 s, 1.9 ms per article).
 */
export const TASKS_PER_WORKER = 2;

export function createExtractor(workers: number, options: ExtractorOptions = {}): Extractor {
  if (workers <= 1 && !options.processes) {
    // (the build stops it too, when done; stopped now, it no longer loads jieba beside the work)
    options.early?.discard();
    return inProcess();
  }
  const early = options.early?.take(options.model ?? null);
  return new WorkerPool(workers, options.model, early);
}

/**
 * Articles extracted in this process, each after a turn of the event loop: extraction is
 * synchronous, and without the turn a Ctrl-C would wait for the whole corpus. Once closed, an
 * article still waiting for its turn is not extracted (its store may be gone).
 */
function inProcess(): Extractor {
  let closed = false;
  let warm = false;
  return {
    capacity: 1,
    run: async (task) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (closed) throw new Error('the extraction is closing');
      // what a worker process loads as it starts, loaded before the first article and timed apart
      // (the second build in a process finds it loaded)
      let load = 0;
      if (!warm) {
        const t0 = performance.now();
        warmUp(task.model);
        load = (performance.now() - t0) / 1000;
        warm = true;
      }
      const outcome = await extractFile(task);
      outcome.times.load += load;
      return outcome;
    },
    close: async () => {
      closed = true;
    },
  };
}

// a worker answers its tasks in the order they were posted (worker.ts): a reply is the answer to
// the oldest task it has not answered
type Worker = ChildProcess;
type WorkerMessage = { ready: true } | { outcome?: FileOutcome; error?: string; stack?: string };
interface Posted {
  resolve: (o: FileOutcome) => void;
  reject: (e: Error) => void;
  /** marks the task ended, for close() */
  done: () => void;
}

class WorkerPool implements Extractor {
  readonly capacity: number;
  /** a free place in a worker's queue: a worker appears once per task it can still take */
  private readonly free: Worker[] = [];
  private readonly waiting: Array<{ resolve: (w: Worker) => void; reject: (e: Error) => void }> = [];
  /** workers that have not exited */
  private readonly alive = new Set<Worker>();
  /** per worker, the tasks posted to it and not yet answered, oldest first */
  private readonly posted = new Map<Worker, Posted[]>();
  /** per worker, what must end before it may be terminated: its start-up, then the tasks posted to it */
  private readonly busy = new Map<Worker, Promise<void>>();
  private closing = false;

  constructor(size: number, model?: string | null, early?: TakenWorker) {
    this.capacity = size * TASKS_PER_WORKER;
    for (let i = 0; i < size; i++) {
      // one started ahead (spawn.ts) first
      const ahead = i === 0 ? early : undefined;
      const w = ahead ? ahead.process : startWorker(model);
      let started!: () => void;
      this.busy.set(w, new Promise<void>((resolve) => (started = resolve)));
      // (one started ahead may have said so already)
      if (ahead?.ready) started();
      this.posted.set(w, []);
      w.on('message', (msg: WorkerMessage) => {
        if ('ready' in msg) return started();
        const p = this.posted.get(w)!.shift();
        p?.done();
        this.release(w);
        if (!p) return;
        if (msg.error !== undefined) {
          // the message alone is what a user sees; the worker's stack stays for KG_DEBUG
          const err = new Error(msg.error);
          if (msg.stack) err.stack = msg.stack;
          p.reject(err);
        } else p.resolve(msg.outcome!);
      });
      let failure: Error | undefined;
      w.on('error', (err) => (failure = err));
      // a worker that dies (an error, or terminated) takes no more work and answers its tasks
      w.on('exit', (code) => {
        this.alive.delete(w);
        for (let at = this.free.indexOf(w); at >= 0; at = this.free.indexOf(w)) this.free.splice(at, 1);
        started();
        for (const p of this.posted.get(w)!.splice(0)) {
          p.done();
          p.reject(failure ?? new Error(`an extraction worker stopped (exit code ${code})`));
        }
        if (this.alive.size === 0) for (const waiter of this.waiting.splice(0)) waiter.reject(failure ?? new Error('no extraction worker is left'));
      });
      this.alive.add(w);
    }
    // each worker's first task before any worker's second
    for (let k = 0; k < TASKS_PER_WORKER; k++) for (const w of this.alive) this.free.push(w);
    this.free.reverse();
  }

  async run(task: FileTask): Promise<FileOutcome> {
    const { w, done } = await this.acquire();
    return new Promise((resolve, reject) => {
      if (!this.alive.has(w)) {
        done();
        return reject(new Error('an extraction worker stopped'));
      }
      this.posted.get(w)!.push({ resolve, reject, done });
      w.send({ task });
    });
  }

  /**
   * Stops the workers once each has finished the tasks posted to it (at most TASKS_PER_WORKER);
   * no task is posted after this is called. A worker terminated inside nodejieba's native code
   * makes node-addon-api throw a C++ exception that nothing catches, and the whole process aborts
   * (SIGABRT): so a stopped build waits for the articles already handed to the workers.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the extraction workers are closing'));
    await Promise.all([...this.alive].map((w) => this.busy.get(w)!.then(() => stop(w))));
  }

  private acquire(): Promise<{ w: Worker; done: () => void }> {
    if (this.closing) return Promise.reject(new Error('the extraction workers are closing'));
    if (this.alive.size === 0) return Promise.reject(new Error('no extraction worker is left'));
    const w = this.free.pop();
    if (w) return Promise.resolve(this.reserve(w));
    return new Promise((resolve, reject) => this.waiting.push({ resolve: (w) => resolve(this.reserve(w)), reject }));
  }

  private release(w: Worker): void {
    if (this.closing || !this.alive.has(w)) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(w);
    else this.free.push(w);
  }

  /**
   * Marks `w` busy until the task it is handed out for ends, at the moment it is handed out (not
   * when the task is posted, a tick later): a close() in between waits for that task.
   */
  private reserve(w: Worker): { w: Worker; done: () => void } {
    let done!: () => void;
    const ended = new Promise<void>((resolve) => (done = resolve));
    const before = this.busy.get(w)!;
    this.busy.set(w, ended.then(() => before));
    return { w, done };
  }
}

/** Ends a worker process; resolves once it has exited. */
function stop(w: Worker): Promise<void> {
  if (w.exitCode !== null || w.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    w.once('exit', () => resolve());
    w.kill();
  });
}
