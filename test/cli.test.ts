// The kg command as a user runs it: outputs, exit codes, and bad input that loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir, writeCorpus } from './helpers.js';

const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

function kg(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE = '江津区双福工业园重庆宏远机械股份有限公司今年产值增长两成。区委书记唐大军到企业调研。';

test('kg build writes the graph and prints a summary; --json for machines', () => {
  const dir = writeCorpus({ 'a.txt': ARTICLE });
  const out = join(tempDir(), 'g.json');
  const r = kg('build', dir, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /built .* from 1 document/);
  assert.match(r.stdout, /person 1/);
  const graph = JSON.parse(readFileSync(out, 'utf8'));
  assert.ok(graph.nodes.length >= 4);
  const j = kg('build', dir, '--out', out, '--json');
  const summary = JSON.parse(j.stdout);
  assert.equal(summary.documents, 1);
  // where the time went: the phases, the graph's writing among them; nothing extracted anew
  assert.deepEqual(Object.keys(summary.phases), ['extraction', 'names', 'resolution', 'relations', 'graph', 'writing']);
  for (const seconds of Object.values(summary.phases)) assert.ok(typeof seconds === 'number' && seconds >= 0);
  assert.equal(summary.stages.articles, 0);
  // built again unchanged, with the cache: every record is copied from the graph file it replaces
  assert.equal(summary.records.total, graph.nodes.length + graph.edges.length);
  assert.equal(summary.records.copied, summary.records.total);
  const fresh = JSON.parse(kg('build', dir, '--out', out, '--json', '--no-cache').stdout);
  assert.equal(fresh.records.copied, 0);
  assert.equal(fresh.stages.articles, 1);
  assert.ok(fresh.stages.load > 0 && fresh.stages.tagger >= 0);
});

test('kg stats reads a graph', () => {
  const out = join(tempDir(), 'g.json');
  kg('build', writeCorpus({ 'a.txt': ARTICLE }), '--out', out);
  const r = kg('stats', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.documents, 1);
  assert.equal(s.entities.person, 1);
  // connectivity: every entity is in a component or counted as unconnected
  const c = s.connectivity.stated;
  assert.ok(c.unconnected <= s.nodes && c.largest <= s.nodes && c.unconnectedShare === c.unconnected / s.nodes);
  assert.match(kg('stats', out).stdout, /entities with no relation +\d+ \(\d+ %\); with derived: \d+/);
});

test('a missing input is a one-line error naming it, exit 1, and the old graph stays', () => {
  const out = join(tempDir(), 'g.json');
  writeFileSync(out, '{"previous":true}');
  const r = kg('build', '/no/such/folder', '--out', out);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /\/no\/such\/folder/);
  assert.equal(readFileSync(out, 'utf8'), '{"previous":true}');
});

