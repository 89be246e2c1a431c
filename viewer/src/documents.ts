// Documents on the canvas, off by default: each article as a grey square where the entities it
// mentions (among those shown) are, with a thin dashed line to each — "mentioned in", drawn on a
// layer of its own over the nodes and under the labels, apart from the extracted relations (which stay the only
// edges of the graph: paths, degrees, filters and layouts never see documents). A click on a
// square opens the article in the reader.
import type Sigma from 'sigma';
import type { KgGraph } from './types.js';
import type { ViewSnapshot } from './reducers.js';
import type { Visible } from './visibility.js';

export const DOCUMENT_COLOR = '#6b7280';
const SQUARE = 7;
const LABEL_CHARS = 12;

export interface DocumentMark {
  doc: string;
  x: number;
  y: number;
}

export interface DocumentLayer {
  /** the squares drawn in the last frame, in viewport coordinates */
  marks(): DocumentMark[];
  /** the document whose square is at this viewport point, if any */
  at(x: number, y: number): string | null;
}

interface DocumentEntities {
  doc: string;
  /** the title as drawn, cut to LABEL_CHARS */
  label: string;
  nodes: string[];
}

export function documentLayer(sigma: Sigma<any, any, any>, graph: KgGraph, view: () => ViewSnapshot, shown: () => boolean): DocumentLayer {
  // each document with its label and the entities it mentions: read once, the first time documents are shown
  let all: DocumentEntities[] | null = null;
  const documents = () => {
    if (all) return all;
    const titles = new Map(graph.getAttribute('documents').map((d) => [d.id, d.title || d.id]));
    const byDoc = new Map<string, string[]>();
    graph.forEachNode((node, a) => {
      for (const doc of new Set(a.mentions.map((m) => m.doc))) {
        const list = byDoc.get(doc) ?? [];
        list.push(node);
        byDoc.set(doc, list);
      }
    });
    all = [...byDoc].map(([doc, nodes]) => {
      const title = [...(titles.get(doc) ?? doc)];
      return { doc, label: title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).join('')}…` : title.join(''), nodes };
    });
    return all;
  };
  // the documents and entities on screen, kept while the filters stay (a new Filters object, and
  // only that, gives a new `visible`): a frame then only reads positions
  let shownFor: Visible | null = null;
  let onScreen: DocumentEntities[] = [];
  const documentsShown = () => {
    const { visible, filters } = view();
    if (visible === shownFor) return onScreen;
    shownFor = visible;
    onScreen = documents()
      .filter((d) => !filters.doc || filters.doc === d.doc)
      .map((d) => ({ ...d, nodes: d.nodes.filter((n) => visible.nodes.has(n)) }))
      .filter((d) => d.nodes.length > 0);
    return onScreen;
  };
  sigma.createCanvasContext('documents', { afterLayer: 'nodes' } as never);
  sigma.resize(true); // the new layer gets the stage's size and pixel ratio, as the others have
  const canvas = sigma.getCanvases().documents!;
  const ctx = canvas.getContext('2d')!;
  let drawn: DocumentMark[] = [];

  sigma.on('afterRender', () => {
    const { width, height } = sigma.getDimensions();
    ctx.clearRect(0, 0, width, height);
    drawn = [];
    if (!shown()) return;
    // set each frame: a resize resets the canvas's state
    ctx.font = `12px ${sigma.getSetting('labelFont')}`;
    for (const { doc, label, nodes } of documentsShown()) {
      const points = nodes.map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
      let x = points.reduce((s, p) => s + p.x, 0) / points.length;
      let y = points.reduce((s, p) => s + p.y, 0) / points.length;
      if (points.length === 1) {
        // beside its one entity, not on it
        x += 28;
        y -= 28;
      }
      ctx.strokeStyle = 'rgba(107, 114, 128, 0.35)';
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      for (const p of points) {
        ctx.moveTo(x, y);
        ctx.lineTo(p.x, p.y);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = DOCUMENT_COLOR;
      ctx.fillRect(x - SQUARE, y - SQUARE, SQUARE * 2, SQUARE * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.strokeText(label, x + SQUARE + 4, y + 4);
      ctx.fillStyle = '#374151';
      ctx.fillText(label, x + SQUARE + 4, y + 4);
      drawn.push({ doc, x, y });
    }
  });

  return {
    marks: () => drawn,
    at(x, y) {
      for (let i = drawn.length - 1; i >= 0; i--) {
        const m = drawn[i]!;
        if (Math.abs(m.x - x) <= SQUARE + 2 && Math.abs(m.y - y) <= SQUARE + 2) return m.doc;
      }
      return null;
    },
  };
}
