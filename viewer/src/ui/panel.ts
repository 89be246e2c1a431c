// The side panel: an overview of the graph (with the entities most mentioned and most connected
// among those the filters show), the selected entity (type, aliases, mentions, documents,
// relations grouped by type with evidence, its neighbourhood focus), or the path between two
// entities.
import type { AppState } from '../state.js';
import { RELATION_TYPES, type KgGraph, type RelationType } from '../types.js';
import { isEdgeVisible, visibleOf } from '../visibility.js';
import { RELATION_COLORS, TYPE_COLORS } from '../settings.js';
import { el, swatch } from './dom.js';
import { evidenceList } from './evidence-view.js';
import { hopButtons } from './filters.js';
import type { Details } from '../details.js';

/** Relation groups are long on hub nodes; past this many the rest is summarised. */
const MAX_EDGES_PER_GROUP = 100;
/** entries in each ranked list of the overview */
const RANKED = 10;

export interface PanelActions {
  select(node: string): void;
  swapPath(): void;
  clearPath(): void;
  leavePath(): void;
  focusOn(node: string | null, hops?: number): void;
  /** opens the document reader, at a sentence if given */
  read(doc: string, sentence?: { start: number; end: number }): void;
}

/**
 * Until the mentions and evidence are in (`details`: a graph drawn from its skeleton), an
 * entity's documents and each relation's evidence say they are loading; the panel is drawn again
 * once they are.
 */
export function mountPanel(root: HTMLElement, graph: KgGraph, state: AppState, actions: PanelActions, details: Details): void {
  const docTitles = new Map(graph.getAttribute('documents').map((d) => [d.id, d.title]));
  const view: PanelView = { graph, state, docTitles, actions, details };
  const render = () => {
    const path = state.path.get();
    const selected = state.selection.get().selected;
    if (path.active) root.replaceChildren(...pathView(view));
    else if (selected && graph.hasNode(selected)) root.replaceChildren(...nodeView(view, selected));
    else root.replaceChildren(...overview(view));
    root.scrollTop = 0;
    root.dataset.view = path.active ? 'path' : selected ? 'node' : 'overview';
  };
  let last = '';
  let lastFilters: unknown = null;
  const maybeRender = () => {
    // hovering changes the selection store but not the panel
    const p = state.path.get();
    const key = JSON.stringify([state.selection.get().selected, p.active, p.from, p.to, p.result]);
    if (key !== last || state.filters.get() !== lastFilters) render();
    last = key;
    lastFilters = state.filters.get();
  };
  state.selection.subscribe(maybeRender);
  state.path.subscribe(maybeRender);
  state.filters.subscribe(maybeRender);
  maybeRender();
  // (the panel keeps where it was scrolled to)
  if (!details.ready())
    details.whenReady(() => {
      const top = root.scrollTop;
      render();
      root.scrollTop = top;
    });
}

/** What each of the panel's views reads. */
interface PanelView {
  graph: KgGraph;
  state: AppState;
  docTitles: Map<string, string>;
  actions: PanelActions;
  details: Details;
}

/** An edge's evidence, or a line saying it is on its way. */
function evidenceOf(v: PanelView, edge: string, self: string): HTMLElement {
  if (!v.details.ready()) return el('p', { className: 'hint evidence-loading' }, 'Loading the evidence…');
  return evidenceList(v.graph, edge, self, v.docTitles, v.actions.read);
}

function docButton(doc: string, text: string, actions: PanelActions): HTMLElement {
  return el('button', { className: 'doc-link', title: `Read ${doc}`, attrs: { type: 'button', 'data-doc': doc }, onClick: () => actions.read(doc) }, text);
}

function entityButton(graph: KgGraph, node: string, actions: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(node);
  return el('button', { className: 'entity-link', attrs: { type: 'button', 'data-node': node }, title: a.entityType, onClick: () => actions.select(node) }, swatch(TYPE_COLORS[a.entityType]), a.label);
}

