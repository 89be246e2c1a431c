// A rebuild with a cache copies the graph records it did not change from the file it replaces
// (graph/reuse.ts, corpus/fingerprints.ts): the file must be the bytes a full build writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecords, type BuildOptions, type BuildSummary } from '../src/build.js';
import { graphIndexPath } from '../src/corpus/store.js';
import { positionsIn } from '../src/corpus/clean-edges.js';
import { writeGraphFile, writeGraphFileOverlapped } from '../src/graph/write.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { generateArticles } from '../bench/generate.js';
import { tempDir, writeCorpus } from './helpers.js';

const FIXED = { builtAt: '2026-01-01T00:00:00.000Z', workers: 1 } as const;

function corpus(n: number, seed: number): Record<string, string> {
  return Object.fromEntries(generateArticles({ documents: n, sentences: 12, seed }).map((a) => [a.name, a.text]));
}

/**
 * What `kg build` does with a cache: build, then write the graph, copying what the index allows
 * (the skeleton and index worked out while the graph is renamed into place, the records let go
 * once written); with how many edges the build made (the others it copied without making them). A
 * full build writes its file with writeGraphFile: the same bytes from either.
 */
async function buildWithCache(dir: string, out: string, options: BuildOptions): Promise<ReturnType<typeof writeGraphFile> & { made: number; edges: number; summary: BuildSummary }> {
  const cacheDir = join(out, '..', '.kg-cache');
  const { records, reuse, summary } = await buildRecords([dir], { ...options, cacheDir, replaces: out });
  assert.ok(reuse, 'a build with a cache gives its records fingerprints');
  // (counted before the writer lets the records go)
  const made = records.edges.length;
  const written = await writeGraphFileOverlapped(out, records, { skeleton: true, release: true, reuse: { index: graphIndexPath(cacheDir, out), ...reuse } });
  assert.equal(records.nodes.length + records.edges.length, 0, 'the records are let go once written');
  return { ...written, made, edges: reuse.copies?.order.length ?? made, summary };
}

/** The graph file (and skeleton) a build without a cache writes: nothing to copy from. */
async function fullFile(dir: string, options: BuildOptions): Promise<string> {
  const out = join(tempDir(), 'graph.json');
  const { records, reuse } = await buildRecords([dir], options);
  assert.equal(reuse, undefined);
  writeGraphFile(out, records, { skeleton: true });
  return out;
}

/** A skeleton without its stamp of the graph file (size, time, inode). */
const skeletonOf = (graphFile: string) => ({ ...JSON.parse(readFileSync(skeletonPath(graphFile), 'utf8')), graph: undefined });

for (const [label, options] of [
  // a graph too big to lay out keeps its nodes where they are when others are added
  ['no layout, the tagger', { ...FIXED, layoutIterations: 0 }],
  // laid out, every node moves when an article is added; with the rules alone, an article to which
  // the names of other articles add mentions has its entities written anew
  ['laid out, the rules alone', { ...FIXED, layoutIterations: 20, model: null }],
] as const) {
  test(`a rebuild copies the records it did not change, and writes the bytes of a full build (${label})`, async () => {
    const dir = writeCorpus(corpus(12, 7));
    const out = join(tempDir(), 'graph.json');
    const first = await buildWithCache(dir, out, options);
    assert.equal(first.copied, 0, 'the first build has no graph to copy from');
    assert.ok(existsSync(graphIndexPath(join(out, '..', '.kg-cache'), out)));

    // nothing changed: every record is copied (the layout runs alike)
    const same = await buildWithCache(dir, out, options);
    assert.equal(same.copied, same.total);

    // two articles added, one changed, one deleted
    generateArticles({ documents: 2, sentences: 12, seed: 99 }).forEach((a, i) => writeFileSync(join(dir, `new-${i}.txt`), a.text));
    appendFileSync(join(dir, '000003.txt'), '\n重庆市江津区珞璜工业园重庆新晟泰机械有限公司今年新增产值十亿元。\n');
    rmSync(join(dir, '000005.txt'));
    const again = await buildWithCache(dir, out, options);
    assert.ok(again.copied > 0 && again.copied < again.total, `${again.copied} of ${again.total} records copied`);
    const full = await fullFile(dir, options);
    assert.ok(readFileSync(out).equals(readFileSync(full)), 'the rebuild wrote other bytes than a full build');
    // and its skeleton describes the file written, copied records and all
    assert.deepEqual(skeletonOf(out), skeletonOf(full));
  });
}

