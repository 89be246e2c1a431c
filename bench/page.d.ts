// What bench/viewer.ts reads from the viewer page (viewer/src/hooks.ts exposes more).
declare global {
  interface Window {
    __kg: { firstFrameAt: number | null; graphLoadedAt?: number | null; sigmaMadeAt?: number | null; loadedFrom?: string | null; interactiveAt?: number | null; detailsLoadedAt?: number | null; error: string | null; ready: boolean };
  }
}
export {};
