// The viewer's state, in a few small stores: what is filtered out, what is selected or hovered,
// the path being looked at, and whether the layout runs. Stores hold plain immutable values.
import { createStore, type Store } from './store.js';
import type { EntityType, RelationType } from './types.js';

export interface Filters {
  hiddenTypes: ReadonlySet<EntityType>;
  hiddenRelations: ReadonlySet<RelationType>;
  /** entities with fewer relations (among those shown) are hidden; 1 hides the unconnected */
  minDegree: number;
  /** only what this document mentions and states */
  doc: string | null;
  /** only this node's neighbourhood, 1 to MAX_HOPS hops out */
  focus: { node: string; hops: number } | null;
  /** only one connected part: its rank by size (0 the largest) */
  component: number | null;
}

/** the widest neighbourhood focus offered (and taken from a link) */
export const MAX_HOPS = 3;

export const NO_FILTERS: Filters = { hiddenTypes: new Set(), hiddenRelations: new Set(), minDegree: 0, doc: null, focus: null, component: null };

export interface Selection {
  /** the node whose panel is open */
  selected: string | null;
  hoveredNode: string | null;
  hoveredEdge: string | null;
}

export interface PathState {
  active: boolean;
  from: string | null;
  to: string | null;
  /** the shortest path found between from and to, or null if there is none (or not both chosen) */
  result: { nodes: string[]; edges: string[] } | null;
}

export interface AppState {
  filters: Store<Filters>;
  selection: Store<Selection>;
  path: Store<PathState>;
  layoutRunning: Store<boolean>;
  /** nodes coloured by entity type, or by Louvain community */
  colorBy: Store<ColorBy>;
  /** documents drawn on the canvas, linked to the entities they mention */
  showDocuments: Store<boolean>;
}

export type ColorBy = 'type' | 'community';

export const EMPTY_PATH: PathState = { active: false, from: null, to: null, result: null };

export function createAppState(): AppState {
  return {
    filters: createStore<Filters>(NO_FILTERS),
    selection: createStore<Selection>({ selected: null, hoveredNode: null, hoveredEdge: null }),
    path: createStore<PathState>(EMPTY_PATH),
    layoutRunning: createStore(false),
    colorBy: createStore<ColorBy>('type'),
    showDocuments: createStore(false),
  };
}

/** A set with `item` added or removed. */
export function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
