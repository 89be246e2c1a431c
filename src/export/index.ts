// Exports of a kg graph to the tools people already use, by format name. The registry is open:
// another format (the viewer's `html`) is one more entry in EXPORT_FORMATS (formats.ts: its name,
// description and kind of output, which the CLI reads without loading the writers) and its
// writer here; at run time, one more entry in EXPORTERS.
import { existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DirectedGraph } from 'graphology';
import { writeFileAtomic, writeGraphFile } from '../graph/write.js';
import { toCSV } from './csv.js';
import { toGEXF } from './gexf.js';
import { toGraphML } from './graphml.js';
import { toNeo4j } from './neo4j.js';
import { writeHtmlExport } from '../view/html.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';

export interface Exporter {
  description: string;
  /** `file`: the output path is a file; `folder`: a folder that receives several files */
  output: 'file' | 'folder';
  /** Writes the export and returns the paths written. */
  write(graph: DirectedGraph, out: string): string[];
}

export class ExportError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const WRITERS: Record<ExportFormat, Exporter['write']> = {
  graphml: oneFile(toGraphML),
  gexf: oneFile(toGEXF),
  csv: folderOf(toCSV),
  neo4j: folderOf(toNeo4j),
  json: (graph, out) => (writeGraphFile(out, graph), [out]),
  html: (graph, out) => (writeHtmlExport(graph, out), [out]),
};

export const EXPORTERS: Record<string, Exporter> = Object.fromEntries(
  (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((name) => [name, { ...EXPORT_FORMATS[name], write: WRITERS[name] }]),
);

/** The one-file format an output path asks for by its extension (kg.graphml → graphml, kg.htm → html), if one does. */
export function formatOfPath(out: string): string | undefined {
  const ext = extname(out).slice(1).toLowerCase();
  const format = ext === 'htm' ? 'html' : ext;
  return Object.hasOwn(EXPORTERS, format) && EXPORTERS[format]!.output === 'file' ? format : undefined;
}

/** Writes `graph` in `format` to `out` (a file, or a folder for multi-file formats); returns the paths written. */
export function exportGraph(graph: DirectedGraph, format: string, out: string): string[] {
  const exporter = Object.hasOwn(EXPORTERS, format) ? EXPORTERS[format] : undefined;
  if (!exporter) {
    throw new ExportError(`unknown export format "${format}" (available in this version: ${Object.keys(EXPORTERS).join(', ')})`, 2);
  }
  // kg.csv is a file name: the csv export would make a folder of that name, which nobody expects
  if (exporter.output === 'folder' && extname(out) !== '') {
    throw new ExportError(`${out}: the ${format} export writes several files into a folder; give a folder name (e.g. ${out.slice(0, -extname(out).length) || 'out'}/)`, 2);
  }
  if (exporter.output === 'folder' && existsSync(out) && !statSync(out).isDirectory()) {
    throw new ExportError(`${out}: is a file; the ${format} export writes several files and needs a folder`, 1);
  }
  if (exporter.output === 'file' && existsSync(out) && statSync(out).isDirectory()) {
    throw new ExportError(`${out}: is a folder; the ${format} export writes one file`, 1);
  }
  return exporter.write(graph, out);
}

function oneFile(render: (graph: DirectedGraph) => string): Exporter['write'] {
  return (graph, out) => {
    writeFileAtomic(out, render(graph));
    return [out];
  };
}

/** Every file of the folder is written atomically on its own. */
function folderOf(render: (graph: DirectedGraph) => Record<string, string>): Exporter['write'] {
  return (graph, out) =>
    Object.entries(render(graph)).map(([name, text]) => {
      const path = join(out, name);
      writeFileAtomic(path, text);
      return path;
    });
}

export { filterGraph, type ExportFilter } from './filter.js';
export { toCSV, csvField, csvRecord, csvTable, BOM } from './csv.js';
export { toGEXF, hexToRgb } from './gexf.js';
export { toGraphML } from './graphml.js';
export {
  toNeo4j,
  neo4jLabel,
  neo4jRelationType,
  ENTITY_LABEL,
  DOCUMENT_LABEL,
  NODE_HEADER,
  RELATIONSHIP_HEADER,
  DOCUMENT_HEADER,
  MENTIONS_HEADER,
  NEO4J_ADMIN_IMPORT,
} from './neo4j.js';
export { escapeXml, stripIllegalXml } from './xml.js';
export { ALIAS_SEPARATOR, edgeRows, nodeRows, type EdgeRow, type NodeRow } from './rows.js';
