// Starting one of kg's own processes (an extraction worker, a large build): its module beside the
// caller's (TypeScript under tsx, in tests and benchmarks, run with tsx's loader), V8's heap flags
// (corpus/heap.ts), glibc's malloc on huge pages, and messages in V8's serialisation (as between
// threads), not JSON.
import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAGS, hugePagesEnv } from './corpus/heap.js';

export interface KgProcess {
  /** the module to run, without its extension, as a URL relative to `from` (the caller's import.meta.url) */
  module: string;
  from: string;
  args?: readonly string[];
  /** V8 flags after HEAP_FLAGS */
  flags?: readonly string[];
  /** pass on the node flags this process was started with (not a debugger's or the test runner's) */
  inheritFlags?: boolean;
  stdio: StdioOptions;
}

export function forkKg(p: KgProcess): ChildProcess {
  const ts = p.from.endsWith('.ts');
  const entry = fileURLToPath(new URL(`${p.module}.${ts ? 'ts' : 'js'}`, p.from));
  const inherited = p.inheritFlags ? process.execArgv.filter((a) => !/^--(inspect|debug|test)/.test(a)) : [];
  const hasTsx = inherited.some((a, i) => a === '--import=tsx' || (a === '--import' && inherited[i + 1] === 'tsx'));
  return fork(entry, [...(p.args ?? [])], {
    serialization: 'advanced',
    execArgv: [...inherited, ...(ts && !hasTsx ? ['--import', 'tsx'] : []), ...HEAP_FLAGS, ...(p.flags ?? [])],
    env: hugePagesEnv(process.env),
    stdio: p.stdio,
  });
}
