// The files a cache keeps for the whole corpus: the records' heads and the documents' relations,
// each in a few columns files (src/corpus/columns.ts, heads.ts, relation-files.ts, segments.ts).
// A rebuild reads them instead of one file per article: what comes back must be what went in,
// a damaged file must cost time only, and the files must not grow without bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ColumnsWriter, readColumns } from '../src/corpus/columns.js';
import { Heads, headsBytes, keepHeads, readHeadFiles } from '../src/corpus/heads.js';
import { RelationsSegment, relationsBytes } from '../src/corpus/relation-files.js';
import { Segments } from '../src/corpus/segments.js';
import { InputHashes } from '../src/corpus/input-hashes.js';
import { build } from '../src/build.js';
import type { DocumentInfo, Mention } from '../src/types.js';
import { generateArticles } from '../bench/generate.js';
import { articleUnits } from '../src/resolve/index.js';
import { mentionList, mentionNames } from '../src/mentions.js';
import { framedBytes, readFramed } from '../src/framed-file.js';
import { tempDir, writeCorpus } from './helpers.js';

const FIXED = { layoutIterations: 20, builtAt: '2026-01-01T00:00:00.000Z' } as const;

test('a columns file gives back its strings, lone surrogates and empty ones too, and its columns; a changed byte is refused', () => {
  const w = new ColumnsWriter(2);
  const strings = ['江津区', '', 'a\ud800b', '双福工业园'.repeat(100), 'x'];
  for (const s of strings) w.push(0, w.string(s));
  for (let i = 0; i < 3000; i++) w.push(1, i * 7 - 5000);
  const bytes = Buffer.concat(w.bytes('test', 3));
  const back = readColumns(bytes, 'test', 3);
  assert.deepEqual([...back.columns[0]!].map((i) => back.strings[i]), strings);
  assert.deepEqual([...back.columns[1]!], Array.from({ length: 3000 }, (_, i) => i * 7 - 5000));
  assert.throws(() => readColumns(bytes, 'other', 3), /not a other file/);
  assert.throws(() => readColumns(bytes, 'test', 4), /format/);
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 3]! ^= 1;
  assert.throws(() => readColumns(damaged, 'test', 3), /damaged/);
  assert.throws(() => readColumns(bytes.subarray(0, 10), 'test', 3));
});

test("the heads file gives back each article's info, mentions and units as they went in", () => {
  const info = (id: string, date?: string): DocumentInfo => ({ id, path: `/c/${id}`, title: `标题${id}`, ...(date ? { date } : {}), sha256: `${id}`.repeat(8), chars: 120 });
  const m = (doc: string, start: number, text: string, extra: Partial<Mention> = {}): Mention => ({ doc, start, end: start + text.length, text, sentence: 2, type: 'organization', nstart: start + 1, nend: start + 1 + text.length, rule: 'tagger', ...extra });
  const listed = [
    { key: 'k1', info: info('a.txt', '2024-03-05'), mentions: [m('a.txt', 3, '区政府'), m('a.txt', 9, '区长', { type: 'person', implied: '区政府' }), m('a.txt', 20, '瑞达', { type: 'company', aliasOf: '瑞达科技有限公司' }), m('a.txt', 30, '瑞达科技有限公司', { type: 'company' }), m('a.txt', 40, '江津区', { type: 'place' }), m('a.txt', 50, '区政府')] },
    { key: 'k2-page', info: info('b.html'), mentions: [] },
    { key: 'k3', info: info('c.txt'), mentions: [m('c.txt', 0, '局', { implied: '区人民政府', aliasOf: undefined })] },
  ];
  const units = articleUnits(listed.map((e) => e.mentions));
  const entries = listed.map((e, i) => ({ ...e, units: units[i]! }));
  // what the units hold: shared units, an alias standing for its name, the article's place
  assert.deepEqual([...units[0]!.of], [0, 1, 2, 3, 4, 0]);
  assert.deepEqual([...units[0]!.target], [-1, -1, 3, -1, -1]);
  assert.notEqual(units[0]!.place, '');
  const heads = Heads.from(Buffer.concat(headsBytes(entries)));
  assert.equal(heads.size, 3);
  assert.equal(heads.has('k4'), false);
  for (const e of entries) {
    // at this build's path and id
    assert.deepEqual(heads.info(e.key, `/d/${e.info.id}`, `new/${e.info.id}`), { ...e.info, path: `/d/${e.info.id}`, id: `new/${e.info.id}` });
    const strip = (x: Mention) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
    // rows of the file, a mention made when one is asked for; their names read without making them
    const rows = heads.mentions(e.key, e.info.id);
    assert.equal(rows.length, e.mentions.length);
    assert.deepEqual(mentionList(rows).map((x) => ({ ...x })), e.mentions.map(strip));
    // (a row's name is one object written over: each is read as it comes), after a list's
    const names = Array.from(mentionNames([e.mentions.slice(0, 1), rows]), (x) => [x.text, x.type, x.rule]);
    assert.deepEqual(names, [...e.mentions.slice(0, 1), ...e.mentions].map((x) => [x.text, x.type, x.rule]));
    assert.throws(() => rows.at(e.mentions.length), RangeError);
    assert.throws(() => rows.nameAt(-1, { text: '', type: 'place', rule: '' }), RangeError);
    assert.deepEqual(heads.units(e.key), e.units);
  }
  // units a heads file cannot hold for its mentions are refused: numbered out of the order of their
  // first mention, one never used, a target outside the article's units
  const withUnits = (of: number[], target: number[]) => [{ ...entries[0]!, units: { ...units[0]!, of: Int32Array.from(of), target: Int32Array.from(target) } }];
  assert.ok(Heads.from(Buffer.concat(headsBytes(withUnits([0, 1, 2, 3, 4, 0], [-1, -1, 3, -1, -1])))));
  assert.throws(() => Heads.from(Buffer.concat(headsBytes(withUnits([1, 0, 2, 3, 4, 0], [-1, -1, 3, -1, -1])))), /damaged/);
  assert.throws(() => Heads.from(Buffer.concat(headsBytes(withUnits([0, 1, 2, 3, 4, 0], [-1, -1, 3, -1, -1, -1])))), /damaged/);
  assert.throws(() => Heads.from(Buffer.concat(headsBytes(withUnits([0, 1, 2, 3, 4, 0], [-1, -1, 5, -1, -1])))), /damaged/);
});

