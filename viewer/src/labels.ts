// Label drawing: text on a white halo so Chinese names stay legible over edges, long names
// shortened on the canvas (the panel shows them whole).
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

const MAX_CHARS = 14;
const HALO = 'rgba(255, 255, 255, 0.92)';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

function shorten(label: string): string {
  const chars = [...label];
  return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS - 1).join('')}…` : label;
}

export function drawLabel(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings<any, any, any>): void {
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const text = shorten(data.label);
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = HALO;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = settings.labelColor.color ?? '#000';
  ctx.fillText(text, x, y);
}

/** Hovered node: a white box behind node and label, as sigma does, with our label. */
export function drawHover(ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings<any, any, any>): void {
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const text = data.label ? shorten(data.label) : '';
  const width = text ? ctx.measureText(text).width + 8 : 0;
  const pad = 3;
  ctx.fillStyle = '#fff';
  ctx.shadowBlur = 8;
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.beginPath();
  ctx.moveTo(data.x, data.y - data.size - pad);
  ctx.lineTo(data.x + data.size + width, data.y - data.size - pad);
  ctx.lineTo(data.x + data.size + width, data.y + data.size + pad);
  ctx.lineTo(data.x, data.y + data.size + pad);
  ctx.arc(data.x, data.y, data.size + pad, Math.PI / 2, (Math.PI * 3) / 2);
  ctx.closePath();
  ctx.fill();
  ctx.shadowBlur = 0;
  if (text) {
    ctx.fillStyle = settings.labelColor.color ?? '#000';
    ctx.fillText(text, data.x + data.size + 3, data.y + size / 3);
  }
}

/** Relation name along the edge, on a halo, drawn only for edges given a label (hover). */
export function drawEdgeLabel(
  ctx: CanvasRenderingContext2D,
  edgeData: { label?: string | null; size: number; color: string },
  source: { x: number; y: number; size: number },
  target: { x: number; y: number; size: number },
  settings: Settings<any, any, any>,
): void {
  if (!edgeData.label) return;
  const size = settings.edgeLabelSize;
  ctx.font = `${settings.edgeLabelWeight} ${size}px ${settings.edgeLabelFont}`;
  const mx = (source.x + target.x) / 2;
  const my = (source.y + target.y) / 2;
  let angle = Math.atan2(target.y - source.y, target.x - source.x);
  if (angle > Math.PI / 2 || angle < -Math.PI / 2) angle += Math.PI; // never upside down
  ctx.save();
  ctx.translate(mx, my);
  ctx.rotate(angle);
  const width = ctx.measureText(edgeData.label).width;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4;
  ctx.strokeStyle = HALO;
  ctx.strokeText(edgeData.label, -width / 2, -4);
  ctx.fillStyle = settings.edgeLabelColor.color ?? '#000';
  ctx.fillText(edgeData.label, -width / 2, -4);
  ctx.restore();
}
