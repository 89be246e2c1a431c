// GraphML for yEd, Cytoscape, NetworkX, igraph and Gephi: typed <key> declarations, one <data>
// per attribute, Chinese text kept as UTF-8.
import type { DirectedGraph } from 'graphology';
import { ALIAS_SEPARATOR, edgeRows, nodeRows, type EdgeRow, type NodeRow } from './rows.js';
import { escapeXml } from './xml.js';

type KeyType = 'string' | 'int' | 'double' | 'boolean';
interface KeySpec<R> {
  name: string;
  type: KeyType;
  value: (row: R) => string | number | boolean | undefined;
}

const NODE_KEYS: KeySpec<NodeRow>[] = [
  { name: 'label', type: 'string', value: (n) => n.label },
  { name: 'entityType', type: 'string', value: (n) => n.entityType },
  { name: 'aliases', type: 'string', value: (n) => n.aliases.join(ALIAS_SEPARATOR) },
  { name: 'mentions', type: 'int', value: (n) => n.mentions },
  { name: 'documents', type: 'string', value: (n) => n.mentionsByDoc.map(([doc]) => doc).join(ALIAS_SEPARATOR) },
  { name: 'x', type: 'double', value: (n) => n.x },
  { name: 'y', type: 'double', value: (n) => n.y },
  { name: 'size', type: 'double', value: (n) => n.size },
  { name: 'color', type: 'string', value: (n) => n.color },
];

const EDGE_KEYS: KeySpec<EdgeRow>[] = [
  { name: 'relation', type: 'string', value: (e) => e.relation },
  { name: 'weight', type: 'double', value: (e) => e.weight },
  { name: 'derived', type: 'boolean', value: (e) => e.derived },
  { name: 'evidence', type: 'string', value: (e) => e.sentences[0] ?? '' },
  { name: 'evidenceDoc', type: 'string', value: (e) => e.documents[0] ?? '' },
];

const GRAPH_KEYS = ['builtAt', 'generator'] as const;

export function toGraphML(graph: DirectedGraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of GRAPH_KEYS) out.push(`  <key id="g_${k}" for="graph" attr.name="${k}" attr.type="string"/>`);
  for (const k of NODE_KEYS) out.push(`  <key id="n_${k.name}" for="node" attr.name="${k.name}" attr.type="${k.type}"/>`);
  for (const k of EDGE_KEYS) out.push(`  <key id="e_${k.name}" for="edge" attr.name="${k.name}" attr.type="${k.type}"/>`);
  out.push('  <graph id="kg" edgedefault="directed">');
  for (const [name, value] of Object.entries(graphData(graph))) out.push(`    <data key="g_${name}">${escapeXml(value)}</data>`);
  for (const n of nodeRows(graph)) out.push(`    <node id="${escapeXml(n.key)}">${dataOf(n, NODE_KEYS, 'n_')}</node>`);
  for (const e of edgeRows(graph)) {
    out.push(`    <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${dataOf(e, EDGE_KEYS, 'e_')}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function dataOf<R>(row: R, keys: KeySpec<R>[], prefix: string): string {
  let s = '';
  for (const k of keys) {
    const v = k.value(row);
    if (v !== undefined) s += `<data key="${prefix}${k.name}">${escapeXml(v)}</data>`;
  }
  return s;
}

function graphData(graph: DirectedGraph): Partial<Record<(typeof GRAPH_KEYS)[number], string>> {
  const a = graph.getAttributes();
  const gen = a.generator as { name?: string; version?: string } | undefined;
  return {
    ...(typeof a.builtAt === 'string' ? { builtAt: a.builtAt } : {}),
    ...(gen?.name ? { generator: `${gen.name} ${gen.version ?? ''}`.trim() } : {}),
  };
}
