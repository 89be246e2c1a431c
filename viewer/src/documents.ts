// Documents on the canvas, off by default: each article as a grey square where the entities it
// mentions (among those shown) are, with a thin dashed line to each — "mentioned in", drawn on a
// layer of its own over the nodes and under the labels, apart from the extracted relations (which stay the only
// edges of the graph: paths, degrees, filters and layouts never see documents). A click on a
// square opens the article in the reader.
import type Sigma from 'sigma';
import type { KgGraph } from './types.js';
import type { ViewSnapshot } from './reducers.js';

export const DOCUMENT_COLOR = '#6b7280';
const SQUARE = 7;
const LABEL_CHARS = 12;

export interface DocumentMark {
  doc: string;
  x: number;
  y: number;
  entities: number;
}

export interface DocumentLayer {
  /** the squares drawn in the last frame, in viewport coordinates */
  marks(): DocumentMark[];
  /** the document whose square is at this viewport point, if any */
  at(x: number, y: number): string | null;
}

export function documentLayer(sigma: Sigma<any, any, any>, graph: KgGraph, view: () => ViewSnapshot, shown: () => boolean): DocumentLayer {
  // which entities each document mentions: read once, the first time documents are shown
  let byDocCache: Map<string, string[]> | null = null;
  const byDoc = () => {
    if (byDocCache) return byDocCache;
    byDocCache = new Map();
    graph.forEachNode((node, a) => {
      for (const doc of new Set(a.mentions.map((m) => m.doc))) {
        const list = byDocCache!.get(doc) ?? [];
        list.push(node);
        byDocCache!.set(doc, list);
      }
    });
    return byDocCache;
  };
  const titles = new Map(graph.getAttribute('documents').map((d) => [d.id, d.title || d.id]));
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
    const { visible, filters } = view();
    for (const [doc, nodes] of byDoc()) {
      if (filters.doc && filters.doc !== doc) continue;
      const points = nodes.filter((n) => visible.nodes.has(n)).map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
      if (points.length === 0) continue;
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
      const title = [...(titles.get(doc) ?? doc)];
      const label = title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1).join('')}…` : title.join('');
      ctx.font = `12px ${sigma.getSetting('labelFont')}`;
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.strokeText(label, x + SQUARE + 4, y + 4);
      ctx.fillStyle = '#374151';
      ctx.fillText(label, x + SQUARE + 4, y + 4);
      drawn.push({ doc, x, y, entities: points.length });
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
