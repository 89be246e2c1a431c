// The side panel: an overview of the graph, the selected entity (type, aliases, mentions,
// documents, relations grouped by type with evidence), or the path between two entities.
import type { AppState } from '../state.js';
import { RELATION_TYPES, type KgGraph, type RelationType } from '../types.js';
import { isEdgeVisible } from '../visibility.js';
import { RELATION_COLORS, TYPE_COLORS } from '../settings.js';
import { el, swatch } from './dom.js';
import { evidenceList } from './evidence-view.js';

/** Relation groups are long on hub nodes; past this many the rest is summarised. */
const MAX_EDGES_PER_GROUP = 100;

export interface PanelActions {
  select(node: string): void;
  swapPath(): void;
  clearPath(): void;
  leavePath(): void;
}

export function mountPanel(root: HTMLElement, graph: KgGraph, state: AppState, actions: PanelActions): void {
  const docTitles = new Map(graph.getAttribute('documents').map((d) => [d.id, d.title]));
  const render = () => {
    const path = state.path.get();
    const selected = state.selection.get().selected;
    if (path.active) root.replaceChildren(...pathView(graph, state, docTitles, actions));
    else if (selected && graph.hasNode(selected)) root.replaceChildren(...nodeView(graph, state, selected, docTitles, actions));
    else root.replaceChildren(...overview(graph));
    root.scrollTop = 0;
    root.dataset.view = path.active ? 'path' : selected ? 'node' : 'overview';
  };
  let last = '';
  const maybeRender = () => {
    // hovering changes the selection store but not the panel
    const p = state.path.get();
    const key = JSON.stringify([state.selection.get().selected, p.active, p.from, p.to, p.result, [...state.filters.get().hiddenRelations], [...state.filters.get().hiddenTypes]]);
    if (key !== last) render();
    last = key;
  };
  state.selection.subscribe(maybeRender);
  state.path.subscribe(maybeRender);
  state.filters.subscribe(maybeRender);
  maybeRender();
}

function entityButton(graph: KgGraph, node: string, actions: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(node);
  return el('button', { className: 'entity-link', attrs: { type: 'button', 'data-node': node }, title: a.entityType, onClick: () => actions.select(node) }, swatch(TYPE_COLORS[a.entityType]), a.label);
}

function overview(graph: KgGraph): HTMLElement[] {
  const docs = graph.getAttribute('documents');
  return [
    el('h2', {}, 'Knowledge graph'),
    el('p', {}, `${graph.order} entities, ${graph.size} relations from ${docs.length} documents.`),
    el('p', { className: 'hint' }, 'Hover an entity to see its neighbours; click it for its relations and the sentences that state them. Search by name, alias or pinyin (jiangjin, jj).'),
    el('h3', {}, 'Documents'),
    el('ul', { className: 'documents' }, ...docs.slice(0, 200).map((d) => el('li', { title: d.path }, d.title || d.id))),
  ];
}

function nodeView(graph: KgGraph, state: AppState, node: string, docTitles: Map<string, string>, actions: PanelActions): HTMLElement[] {
  const a = graph.getNodeAttributes(node);
  const aliases = a.aliases.filter((x) => x !== a.label);
  const perDoc = new Map<string, number>();
  for (const m of a.mentions) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  const out: HTMLElement[] = [
    el('h2', { className: 'entity-title' }, a.label),
    el('p', { className: 'entity-type' }, swatch(TYPE_COLORS[a.entityType]), a.entityType),
    el(
      'dl',
      {},
      el('dt', {}, 'Aliases'),
      el('dd', { className: 'aliases' }, aliases.length ? aliases.join('、') : '—'),
      el('dt', {}, 'Mentions'),
      el('dd', { className: 'mention-count' }, `${a.mentions.length} in ${perDoc.size} document${perDoc.size === 1 ? '' : 's'}`),
    ),
    el('h3', {}, 'Documents'),
    el('ul', { className: 'documents' }, ...[...perDoc].map(([doc, n]) => el('li', { title: doc }, `${docTitles.get(doc) ?? doc} (${n})`))),
    el('h3', {}, 'Relations'),
  ];
  const filters = state.filters.get();
  let any = false;
  for (const relation of RELATION_TYPES) {
    for (const direction of ['out', 'in'] as const) {
      const edges = direction === 'out' ? graph.outEdges(node) : graph.inEdges(node);
      const mine = edges.filter((e) => graph.getEdgeAttribute(e, 'relation') === relation && isEdgeVisible(graph, filters, e));
      if (mine.length === 0) continue;
      any = true;
      out.push(relationGroup(graph, node, relation, direction, mine, docTitles, actions));
    }
  }
  if (!any) out.push(el('p', { className: 'hint' }, 'No relations (or all hidden by the filters).'));
  return out;
}

