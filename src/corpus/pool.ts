// A pool of worker processes for per-document extraction. With one worker the work runs
// in-process (no process to start, no copying), which is also what small corpora get.
//
// Processes, not threads: each worker loads nodejieba's dictionaries (≈ 230 MB of native memory),
// which nodejieba never frees, and a thread's native memory stays with the process after the
// thread ends: the corpus passes after extraction carried every worker's dictionaries along. A
// worker process gives all of it back when it exits.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractFile, type FileOutcome, type FileTask } from './extract-file.js';
import { HEAP_FLAGS } from './heap.js';

export interface Extractor {
  run(task: FileTask): Promise<FileOutcome>;
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** worker processes even for one worker: its start-up then overlaps what the build does meanwhile */
  processes?: boolean;
  /** the model the tasks will name (FileTask.model): each worker loads it, and jieba, as it starts */
  model?: string | null;
}

export function createExtractor(workers: number, options: ExtractorOptions = {}): Extractor {
  if (workers <= 1 && !options.processes) return inProcess();
  return new WorkerPool(workers, options.model);
}

/**
 * Articles extracted in this process, each after a turn of the event loop: extraction is
 * synchronous, and without the turn a Ctrl-C would wait for the whole corpus. Once closed, an
 * article still waiting for its turn is not extracted (its store may be gone).
 */
function inProcess(): Extractor {
  let closed = false;
  return {
    run: async (task) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (closed) throw new Error('the extraction is closing');
      return extractFile(task);
    },
    close: async () => {
      closed = true;
    },
  };
}

// one task per worker at a time: a reply is the answer to that worker's current task
type Worker = ChildProcess;
type WorkerMessage = { ready: true } | { outcome?: FileOutcome; error?: string; stack?: string };
type Pending = { resolve: (o: FileOutcome) => void; reject: (e: Error) => void };

class WorkerPool implements Extractor {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ resolve: (w: Worker) => void; reject: (e: Error) => void }> = [];
  /** workers that have not exited */
  private readonly alive = new Set<Worker>();
  /** per worker, the task it is running and how to answer it */
  private readonly current = new Map<Worker, Pending>();
  /** per worker, what must end before it may be terminated: its start-up, then its current task */
  private readonly busy = new Map<Worker, Promise<void>>();
  private readonly finishTask = new Map<Worker, () => void>();
  private closing = false;

  constructor(size: number, model?: string | null) {
    for (let i = 0; i < size; i++) {
      const w = startWorker(model);
      let started!: () => void;
      this.busy.set(w, new Promise<void>((resolve) => (started = resolve)));
      w.on('message', (msg: WorkerMessage) => {
        if ('ready' in msg) return started();
        const p = this.current.get(w);
        this.current.delete(w);
        this.finishTask.get(w)?.();
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
      // a worker that dies (an error, or terminated) takes no more work and answers its task
      w.on('exit', (code) => {
        this.alive.delete(w);
        const at = this.idle.indexOf(w);
        if (at >= 0) this.idle.splice(at, 1);
        started();
        this.finishTask.get(w)?.();
        this.current.get(w)?.reject(failure ?? new Error(`an extraction worker stopped (exit code ${code})`));
        this.current.delete(w);
        if (this.alive.size === 0) for (const waiter of this.waiting.splice(0)) waiter.reject(failure ?? new Error('no extraction worker is left'));
      });
      this.alive.add(w);
      this.idle.push(w);
    }
  }

  async run(task: FileTask): Promise<FileOutcome> {
    const w = await this.acquire();
    return new Promise((resolve, reject) => {
      this.current.set(w, { resolve, reject });
      w.send({ task });
    });
  }

  /**
   * Stops the workers once each has finished what it is doing; no task starts after this is
   * called. A worker terminated inside nodejieba's native code makes node-addon-api throw a C++
   * exception that nothing catches, and the whole process aborts (SIGABRT): so a stopped build
   * waits for the articles in progress, at most one per worker.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the extraction workers are closing'));
    await Promise.all([...this.alive].map((w) => this.busy.get(w)!.then(() => stop(w))));
  }

  private acquire(): Promise<Worker> {
    if (this.closing) return Promise.reject(new Error('the extraction workers are closing'));
    if (this.alive.size === 0) return Promise.reject(new Error('no extraction worker is left'));
    const w = this.idle.pop();
    if (w) return Promise.resolve(this.reserve(w));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(w: Worker): void {
    if (this.closing || !this.alive.has(w)) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(this.reserve(w));
    else this.idle.push(w);
  }

  /**
   * Marks `w` busy until its next task ends, at the moment it is handed out (not when the task
   * is posted, a tick later): a close() in between waits for that task.
   */
  private reserve(w: Worker): Worker {
    const before = this.busy.get(w);
    this.busy.set(
      w,
      new Promise<void>((resolve) => this.finishTask.set(w, resolve)).then(() => before),
    );
    return w;
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

/**
 * Built code runs worker.js directly; under tsx (tests, benchmarks) the worker is TypeScript,
 * run with tsx's loader. Messages travel in V8's serialisation (as between threads), not JSON.
 */
function startWorker(model: string | null | undefined): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(ts ? './worker.ts' : './worker.js', import.meta.url));
  return fork(entry, model === undefined ? [] : [JSON.stringify({ model })], { serialization: 'advanced', execArgv: [...(ts ? ['--import', 'tsx'] : []), ...HEAP_FLAGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