/** A corpus of 8 articles built once with a cache and no layout: the options, its folder, the graph file and its index. */
async function builtOnce(seed: number) {
  const options = { ...FIXED, layoutIterations: 0 };
  const dir = writeCorpus(corpus(8, seed));
  const out = join(tempDir(), 'graph.json');
  const index = graphIndexPath(join(out, '..', '.kg-cache'), out);
  await buildWithCache(dir, out, options);
  return { options, dir, out, index };
}

test('an index that does not describe the graph file (replaced, damaged, missing) copies nothing and the bytes are right', async () => {
  const { options, dir, out, index } = await builtOnce(11);
  writeFileSync(join(dir, 'new.txt'), generateArticles({ documents: 1, sentences: 12, seed: 5 })[0]!.text);
  const full = readFileSync(await fullFile(dir, options));

  // the graph file replaced by another (its stamp no longer matches): records are not taken from it
  const before = readFileSync(out);
  rmSync(out);
  writeFileSync(out, before);
  const replaced = await buildWithCache(dir, out, options);
  assert.equal(replaced.copied, 0);
  assert.ok(readFileSync(out).equals(full));

  const damages = [
    (b: Buffer) => b.subarray(0, b.length >> 1),
    (b: Buffer) => Buffer.from(b.toString('latin1').replace('kgGraphIndex', 'kgGraphIndey'), 'latin1'),
    // a relation's name in the edge columns: copied edges would take it for another relation
    (b: Buffer) => Buffer.from(b.toString('latin1').replace('"located-in"', '"locatee-in"'), 'latin1'),
    // one byte of the last record's length: its range would still start with { and end with }
    (b: Buffer) => {
      const c = Buffer.from(b);
      c[c.length - 4] = c[c.length - 4]! - 1;
      return c;
    },
  ];
  for (const damage of damages) {
    writeFileSync(index, damage(readFileSync(index)));
    const damaged = await buildWithCache(dir, out, options);
    assert.equal(damaged.copied, 0);
    assert.ok(readFileSync(out).equals(full));
  }

  rmSync(index);
  assert.equal((await buildWithCache(dir, out, options)).copied, 0);
  assert.ok(readFileSync(out).equals(full));
  assert.ok(existsSync(index), 'the index is written again');
});

