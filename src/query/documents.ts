// `kg docs` and `kg doc`: the articles a graph was built from, with what each holds, and
// `kg mentions`: every place an entity is written, with its sentence read from the article.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { DirectedGraph } from 'graphology';
import { documentsOf } from '../graph/read.js';
import { mentionCount } from '../graph/skeleton.js';
import { QueryError } from './errors.js';
import { nodeRef, type NodeRef } from './hops.js';
import { ingestBytes } from '../ingest/index.js';
import { evidenceFor } from '../relate/index.js';
import type { Document, DocumentInfo } from '../types.js';

export interface DocumentRow {
  id: string;
  path: string;
  title: string;
  /** the date the article's dateline gives (2024年3月5日, 2024-03-05), as YYYY-MM-DD */
  date?: string;
  chars: number;
  /** entities mentioned in it, relations with a sentence of it as evidence */
  entities: number;
  relations: number;
}

function rowOf(d: DocumentInfo, entities: number, relations: number): DocumentRow {
  return { id: d.id, path: d.path, title: d.title, ...(d.date ? { date: d.date } : {}), chars: d.chars, entities, relations };
}

/** Every document with its counts (this reads every entity's mentions and every relation's evidence). */
export function listDocuments(graph: DirectedGraph): DocumentRow[] {
  const entities = new Map<string, Set<string>>();
  const relations = new Map<string, number>();
  graph.forEachNode((key: string, a: Record<string, unknown>) => {
    if (mentionCount(a) === 0) return;
    for (const m of a.mentions as Array<{ doc: string }>) {
      const set = entities.get(m.doc) ?? new Set<string>();
      set.add(key);
      entities.set(m.doc, set);
    }
  });
  graph.forEachEdge((_e: string, a: Record<string, unknown>) => {
    for (const doc of new Set((a.evidence as Array<{ doc: string }>).map((x) => x.doc))) relations.set(doc, (relations.get(doc) ?? 0) + 1);
  });
  return documentsOf(graph).map((d) => rowOf(d, entities.get(d.id)?.size ?? 0, relations.get(d.id) ?? 0));
}

export interface DocumentCard extends DocumentRow {
  entityList: Array<NodeRef & { mentions: number }>;
  relationList: Array<{ head: NodeRef; relation: string; tail: NodeRef; sentence: string }>;
}

/** One document: its entities (most mentioned first) and the relations its sentences state. */
export function showDocument(graph: DirectedGraph, idOrPath: string): DocumentCard {
  const info = findDocument(graph, idOrPath);
  const entityList: DocumentCard['entityList'] = [];
  graph.forEachNode((key: string, a: Record<string, unknown>) => {
    const n = (a.mentions as Array<{ doc: string }>).filter((m) => m.doc === info.id).length;
    if (n) entityList.push({ ...nodeRef(graph, key), mentions: n });
  });
  entityList.sort((x, y) => y.mentions - x.mentions || (x.key < y.key ? -1 : 1));
  const relationList: DocumentCard['relationList'] = [];
  graph.forEachEdge((_e: string, a: Record<string, unknown>, s: string, t: string) => {
    const ev = (a.evidence as Array<{ doc: string; sentence: string }>).find((x) => x.doc === info.id);
    if (ev) relationList.push({ head: nodeRef(graph, s), relation: String(a.relation), tail: nodeRef(graph, t), sentence: ev.sentence });
  });
  return { ...rowOf(info, entityList.length, relationList.length), entityList, relationList };
}

/** A document by id, by path, or by the end of either (003_….txt), when that names one. */
export function findDocument(graph: DirectedGraph, name: string): DocumentInfo {
  const docs = documentsOf(graph);
  const exact = docs.find((d) => d.id === name || d.path === name);
  if (exact) return exact;
  const ends = docs.filter((d) => d.id.endsWith(name) || d.path.endsWith(name));
  if (ends.length === 1) return ends[0]!;
  if (ends.length > 1) throw new QueryError(`"${name}" names ${ends.length} documents: ${ends.slice(0, 5).map((d) => d.id).join(', ')}`, 2);
  throw new QueryError(`no document "${name}" in the graph (kg docs lists them)`, 1);
}

export interface MentionRow {
  doc: string;
  /** offsets in the original file */
  start: number;
  end: number;
  text: string;
  /** the sentence around it, when the article can still be read as it was built */
  sentence?: string;
}

/** Every mention of an entity, with its sentence read from the article (which must be unchanged). */
export function entityMentions(graph: DirectedGraph, key: string, options: { doc?: string } = {}): { entity: NodeRef; mentions: MentionRow[]; unread: string[] } {
  if (!graph.hasNode(key)) throw new QueryError(`no entity with key "${key}"`, 1);
  const docs = new Map(documentsOf(graph).map((d) => [d.id, d]));
  const only = options.doc === undefined ? undefined : findDocument(graph, options.doc).id;
  const articles = new Map<string, Document | undefined>();
  const unread = new Set<string>();
  const mentions = (graph.getNodeAttribute(key, 'mentions') as Array<MentionRow & { sentence: number }>)
    .filter((m) => only === undefined || m.doc === only)
    .map((m): MentionRow => {
      if (!articles.has(m.doc)) articles.set(m.doc, readArticle(docs.get(m.doc)));
      const article = articles.get(m.doc);
      const sent = article?.sentences[m.sentence];
      if (!article || !sent) {
        unread.add(m.doc);
        return { doc: m.doc, start: m.start, end: m.end, text: m.text };
      }
      return { doc: m.doc, start: m.start, end: m.end, text: m.text, sentence: evidenceFor(article, sent.start, sent.end).sentence };
    });
  return { entity: nodeRef(graph, key), mentions, unread: [...unread] };
}

/**
 * The article as the build read it (decoded and split the same way, so offsets and sentence
 * numbers fit); undefined when the file is gone or its bytes changed since the build.
 */
export function readArticle(d: DocumentInfo | undefined): Document | undefined {
  if (!d) return undefined;
  try {
    const bytes = readFileSync(d.path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== d.sha256) return undefined;
    return ingestBytes(bytes, d.path, d.id, sha256);
  } catch {
    return undefined;
  }
}
