// An entity card: what kg knows about one entity — names, where it is mentioned, and every
// relation it takes part in with the sentences that state it.
import type { DirectedGraph } from 'graphology';
import { documentsOf } from '../graph/read.js';
import { QueryError } from './errors.js';
import { nodeRef, type Evidence, type NodeRef } from './hops.js';

export interface CardDocument {
  id: string;
  title?: string;
  /** mentions of the entity in this document */
  mentions: number;
}

export interface CardRelation {
  relation: string;
  /** `out`: the entity is the relation's head (X located-in Y); `in`: its tail */
  direction: 'out' | 'in';
  other: NodeRef;
  edge: string;
  derived: boolean;
  evidence: Evidence[];
}

export interface EntityCard extends NodeRef {
  aliases: string[];
  mentions: number;
  documents: CardDocument[];
  /** grouped: by relation, outgoing before incoming, then by the other entity's label */
  relations: CardRelation[];
}

export function showEntity(graph: DirectedGraph, key: string): EntityCard {
  if (!graph.hasNode(key)) throw new QueryError(`no entity with key "${key}"`, 1);
  const a = graph.getNodeAttributes(key);
  const mentions = Array.isArray(a.mentions) ? (a.mentions as Array<{ doc: string }>) : [];
  const titles = new Map<string, string>();
  for (const d of documentsOf(graph)) if (d.title) titles.set(d.id, d.title);
  const perDoc = new Map<string, number>();
  for (const m of mentions) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  const documents = [...perDoc].map(([id, n]) => ({ id, ...(titles.has(id) ? { title: titles.get(id)! } : {}), mentions: n }));
  const relations: CardRelation[] = [];
  graph.forEachEdge(key, (edge, attr, source, target) => {
    const out = source === key;
    relations.push({
      relation: String(attr.relation),
      direction: out ? 'out' : 'in',
      other: nodeRef(graph, out ? target : source),
      edge,
      derived: attr.derived === true,
      evidence: Array.isArray(attr.evidence) ? (attr.evidence as Evidence[]) : [],
    });
  });
  relations.sort(
    (x, y) =>
      x.relation.localeCompare(y.relation) || (x.direction === y.direction ? 0 : x.direction === 'out' ? -1 : 1) || x.other.label.localeCompare(y.other.label, 'zh'),
  );
  return {
    ...nodeRef(graph, key),
    aliases: Array.isArray(a.aliases) ? (a.aliases as string[]) : [],
    mentions: mentions.length,
    documents,
    relations,
  };
}
