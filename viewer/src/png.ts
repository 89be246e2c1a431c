// The current view as a PNG at twice the screen's resolution, with a title above and a legend
// below: @sigma/export-image draws the view again in a hidden renderer (the same camera, graph
// and reducers), here with a device pixel ratio of 2 and a wider stage padding, so labels near
// the border are not cut off; the title and legend are drawn around it on one canvas.
import type Sigma from 'sigma';
import { drawOnCanvas } from '@sigma/export-image';
import { CJK_FONT_STACK, RELATION_COLORS, TYPE_COLORS } from './settings.js';
import { ENTITY_TYPES, RELATION_TYPES, type KgGraph } from './types.js';
import type { Visible } from './visibility.js';

export interface PngOptions {
  /** pixels per screen pixel (2 if not given) */
  scale?: number;
  title: string;
  /** legend entries: what is shown, with its colour; `line` for relations */
  legend: Array<{ label: string; color: string; line?: boolean }>;
  /** called with the hidden renderer before it draws (to add what the page draws itself, such as edge labels) */
  prepare?: (renderer: Sigma<any, any, any>) => void;
}

const PNG_DEFAULTS = { scale: 2, stagePadding: 80 } as const;

/** The title and legend of an image of what is shown: types (unless coloured otherwise) and relations on screen. */
export function describeView(graph: KgGraph, visible: Visible, colorByType: boolean): Pick<PngOptions, 'title' | 'legend'> {
  const types = new Set([...visible.nodes].map((n) => graph.getNodeAttribute(n, 'entityType')));
  const relations = new Set([...visible.edges].map((e) => graph.getEdgeAttribute(e, 'relation')));
  const docs = graph.getAttribute('documents');
  const built = graph.getAttribute('builtAt');
  const what = docs.length === 1 ? docs[0]!.title || docs[0]!.id : `${docs.length} documents`;
  return {
    title: `${what} · ${visible.nodes.size} entities, ${visible.edges.size} relations${built ? ` · built ${built.slice(0, 10)}` : ''}`,
    legend: [
      ...(colorByType ? ENTITY_TYPES.filter((t) => types.has(t)).map((t) => ({ label: t, color: TYPE_COLORS[t] })) : []),
      ...RELATION_TYPES.filter((r) => relations.has(r)).map((r) => ({ label: r, color: RELATION_COLORS[r], line: true })),
    ],
  };
}

const TITLE_HEIGHT = 44;
const LEGEND_ROW = 24;
const MARGIN = 14;

export async function renderPng(sigma: Sigma<any, any, any>, options: PngOptions): Promise<HTMLCanvasElement> {
  const scale = options.scale ?? PNG_DEFAULTS.scale;
  const graphCanvas = await withPixelRatio(scale, () =>
    drawOnCanvas(sigma as Sigma, {
      backgroundColor: '#ffffff',
      sigmaSettings: { stagePadding: PNG_DEFAULTS.stagePadding },
      withTempRenderer: (tmp) => {
        options.prepare?.(tmp);
        tmp.refresh();
      },
    }),
  );
  const width = graphCanvas.width;
  const measure = document.createElement('canvas').getContext('2d')!;
  const font = (size: number, weight = 400) => `${weight} ${size * scale}px ${CJK_FONT_STACK}`;
  measure.font = font(13);
  // the legend wraps into rows of entries
  const rows: Array<Array<{ x: number; entry: PngOptions['legend'][number] }>> = [[]];
  let x = MARGIN * scale;
  for (const entry of options.legend) {
    const w = (22 + 12) * scale + measure.measureText(entry.label).width;
    if (x + w > width - MARGIN * scale && rows.at(-1)!.length > 0) {
      rows.push([]);
      x = MARGIN * scale;
    }
    rows.at(-1)!.push({ x, entry });
    x += w;
  }
  const legendHeight = (rows.length * LEGEND_ROW + MARGIN) * scale;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = TITLE_HEIGHT * scale + graphCanvas.height + legendHeight;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#111827';
  ctx.font = font(17, 600);
  ctx.textBaseline = 'middle';
  ctx.fillText(options.title, MARGIN * scale, (TITLE_HEIGHT / 2) * scale, width - 2 * MARGIN * scale);
  ctx.drawImage(graphCanvas, 0, TITLE_HEIGHT * scale);
  ctx.font = font(13);
  rows.forEach((row, i) => {
    const y = TITLE_HEIGHT * scale + graphCanvas.height + (i * LEGEND_ROW + LEGEND_ROW / 2 + MARGIN / 2) * scale;
    for (const { x, entry } of row) {
      ctx.fillStyle = entry.color;
      if (entry.line) ctx.fillRect(x, y - 2 * scale, 18 * scale, 4 * scale);
      else {
        ctx.beginPath();
        ctx.arc(x + 7 * scale, y, 6 * scale, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.fillStyle = '#374151';
      ctx.fillText(entry.label, x + 22 * scale, y);
    }
  });
  return out;
}

/** Runs `draw` while the page reports the given device pixel ratio (sigma and the exporter read it). */
async function withPixelRatio<T>(ratio: number, draw: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the browser could not encode the image'));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve();
    }, 'image/png');
  });
}
