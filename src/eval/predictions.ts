// What a graph says about each article, in the gold files' shape: the entities mentioned in
// it (with the forms the article uses) and the stated relations with evidence in it.
import type { DirectedGraph } from 'graphology';
import { documentsOf } from '../graph/read.js';
import type { EntityType, RelationType } from '../types.js';
import type { GoldDoc } from './gold.js';

export interface PredictedEntity {
  key: string;
  type: EntityType;
  /** the distinct forms the article uses */
  forms: string[];
}
export interface PredictedRelation {
  head: string; // node key
  type: RelationType;
  tail: string; // node key
}
export interface PredictedDoc {
  doc: string;
  entities: PredictedEntity[];
  relations: PredictedRelation[];
}

export function predictionsFromGraph(graph: DirectedGraph): PredictedDoc[] {
  const byDoc = new Map<string, PredictedDoc>();
  const docOf = (doc: string) => {
    let p = byDoc.get(doc);
    if (!p) byDoc.set(doc, (p = { doc, entities: [], relations: [] }));
    return p;
  };
  for (const d of documentsOf(graph)) docOf(d.id);
  graph.forEachNode((key: string, a: Record<string, any>) => {
    const forms = new Map<string, Set<string>>();
    for (const m of a.mentions as Array<{ doc: string; text: string; implied?: string }>) {
      const set = forms.get(m.doc) ?? new Set<string>();
      set.add(m.implied ?? m.text);
      forms.set(m.doc, set);
    }
    for (const [doc, set] of forms) docOf(doc).entities.push({ key, type: a.entityType, forms: [...set] });
  });
  graph.forEachEdge((_e: string, a: Record<string, any>, source: string, target: string) => {
    if (a.derived) return;
    const docs = new Set((a.evidence as Array<{ doc: string }>).map((x) => x.doc));
    for (const doc of docs) docOf(doc).relations.push({ head: source, type: a.relation, tail: target });
  });
  return [...byDoc.values()];
}

/** Gold documents as predictions: scoring gold against itself must give 1.0. */
export function goldAsPrediction(gold: GoldDoc): PredictedDoc {
  return {
    doc: gold.doc,
    entities: gold.entities.map((e) => ({ key: e.name, type: e.type, forms: [e.name, ...e.aliases] })),
    relations: gold.relations.map((r) => ({ head: r.head, type: r.type, tail: r.tail })),
  };
}
