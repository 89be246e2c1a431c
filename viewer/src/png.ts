// The current view as a PNG: sigma's layers (edges, nodes, labels, hover) drawn onto one canvas
// over a white background. WebGL layers are read right after a synchronous render, while their
// drawing buffer still holds the frame.
import type Sigma from 'sigma';

export function snapshotCanvas(sigma: Sigma<any, any, any>): HTMLCanvasElement {
  sigma.refresh();
  const { width, height } = sigma.getDimensions();
  const layers = Object.values(sigma.getCanvases());
  const ratio = layers[0] ? layers[0].width / width : 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  // getCanvases() lists layers in DOM (drawing) order
  for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
  return out;
}

export function downloadPng(sigma: Sigma<any, any, any>, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    snapshotCanvas(sigma).toBlob((blob) => {
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