test("a relations file gives back each document's relations, derived ones and shared sentences as they were", () => {
  const s1 = { doc: 'a.txt', start: 3, end: 20, sentence: '瑞达科技有限公司落户双福工业园。' };
  const s2 = { doc: 'b.txt', start: 0, end: 9, sentence: '双福工业园在江津区。' };
  const lists: Array<[string, Parameters<typeof relationsBytes>[0] extends Iterable<[string, infer L]> ? L : never]> = [
    ['k1', [
      { head: 'company:瑞达科技', tail: 'industrial-park:双福工业园', relation: 'located-in', evidence: [s1], derived: false },
      { head: 'industrial-park:双福工业园', tail: 'place:江津区', relation: 'located-in', evidence: [s1, s2], derived: true },
    ]],
    ['k2', []],
    ['k3', [{ head: 'company:瑞达科技', tail: 'cluster:汽摩', relation: 'belongs-to-cluster', evidence: [s2], derived: false }]],
  ];
  const segment = RelationsSegment.from(Buffer.concat(relationsBytes(lists)));
  for (const [key, list] of lists) assert.deepEqual(segment.relations(key), list);
  const [a, b] = segment.relations('k1');
  assert.equal(a!.evidence[0], b!.evidence[0]);
  assert.equal(segment.has('k4'), false);
});

test('a cache adds a file of the entries the others lack, and writes one file anew once they hold many others or are many', () => {
  const dir = tempDir();
  const [none] = articleUnits([[]]);
  const entry = (key: string) => ({ key, info: { id: key, path: key, title: key, sha256: key, chars: 1 }, mentions: [], units: none! });
  // as the build's store does: the files not named are removed
  const keep = (keys: string[]) => {
    const names = keepHeads(readHeadFiles(dir), keys.map(entry));
    for (const n of readdirSync(dir)) if (!names.includes(n)) rmSync(join(dir, n));
    return names;
  };
  const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
  assert.deepEqual(keep(keys), ['heads-1.bin']);
  // nothing new: nothing written
  assert.deepEqual(keep(keys), ['heads-1.bin']);
  // two new articles and one gone (1 of 22 not used): a file of the two
  assert.deepEqual(keep([...keys.slice(1), 'n1', 'n2']), ['heads-1.bin', 'heads-2.bin']);
  const files = readHeadFiles(dir);
  assert.ok(files.find('n1') && files.find('k5') && !files.find('x'));
  // half of what the files hold not used: all written anew to one file
  assert.deepEqual(keep(keys.slice(0, 10)), ['heads-3.bin']);
  // a file damaged: left out, its entries written again
  writeFileSync(join(dir, 'heads-3.bin'), 'not columns');
  assert.equal(readHeadFiles(dir).find('k1'), undefined);
  // at most 16 files: an addition to 16 writes one file anew
  let names: string[] = [];
  for (let i = 0; i < 16; i++) {
    names = keep([...keys.slice(0, 10), ...Array.from({ length: i + 1 }, (_, j) => `m${j}`)]);
    assert.equal(names.length, i + 1);
  }
  names = keep([...keys.slice(0, 10), ...Array.from({ length: 17 }, (_, j) => `m${j}`)]);
  assert.equal(names.length, 1);
  const last = Segments.read(dir, 'heads', (b) => Heads.from(b));
  for (const k of [...keys.slice(0, 10), 'm0', 'm16']) assert.ok(last.find(k), k);
});