function overview({ graph, state, actions, details }: PanelView): HTMLElement[] {
  const docs = graph.getAttribute('documents');
  const visible = visibleOf(graph, state.filters.get());
  const shown = [...visible.nodes];
  const mentions = details.mentionCount;
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ranked = (id: string, title: string, count: (n: string) => number, unit: string) => {
    // the best RANKED in one pass (a full sort of 100k entities on every filter change is not needed)
    const top: string[] = [];
    const before = (a: string, b: string) => count(a) > count(b) || (count(a) === count(b) && byName(a, b) < 0);
    for (const n of shown) {
      if (count(n) === 0 || (top.length === RANKED && !before(n, top[RANKED - 1]!))) continue;
      let i = top.length === RANKED ? RANKED - 1 : top.length;
      while (i > 0 && before(n, top[i - 1]!)) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = n;
    }
    return [
      el('h3', {}, title),
      top.length
        ? el('ol', { className: 'ranked', attrs: { id } }, ...top.map((n) => el('li', {}, entityButton(graph, n, actions), el('span', { className: 'rank-count' }, `${count(n)} ${unit}`))))
        : el('p', { className: 'hint' }, 'None shown.'),
    ];
  };
  return [
    el('h2', {}, 'Knowledge graph'),
    el('p', {}, `${graph.order} entities, ${graph.size} relations from ${docs.length} documents.`),
    el('p', { className: 'hint' }, 'Hover an entity to see its neighbours; click it for its relations and the sentences that state them. Search by name, alias or pinyin (jiangjin, jj); press / to search.'),
    ...ranked('most-mentioned', 'Most mentioned', mentions, 'mentions'),
    ...ranked('most-connected', 'Most connected', (n) => visible.degree.get(n) ?? 0, 'relations'),
    el('h3', {}, 'Documents'),
    el('ul', { className: 'documents' }, ...docs.slice(0, 200).map((d) => el('li', {}, docButton(d.id, d.title ? `${d.title} · ${d.id}` : d.id, actions)))),
  ];
}

function nodeView(v: PanelView, node: string): HTMLElement[] {
  const { graph, state, docTitles, actions, details } = v;
  const a = graph.getNodeAttributes(node);
  const aliases = a.aliases.filter((x) => x !== a.label);
  const loading = !details.ready();
  const perDoc = new Map<string, number>();
  if (!loading) for (const m of a.mentions) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  const out: HTMLElement[] = [
    el('h2', { className: 'entity-title' }, a.label),
    el('p', { className: 'entity-type' }, swatch(TYPE_COLORS[a.entityType]), a.entityType),
    focusActions(state, node, actions),
    el(
      'dl',
      {},
      el('dt', {}, 'Aliases'),
      el('dd', { className: 'aliases' }, aliases.length ? aliases.join('、') : '—'),
      el('dt', {}, 'Mentions'),
      el('dd', { className: 'mention-count' }, loading ? `${details.mentionCount(node)}` : `${a.mentions.length} in ${perDoc.size} document${perDoc.size === 1 ? '' : 's'}`),
    ),
    el('h3', {}, 'Documents'),
    loading
      ? el('p', { className: 'hint documents-loading' }, 'Loading the mentions…')
      : el('ul', { className: 'documents' }, ...[...perDoc].map(([doc, n]) => el('li', {}, docButton(doc, `${docTitles.get(doc) ? `${docTitles.get(doc)} · ${doc}` : doc} (${n})`, actions)))),
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
      out.push(relationGroup(v, node, relation, direction, mine));
    }
  }
  if (!any) out.push(el('p', { className: 'hint' }, 'No relations (or all hidden by the filters).'));
  return out;
}

/** Show only this entity's neighbourhood, 1 to 3 hops out, or everything again. */
function focusActions(state: AppState, node: string, actions: PanelActions): HTMLElement {
  const focus = state.filters.get().focus;
  const here = focus?.node === node ? focus.hops : 0;
  return el('p', { className: 'focus-actions' }, 'Show only its neighbourhood: ', hopButtons(node, here, actions.focusOn));
}

function relationGroup(v: PanelView, node: string, relation: RelationType, direction: 'out' | 'in', edges: string[]): HTMLElement {
  const { graph, actions } = v;
  const heading = direction === 'out' ? `${relation} →` : `← ${relation}`;
  const items = edges.slice(0, MAX_EDGES_PER_GROUP).map((edge) =>
    el(
      'li',
      { className: 'relation', attrs: { 'data-edge': edge } },
      el('div', { className: 'relation-head' }, direction === 'out' ? '→ ' : '← ', entityButton(graph, graph.opposite(node, edge), actions)),
      evidenceOf(v, edge, node),
    ),
  );
  const group = el('section', { className: 'relation-group', attrs: { 'data-relation': relation, 'data-direction': direction } });
  const h = el('h4', {}, swatch(RELATION_COLORS[relation]), `${heading} (${edges.length})`);
  group.append(h, el('ul', {}, ...items));
  if (edges.length > MAX_EDGES_PER_GROUP) group.append(el('p', { className: 'hint' }, `and ${edges.length - MAX_EDGES_PER_GROUP} more`));
  return group;
}

function pathView(v: PanelView): HTMLElement[] {
  const { graph, state, actions } = v;
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
      evidenceOf(v, edge, here),
    );
  });
  out.push(el('ol', { className: 'hops' }, ...hops));
  return out;
}
