// CSV as Excel and spreadsheet users expect it: RFC 4180 quoting, CRLF line ends, and a UTF-8
// byte-order mark, without which Excel reads Chinese as mojibake.
import type { DirectedGraph } from 'graphology';
import { ALIAS_SEPARATOR, edgeRows, nodeRows } from './rows.js';

export const BOM = '\uFEFF';

export type Cell = string | number | boolean | undefined;

/** One record; a field is quoted when it holds a comma, a quote or a line break. */
export function csvRecord(fields: readonly Cell[]): string {
  return fields.map(csvField).join(',');
}

export function csvField(value: Cell): string {
  const s = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: header and records, each record ended by `eol`. */
export function csvTable(header: readonly string[], records: readonly (readonly Cell[])[], eol = '\r\n'): string {
  return [header, ...records].map((r) => csvRecord(r) + eol).join('');
}

/** nodes.csv and edges.csv, each with a BOM. */
export function toCSV(graph: DirectedGraph): Record<'nodes.csv' | 'edges.csv', string> {
  const nodes = nodeRows(graph).map((n) => [n.key, n.label, n.entityType, n.aliases.join(ALIAS_SEPARATOR), n.mentions, n.x, n.y, n.size, n.color]);
  const edges = edgeRows(graph).map((e) => [e.key, e.source, e.target, e.relation, e.weight, e.derived, e.sentences[0] ?? '', e.documents[0] ?? '']);
  return {
    'nodes.csv': BOM + csvTable(['key', 'label', 'entityType', 'aliases', 'mentions', 'x', 'y', 'size', 'color'], nodes),
    'edges.csv': BOM + csvTable(['key', 'source', 'target', 'relation', 'weight', 'derived', 'evidence', 'evidenceDoc'], edges),
  };
}