test('a build with damaged heads and relations files gives the same graph, and mends them', async () => {
  const dir = writeCorpus(Object.fromEntries(generateArticles({ documents: 4, sentences: 12, seed: 5 }).map((a) => [a.name, a.text])));
  const cacheDir = join(tempDir(), '.kg-cache');
  const clean = JSON.stringify((await build([dir], { ...FIXED, cacheDir, workers: 1 })).graph.export());
  const folder = join(cacheDir, readdirSync(cacheDir).find((n) => !n.endsWith('.index'))!);
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.bin'))) {
    const bytes = readFileSync(join(folder, name));
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(join(folder, name), bytes);
  }
  const again = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(again.summary.cached, 4);
  assert.equal(JSON.stringify(again.graph.export()), clean);
  // written anew: the next build reads them
  const files = readdirSync(folder).filter((n) => n.endsWith('.bin')).sort();
  assert.deepEqual(files, ['heads-1.bin', 'relations-1.bin']);
  assert.equal(Heads.from(readFileSync(join(folder, 'heads-1.bin'))).size, 4);
  assert.ok(RelationsSegment.from(readFileSync(join(folder, 'relations-1.bin'))).size > 0);
});

test('a build that stops before it keeps its own leaves the heads and relations files as they were', async () => {
  const dir = writeCorpus(Object.fromEntries(generateArticles({ documents: 4, sentences: 12, seed: 6 }).map((a) => [a.name, a.text])));
  const cacheDir = join(tempDir(), '.kg-cache');
  await build([dir], { ...FIXED, cacheDir, workers: 1 });
  const folder = join(cacheDir, readdirSync(cacheDir).find((n) => !n.endsWith('.index'))!);
  const files = () => readdirSync(folder).filter((n) => n.endsWith('.bin')).sort();
  assert.deepEqual(files(), ['heads-1.bin', 'relations-1.bin']);
  // an empty article stops a --strict build after the cached heads were read
  writeFileSync(join(dir, 'zz-empty.txt'), '');
  await assert.rejects(build([dir], { ...FIXED, cacheDir, workers: 1, strict: true }), /empty \(--strict\)/);
  assert.deepEqual(files(), ['heads-1.bin', 'relations-1.bin']);
  rmSync(join(dir, 'zz-empty.txt'));
  const again = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(again.summary.cached, 4);
  assert.deepEqual(files(), ['heads-1.bin', 'relations-1.bin']);
});

