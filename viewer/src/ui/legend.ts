// The legend: one entry per entity type and per relation type, with counts; clicking an entry
// hides or shows that type.
import type { AppState } from '../state.js';
import { toggled } from '../state.js';
import { ENTITY_TYPES, RELATION_TYPES, type KgGraph } from '../types.js';
import { RELATION_COLORS, TYPE_COLORS } from '../settings.js';
import { el, swatch } from './dom.js';

export function mountLegend(root: HTMLElement, graph: KgGraph, state: AppState): void {
  const typeCounts = new Map<string, number>();
  graph.forEachNode((_n, a) => typeCounts.set(a.entityType, (typeCounts.get(a.entityType) ?? 0) + 1));
  const relationCounts = new Map<string, number>();
  graph.forEachEdge((_e, a) => relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1));

  const typeButtons = ENTITY_TYPES.map((type) =>
    entry(type, TYPE_COLORS[type], typeCounts.get(type) ?? 0, 'type', () =>
      state.filters.set((f) => ({ ...f, hiddenTypes: toggled(f.hiddenTypes, type) })),
    ),
  );
  const relationButtons = RELATION_TYPES.map((relation) =>
    entry(relation, RELATION_COLORS[relation], relationCounts.get(relation) ?? 0, 'relation', () =>
      state.filters.set((f) => ({ ...f, hiddenRelations: toggled(f.hiddenRelations, relation) })),
    ),
  );
  root.replaceChildren(
    el('h2', {}, 'Entities'),
    el('ul', { className: 'legend-list' }, ...typeButtons.map((b) => el('li', {}, b))),
    el('h2', {}, 'Relations'),
    el('ul', { className: 'legend-list' }, ...relationButtons.map((b) => el('li', {}, b))),
    el('p', { className: 'hint' }, 'Click an entry to hide or show it. Arrows point from an entity to the place, cluster or body it relates to.'),
  );

  const sync = () => {
    const { hiddenTypes, hiddenRelations } = state.filters.get();
    ENTITY_TYPES.forEach((t, i) => setPressed(typeButtons[i]!, !hiddenTypes.has(t)));
    RELATION_TYPES.forEach((r, i) => setPressed(relationButtons[i]!, !hiddenRelations.has(r)));
  };
  state.filters.subscribe(sync);
  sync();
}

function entry(name: string, color: string, count: number, kind: string, onClick: () => void): HTMLButtonElement {
  const button = el(
    'button',
    { className: `legend-entry ${kind}`, attrs: { type: 'button', 'data-name': name, 'aria-pressed': 'true' }, title: `Hide or show ${name}`, onClick },
    swatch(color),
    el('span', { className: 'legend-name' }, name),
    el('span', { className: 'legend-count' }, String(count)),
  );
  if (kind === 'relation') button.querySelector('.swatch')!.classList.add('line');
  return button;
}

function setPressed(button: HTMLButtonElement, shown: boolean): void {
  button.setAttribute('aria-pressed', String(shown));
  button.classList.toggle('off', !shown);
}
