// Query results as text for a terminal. Pure: results in, text out (the CLI prints it).
import type { DirectedGraph } from 'graphology';
import type { Hop, NodeRef } from './hops.js';
import type { PathResult } from './path.js';
import type { NeighborResult } from './neighbors.js';
import type { EntityCard } from './show.js';
import type { SearchResult } from './search.js';
import type { ListResult } from './list.js';
import type { DocumentCard, DocumentRow, MentionRow } from './documents.js';

const INDENT = '    ';

/** `A —located-in→ B`, or `A ←located-in— B` when the walk goes against the edge. */
export function formatHop(hop: Hop, labelOf: (key: string) => string): string {
  const head = labelOf(hop.head);
  const tail = labelOf(hop.tail);
  return hop.direction === 'forward' ? `${head} —${hop.relation}→ ${tail}` : `${head} ←${hop.relation}— ${tail}`;
}

/** The evidence line under a hop: the first sentence and its document. */
export function formatEvidence(hop: Pick<Hop, 'derived' | 'evidence'>): string {
  const [first, ...more] = hop.evidence;
  if (!first) return hop.derived ? '(place hierarchy from the gazetteer; no sentence states it)' : '(no evidence sentence recorded)';
  const extra = more.length ? ` (+${more.length} more)` : '';
  return `“${first.sentence.trim()}” (${first.doc})${extra}`;
}

export function formatPaths(graph: DirectedGraph, result: PathResult): string {
  const labelOf = labeller(graph);
  const { from, to, paths } = result;
  const lines: string[] = [];
  if (paths.length === 0) return `no path from ${ref(from)} to ${ref(to)}\n`;
  paths.forEach((path, i) => {
    const n = path.hops.length;
    const title = paths.length > 1 ? `path ${i + 1} of ${paths.length}${result.truncated ? '+' : ''}` : 'path';
    lines.push(`${title}: ${ref(from)} → ${ref(to)}, ${count(n, 'hop')}`);
    for (const hop of path.hops) {
      lines.push(`  ${formatHop(hop, labelOf)}`);
      lines.push(`${INDENT}${formatEvidence(hop)}`);
    }
  });
  if (result.truncated) lines.push(`(more paths exist; raise --limit to see them)`);
  return `${lines.join('\n')}\n`;
}

export function formatNeighbors(graph: DirectedGraph, result: NeighborResult): string {
  const labelOf = labeller(graph);
  const shown = result.neighbors.length;
  const counted = result.truncated ? `${shown} of ${result.total} neighbours` : count(shown, 'neighbour');
  const lines = [`${ref(result.center)}: ${counted}`];
  for (const n of result.neighbors) {
    lines.push(`  ${n.depth}  ${formatHop(n.via, labelOf)}  [${n.entityType}]`);
    lines.push(`${INDENT}${formatEvidence(n.via)}`);
  }
  if (result.truncated) lines.push(`(more neighbours exist; raise --limit to see them)`);
  return `${lines.join('\n')}\n`;
}

export function formatCard(card: EntityCard): string {
  const docs = card.documents.length;
  const lines = [
    `${card.label}  (${card.entityType})`,
    `  key        ${card.key}`,
    `  aliases    ${card.aliases.join('、') || '—'}`,
    `  mentions   ${card.mentions} in ${count(docs, 'document')}`,
  ];
  for (const d of card.documents) lines.push(`  document   ${d.id}${d.title ? ` 《${d.title}》` : ''} (${d.mentions})`);
  let group = '';
  for (const r of card.relations) {
    const name = r.direction === 'out' ? `${r.relation} →` : `← ${r.relation}`;
    if (name !== group) {
      group = name;
      lines.push('', `${name}`);
    }
    lines.push(`  ${r.other.label}  (${r.other.entityType})`);
    lines.push(`${INDENT}${formatEvidence(r)}`);
  }
  if (card.relations.length === 0) lines.push('', 'no relations');
  return `${lines.join('\n')}\n`;
}

export function formatSearch(result: SearchResult): string {
  if (result.matches.length === 0) return `no entity matches "${result.query}"\n`;
  const lines = result.matches.map((m, i) => `${String(i + 1).padStart(3)}. ${m.label}  (${m.entityType}, ${count(m.mentions, 'mention')}; ${m.kind})  ${m.key}`);
  if (result.total > result.matches.length) lines.push(`(${result.total - result.matches.length} more; raise --limit to see them)`);
  return `${lines.join('\n')}\n`;
}

export function formatList(result: ListResult): string {
  if (result.entities.length === 0) return 'no entity\n';
  const lines = result.entities.map(
    (e, i) => `${String(i + 1).padStart(4)}. ${e.label}  (${e.entityType}; ${count(e.mentions, 'mention')} in ${count(e.documents, 'document')}, ${count(e.degree, 'relation')})`,
  );
  if (result.total > result.entities.length) lines.push(`(${result.entities.length} of ${result.total}; raise --limit to see more)`);
  return `${lines.join('\n')}\n`;
}

export function formatDocuments(rows: DocumentRow[]): string {
  if (rows.length === 0) return 'no document\n';
  const lines = rows.map((d) => `${d.title || '(untitled)'}${d.date ? `  ${d.date}` : ''}\n    ${d.id}  ${count(d.entities, 'entity', 'entities')}, ${count(d.relations, 'relation')}, ${count(d.chars, 'character')}`);
  return `${lines.join('\n')}\n`;
}

export function formatDocument(card: DocumentCard): string {
  const lines = [`${card.title || '(untitled)'}${card.date ? `  ${card.date}` : ''}`, `  document   ${card.id}`, `  file       ${card.path}`, `  entities   ${card.entities}`, `  relations  ${card.relations}`, ''];
  for (const e of card.entityList) lines.push(`  ${e.label}  (${e.entityType}, ${e.mentions})`);
  if (card.relationList.length) lines.push('');
  for (const r of card.relationList) {
    lines.push(`  ${r.head.label} —${r.relation}→ ${r.tail.label}`);
    lines.push(`${INDENT}“${r.sentence.trim()}”`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatMentions(result: { entity: NodeRef; mentions: MentionRow[]; unread: string[] }): string {
  const n = result.mentions.length;
  const lines = [`${ref(result.entity)}: ${count(n, 'mention')}`];
  for (const m of result.mentions) lines.push(`  ${m.doc} ${m.start}–${m.end}  ${m.text}${m.sentence ? `\n${INDENT}“${m.sentence}”` : ''}`);
  if (result.unread.length) lines.push(`(the sentences of ${result.unread.join(', ')} are not shown: the file is gone or has changed since the build, or its path, relative to the folder kg build ran in, does not lead to it from here)`);
  return `${lines.join('\n')}\n`;
}

function labeller(graph: DirectedGraph): (key: string) => string {
  return (key) => String(graph.getNodeAttribute(key, 'label') ?? key);
}

/** `1 relation`, `2 relations` */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function ref(n: NodeRef): string {
  return `${n.label} (${n.entityType})`;
}
