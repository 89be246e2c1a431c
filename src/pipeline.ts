// From ingested documents to the graph: extract → resolve → relate → graph.
import { createRequire } from 'node:module';
import type { DirectedGraph } from 'graphology';
import type { Document, DocumentInfo, EntityType, Mention, RelationType } from './types.js';
import { ENTITY_TYPES, RELATION_TYPES } from './types.js';
import { addCorpusMentions, corpusForms, extractMentions } from './extract/index.js';
import { resolve } from './resolve/index.js';
import { relate, type Linked } from './relate/index.js';
import { buildGraph, DEFAULT_GRAPH_OPTIONS } from './graph/build.js';

export interface BuildOptions {
  onWarning?: (message: string) => void;
  /** a file that would be skipped with a warning stops the build instead */
  strict?: boolean;
  /** called after each document is extracted */
  onProgress?: (done: number, total: number, doc: string) => void;
  /** ForceAtlas2 iterations at build; default 'auto' (fewer as the graph grows) */
  layoutIterations?: number | 'auto';
  /** fixed build time, for reproducible output in tests */
  builtAt?: string;
}

export interface BuildSummary {
  documents: number;
  skipped: number;
  entities: Record<EntityType, number>;
  relations: Record<RelationType, number>;
  derivedRelations: number;
  seconds: number;
}

export const GENERATOR = (() => {
  const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
})();

/** Extraction and resolution of documents already ingested. */
export function buildGraphFromDocuments(documents: Document[], options: BuildOptions = {}): DirectedGraph {
  const perDoc = documents.map((doc, i) => {
    const mentions = extractMentions(doc);
    options.onProgress?.(i + 1, documents.length, doc.id);
    return mentions;
  });
  // a name found by a rule in one article is a name in the others too
  const forms = corpusForms(perDoc.flat());
  const all: Mention[] = documents.flatMap((doc, i) => addCorpusMentions(doc, perDoc[i]!, forms));
  const { entities, entityOf } = resolve(all);
  const linkedByDoc = new Map<string, Linked[]>();
  all.forEach((m, i) => {
    const list = linkedByDoc.get(m.doc) ?? [];
    list.push({ ...m, entity: entityOf[i]! });
    linkedByDoc.set(m.doc, list);
  });
  const relations = relate(documents, linkedByDoc, entities);
  const infos: DocumentInfo[] = documents.map((d) => ({ id: d.id, path: d.path, title: d.title, sha256: d.sha256, chars: d.original.length }));
  return buildGraph(entities, relations, infos, {
    layoutIterations: options.layoutIterations ?? DEFAULT_GRAPH_OPTIONS.layoutIterations,
    generator: GENERATOR,
    builtAt: options.builtAt ?? new Date().toISOString(),
  });
}

export function summarise(graph: DirectedGraph, documents: number, skipped: number, seconds: number): BuildSummary {
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  let derivedRelations = 0;
  graph.forEachNode((_n: string, a: Record<string, unknown>) => {
    entities[a.entityType as EntityType]++;
  });
  graph.forEachEdge((_e: string, a: Record<string, unknown>) => {
    if (a.derived) derivedRelations++;
    else relations[a.relation as RelationType]++;
  });
  return { documents, skipped, entities, relations, derivedRelations, seconds: Math.round(seconds * 100) / 100 };
}
