// The export formats by name: what each writes, and whether its output is a file or a folder of
// files. Apart from their writers (index.ts: EXPORTERS) so that the CLI can name them in its help
// without loading them.
export const EXPORT_FORMATS = {
  graphml: { description: 'GraphML (NetworkX, igraph, yEd, Cytoscape, Gephi)', output: 'file' },
  gexf: { description: 'GEXF 1.2 for Gephi, with colours, positions and sizes', output: 'file' },
  csv: { description: 'nodes.csv and edges.csv (UTF-8 with BOM, for Excel)', output: 'folder' },
  neo4j: { description: 'neo4j-admin import CSVs (entities, documents, relations, mentions) and an import.cypher for LOAD CSV', output: 'folder' },
  json: { description: 'the kg graph file (graphology JSON)', output: 'file' },
  html: { description: 'one self-contained HTML page: the viewer with the graph inlined, opens from disk', output: 'file' },
} as const satisfies Record<string, { description: string; output: 'file' | 'folder' }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
