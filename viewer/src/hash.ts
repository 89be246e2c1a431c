// The URL hash keeps the selection, the filters and the path, so a link reopens the same view:
// #node=place:江津区&hide=person,project&hiderel=leads&deg=1&doc=a.txt&focus=place:江津区&hops=2&part=0,
// or #path&from=company:A&to=company:B
import type { EntityType, KgGraph, RelationType } from './types.js';
import { ENTITY_TYPES, RELATION_TYPES } from './types.js';
import { MAX_HOPS } from './state.js';

export interface HashView {
  selected: string | null;
  hiddenTypes: EntityType[];
  hiddenRelations: RelationType[];
  path: { from: string | null; to: string | null } | null;
  /** null when the link does not say (the viewer's default applies) */
  minDegree: number | null;
  doc: string | null;
  focus: { node: string; hops: number } | null;
  /** a connected part's rank by size, 0 the largest */
  component: number | null;
  colorBy: 'type' | 'community';
  showDocuments: boolean;
}

export function formatHash(view: HashView): string {
  const params = new URLSearchParams();
  if (view.selected) params.set('node', view.selected);
  if (view.hiddenTypes.length) params.set('hide', [...view.hiddenTypes].sort().join(','));
  if (view.hiddenRelations.length) params.set('hiderel', [...view.hiddenRelations].sort().join(','));
  if (view.minDegree !== null) params.set('deg', String(view.minDegree));
  if (view.doc) params.set('doc', view.doc);
  if (view.focus) {
    params.set('focus', view.focus.node);
    params.set('hops', String(view.focus.hops));
  }
  if (view.component !== null) params.set('part', String(view.component));
  if (view.colorBy === 'community') params.set('color', 'community');
  if (view.showDocuments) params.set('docs', '');
  if (view.path) {
    params.set('path', '');
    if (view.path.from) params.set('from', view.path.from);
    if (view.path.to) params.set('to', view.path.to);
  }
  const s = params.toString();
  return s ? `#${s}` : '';
}

/** Reads a hash; unknown types and nodes not in the graph are dropped. */
export function parseHash(hash: string, graph: KgGraph): HashView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const node = (key: string | null | undefined) => (key && graph.hasNode(key) ? key : null);
  const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
    (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return {
    selected: node(params.get('node')),
    hiddenTypes: list(params.get('hide'), ENTITY_TYPES),
    hiddenRelations: list(params.get('hiderel'), RELATION_TYPES),
    path: params.has('path') ? { from: node(params.get('from')), to: node(params.get('to')) } : null,
    minDegree: /^\d{1,3}$/.test(params.get('deg') ?? '') ? Number(params.get('deg')) : null,
    doc: graph.getAttribute('documents').some((d) => d.id === params.get('doc')) ? params.get('doc') : null,
    focus: node(params.get('focus')) ? { node: params.get('focus')!, hops: Math.min(MAX_HOPS, Math.max(1, Number(params.get('hops')) || 1)) } : null,
    component: /^\d{1,4}$/.test(params.get('part') ?? '') ? Number(params.get('part')) : null,
    colorBy: params.get('color') === 'community' ? 'community' : 'type',
    showDocuments: params.has('docs'),
  };
}
