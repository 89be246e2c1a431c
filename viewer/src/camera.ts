// Moving the camera to entities: one node is centred and zoomed in on, several are framed.
import type Sigma from 'sigma';

const DURATION = 450;

export function focusNodes(sigma: Sigma<any, any, any>, nodes: string[], options: { animate?: boolean } = {}): void {
  const points = nodes.map((n) => sigma.getNodeDisplayData(n)).filter((d) => d !== undefined);
  if (points.length === 0) return;
  // one loop, not Math.min(...xs): spreading every shown node (100k and more) overflows the call stack
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  const camera = sigma.getCamera();
  // display coordinates are framed to [0, 1]; a ratio of 1 shows the whole graph
  const extent = Math.max(maxX - minX, maxY - minY);
  const ratio = points.length === 1 ? Math.min(camera.ratio, 0.35) : Math.min(1, Math.max(0.08, extent * 1.4));
  const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
  if (options.animate === false) camera.setState(target);
  else void camera.animate(target, { duration: DURATION });
}
