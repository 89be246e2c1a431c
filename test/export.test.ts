// Exports read back by the tools people use: GraphML by graphology-graphml, NetworkX and igraph,
// GEXF by NetworkX, CSV as Excel reads it, Neo4j import files checked for what neo4j-admin needs.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph, { DirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { build } from '../src/build.js';
import { writeFileAtomic } from '../src/graph/write.js';
import {
  BOM,
  EXPORTERS,
  ExportError,
  exportGraph,
  hexToRgb,
  neo4jLabel,
  DOCUMENT_HEADER,
  MENTIONS_HEADER,
  neo4jRelationType,
  NODE_HEADER,
  RELATIONSHIP_HEADER,
  toCSV,
  toGEXF,
  toGraphML,
  toNeo4j,
} from '../src/export/index.js';
import { tempDir } from './helpers.js';

const seeds = build(['data/corpus'], { layoutIterations: 0, builtAt: '2026-01-01T00:00:00.000Z' }).then((r) => r.graph);

/** Text that breaks naive XML and CSV writers, with characters XML 1.0 cannot carry at all. */
const NASTY = `A&B <公司> "引号" 'single', 逗号\n第二行 😀\u0001\uFFFF\uD800`;
/** What survives: everything but the characters XML 1.0 forbids. */
const NASTY_XML = `A&B <公司> "引号" 'single', 逗号\n第二行 😀`;

/** A mention as the graph schema has it (kg's graph reader checks every one). */
const MENTION = { doc: 'a.txt', start: 0, end: 1, text: '甲', sentence: 0 };

function nastyGraph(): DirectedGraph {
  const g = new DirectedGraph();
  g.setAttribute('builtAt', '2026-01-01T00:00:00.000Z');
  g.addNode('company:甲', { label: NASTY_XML, entityType: 'company', aliases: ['甲', 'A;B'], mentions: [MENTION, MENTION], x: 1.5, y: -2, size: 4, color: '#abc' });
  g.addNode('industrial-park:乙园', { label: '乙园', entityType: 'industrial-park', aliases: ['乙园'], mentions: [MENTION], x: 0, y: 0, size: 3, color: '#f58231' });
  g.addNode('place:丙', { label: NASTY, entityType: 'place', aliases: [], mentions: [], x: 0, y: 0, size: 3, color: '#3cb44b' });
  g.addEdgeWithKey('company:甲->located-in->industrial-park:乙园', 'company:甲', 'industrial-park:乙园', {
    relation: 'located-in',
    evidence: [{ doc: 'd,1.txt', start: 0, end: 9, sentence: NASTY }],
    derived: false,
    weight: 1,
  });
  g.addEdgeWithKey('industrial-park:乙园->located-in->place:丙', 'industrial-park:乙园', 'place:丙', { relation: 'located-in', evidence: [], derived: true, weight: 0 });
  return g;
}

// ---------------------------------------------------------------------------------------------
// GraphML

test('GraphML declares typed keys and reads back in graphology-graphml with every attribute', async () => {
  const graph = await seeds;
  const xml = toGraphML(graph);
  for (const [name, type] of [
    ['label', 'string'],
    ['mentions', 'int'],
    ['x', 'double'],
    ['derived', 'boolean'],
    ['weight', 'double'],
    ['evidence', 'string'],
  ]) {
    assert.match(xml, new RegExp(`<key id="\\w+" for="(node|edge)" attr.name="${name}" attr.type="${type}"/>`));
  }
  const back = parseGraphML(Graph, xml);
  assert.equal(back.order, graph.order);
  assert.equal(back.size, graph.size);
  graph.forEachNode((key, a) => {
    const b = back.getNodeAttributes(key);
    assert.equal(b.label, a.label);
    assert.equal(b.entityType, a.entityType);
    assert.equal(b.aliases, a.aliases.join('|'));
    assert.equal(b.mentions, a.mentions.length);
    assert.equal(b.x, a.x);
    assert.equal(b.color, a.color);
  });
  graph.forEachEdge((key, a, source, target) => {
    assert.equal(back.source(key), source);
    assert.equal(back.target(key), target);
    const b = back.getEdgeAttributes(key);
    assert.equal(b.relation, a.relation);
    assert.equal(b.derived, a.derived);
    assert.equal(b.weight, a.weight);
    assert.equal(b.evidence ?? '', a.evidence[0]?.sentence.trim() ?? '');
  });
});