test('a rebuild reads and hashes only the files whose stat changed since a build hashed them; one rewritten with its size kept and its modification time set back is read again', async () => {
  const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
  const store = tempDir();
  const f = join(tempDir(), 'a.txt');
  writeFileSync(f, '江津区双福工业园。');
  const first = InputHashes.read(store);
  assert.equal(first.get(f, statSync(f)), undefined, 'nothing kept yet');
  first.set(f, statSync(f), sha(readFileSync(f)), Date.now());
  first.keep();
  // hashed right after it was written: hashed again (a write in the same tick would not show)
  assert.equal(InputHashes.read(store).get(f, statSync(f)), undefined);
  // hashed as if its hashing began 2 s after its last change (no need to wait for it)
  const settled = statSync(f);
  const second = InputHashes.read(store);
  second.set(f, settled, sha(readFileSync(f)), Math.max(settled.ctimeMs, settled.mtimeMs) + 2000);
  second.keep();
  assert.equal(InputHashes.read(store).get(f, statSync(f)), sha('江津区双福工业园。'));
  // another size, modification or change time, or inode (a file put in its place) is another file
  const now = statSync(f);
  for (const other of [{ size: now.size + 3 }, { mtimeMs: now.mtimeMs - 5000 }, { ctimeMs: now.ctimeMs + 1 }, { ino: now.ino + 1 }]) {
    assert.equal(InputHashes.read(store).get(f, { ...now, ...other } as typeof now), undefined, JSON.stringify(other));
  }
  // the same size, its times set back: the change time moved
  const before = statSync(f);
  writeFileSync(f, '江津区双福产业园。');
  utimesSync(f, before.atime, before.mtime);
  assert.equal(statSync(f).size, before.size);
  assert.equal(InputHashes.read(store).get(f, statSync(f)), undefined);
  // a worker that hashes the file anew confirms the kept hash, or finds another and drops it
  const hashed = statSync(f);
  const third = InputHashes.read(store);
  third.set(f, hashed, sha(readFileSync(f)), Math.max(hashed.ctimeMs, hashed.mtimeMs) + 2000);
  third.confirm(f, sha(readFileSync(f)));
  third.keep();
  const fourth = InputHashes.read(store);
  assert.equal(fourth.get(f, hashed), sha('江津区双福产业园。'), 'the same hash stays');
  fourth.confirm(f, 'f'.repeat(64));
  fourth.keep();
  assert.equal(InputHashes.read(store).get(f, hashed), undefined, 'another hash: dropped');
  // a damaged file of hashes: every file is hashed
  writeFileSync(join(store, 'inputs.json'), '{"format":1,"files":');
  assert.equal(InputHashes.read(store).get(f, statSync(f)), undefined);
});

test('a cached rebuild of settled files takes their kept hashes, and gives the graph of their content, a file rewritten with its size kept and its modification time set back included', async () => {
  const articles = generateArticles({ documents: 3, sentences: 10, seed: 8 });
  const dir = writeCorpus(Object.fromEntries(articles.map((a) => [a.name, a.text])));
  const cacheDir = join(tempDir(), '.kg-cache');
  // older than the settling time when first hashed, so that the next builds trust their hashes
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await build([dir], { ...FIXED, cacheDir, workers: 1 });
  const kept = join(cacheDir, readdirSync(cacheDir).find((n) => !n.endsWith('.index'))!, 'inputs.json');
  const hashedAt = () => Object.values((JSON.parse(readFileSync(kept, 'utf8')) as { files: Record<string, { hashedAt: number }> }).files).map((e) => e.hashedAt);
  const first = hashedAt();
  assert.equal(first.length, 3);
  const again = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(again.summary.cached, 3);
  assert.deepEqual(hashedAt(), first, 'no file hashed again');
  // one article's text changed, same length, times set back
  const path = join(dir, articles[0]!.name);
  const before = statSync(path);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace('园', '区') === text ? `${text.slice(0, -1)}。` : text.replace('园', '区');
  assert.equal(Buffer.byteLength(changed), before.size);
  writeFileSync(path, changed);
  utimesSync(path, before.atime, before.mtime);
  const rebuilt = await build([dir], { ...FIXED, cacheDir, workers: 1 });
  assert.equal(rebuilt.summary.cached, 2, 'the changed file is read and extracted again');
  const fresh = await build([dir], { ...FIXED, workers: 1 });
  assert.equal(JSON.stringify(rebuilt.graph.export()), JSON.stringify(fresh.graph.export()));
});

test('a framed file reads the same numbers from a buffer of its own and from one at any offset (its parts copied out where they are not aligned)', () => {
  const ints = Int32Array.from([1, -2, 3, 2 ** 31 - 1]);
  const doubles = Float64Array.from([0.5, -1e300, 3]);
  const bytes = Buffer.concat(framedBytes({ kind: 'test' }, [new Uint8Array(ints.buffer), new Uint8Array(doubles.buffer)]));
  for (const offset of [0, 1, 4]) {
    const buf = Buffer.alloc(bytes.length + offset).subarray(offset);
    bytes.copy(buf);
    const file = readFramed(buf);
    assert.deepEqual([...file.numbers(Int32Array, ints.length)], [...ints]);
    assert.deepEqual([...file.numbers(Float64Array, doubles.length)], [...doubles]);
    file.end();
  }
});
