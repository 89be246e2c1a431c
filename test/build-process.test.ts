// `kg build` builds a big corpus in a process of its own (src/cli/build-host.ts starts it, build-process.ts is its work): the same
// graph, summary and stderr lines as in kg's own process, and a stop or an error comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInProcess, type BuildJob } from '../src/cli/build-host.js';
import { buildAndWrite } from '../src/cli/build-process.js';
import { listInputs } from '../src/ingest/index.js';
import { tempDir } from './helpers.js';

/** 25 articles (the seeds five times, in folders of their own) and an empty file: enough for progress lines and a warning. */
function corpus(): string {
  const dir = tempDir();
  const seeds = readdirSync('data/corpus').filter((f) => f.endsWith('.txt'));
  for (let copy = 0; copy < 5; copy++) {
    mkdirSync(join(dir, `c${copy}`));
    for (const f of seeds) copyFileSync(join('data/corpus', f), join(dir, `c${copy}`, f));
  }
  writeFileSync(join(dir, 'empty.txt'), '');
  return dir;
}

const job = (dir: string, out: string, options: BuildJob['options'] = {}): BuildJob => ({
  inputs: listInputs([dir]),
  out,
  options: { model: null, workers: 1, builtAt: '2026-01-01T00:00:00.000Z', layoutIterations: 0, ...options },
  progress: 'lines',
});

test('a corpus built in a process of its own gives the graph, summary and stderr lines of one built in this process', { timeout: 120_000 }, async () => {
  const dir = corpus();
  const out = tempDir();
  const here: string[] = [];
  const there: string[] = [];
  const a = await buildAndWrite(job(dir, join(out, 'here.json')), { onStderr: (t) => here.push(t) });
  const b = await buildInProcess(job(dir, join(out, 'there.json')), { onStderr: (t) => there.push(t) });
  assert.deepEqual(readFileSync(join(out, 'there.json')), readFileSync(join(out, 'here.json')));
  // (the times apart: each build's own)
  const untimed = (s: typeof a.summary) => ({ ...s, seconds: 0, phases: undefined, stages: { ...s.stages, load: 0, ingest: 0, rules: 0, tagger: 0, linker: 0, store: 0 } });
  assert.deepEqual(untimed(b.summary), untimed(a.summary));
  assert.equal(b.summary.stages?.articles, 26);
  // both tell their phases, the graph's writing among them
  for (const s of [a.summary, b.summary]) assert.deepEqual(Object.keys(s.phases ?? {}), ['extraction', 'names', 'resolution', 'relations', 'graph', 'writing']);
  assert.deepEqual(b.records, a.records);
  assert.equal(b.summary.documents, 25);
  assert.deepEqual(there, here);
  assert.ok(here.some((t) => /skipped .*empty\.txt/.test(t)), 'the empty file is reported');
  assert.ok(here.some((t) => t === 'kg: extracted 26/26 documents\n'), 'progress lines');
});

test("a stop posted to the build's process while it extracts ends it with the stop's reason, leaves the graph it would replace and removes its temporary store", { timeout: 120_000 }, async () => {
  const dir = corpus();
  const out = join(tempDir(), 'graph.json');
  writeFileSync(out, 'the previous graph');
  const stop = new AbortController();
  const reason = new Error('stopped by the test');
  // the build's process keeps its records in a temporary store under the TMPDIR it is started with
  const tmp = tempDir();
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  let stderr = '';
  let built: Promise<unknown>;
  try {
    built = buildInProcess(job(dir, out), {
      signal: stop.signal,
      onStderr: (t) => {
        stderr += t;
        if (stderr.includes('extracted') && !stop.signal.aborted) {
          assert.ok(readdirSync(tmp).some((n) => n.startsWith('kg-store-')), 'the build has a temporary store');
          stop.abort(reason);
        }
      },
    });
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  await assert.rejects(built, (err) => err === reason);
  assert.ok(stop.signal.aborted, `stopped while extracting; stderr: ${stderr}`);
  assert.equal(readFileSync(out, 'utf8'), 'the previous graph');
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith('kg-store-')), [], 'the temporary store is removed');
});

test("an error in the build's process reaches the caller with its message", { timeout: 120_000 }, async () => {
  const dir = corpus();
  await assert.rejects(buildInProcess(job(dir, join(tempDir(), 'graph.json'), { strict: true })), (err: Error) => err.message === `${join(dir, 'empty.txt')}: empty (--strict)`);
});

test("the build's process starts with huge pages and 64 MB semi-spaces, and stops when kg's process is killed, leaving the graph it would replace", { timeout: 120_000, skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const dir = corpus();
  const out = join(tempDir(), 'graph.json');
  writeFileSync(out, 'the previous graph');
  // kg's side in a process of its own (killed below), building without a cache: the build's
  // process keeps its records in a temporary store, under this TMPDIR
  const tmp = tempDir();
  const host = join(tempDir(), 'host.mts');
  writeFileSync(
    host,
    `import { buildInProcess } from ${JSON.stringify(new URL('../src/cli/build-host.ts', import.meta.url).href)};
import { listInputs } from ${JSON.stringify(new URL('../src/ingest/index.ts', import.meta.url).href)};
const job = { inputs: listInputs([${JSON.stringify(dir)}]), out: ${JSON.stringify(out)}, options: { model: null, workers: 1 }, progress: 'lines' };
await buildInProcess(job, { onStderr: (t) => process.stderr.write(t) });`,
  );
  // (no tunables of its own: glibc cuts the string it was given after the first tunable's value, in place)
  const { GLIBC_TUNABLES: _, ...env } = process.env;
  const kg = spawn(process.execPath, ['--import', 'tsx', host], { env: { ...env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => kg.on('exit', () => resolve()));
  // once it is extracting: its build process, the child of kg's process that runs build-process-start (tsx runs esbuild beside it)
  let stderr = '';
  await new Promise<void>((resolve) => {
    kg.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('extracted')) resolve();
    });
    void exited.then(() => resolve());
  });
  const children = readdirSync(`/proc/${kg.pid}/task`).flatMap((t) => readFileSync(`/proc/${kg.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  const builds = children.filter((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('build-process-start'));
  assert.equal(builds.length, 1, `kg's process has one build process; stderr: ${stderr}`);
  const pid = builds[0]!;
  const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  assert.ok(environ.includes('GLIBC_TUNABLES=glibc.malloc.hugetlb=1'), `huge pages: ${environ.filter((e) => e.startsWith('GLIBC'))}`);
  assert.ok(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('--max-semi-space-size=64'));
  assert.ok(readdirSync(tmp).some((n) => n.startsWith('kg-store-')), 'the build has a temporary store');
  kg.kill('SIGKILL');
  await exited;
  // the build's process stops (its channel to kg's process is gone): no graph written, its store removed
  for (let waited = 0; existsSync(`/proc/${pid}`) && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.ok(!existsSync(`/proc/${pid}`) || /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')), "the build's process has stopped");
  assert.equal(readFileSync(out, 'utf8'), 'the previous graph');
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith('kg-store-')), [], 'the temporary store is removed');
});