test('XML exports escape markup and drop characters XML 1.0 forbids; Chinese and emoji stay intact', () => {
  const g = nastyGraph();
  const xml = toGraphML(g);
  // the raw file holds no forbidden characters at all
  assert.doesNotMatch(xml, /[\u0001\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  const back = parseGraphML(Graph, xml);
  assert.equal(back.getNodeAttribute('company:甲', 'label'), NASTY_XML);
  assert.equal(back.getNodeAttribute('place:丙', 'label'), NASTY_XML);
  assert.equal(back.getEdgeAttribute('company:甲->located-in->industrial-park:乙园', 'evidence'), NASTY_XML.trim());
  const gexf = toGEXF(g);
  assert.doesNotMatch(gexf, /[\u0001\uFFFF]/);
  assert.match(gexf, /label="A&amp;B &lt;公司&gt; &quot;引号&quot; &apos;single&apos;/);
});

// ---------------------------------------------------------------------------------------------
// NetworkX and igraph (python3-networkx, python3-igraph from Debian; CI installs them)

const PYTHON = '/usr/bin/python3';
const READ_BACK = `
import json, sys
import networkx as nx
import igraph as ig
graphml, gexf, nodes, edges = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
g = nx.read_graphml(graphml)
h = ig.Graph.Read_GraphML(graphml)
x = nx.read_gexf(gexf)
print(json.dumps({
  "networkx": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
               "node": {k: g.nodes[k] for k in nodes}, "edge": {s + "|" + t: g.edges[s, t] for s, t in edges}},
  "igraph": {"nodes": h.vcount(), "edges": h.ecount(), "directed": h.is_directed(),
             "node": {k: h.vs.find(id=k).attributes() for k in nodes},
             "edge": {s + "|" + t: h.es[h.get_eid(h.vs.find(id=s).index, h.vs.find(id=t).index)].attributes() for s, t in edges}},
  "gexf": {"nodes": x.number_of_nodes(), "edges": x.number_of_edges(), "node": {k: x.nodes[k] for k in nodes},
           "edge": {s + "|" + t: x.edges[s, t] for s, t in edges}},
}, ensure_ascii=False))
`;

/** The reason the python readers cannot run here, or undefined when they can. */
function pythonMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not installed`;
  const r = spawnSync(PYTHON, ['-c', 'import networkx, igraph'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `python3-networkx / python3-igraph not installed (${r.stderr.trim().split('\n').pop()})`;
}

function readBackInPython(t: TestContext, g: DirectedGraph, nodes: string[], edges: string[]): any {
  const dir = tempDir();
  exportGraph(g, 'graphml', join(dir, 'g.graphml'));
  exportGraph(g, 'gexf', join(dir, 'g.gexf'));
  const pairs = edges.map((e) => [g.source(e), g.target(e)]);
  const r = spawnSync(PYTHON, ['-c', READ_BACK, join(dir, 'g.graphml'), join(dir, 'g.gexf'), JSON.stringify(nodes), JSON.stringify(pairs)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.equal(r.status, 0, r.stderr);
  t.diagnostic(`read back by NetworkX and igraph: ${nodes.length} nodes and ${edges.length} edges compared`);
  return JSON.parse(r.stdout);
}

test('GraphML reads back in NetworkX and igraph, GEXF in NetworkX: counts and attribute values', async (t) => {
  const missing = pythonMissing();
  if (missing) {
    console.log(`skipped: ${missing}`);
    t.skip(missing);
    return;
  }
  const graph = await seeds;
  // the most mentioned entity, one with several aliases, a stated edge and a derived one
  const byMentions = graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'mentions').length - graph.getNodeAttribute(a, 'mentions').length);
  const aliased = graph.findNode((_k, a) => a.aliases.length > 1)!;
  const stated = graph.findEdge((_k, a) => !a.derived && a.evidence.length > 0)!;
  const derived = graph.findEdge((_k, a) => a.derived);
  const nodes = [byMentions[0]!, aliased];
  const edges = [stated, ...(derived ? [derived] : [])];
  const out = readBackInPython(t, graph, nodes, edges);
  for (const tool of ['networkx', 'igraph']) {
    const r = out[tool];
    assert.equal(r.nodes, graph.order, tool);
    assert.equal(r.edges, graph.size, tool);
    assert.equal(r.directed, true, tool);
    for (const k of nodes) {
      const a = graph.getNodeAttributes(k);
      assert.equal(r.node[k].label, a.label, tool);
      assert.equal(r.node[k].entityType, a.entityType, tool);
      assert.deepEqual(r.node[k].aliases.split('|'), a.aliases, tool);
      assert.equal(r.node[k].mentions, a.mentions.length, tool);
      assert.equal(r.node[k].x, a.x, tool);
      assert.equal(r.node[k].size, a.size, tool);
      assert.equal(r.node[k].color, a.color, tool);
    }
    for (const e of edges) {
      const a = graph.getEdgeAttributes(e);
      const b = r.edge[`${graph.source(e)}|${graph.target(e)}`];
      assert.equal(b.relation, a.relation, tool);
      assert.equal(Boolean(b.derived), a.derived, tool);
      assert.equal(b.weight, a.weight, tool);
      assert.equal(b.evidence ?? '', a.evidence[0]?.sentence.trim() ?? '', tool);
      assert.equal(b.evidenceDoc ?? '', a.evidence[0]?.doc ?? '', tool);
    }
  }
  const gexf = out.gexf;
  assert.equal(gexf.nodes, graph.order);
  assert.equal(gexf.edges, graph.size);
  for (const k of nodes) {
    const a = graph.getNodeAttributes(k);
    const [r, g, b] = hexToRgb(a.color)!;
    assert.deepEqual([gexf.node[k].viz.color.r, gexf.node[k].viz.color.g, gexf.node[k].viz.color.b], [r, g, b]);
    assert.deepEqual([gexf.node[k].viz.position.x, gexf.node[k].viz.position.y], [a.x, a.y]);
    assert.equal(gexf.node[k].viz.size, a.size);
    assert.equal(gexf.node[k].label, a.label);
    assert.equal(gexf.node[k].mentions, a.mentions.length);
  }
  assert.equal(gexf.edge[`${graph.source(stated)}|${graph.target(stated)}`].relation, graph.getEdgeAttribute(stated, 'relation'));
});

test('NetworkX and igraph read markup, Chinese and emoji in names exactly', (t) => {
  const missing = pythonMissing();
  if (missing) {
    console.log(`skipped: ${missing}`);
    t.skip(missing);
    return;
  }
  const g = nastyGraph();
  const edge = 'company:甲->located-in->industrial-park:乙园';
  const out = readBackInPython(t, g, ['company:甲', 'place:丙'], [edge]);
  for (const tool of ['networkx', 'igraph', 'gexf']) {
    assert.equal(out[tool].node['company:甲'].label, NASTY_XML, tool);
    assert.equal(out[tool].node['place:丙'].label, NASTY_XML, tool);
  }
  assert.equal(out.networkx.edge['company:甲|industrial-park:乙园'].evidence, NASTY_XML);
  assert.equal(out.igraph.edge['company:甲|industrial-park:乙园'].evidenceDoc, 'd,1.txt');
  // #abc is short for #aabbcc
  assert.deepEqual(out.gexf.node['company:甲'].viz.color, { r: 170, g: 187, b: 204, a: 1 });
});

// ---------------------------------------------------------------------------------------------
// CSV

/** RFC 4180 parsing, as a spreadsheet does it. */
function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

test('CSV: nodes.csv and edges.csv in UTF-8 with a BOM, CRLF records, quoting that round-trips', async () => {
  const graph = await seeds;
  const { 'nodes.csv': nodes, 'edges.csv': edges } = toCSV(graph);
  for (const file of [nodes, edges]) {
    assert.ok(file.startsWith(BOM));
    assert.ok(file.endsWith('\r\n'));
  }
  const n = parseCSV(nodes.slice(1));
  const e = parseCSV(edges.slice(1));
  assert.deepEqual(n[0], ['key', 'label', 'entityType', 'aliases', 'mentions', 'x', 'y', 'size', 'color']);
  assert.deepEqual(e[0], ['key', 'source', 'target', 'relation', 'weight', 'derived', 'evidence', 'evidenceDoc']);
  assert.equal(n.length - 1, graph.order);
  assert.equal(e.length - 1, graph.size);
  for (const row of n.slice(1)) {
    const a = graph.getNodeAttributes(row[0]!);
    assert.deepEqual(row.slice(1, 5), [a.label, a.entityType, a.aliases.join('|'), String(a.mentions.length)]);
  }
  for (const row of e.slice(1)) assert.equal(row[6], graph.getEdgeAttribute(row[0]!, 'evidence')[0]?.sentence.trim() ?? '');

  const nasty = toCSV(nastyGraph());
  const rows = parseCSV(nasty['nodes.csv'].slice(1));
  assert.equal(rows.find((r) => r[0] === 'place:丙')![1], NASTY);
  assert.equal(parseCSV(nasty['edges.csv'].slice(1))[1]![6], NASTY.trim());
});

// ---------------------------------------------------------------------------------------------
// Neo4j

test('Neo4j: neo4j-admin headers, one label per entity type, UPPER_SNAKE types, every endpoint exists', async () => {
  const graph = await seeds;
  const files = toNeo4j(graph);
  const lines = (text: string) => text.trimEnd().split('\n');
  const nodes = lines(files['nodes.csv']).map((l) => parseCSV(`${l}\r\n`)[0]!);
  const rels = lines(files['relationships.csv']).map((l) => parseCSV(`${l}\r\n`)[0]!);
  assert.deepEqual(nodes[0], NODE_HEADER);
  assert.deepEqual(rels[0], RELATIONSHIP_HEADER);
  for (const h of [':ID', ':LABEL']) assert.ok(nodes[0]!.some((c) => c.endsWith(h)), h);
  for (const h of [':START_ID', ':END_ID', ':TYPE']) assert.ok(rels[0]!.includes(h), h);
  // one record per line: as many lines as nodes and edges
  assert.equal(nodes.length - 1, graph.order);
  assert.equal(rels.length - 1, graph.size);

  const col = (rows: string[][], name: string) => rows[0]!.indexOf(name);
  const ids = new Set(nodes.slice(1).map((r) => r[col(nodes, 'id:ID')]!));
  assert.equal(ids.size, graph.order);
  const typeLabels = new Map<string, string>();
  for (const r of nodes.slice(1)) {
    const type = r[col(nodes, 'entityType')]!;
    const labels = r[col(nodes, ':LABEL')]!.split(';');
    assert.equal(labels.length, 2);
    assert.equal(labels[0], 'Entity');
    assert.match(labels[1]!, /^[A-Z][A-Za-z]*$/);
    // the same entity type always gets the same label, and different types different labels
    assert.equal(typeLabels.get(type) ?? labels[1], labels[1]);
    typeLabels.set(type, labels[1]!);
  }
  assert.equal(new Set(typeLabels.values()).size, typeLabels.size);
  for (const r of rels.slice(1)) {
    assert.ok(ids.has(r[col(rels, ':START_ID')]!), r.join());
    assert.ok(ids.has(r[col(rels, ':END_ID')]!), r.join());
    assert.match(r[col(rels, ':TYPE')]!, /^[A-Z]+(_[A-Z]+)*$/);
    assert.equal(r[col(rels, ':TYPE')], r[col(rels, 'relation')]!.toUpperCase().replaceAll('-', '_'));
  }
  const cypher = files['import.cypher'];
  for (const label of typeLabels.values()) assert.match(cypher, new RegExp(`SET n:${label},`));
  for (const r of new Set(rels.slice(1).map((r) => r[col(rels, ':TYPE')]!))) assert.match(cypher, new RegExp(`MERGE \\(a\\)-\\[r:${r}\\]->\\(b\\)`));
  assert.equal(neo4jLabel('industrial-park'), 'IndustrialPark');
  assert.equal(neo4jRelationType('belongs-to-cluster'), 'BELONGS_TO_CLUSTER');

  // every evidence sentence goes along, each with its document
  graph.forEachEdge((key, a, s, t) => {
    const row = rels.find((r) => r[0] === s && r[1] === t && r[col(rels, 'relation')] === a.relation)!;
    const sentences = row[col(rels, 'sentences:string[]')]!;
    assert.equal(sentences === '' ? 0 : sentences.split(';').length, a.evidence.length, key);
    assert.equal(row[col(rels, 'documents:string[]')]!.split(';').filter(Boolean).length, a.evidence.length, key);
  });

  // (:Document) nodes, one per article, and [:MENTIONS] from each to what it mentions
  const docs = lines(files['documents.csv']).map((l) => parseCSV(`${l}\r\n`)[0]!);
  const mentions = lines(files['mentions.csv']).map((l) => parseCSV(`${l}\r\n`)[0]!);
  assert.deepEqual(docs[0], DOCUMENT_HEADER);
  assert.deepEqual(mentions[0], MENTIONS_HEADER);
  const documents = graph.getAttribute('documents') as Array<{ id: string; title: string }>;
  assert.deepEqual(docs.slice(1).map((r) => r[col(docs, 'doc')]), documents.map((d) => d.id));
  assert.ok(docs.slice(1).every((r) => r[col(docs, ':LABEL')] === 'Document' && !ids.has(r[0]!)), 'document ids apart from entity keys');
  const docIds = new Set(docs.slice(1).map((r) => r[0]!));
  let mentionTotal = 0;
  for (const r of mentions.slice(1)) {
    assert.ok(docIds.has(r[0]!) && ids.has(r[1]!) && r[2] === 'MENTIONS', r.join());
    mentionTotal += Number(r[3]);
  }
  let graphMentions = 0;
  graph.forEachNode((_k, a) => (graphMentions += a.mentions.length));
  assert.equal(mentionTotal, graphMentions, 'the counts add up to every mention');
  assert.match(cypher, /MERGE \(d\)-\[m:MENTIONS\]->\(e\)/);
});

test('Neo4j: line breaks in text become spaces, array delimiters inside aliases are kept out', () => {
  const files = toNeo4j(nastyGraph());
  const rows = files['nodes.csv'].trimEnd().split('\n');
  assert.equal(rows.length, 4);
  const jia = parseCSV(`${rows.find((r) => r.startsWith('company:甲'))!}\r\n`)[0]!;
  assert.deepEqual(jia[NODE_HEADER.indexOf('aliases:string[]')]!.split(';'), ['甲', 'A；B']);
  assert.doesNotMatch(jia[1]!, /\n/);
});

// ---------------------------------------------------------------------------------------------
// The registry and the command

test('exportGraph writes files atomically, folders for multi-file formats, and rejects unknown formats', () => {
  const g = nastyGraph();
  const dir = tempDir();
  const written = exportGraph(g, 'csv', join(dir, 'csv'));
  assert.deepEqual(readdirSync(join(dir, 'csv')).sort(), ['edges.csv', 'nodes.csv']);
  assert.deepEqual(written.sort(), [join(dir, 'csv', 'edges.csv'), join(dir, 'csv', 'nodes.csv')]);
  exportGraph(g, 'neo4j', join(dir, 'neo'));
  assert.deepEqual(readdirSync(join(dir, 'neo')).sort(), ['documents.csv', 'import.cypher', 'mentions.csv', 'nodes.csv', 'relationships.csv']);
  // a second export replaces the first and leaves no temporary files
  writeFileSync(join(dir, 'g.json'), 'old');
  exportGraph(g, 'json', join(dir, 'g.json'));
  assert.equal(JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')).nodes.length, 3);
  assert.deepEqual(readdirSync(dir).sort(), ['csv', 'g.json', 'neo']);
  assert.throws(() => exportGraph(g, 'csv', join(dir, 'g.json')), (err: unknown) => err instanceof ExportError && /folder/.test(err.message));
  assert.throws(
    () => exportGraph(g, 'dot', join(dir, 'g.dot')),
    (err: unknown) => err instanceof ExportError && err.exitCode === 2 && /"dot".*graphml, gexf, csv, neo4j, json/.test(err.message),
  );
  assert.ok(!existsSync(join(dir, 'g.dot')));
  // a new format is one more entry
  EXPORTERS.lines = { description: 'node keys', output: 'file', write: (graph, out) => (writeFileAtomic(out, graph.nodes().join('\n')), [out]) };
  try {
    exportGraph(g, 'lines', join(dir, 'keys.txt'));
    assert.equal(readFileSync(join(dir, 'keys.txt'), 'utf8').split('\n').length, 3);
  } finally {
    delete EXPORTERS.lines;
  }
});

test('kg export writes the requested format and prints the files; an unknown format exits 2', () => {
  const dir = tempDir();
  const graphFile = join(dir, 'g.json');
  writeFileAtomic(graphFile, JSON.stringify(nastyGraph().export()));
  const kg = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  const ok = kg('export', '-g', graphFile, '--format', 'graphml', '--out', join(dir, 'out.graphml'));
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, `${join(dir, 'out.graphml')}\n`);
  assert.equal(parseGraphML(Graph, readFileSync(join(dir, 'out.graphml'), 'utf8')).order, 3);
  const bad = kg('export', '-g', graphFile, '--format', 'dot', '--out', join(dir, 'out.dot'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^kg: unknown export format "dot"/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.ok(!existsSync(join(dir, 'out.dot')));
});

test('kg export -o - writes a one-file format to stdout and no file; a folder format or --json with it exits 2; filters that leave nothing warn', () => {
  const dir = tempDir();
  const graphFile = join(dir, 'g.json');
  writeFileAtomic(graphFile, JSON.stringify(nastyGraph().export()));
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', '-g', graphFile, '--format', 'graphml', '-o', '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(parseGraphML(Graph, out.stdout).order, 3);
  assert.ok(!existsSync('-'), 'no file named -');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', '-g', graphFile, ...args], { encoding: 'utf8' });
  for (const args of [['--format', 'csv', '-o', '-'], ['--format', 'json', '-o', '-', '--json'], ['-o', '-']]) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '');
  }
  const empty = run('--min-degree', '100', '-o', join(dir, 'empty.graphml'));
  assert.equal(empty.status, 0, empty.stderr);
  assert.match(empty.stderr, /warning: the filters leave none of the graph's 3 entities/);
  assert.equal(parseGraphML(Graph, readFileSync(join(dir, 'empty.graphml'), 'utf8')).order, 0);
});
