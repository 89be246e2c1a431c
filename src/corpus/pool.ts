// A pool of worker threads for per-document extraction. With one worker the work runs
// in-process (no thread to start, no copying), which is also what small corpora get.
import { Worker } from 'node:worker_threads';
import { extractFile, type FileOutcome, type FileTask } from './extract-file.js';

export interface Extractor {
  run(task: FileTask): Promise<FileOutcome>;
  close(): Promise<void>;
}

export function createExtractor(workers: number): Extractor {
  if (workers <= 1) return { run: extractFile, close: async () => {} };
  return new WorkerPool(workers);
}

type WorkerMessage = { ready: true } | { n: number; outcome?: FileOutcome; error?: string; stack?: string };

class WorkerPool implements Extractor {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void }>();
  private readonly all: Worker[] = [];
  /** per worker, what must end before it may be terminated: its start-up, then its current task */
  private readonly busy = new Map<Worker, Promise<void>>();
  private readonly finishTask = new Map<Worker, () => void>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker();
      let started!: () => void;
      this.busy.set(w, new Promise<void>((resolve) => (started = resolve)));
      w.on('message', (msg: WorkerMessage) => {
        if ('ready' in msg) return started();
        this.finishTask.get(w)?.();
        const p = this.pending.get(msg.n);
        this.pending.delete(msg.n);
        this.release(w);
        if (!p) return;
        if (msg.error !== undefined) {
          // the message alone is what a user sees; the worker's stack stays for KG_DEBUG
          const err = new Error(msg.error);
          if (msg.stack) err.stack = msg.stack;
          p.reject(err);
        } else p.resolve(msg.outcome!);
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      w.on('exit', () => {
        started();
        this.finishTask.get(w)?.();
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  async run(task: FileTask): Promise<FileOutcome> {
    const w = await this.acquire();
    const n = this.next++;
    const before = this.busy.get(w);
    this.busy.set(
      w,
      new Promise<void>((resolve) => this.finishTask.set(w, resolve)).then(() => before),
    );
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject });
      w.postMessage({ n, task });
    });
  }

  /**
   * Stops the workers once each has finished what it is doing. A worker terminated inside
   * nodejieba's native code makes node-addon-api throw a C++ exception that nothing catches, and
   * the whole process aborts (SIGABRT): so a stopped build waits for the articles in progress,
   * at most one per worker.
   */
  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => this.busy.get(w)!.then(() => w.terminate())));
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.idle.pop()!)));
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }
}

/**
 * Built code runs worker.js directly. Under tsx (tests, benchmarks) the worker is TypeScript:
 * a worker's `--import tsx` does not apply to its entry module on Node 20, so register tsx's
 * loader first and then import the entry.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
}
