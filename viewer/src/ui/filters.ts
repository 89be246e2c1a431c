// The filter panel under the legend: minimum relations per entity (1 hides the unconnected),
// one document, one connected part, and the neighbourhood focus with its way back; and
// colouring by community instead of by type.
// A count says how much of the graph is on screen.
import { MAX_HOPS, type AppState, type Filters } from '../state.js';
import type { KgGraph } from '../types.js';
import { partSizes, visibleOf } from '../visibility.js';
import type { Details } from '../details.js';

/** connected parts offered in the list, largest first */
const MAX_PARTS = 20;
import { el } from './dom.js';

export interface FilterActions {
  setFilters(change: Partial<Filters>): void;
  focusOn(node: string | null, hops?: number): void;
}

const DEGREES: Array<[number, string]> = [
  [0, 'all entities'],
  [1, '1 or more (hide unconnected)'],
  [2, '2 or more'],
  [3, '3 or more'],
  [5, '5 or more'],
];

export function mountFilters(root: HTMLElement, graph: KgGraph, state: AppState, actions: FilterActions, details: Details): void {
  const degree = el('select', { attrs: { id: 'min-degree', 'aria-label': 'Minimum relations per entity' } });
  for (const [n, text] of DEGREES) degree.append(el('option', { attrs: { value: String(n) } }, text));
  degree.addEventListener('change', () => actions.setFilters({ minDegree: Number(degree.value) }));

  const docs = el('select', { attrs: { id: 'doc-filter', 'aria-label': 'Only one document' } }, el('option', { attrs: { value: '' } }, 'all documents'));
  for (const d of graph.getAttribute('documents')) docs.append(el('option', { attrs: { value: d.id }, title: d.path }, d.title ? `${d.title} · ${d.id}` : d.id));
  docs.addEventListener('change', () => actions.setFilters({ doc: docs.value || null }));

  const part = el('select', { attrs: { id: 'component-filter', 'aria-label': 'Only one connected part' } });
  part.addEventListener('change', () => actions.setFilters({ component: part.value === '' ? null : Number(part.value) }));

  const byCommunity = el('input', { attrs: { id: 'color-community', type: 'checkbox' } });
  byCommunity.addEventListener('change', () => state.colorBy.set(byCommunity.checked ? 'community' : 'type'));
  state.colorBy.subscribe((c) => (byCommunity.checked = c === 'community'));
  byCommunity.checked = state.colorBy.get() === 'community';

  const showDocs = el('input', { attrs: { id: 'show-documents', type: 'checkbox' } });
  showDocs.addEventListener('change', () => state.showDocuments.set(showDocs.checked));
  state.showDocuments.subscribe((on) => (showDocs.checked = on));
  showDocs.checked = state.showDocuments.get();

  // one document's part and the documents drawn read the mentions: offered once they are in
  const offer = (on: boolean) => {
    for (const control of [docs, showDocs]) {
      control.disabled = !on;
      control.title = on ? '' : 'Loading the mentions…';
    }
  };
  if (!details.ready()) {
    offer(false);
    details.whenReady(() => offer(true));
  }

  const focusBar = el('div', { className: 'focus-bar', attrs: { id: 'focus-bar' } });
  const shown = el('p', { className: 'shown-count', attrs: { id: 'shown-count' } });

  root.replaceChildren(
    el('h2', {}, 'Show'),
    el('label', { className: 'filter-row' }, 'Relations', degree),
    el('label', { className: 'filter-row' }, 'Document', docs),
    el('label', { className: 'filter-row' }, 'Part', part),
    el('label', { className: 'filter-row', title: 'Each article as a grey square, linked to the entities it mentions (not relations: paths and counts ignore them); click one to read it' }, showDocs, 'Documents (mentioned in)'),
    el('label', { className: 'filter-row', title: 'Louvain communities: groups of entities more linked among themselves than to the rest' }, byCommunity, 'Colour by community'),
    focusBar,
    shown,
  );

  const sync = (f: Filters) => {
    // a degree set by a link that is not in the list still shows
    if (![...degree.options].some((o) => o.value === String(f.minDegree))) degree.append(el('option', { attrs: { value: String(f.minDegree) } }, `${f.minDegree} or more`));
    degree.value = String(f.minDegree);
    docs.value = f.doc ?? '';
    // the parts the other filters leave, largest first (the 20 largest)
    const sizes = partSizes(graph, f);
    const ordinal = (i: number) => (i === 0 ? 'the largest' : `${i + 1}${i === 1 ? 'nd' : i === 2 ? 'rd' : 'th'} largest`);
    part.replaceChildren(
      el('option', { attrs: { value: '' } }, `all connected parts (${sizes.length})`),
      ...sizes.slice(0, MAX_PARTS).map((n, i) => el('option', { attrs: { value: String(i) } }, `${ordinal(i)}: ${n} entit${n === 1 ? 'y' : 'ies'}`)),
    );
    part.value = f.component === null ? '' : String(f.component);
    const focus = f.focus;
    focusBar.hidden = !focus;
    if (focus && graph.hasNode(focus.node)) {
      focusBar.replaceChildren(el('div', {}, 'Around ', el('strong', {}, graph.getNodeAttribute(focus.node, 'label'))), hopButtons(focus.node, focus.hops, actions.focusOn));
    } else focusBar.replaceChildren();
    const v = visibleOf(graph, f);
    shown.textContent = `${v.nodes.size} of ${graph.order} entities, ${v.edges.size} of ${graph.size} relations shown`;
  };
  state.filters.subscribe(sync);
  sync(state.filters.get());
}

/**
 * Buttons that show only the node's neighbourhood, 1 to MAX_HOPS hops out (`hops` pressed), and
 * "Show all" while it is focused (`hops` > 0): the focus bar's and the panel's.
 */
export function hopButtons(node: string, hops: number, focusOn: FilterActions['focusOn']): HTMLElement {
  return el(
    'span',
    { className: 'hop-buttons' },
    ...[...Array(MAX_HOPS).keys()].map((i) =>
      el('button', { attrs: { type: 'button', 'data-hops': String(i + 1), 'aria-pressed': String(hops === i + 1) }, onClick: () => focusOn(node, i + 1) }, `${i + 1} hop${i ? 's' : ''}`),
    ),
    hops ? el('button', { className: 'focus-off', attrs: { type: 'button' }, onClick: () => focusOn(null) }, 'Show all') : null,
  );
}