test('an empty folder is an error and writes no graph', () => {
  const empty = tempDir();
  const out = join(tempDir(), 'g.json');
  const r = kg('build', empty, '--out', out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.ok(!existsSync(out));
});

test('binary and undecodable files are skipped with a warning naming them; the rest is built', () => {
  const dir = writeCorpus({
    'good.txt': ARTICLE,
    'picture.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'broken.txt': Buffer.from([0x41, 0x80, 0xff, 0x80, 0xff, 0x80, 0xff, 0x80, 0xff, 0x80, 0xff, 0x42]),
  });
  const out = join(tempDir(), 'g.json');
  const r = kg('build', dir, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /picture\.txt/);
  assert.match(r.stderr, /broken\.txt/);
  assert.match(r.stdout, /from 1 document \(2 skipped\)/);
});

test('an --out kg cannot write is a one-line error naming it, before any extraction and without a cache left behind', () => {
  const dir = writeCorpus({ 'a.txt': ARTICLE });
  const base = tempDir();
  const folder = join(base, 'graphs');
  mkdirSync(folder);
  const file = join(base, 'note.txt');
  writeFileSync(file, 'a file');
  const cases: Array<[string, RegExp]> = [
    [folder, /is a folder; give the file to write, such as .*graphs\/graph\.json/],
    [`${join(base, 'new')}/`, /is a folder; give the file to write/],
    [join(file, 'g.json'), /note\.txt is a file, not a folder/],
    [join(file, 'deeper', 'g.json'), /note\.txt is a file, not a folder/],
  ];
  // (where the system lets no folder be made: Node's own recursive mkdir would loop there for ever)
  if (existsSync('/proc/self')) cases.push(['/proc/kg-no-such/g.json', /cannot make the folder \/proc\/kg-no-such/]);
  for (const [out, message] of cases) {
    const r = kg('build', dir, '--out', out, '-q');
    assert.equal(r.code, 1, out);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^kg: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `), out);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  assert.deepEqual(readdirSync(folder), []);
  assert.deepEqual(readdirSync(base).sort(), ['graphs', 'note.txt']);
  // a missing folder on the way is made
  const nested = join(base, 'made', 'here', 'g.json');
  assert.equal(kg('build', dir, '--out', nested, '-q').code, 0);
  assert.ok(existsSync(nested));
});

test('a truncated graph file gives a one-line error, not a stack trace', () => {
  const bad = join(tempDir(), 'g.json');
  writeFileSync(bad, '{"nodes": [{"key"');
  const r = kg('stats', bad);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /g\.json: not valid JSON/);
});

test('usage errors exit 2; --help works for every command', () => {
  const unknown = kg('frobnicate');
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, "kg: unknown command 'frobnicate'\n");
  const missing = kg('path');
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, "kg: missing required argument 'from'\n");
  for (const cmd of [[], ['build'], ['stats'], ['eval']]) {
    const r = kg(...cmd, '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: kg/);
  }
});


test('a corpus of many documents reports progress on stderr, results stay on stdout', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`n${String(i).padStart(2, '0')}.txt`] = ARTICLE;
  const out = join(tempDir(), 'g.json');
  const r = kg('build', writeCorpus(files), '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /extracted 25\/25 documents/);
  assert.doesNotMatch(r.stdout, /extracted/);
  assert.match(kg('build', writeCorpus(files), '--out', out, '--quiet').stderr, /^$/);
});

test('kg starts without loading what its command does not run: --help loads no extraction, graph or graphology module, a query neither the tagger, the linker nor jieba', () => {
  // a resolve hook lists the modules kg loads (src/cli/main.ts imports each command's work in its action)
  const dir = tempDir();
  const log = join(dir, 'loaded.txt');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  const loaded = (...args: string[]) => {
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), ...CLI, ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  // kg's own modules by their path under src/, and the packages by name
  const src = new URL('../src/', import.meta.url).href;
  const under = (modules: string[], pattern: RegExp) => modules.filter((m) => (m.startsWith(src) ? pattern.test(m.slice(src.length)) : false));
  const packages = (modules: string[], pattern: RegExp) => modules.filter((m) => /\/node_modules\//.test(m) && pattern.test(m.slice(m.lastIndexOf('/node_modules/') + 14)));
  const extraction = /^(pipeline|build|model-file|segment\/|extract\/|tagger\/(?!paths)|resolve\/|linker\/|relate\/|corpus\/(?!heap)|ingest\/(?!files|errors))/;
  const help = loaded('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: kg/);
  assert.ok(help.modules.some((m) => m === `${src}cli/main.ts`), 'the hook saw kg load');
  assert.deepEqual(under(help.modules, extraction), []);
  assert.deepEqual(under(help.modules, /^(graph\/|query\/(?!defaults|errors)|export\/(?!formats))/), []);
  assert.deepEqual(packages(help.modules, /^(graphology|nodejieba|sigma)/), []);
  // a query loads its graph reading when it runs (and the ingest and rule modules its text look-ups
  // share), not the build's stages
  const path = loaded('path', 'a', 'b', '--graph', join(dir, 'none.json'));
  assert.notEqual(path.code, 0);
  assert.ok(under(path.modules, /^graph\//).length > 0, 'kg path loaded its graph reading');
  assert.deepEqual(under(path.modules, /^(pipeline|build|model-file|tagger\/(?!paths)|resolve\/|linker\/|corpus\/(?!heap))/), []);
  assert.deepEqual(packages(path.modules, /^nodejieba/), []);
});
