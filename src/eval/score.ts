// The guideline's scoring. Surface forms are compared after NFKC, without whitespace and with
// middle dots alike (eval/forms.ts); an
// extracted entity matches a gold entity when any of its forms equals the gold name or an
// alias; each gold and each extracted entity is matched at most once (a maximum bipartite
// matching, so the score does not depend on order). Typed scores only pair equal types.
// A relation matches when its type agrees and its head and tail match the gold head and tail
// entities by the same rule. Micro-averaged over all articles.
import { basename } from 'node:path';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../types.js';
import { formKey } from './forms.js';
import type { GoldDoc } from './gold.js';
import type { PredictedDoc } from './predictions.js';

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export interface DocDetails {
  doc: string;
  missedEntities: Array<{ name: string; type: EntityType }>;
  spuriousEntities: Array<{ form: string; type: EntityType }>;
  wrongType: Array<{ name: string; gold: EntityType; predicted: EntityType }>;
  missedRelations: Array<{ head: string; type: RelationType; tail: string }>;
  spuriousRelations: Array<{ head: string; type: RelationType; tail: string }>;
  /** gold entities kg made one entity */
  wrongMerges: Array<[string, string]>;
  /** forms of one gold entity kg kept apart */
  unmerged: string[][];
}
/**
 * Resolution against the gold files' aliases: where an article writes a gold entity in several
 * forms and kg found them, are they one entity (recall), and does kg ever make one entity of two
 * gold entities (precision)?
 */
export interface ResolutionScore {
  /** forms joined as the gold joins them (per gold entity: its found forms − the groups they fall in) */
  merged: number;
  /** joins the gold asks for among found forms (per gold entity: its found forms − 1) */
  mustMerge: number;
  /** pairs of gold entities of one article that kg made one entity */
  wrong: number;
  precision: number;
  recall: number;
}

export interface EvalResult {
  documents: number;
  entitiesTyped: Prf;
  entitiesUntyped: Prf;
  relations: Prf;
  byEntityType: Record<EntityType, Prf>;
  byRelationType: Record<RelationType, Prf>;
  resolution: ResolutionScore;
  details: DocDetails[];
  warnings: string[];
}


const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });

