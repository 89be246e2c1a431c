// Human and machine renderings of an evaluation.
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import type { EvalResult, Prf } from './score.js';

const f = (x: number) => x.toFixed(3);

export function formatReport(r: EvalResult, options: { verbose?: boolean } = {}): string {
  const rows: Array<[string, Prf]> = [
    ['entities (typed)', r.entitiesTyped],
    ['entities (untyped)', r.entitiesUntyped],
    ['relations', r.relations],
    ...ENTITY_TYPES.map((t): [string, Prf] => [`  ${t}`, r.byEntityType[t]]),
    ...RELATION_TYPES.map((t): [string, Prf] => [`  ${t}`, r.byRelationType[t]]),
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = [`${'scored on'.padEnd(w)}  ${r.documents} documents`, `${''.padEnd(w)}  P      R      F1     tp/pred/gold`];
  for (const [k, p] of rows) lines.push(`${k.padEnd(w)}  ${f(p.precision)}  ${f(p.recall)}  ${f(p.f1)}  ${p.tp}/${p.predicted}/${p.gold}`);
  const res = r.resolution;
  lines.push(`${'resolution (aliases)'.padEnd(w)}  ${f(res.precision)}  ${f(res.recall)}         ${res.merged} joined of ${res.mustMerge}, ${res.wrong} wrongly`);
  if (options.verbose) {
    for (const d of r.details) {
      lines.push('', `== ${d.doc}`);
      for (const e of d.missedEntities) lines.push(`  missed     ${e.type} ${e.name}`);
      for (const e of d.spuriousEntities) lines.push(`  spurious   ${e.type} ${e.form}`);
      for (const e of d.wrongType) lines.push(`  wrong type ${e.name}: gold ${e.gold}, extracted ${e.predicted}`);
      for (const x of d.missedRelations) lines.push(`  missed relation   ${x.head} ${x.type} ${x.tail}`);
      for (const x of d.spuriousRelations) lines.push(`  spurious relation ${x.head} ${x.type} ${x.tail}`);
      for (const [a, b] of d.wrongMerges) lines.push(`  merged     ${a} + ${b}`);
      for (const groups of d.unmerged) lines.push(`  kept apart ${groups.join(' / ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown table of P/R/F1 per type, for READMEs and reports. */
export function formatMarkdown(r: EvalResult): string {
  const rows: Array<[string, Prf]> = [
    ['**entities, typed**', r.entitiesTyped],
    ['entities, untyped', r.entitiesUntyped],
    ...ENTITY_TYPES.map((t): [string, Prf] => [`\`${t}\``, r.byEntityType[t]]),
    ['**relations**', r.relations],
    ...RELATION_TYPES.map((t): [string, Prf] => [`\`${t}\``, r.byRelationType[t]]),
  ];
  const lines = ['| | P | R | F1 | tp / predicted / gold |', '|---|---|---|---|---|'];
  for (const [k, p] of rows) lines.push(`| ${k} | ${f(p.precision)} | ${f(p.recall)} | ${f(p.f1)} | ${p.tp} / ${p.predicted} / ${p.gold} |`);
  return `${lines.join('\n')}\n`;
}

export function toJSON(r: EvalResult): object {
  return r;
}
