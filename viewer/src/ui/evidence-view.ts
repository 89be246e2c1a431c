// An edge's evidence: each sentence with the two entities marked, and the document it came from.
import type { KgGraph } from '../types.js';
import { markEvidence } from '../evidence.js';
import { el } from './dom.js';

const SHOWN_AT_FIRST = 3;

export function evidenceList(graph: KgGraph, edge: string, self: string, docTitles: Map<string, string>, read: (doc: string, sentence: { start: number; end: number }) => void): HTMLElement {
  const attrs = graph.getEdgeAttributes(edge);
  const other = graph.opposite(self, edge);
  if (attrs.evidence.length === 0) {
    return el('p', { className: 'derived-note' }, attrs.derived ? 'From the gazetteer (administrative divisions); no sentence states it.' : 'No evidence sentence recorded.');
  }
  const target = (node: string, role: 'self' | 'other') => {
    const a = graph.getNodeAttributes(node);
    return { role, mentions: a.mentions, names: [a.label, ...a.aliases] };
  };
  const items = attrs.evidence.map((ev) => {
    const quote = el('blockquote', { className: 'evidence' });
    for (const seg of markEvidence(ev, [target(self, 'self'), target(other, 'other')])) {
      quote.appendChild(seg.role ? el('mark', { className: seg.role }, seg.text) : document.createTextNode(seg.text));
    }
    const title = docTitles.get(ev.doc);
    const cite = el('button', { className: 'cite', title: `Read ${ev.doc} at this sentence`, attrs: { type: 'button', 'data-doc': ev.doc }, onClick: () => read(ev.doc, { start: ev.start, end: ev.end }) }, title ? `${title} · ${ev.doc}` : ev.doc);
    return el('li', {}, quote, el('cite', {}, cite));
  });
  const list = el('ul', { className: 'evidence-list' }, ...items.slice(0, SHOWN_AT_FIRST));
  if (items.length > SHOWN_AT_FIRST) {
    const more = el('button', { className: 'more', attrs: { type: 'button' } }, `Show ${items.length - SHOWN_AT_FIRST} more sentences`);
    more.addEventListener('click', () => {
      list.append(...items.slice(SHOWN_AT_FIRST));
      more.remove();
    });
    return el('div', {}, list, more);
  }
  return list;
}
