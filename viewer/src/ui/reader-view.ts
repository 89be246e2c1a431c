// The document reader: an article's text over the canvas, the sentence being read marked and
// scrolled to, every entity mention underlined in its type's colour (a click selects it). The
// text comes from `kg view` (/articles/ID); a graph opened from a file has no articles with it.
import type { KgGraph } from '../types.js';
import { documentMentions, readerSegments } from '../reader.js';
import { TYPE_COLORS } from '../settings.js';
import { byId, el } from './dom.js';
import type { Details } from '../details.js';

export interface Reader {
  open(doc: string, sentence?: { start: number; end: number }): Promise<void>;
  close(): void;
  /** whether an article is on screen (Escape closes it first: main.ts) */
  isOpen(): boolean;
}

/** The reader underlines the article's mentions: an article opened before they are in (`details`) waits for them, saying so. */
export function mountReader(graph: KgGraph, onEntity: (node: string) => void, details: Details): Reader {
  const root = byId('reader');
  const titles = new Map(graph.getAttribute('documents').map((d) => [d.id, d.title]));
  // the article last asked for (or closed): an earlier one still loading is not shown
  let asked = 0;
  const close = () => {
    asked++;
    root.hidden = true;
    root.replaceChildren();
  };
  const frame = (doc: string, ...body: Node[]) => {
    root.replaceChildren(
      el(
        'header',
        { className: 'reader-head' },
        el('div', {}, el('h2', {}, titles.get(doc) || doc), el('p', { className: 'reader-doc' }, doc)),
        el('button', { attrs: { type: 'button', id: 'reader-close', 'aria-label': 'Close the article' }, onClick: close }, '×'),
      ),
      ...body,
    );
    root.hidden = false;
  };
  return {
    close,
    isOpen: () => !root.hidden,
    async open(doc, sentence) {
      const mine = ++asked;
      frame(doc, el('p', { className: 'hint' }, 'Loading the article…'));
      let text: string;
      try {
        const r = await fetch(`./articles/${encodeURIComponent(doc)}`, { cache: 'no-store' });
        const body = (await r.json()) as { text?: string; error?: string };
        if (!r.ok || typeof body.text !== 'string') throw new Error(body.error ?? `HTTP ${r.status}`);
        text = body.text;
        if (!details.ready()) {
          if (mine === asked) frame(doc, el('p', { className: 'hint' }, 'Loading the mentions…'));
          await new Promise<void>((done) => details.whenReady(done));
        }
      } catch (err) {
        if (mine !== asked) return;
        const offline = location.protocol === 'file:' || (err as Error).name === 'TypeError';
        frame(doc, el('p', { className: 'reader-missing' }, offline ? "The article's text comes with `kg view`; this page has the graph only." : `The article cannot be shown: ${(err as Error).message}.`));
        return;
      }
      if (mine !== asked) return;
      const body = el('div', { className: 'reader-text', attrs: { id: 'reader-text' } });
      let marked: HTMLElement | null = null;
      for (const seg of readerSegments(text, documentMentions(graph, doc), sentence ?? null)) {
        let node: HTMLElement | Text = document.createTextNode(seg.text);
        if (seg.node) {
          const type = graph.getNodeAttribute(seg.node, 'entityType');
          const span = el('span', { className: 'reader-mention', title: `${graph.getNodeAttribute(seg.node, 'label')} (${type})`, attrs: { 'data-node': seg.node }, onClick: () => onEntity(seg.node!) }, seg.text);
          span.style.textDecorationColor = TYPE_COLORS[type];
          node = span;
        }
        if (seg.sentence) {
          const mark = el('mark', { className: 'reader-sentence' });
          mark.appendChild(node);
          marked ??= mark;
          node = mark;
        }
        body.appendChild(node);
      }
      frame(doc, body);
      marked?.scrollIntoView({ block: 'center' });
    },
  };
}
