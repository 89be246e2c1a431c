// While the layout moves a big graph, sigma keeps the frame it had when the layout started (the
// extent of positions it maps onto the stage): re-fitting it means re-indexing every edge, on
// every step. The camera makes up for it, moved and zoomed as a re-fit would have, so the graph
// stays in view while it grows or drifts, and the view does not jump when sigma re-fits at the
// end. Sigma maps a position p to 0.5 + (p - centre) / size on both axes; a re-fit from frame f0
// to f1 maps those display coordinates d to a·d + b.
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';

interface Frame {
  cx: number;
  cy: number;
  size: number;
}

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const frameOf = ({ minX, maxX, minY, maxY }: Extent): Frame => ({
  cx: (minX + maxX) / 2,
  cy: (minY + maxY) / 2,
  size: Math.max(maxX - minX, maxY - minY) || 1,
});

export interface Follower {
  /** sigma's frame is kept from now on */
  begin(): void;
  /** the positions now span `extent` */
  follow(extent: Extent): void;
  /** sigma re-fits its frame at its next indexing: the camera is set for it now */
  end(): void;
}

export function createFollower(sigma: Sigma<any, any, any>): Follower {
  let base: Frame | null = null;
  let map = { a: 1, bx: 0, by: 0 }; // display coordinates → coordinates in the frame of now
  const toNow = (s: CameraState): CameraState => ({ ...s, x: map.a * s.x + map.bx, y: map.a * s.y + map.by, ratio: s.ratio * map.a });
  const fromNow = (s: CameraState): CameraState => ({ ...s, x: (s.x - map.bx) / map.a, y: (s.y - map.by) / map.a, ratio: s.ratio / map.a });
  const rebase = () => {
    const { x, y } = sigma.getBBox();
    base = frameOf({ minX: x[0], maxX: x[1], minY: y[0], maxY: y[1] });
    map = { a: 1, bx: 0, by: 0 };
  };
  // something else made sigma re-index (and so re-fit) meanwhile: the camera is re-set within
  // that render, before sigma reads it
  sigma.on('afterProcess', () => {
    if (!base) return;
    sigma.getCamera().setState(toNow(sigma.getCamera().getState()));
    rebase();
  });
  return {
    begin: rebase,
    follow(extent) {
      if (!base) return;
      const camera = sigma.getCamera();
      const view = toNow(camera.getState());
      const now = frameOf(extent);
      const a = base.size / now.size;
      map = { a, bx: 0.5 - 0.5 * a + (base.cx - now.cx) / now.size, by: 0.5 - 0.5 * a + (base.cy - now.cy) / now.size };
      camera.setState(fromNow(view));
    },
    end() {
      if (!base) return;
      sigma.getCamera().setState(toNow(sigma.getCamera().getState()));
      base = null;
    },
  };
}
