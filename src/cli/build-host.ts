// `kg build`'s side of the build's process (build-process.ts): the job it is given, and the
// process forked for a corpus of PROCESS_FILES files or more, which starts with what only a new
// process can be given: V8 semi-spaces larger than its default (corpus/heap.ts: a build's corpus
// passes keep millions of mentions, relations and strings alive, and with the default 16 MB
// semi-spaces each of those objects was copied through some hundreds of scavenges), and glibc's
// malloc asking for transparent huge pages (corpus/heap.ts: the cached heads, relations and
// graph index a rebuild reads, and the graph file it writes, are hundreds of MB of buffers, paged
// in one fault at a time without them). The process sends what it writes to stderr (warnings,
// progress lines) as messages, stops when the build's signal aborts or when kg's process is gone,
// and hands back the summary.
//
// Apart from build-process.ts so that the CLI loads none of the build's modules before it starts
// the process: the process loads them, and starts the extraction's early worker (corpus/spawn.ts)
// before it does. A smaller corpus, built in the CLI's own process, loads them then.
import type { BuildOptions, BuildSummary } from '../build.js';
import { BUILD_PROCESS_FLAGS } from '../corpus/heap.js';
import { forkKg } from '../fork.js';
import type { InputList } from '../ingest/index.js';

/**
 * Corpora of fewer files are built in kg's own process: a process of its own costs a second load
 * of kg's modules and more memory at peak (about 110 MB as a thread), and its larger young generation pays only
 * where the corpus passes hold many objects. Measured by hand when that was a thread, in the
 * process's thread → in a thread of its own: data/corpus (5 articles, --no-cache), 4 alternating
 * rounds, 2.30 → 2.67 s on average, 400 → 515 MB at peak; 132 articles (1 MB), 2 rounds, 4.6 and
 * 4.8 → 5.0 and 5.9 s, 440 → 568 MB; 1,320 articles (10 MB, --workers 1), 3 rounds, 22.1, 21.2,
 * 23.5 → 22.5, 19.7, 22.6 s, 575 → 690 MB; 13,200 articles rebuilt after adding 13, 4 rounds,
 * median 19.2 → 16.7 s. The threshold lies between the last two; it was not timed itself. The
 * thread became a process for the huge pages: the ×100 rebuild after adding 13 articles, with
 * kg's process given them from the shell, 2 alternating rounds, 13.7 and 13.1 → 12.1 and 11.6 s
 * (2026-12-05).
 */
export const PROCESS_FILES = 1000;

/** buildInProcess for corpora of PROCESS_FILES files or more, else build-process.ts's buildAndWrite in this process. */
export async function buildAndWriteGraph(job: BuildJob, hooks: Hooks = {}): Promise<BuildOutcome> {
  if (job.inputs.files.length >= PROCESS_FILES) return buildInProcess(job, hooks);
  const { buildAndWrite } = await import('./build-process.js');
  return buildAndWrite(job, hooks);
}

/** What `kg build` asks for: the inputs (as listed), the graph file, and the library's build options that a message can carry. */
export interface BuildJob {
  inputs: InputList;
  out: string;
  options: Pick<BuildOptions, 'strict' | 'workers' | 'model' | 'cacheDir' | 'builtAt' | 'layoutIterations'>;
  /** progress on stderr: none, a line per tenth of the documents, or a live line (a terminal) */
  progress: 'none' | 'lines' | 'live';
  /**
   * once the extraction is done, set V8's heap growth for the corpus passes (corpus/heap.ts), for
   * the rest of the process: for `kg build`'s process, which ends with its build
   */
  corpusPassHeap?: boolean;
}

export interface BuildOutcome {
  summary: BuildSummary;
  /** the graph file's records, and how many of them were copied from the file it replaced */
  records: { total: number; copied: number };
}

export interface Hooks {
  signal?: AbortSignal;
  /** warnings and progress, as text for stderr */
  onStderr?: (text: string) => void;
}

/** The build's process's messages to kg's process. */
export type FromBuild =
  | { stderr: string }
  | { outcome: BuildOutcome }
  | { error: { message: string; stack?: string; exitCode?: number } };

/** kg's process's messages to the build's process: the job first, then perhaps a stop. */
export type ToBuild = { kgBuildJob: BuildJob } | { abort: true };

/**
 * buildAndWrite in a process of its own (build-process-start.ts), started with the build's heap
 * flags and huge pages. Rejects with the process's error (its message and exit code), or with the
 * signal's reason once the process has stopped (workers terminated, temporary store removed)
 * after the signal aborted.
 */
export function buildInProcess(job: BuildJob, hooks: Hooks = {}): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) return reject(hooks.signal.reason);
    // (its stdout is kg's results' channel: the build writes nothing there, and nothing of it may
    // land there). The node flags kg was started with (a heap size, say) go to it too.
    const child = forkKg({ module: './build-process-start', from: import.meta.url, flags: BUILD_PROCESS_FLAGS, inheritFlags: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let outcome: BuildOutcome | undefined;
    let failure: Error | undefined;
    let settled = false;
    const send = (m: ToBuild) => {
      if (child.connected) child.send(m);
    };
    const onAbort = () => send({ abort: true });
    const settle = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      // a stop that came after the build's last check (while the graph was written) finds the
      // build done: it succeeded, as it does when the build runs in kg's own process
      if (outcome) resolve(outcome);
      else if (hooks.signal?.aborted) reject(hooks.signal.reason);
      else reject(failure ?? new Error(`the build's process stopped (${signal ?? `exit code ${code}`})`));
    };
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (m: FromBuild) => {
      if ('stderr' in m) hooks.onStderr?.(m.stderr);
      else if ('outcome' in m) outcome = m.outcome;
      else failure = Object.assign(new Error(m.error.message), m.error);
    });
    // a process that could not be started is settled at once (it may never exit); one that ran
    // is settled on 'close', once it has exited and its channel has delivered every message
    child.on('error', (err) => {
      failure ??= err;
      if (child.pid === undefined) settle(null, null);
    });
    child.on('close', settle);
    try {
      send({ kgBuildJob: job });
    } catch (err) {
      // (a job that cannot be sent: the process waiting for it is stopped)
      failure = err as Error;
      child.kill();
    }
  });
}