function relationGroup(graph: KgGraph, node: string, relation: RelationType, direction: 'out' | 'in', edges: string[], docTitles: Map<string, string>, actions: PanelActions): HTMLElement {
  const heading = direction === 'out' ? `${relation} →` : `← ${relation}`;
  const items = edges.slice(0, MAX_EDGES_PER_GROUP).map((edge) =>
    el(
      'li',
      { className: 'relation', attrs: { 'data-edge': edge } },
      el('div', { className: 'relation-head' }, direction === 'out' ? '→ ' : '← ', entityButton(graph, graph.opposite(node, edge), actions)),
      evidenceList(graph, edge, node, docTitles),
    ),
  );
  const group = el('section', { className: 'relation-group', attrs: { 'data-relation': relation, 'data-direction': direction } });
  const h = el('h4', {}, swatch(RELATION_COLORS[relation]), `${heading} (${edges.length})`);
  group.append(h, el('ul', {}, ...items));
  if (edges.length > MAX_EDGES_PER_GROUP) group.append(el('p', { className: 'hint' }, `and ${edges.length - MAX_EDGES_PER_GROUP} more`));
  return group;
}

function pathView(graph: KgGraph, state: AppState, docTitles: Map<string, string>, actions: PanelActions): HTMLElement[] {
  const { from, to, result } = state.path.get();
  const end = (node: string | null, which: string) =>
    el('p', { className: 'path-end' }, `${which}: `, node ? entityButton(graph, node, actions) : el('em', {}, 'click an entity or search for one'));
  const out: HTMLElement[] = [
    el('h2', {}, 'Path'),
    end(from, 'From'),
    end(to, 'To'),
    el(
      'p',
      { className: 'path-actions' },
      el('button', { attrs: { type: 'button' }, onClick: actions.swapPath }, 'Swap'),
      el('button', { attrs: { type: 'button' }, onClick: actions.clearPath }, 'Clear'),
      el('button', { attrs: { type: 'button' }, onClick: actions.leavePath }, 'Done'),
    ),
  ];
  if (!from || !to) return out;
  if (!result) {
    out.push(el('p', { className: 'no-path' }, 'These two entities are not connected (with the current filters).'));
    return out;
  }
  out.push(el('p', { className: 'path-length' }, `${result.edges.length} hop${result.edges.length === 1 ? '' : 's'}`));
  const hops = result.edges.map((edge, i) => {
    const here = result.nodes[i]!;
    const next = result.nodes[i + 1]!;
    const forward = graph.source(edge) === here;
    const relation = graph.getEdgeAttribute(edge, 'relation');
    return el(
      'li',
      { className: 'hop', attrs: { 'data-edge': edge } },
      el('div', { className: 'relation-head' }, entityButton(graph, here, actions), forward ? ` —${relation}→ ` : ` ←${relation}— `, entityButton(graph, next, actions)),
      evidenceList(graph, edge, here, docTitles),
    );
  });
  out.push(el('ol', { className: 'hops' }, ...hops));
  return out;
}
