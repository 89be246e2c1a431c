// GEXF 1.2 for Gephi: node label, attributes, and the viz colour, position and size kg computed,
// so the graph opens in Gephi looking as it does in kg's own viewer.
//
// Why not graphology-gexf's writer (0.13.2, the current release)? Tried on the seed graph with
// the same colours, sizes and positions: it declares the viz namespace as
// "http:///www.gexf.net/1.1draft/viz" (three slashes, and 1.1 inside a 1.2 document), so readers
// that go by namespace lose every colour, size and position (NetworkX's read_gexf returns nodes
// without `viz`; this file's come back whole, as test/export.test.ts checks), and it writes graph
// attributes as elements of <meta> that the GEXF schema does not allow. Forty lines of our own
// keep the file valid.
import type { DirectedGraph } from 'graphology';
import { ALIAS_SEPARATOR, edgeRows, nodeRows } from './rows.js';
import { escapeXml } from './xml.js';

const NODE_ATTRIBUTES = [
  { id: 'entityType', type: 'string' },
  { id: 'aliases', type: 'string' },
  { id: 'mentions', type: 'integer' },
  { id: 'documents', type: 'string' },
] as const;

const EDGE_ATTRIBUTES = [
  { id: 'relation', type: 'string' },
  { id: 'derived', type: 'boolean' },
  { id: 'evidence', type: 'string' },
  { id: 'evidenceDoc', type: 'string' },
] as const;

export function toGEXF(graph: DirectedGraph): string {
  const builtAt = graph.getAttribute('builtAt');
  const gen = graph.getAttribute('generator') as { name?: string; version?: string } | undefined;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    `  <meta${typeof builtAt === 'string' ? ` lastmodifieddate="${escapeXml(builtAt.slice(0, 10))}"` : ''}>`,
    `    <creator>${escapeXml(gen?.name ? `${gen.name} ${gen.version ?? ''}`.trim() : 'kg')}</creator>`,
    '    <description>knowledge graph of Chinese regional-economy news</description>',
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of nodeRows(graph)) {
    out.push(`      <node id="${escapeXml(n.key)}" label="${escapeXml(n.label)}">`);
    out.push(
      `        <attvalues>${attvalue('entityType', n.entityType)}${attvalue('aliases', n.aliases.join(ALIAS_SEPARATOR))}${attvalue('mentions', n.mentions)}${attvalue('documents', n.mentionsByDoc.map(([doc]) => doc).join(ALIAS_SEPARATOR))}</attvalues>`,
    );
    const rgb = n.color ? hexToRgb(n.color) : undefined;
    if (rgb) out.push(`        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>`);
    if (n.x !== undefined && n.y !== undefined) out.push(`        <viz:position x="${n.x}" y="${n.y}" z="0"/>`);
    if (n.size !== undefined) out.push(`        <viz:size value="${n.size}"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of edgeRows(graph)) {
    const attrs = `${attvalue('relation', e.relation)}${attvalue('derived', e.derived)}${attvalue('evidence', e.sentences[0] ?? '')}${attvalue('evidenceDoc', e.documents[0] ?? '')}`;
    out.push(
      `      <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.relation)}" weight="${e.weight}"><attvalues>${attrs}</attvalues></edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

function attvalue(id: string, value: string | number | boolean): string {
  return `<attvalue for="${id}" value="${escapeXml(value)}"/>`;
}

/** `#e6194b` or `#abc` → [r, g, b]; anything else → undefined (no viz colour). */
export function hexToRgb(color: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