test('a graph file changed in place under an index whose stamp still matches: the node records it no longer holds are serialised; an edge it no longer holds stops the build, and the next build writes the file anew', async () => {
  const { options, dir, out, index } = await builtOnce(13);
  const full = readFileSync(await fullFile(dir, options));
  // one byte of the graph file changed (same size, same inode), and the index stamped with the file as it now is
  const damage = (marker: string, nth: number) => {
    const bytes = readFileSync(out);
    let at = -1;
    for (let n = 0; n <= nth; n++) at = bytes.indexOf(marker, at + 1);
    assert.ok(at > 0, `no ${marker} in the graph file`);
    bytes[at + marker.indexOf('{')] = 0x20;
    writeFileSync(out, bytes);
    utimesSync(out, 1_800_000_000, 1_800_000_000);
    const st = statSync(out);
    const idx = readFileSync(index);
    const len = idx.readUInt32LE(0);
    const head = JSON.parse(idx.toString('utf8', 4, 4 + len)) as { graph: unknown };
    head.graph = { bytes: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
    const json = JSON.stringify(head);
    assert.ok(json.length < len);
    idx.write(`${json.padEnd(len - 1)}\n`, 4, 'utf8');
    writeFileSync(index, idx);
  };

  // a node record: the run of records around it is serialised, the others copied
  damage('},{"key":', 1);
  const nodes = await buildWithCache(dir, out, options);
  assert.ok(nodes.copied > 0 && nodes.copied < nodes.total, `${nodes.copied} of ${nodes.total} records copied`);
  assert.ok(readFileSync(out).equals(full), 'a damaged node record went into the graph');

  // an edge record, copied without being made: the build stops, and the index goes
  damage('},{"key":', (JSON.parse(full.toString('utf8')) as { nodes: unknown[] }).nodes.length + 1);
  await assert.rejects(buildWithCache(dir, out, options), /changed during the build; build again/);
  assert.ok(!existsSync(index), 'the index that no longer describes the graph file is removed');
  const again = await buildWithCache(dir, out, options);
  assert.equal(again.copied, 0);
  assert.ok(readFileSync(out).equals(full));
});

test('with the rules alone, names one article gives and others are rescanned for: rebuilds after it goes and comes back write the bytes of a full build', async () => {
  const options = { ...FIXED, layoutIterations: 0, model: null };
  const titled = '重庆市江津区区长王大军今天调研重庆新晟泰机械有限公司，要求加快珞璜工业园建设。\n';
  // 王大军 is a name in these two only because the first article gives it (the corpus rescan)
  const dir = writeCorpus({
    'a.txt': titled,
    'b.txt': '会上，王大军、李晓光一行参观了新晟泰机械有限公司的车间。\n',
    'c.txt': '新晟泰机械有限公司的订单同比增长三成，王大军对此给予肯定。\n',
    // and one the name never reaches: its records are copied each time
    ...corpus(1, 3),
  });
  const out = join(tempDir(), 'graph.json');
  await buildWithCache(dir, out, options);
  const person = () => (JSON.parse(readFileSync(out, 'utf8')) as { nodes: Array<{ key: string; attributes: { mentions: unknown[] } }> }).nodes.find((n) => n.key === 'person:王大军');
  assert.equal(person()?.attributes.mentions.length, 3);
  rmSync(join(dir, 'a.txt'));
  await buildWithCache(dir, out, options);
  assert.ok(readFileSync(out).equals(readFileSync(await fullFile(dir, options))));
  assert.equal(person(), undefined);
  writeFileSync(join(dir, 'a.txt'), titled);
  const back = await buildWithCache(dir, out, options);
  assert.ok(back.copied > 0 && back.copied < back.total, `${back.copied} of ${back.total} records copied`);
  assert.ok(readFileSync(out).equals(readFileSync(await fullFile(dir, options))));
  assert.equal(person()?.attributes.mentions.length, 3);
});

test('a rebuild makes only the edges a changed article touches; where that decides other edges (a leader, places derived) it writes the bytes and index of a full build', async () => {
  const options = { ...FIXED, layoutIterations: 0 };
  const facts = {
    // the company leads the cluster (a), and belongs to it (b): the graph has leads alone while a is there
    'a.txt': '园区以华昌精密机械有限公司为龙头，打造智能装备产业集群。\n',
    'b.txt': '以华昌精密机械有限公司为代表的智能装备产业集群发展迅速。\n',
    // from the gazetteer, each place to its nearest ancestor in the graph: 南浔区 to 浙江省 alone,
    // and to 湖州市 once q names it (吴兴区 in 浙江省 is said too, the gazetteer adds to it)
    'p.txt': '浙江省吴兴区今年新增工业产值十亿元。\n',
    'x.txt': '南浔区今年引进工业项目十个。\n',
  };
  const named = '湖州市召开全市工业大会。\n';
  const dir = writeCorpus({ ...corpus(6, 21), ...facts });
  const out = join(tempDir(), 'graph.json');
  const edgesOf = () => (JSON.parse(readFileSync(out, 'utf8')) as { edges: Array<{ key: string; attributes: { derived: boolean } }> }).edges;
  const has = (key: string) => edgesOf().some((e) => e.key === key);
  const first = await buildWithCache(dir, out, options);
  assert.equal(first.made, first.edges, 'the first build makes every edge');
  const leads = 'company:华昌精密机械有限公司->leads->industry-cluster:智能装备产业集群';
  const belongs = 'company:华昌精密机械有限公司->belongs-to-cluster->industry-cluster:智能装备产业集群';
  const far = 'place:南浔区->located-in->place:浙江省';
  const near = 'place:南浔区->located-in->place:湖州市';
  assert.ok(has(leads) && !has(belongs) && has(far) && !has(near));
  // nothing changed: the leader's pair is made afresh (its hidden belongs-to-cluster decides with
  // leads), and the edge made, the same as the old one, is copied all the same
  const same = await buildWithCache(dir, out, options);
  assert.ok(same.made > 0, `made ${same.made}`);
  assert.equal(same.copied, same.total, 'a rebuild with nothing changed copies every record');

  const steps: Array<[string, () => void, () => void]> = [
    ['the leader goes', () => rmSync(join(dir, 'a.txt')), () => assert.ok(!has(leads) && has(belongs))],
    ['the leader comes back', () => writeFileSync(join(dir, 'a.txt'), facts['a.txt']), () => assert.ok(has(leads) && !has(belongs))],
    ['a nearer place is named', () => writeFileSync(join(dir, 'q.txt'), named), () => assert.ok(!has(far) && has(near))],
    ['it goes again, and one article changes', () => {
      rmSync(join(dir, 'q.txt'));
      appendFileSync(join(dir, '000002.txt'), '\n华昌精密机械有限公司今年新增产值十亿元。\n');
    }, () => assert.ok(has(far) && !has(near))],
  ];
  for (const [label, change, check] of steps) {
    change();
    const again = await buildWithCache(dir, out, options);
    check();
    assert.ok(again.made > 0 && again.made < again.edges / 2, `${label}: made ${again.made} of ${again.edges} edges`);
    // a full build with a cache of its own: the same graph file, skeleton, and index but for the stamp
    const fresh = join(tempDir(), 'graph.json');
    const full = await buildWithCache(dir, fresh, options);
    // the summary counts the edges copied too
    assert.deepEqual([again.summary.entities, again.summary.relations, again.summary.derivedRelations], [full.summary.entities, full.summary.relations, full.summary.derivedRelations], label);
    assert.ok(readFileSync(out).equals(readFileSync(fresh)), `${label}: the rebuild wrote other bytes than a full build`);
    assert.deepEqual(skeletonOf(out), skeletonOf(fresh), label);
    assert.ok(indexBody(out).equals(indexBody(fresh)), `${label}: the index differs from a full build's`);
  }
});

/** The parts of the index of `graphFile`, after its head (which holds the graph file's stamp) and the head's padding (framed-file.ts). */
function indexBody(graphFile: string): Buffer {
  const index = readFileSync(graphIndexPath(join(graphFile, '..', '.kg-cache'), graphFile));
  const head = 4 + index.readUInt32LE(0);
  return index.subarray(head + ((8 - (head % 8)) % 8));
}

test("the old graph's nodes are found among the new ones by key, whether both lists are in code-unit order or not", () => {
  const ids = ['company:宏远', 'company:宏远机械', 'place:江津', 'place:江津区', 'project:Z项目'];
  const keys = ['company:宏远机械', 'company:瑞达', 'place:江津区', 'project:Z项目', 'project:甲'];
  const expected = Int32Array.from([1, -1, 3, 4, -1]);
  assert.deepEqual(positionsIn(keys, ids), expected);
  // out of order: looked up one by one, the same positions
  assert.deepEqual(positionsIn([...keys].reverse(), ids), expected.slice().reverse());
  const shuffled = [ids[3]!, ids[0]!, ids[4]!, ids[1]!, ids[2]!];
  assert.deepEqual(positionsIn(keys, shuffled), Int32Array.from([3, -1, 0, 2, -1]));
});
