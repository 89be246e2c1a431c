// `kg build` builds a big corpus in a thread of its own (src/cli/build-host.ts starts it, build-thread.ts is its work): the same graph,
// summary and stderr lines as in the process's own thread, and a stop or an error comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInThread, type BuildJob } from '../src/cli/build-host.js';
import { buildAndWrite } from '../src/cli/build-thread.js';
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

test('a corpus built in a thread of its own gives the graph, summary and stderr lines of one built in this thread', { timeout: 120_000 }, async () => {
  const dir = corpus();
  const out = tempDir();
  const here: string[] = [];
  const there: string[] = [];
  const a = await buildAndWrite(job(dir, join(out, 'here.json')), { onStderr: (t) => here.push(t) });
  const b = await buildInThread(job(dir, join(out, 'there.json')), { onStderr: (t) => there.push(t) });
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

test("a stop posted to the build's thread ends it with the stop's reason and leaves the graph it would replace", { timeout: 120_000 }, async () => {
  const dir = corpus();
  const out = join(tempDir(), 'graph.json');
  writeFileSync(out, 'the previous graph');
  const stop = new AbortController();
  const reason = new Error('stopped by the test');
  const built = buildInThread(job(dir, out), { signal: stop.signal });
  setTimeout(() => stop.abort(reason), 20);
  await assert.rejects(built, (err) => err === reason);
  assert.equal(readFileSync(out, 'utf8'), 'the previous graph');
});

test("an error in the build's thread reaches the caller with its message", { timeout: 120_000 }, async () => {
  const dir = corpus();
  await assert.rejects(buildInThread(job(dir, join(tempDir(), 'graph.json'), { strict: true })), (err: Error) => err.message === `${join(dir, 'empty.txt')}: empty (--strict)`);
});