export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.tp / c.predicted : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Maximum bipartite matching (Kuhn's augmenting paths): left index → right index. */
export function maxMatching(nLeft: number, edges: (l: number) => number[]): Map<number, number> {
  const rightOf = new Map<number, number>(); // right → left
  const tryAugment = (l: number, seen: Set<number>): boolean => {
    for (const r of edges(l)) {
      if (seen.has(r)) continue;
      seen.add(r);
      const owner = rightOf.get(r);
      if (owner === undefined || tryAugment(owner, seen)) {
        rightOf.set(r, l);
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < nLeft; l++) tryAugment(l, new Set());
  const out = new Map<number, number>();
  for (const [r, l] of rightOf) out.set(l, r);
  return out;
}

export function score(gold: GoldDoc[], predicted: PredictedDoc[]): EvalResult {
  const warnings: string[] = [];
  const pairs = pairDocuments(gold, predicted, warnings);
  const typed = zero();
  const untyped = zero();
  const rel = zero();
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, zero()])) as Record<EntityType, Counts>;
  const byRel = Object.fromEntries(RELATION_TYPES.map((t) => [t, zero()])) as Record<RelationType, Counts>;
  const details: DocDetails[] = [];
  const res = { merged: 0, mustMerge: 0, wrong: 0 };

  for (const [g, p] of pairs) {
    const goldForms = g.entities.map((e) => new Set([e.name, ...e.aliases].map(formKey)));
    const pred = p?.entities ?? [];
    const predForms = pred.map((e) => new Set(e.forms.map(formKey)));
    const overlaps = (gi: number, pi: number) => [...goldForms[gi]!].some((f) => predForms[pi]!.has(f));
    const candidates = g.entities.map((_, gi) => pred.map((_, pi) => pi).filter((pi) => overlaps(gi, pi)));
    // resolution: the predicted entities each gold entity's found forms fall in
    const wrongMerges: Array<[string, string]> = [];
    const unmerged: string[][] = [];
    const holders = g.entities.map((_, gi) => {
      const found = [...goldForms[gi]!].filter((f) => predForms.some((s) => s.has(f)));
      const groups = new Set(found.flatMap((f) => pred.map((_, pi) => pi).filter((pi) => predForms[pi]!.has(f))));
      if (found.length >= 2) {
        res.mustMerge += found.length - 1;
        res.merged += Math.max(0, found.length - groups.size);
        if (groups.size > 1) unmerged.push([...groups].map((pi) => pred[pi]!.forms.join('|')));
      }
      return groups;
    });
    for (let a = 0; a < holders.length; a++) {
      for (let b = a + 1; b < holders.length; b++) {
        if ([...holders[a]!].some((x) => holders[b]!.has(x))) {
          res.wrong++;
          wrongMerges.push([g.entities[a]!.name, g.entities[b]!.name]);
        }
      }
    }
    const mTyped = maxMatching(g.entities.length, (gi) => candidates[gi]!.filter((pi) => pred[pi]!.type === g.entities[gi]!.type));
    const mUntyped = maxMatching(g.entities.length, (gi) => candidates[gi]!);

    typed.tp += mTyped.size;
    untyped.tp += mUntyped.size;
    typed.predicted += pred.length;
    untyped.predicted += pred.length;
    typed.gold += g.entities.length;
    untyped.gold += g.entities.length;
    g.entities.forEach((e, gi) => {
      byType[e.type].gold++;
      if (mTyped.has(gi)) byType[e.type].tp++;
    });
    for (const e of pred) byType[e.type].predicted++;

    // relations: each gold relation matched at most once, through the same form rule
    const goldIndex = new Map(g.entities.map((e, i) => [e.name, i]));
    const predIndex = new Map(pred.map((e, i) => [e.key, i]));
    const prel = p?.relations ?? [];
    const relMatch = maxMatching(g.relations.length, (ri) => {
      const r = g.relations[ri]!;
      const hi = goldIndex.get(r.head)!;
      const ti = goldIndex.get(r.tail)!;
      return prel.flatMap((x, xi) => {
        const ph = predIndex.get(x.head);
        const pt = predIndex.get(x.tail);
        if (x.type !== r.type || ph === undefined || pt === undefined) return [];
        return overlaps(hi, ph) && overlaps(ti, pt) ? [xi] : [];
      });
    });
    rel.tp += relMatch.size;
    rel.predicted += prel.length;
    rel.gold += g.relations.length;
    g.relations.forEach((r, ri) => {
      byRel[r.type].gold++;
      if (relMatch.has(ri)) byRel[r.type].tp++;
    });
    for (const x of prel) byRel[x.type].predicted++;

    const matchedPred = new Set(mUntyped.values());
    const matchedRel = new Set(relMatch.values());
    const label = (key: string) => pred[predIndex.get(key) ?? -1]?.forms.slice().sort((a, b) => b.length - a.length)[0] ?? key;
    details.push({
      doc: g.doc,
      missedEntities: g.entities.filter((_, gi) => !mUntyped.has(gi)).map((e) => ({ name: e.name, type: e.type })),
      spuriousEntities: pred.filter((_, pi) => !matchedPred.has(pi)).map((e) => ({ form: e.forms.slice().sort((a, b) => b.length - a.length)[0]!, type: e.type })),
      wrongType: g.entities.flatMap((e, gi) => {
        const pi = mUntyped.get(gi);
        return pi !== undefined && !mTyped.has(gi) && pred[pi]!.type !== e.type ? [{ name: e.name, gold: e.type, predicted: pred[pi]!.type }] : [];
      }),
      missedRelations: g.relations.filter((_, ri) => !relMatch.has(ri)),
      spuriousRelations: prel.filter((_, xi) => !matchedRel.has(xi)).map((x) => ({ head: label(x.head), type: x.type, tail: label(x.tail) })),
      wrongMerges,
      unmerged,
    });
  }
  return {
    documents: pairs.length,
    entitiesTyped: prf(typed),
    entitiesUntyped: prf(untyped),
    relations: prf(rel),
    byEntityType: Object.fromEntries(ENTITY_TYPES.map((t) => [t, prf(byType[t])])) as Record<EntityType, Prf>,
    byRelationType: Object.fromEntries(RELATION_TYPES.map((t) => [t, prf(byRel[t])])) as Record<RelationType, Prf>,
    resolution: {
      ...res,
      precision: res.merged + res.wrong ? res.merged / (res.merged + res.wrong) : 1,
      recall: res.mustMerge ? res.merged / res.mustMerge : 1,
    },
    details,
    warnings,
  };
}

/** Pairs gold and predicted documents by id, else by file name (d01.txt ↔ texts/d01.txt). */
function pairDocuments(gold: GoldDoc[], predicted: PredictedDoc[], warnings: string[]): Array<[GoldDoc, PredictedDoc | undefined]> {
  const find = documentFinder(predicted);
  const used = new Set<PredictedDoc>();
  const pairs = gold.map((g): [GoldDoc, PredictedDoc | undefined] => {
    const p = find(g);
    if (!p) warnings.push(`${g.file ?? g.doc}: the graph has no document ${g.doc}; all its gold items count as missed`);
    else used.add(p);
    return [g, p];
  });
  const unscored = predicted.filter((p) => !used.has(p)).length;
  if (unscored) warnings.push(`${unscored} document(s) of the graph have no gold file and are not scored`);
  return pairs;
}

/** The predicted document a gold document is scored against: by id, else by file name when one alone has it. */
function documentFinder(predicted: PredictedDoc[]): (g: GoldDoc) => PredictedDoc | undefined {
  const byId = new Map(predicted.map((p) => [p.doc, p]));
  const byBase = new Map<string, PredictedDoc[]>();
  for (const p of predicted) byBase.set(basename(p.doc), [...(byBase.get(basename(p.doc)) ?? []), p]);
  return (g) => {
    const p = byId.get(g.doc);
    if (p) return p;
    const same = byBase.get(basename(g.doc)) ?? [];
    return same.length === 1 ? same[0] : undefined;
  };
}
