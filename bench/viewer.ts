// Viewer benchmark: time to first frame in headless Chromium for generated graphs of 5k, 20k
// and 50k nodes (3 edges per node), and whether the page stays responsive while ForceAtlas2
// runs in its worker (the longest gap between main-thread heartbeats and the frame rate).
// Runnable alone: node --import tsx bench/viewer.ts
import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { generateGraph } from './graph.js';
import { writeGraphFile } from '../src/graph/write.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { VIEWER_DIR } from '../src/view/assets.js';
import { startViewServer } from '../src/view/server.js';
import { middleOf, type BenchRow } from './rows.js';

export interface ViewerBenchOptions {
  sizes: number[];
  edgesPerNode: number;
  /** how long to watch the page while ForceAtlas2 runs */
  layoutWatchMs: number;
  /** the node count the first-frame target applies to */
  targetNodes: number;
  firstFrameTargetMs: number;
  /** the longest main-thread stall still counted as responsive */
  stallTargetMs: number;
  /** page loads per graph size, each measured whole (load, then ForceAtlas2): each row is the middle one's */
  rounds: number;
}

export const DEFAULT_VIEWER_BENCH_OPTIONS: ViewerBenchOptions = {
  sizes: [5000, 20000, 50000],
  edgesPerNode: 3,
  layoutWatchMs: 3000,
  targetNodes: 20000,
  firstFrameTargetMs: 3000,
  stallTargetMs: 250,
  // one load moved the first frame at 20k nodes by 0.3–0.8 s and the stall by 0.25 s with the host
  rounds: 3,
};

const CHROMIUM = '/usr/bin/chromium';
interface PageMeasure {
  firstFrameMs: number;
  /** what the first frame was drawn from (the skeleton, or graph.json when there is no current one) */
  loadedFrom: string;
  /** when the page answered hover, clicks and search, from the page's start */
  interactiveMs: number;
  /** when the mentions and evidence were filled in (a graph drawn from its skeleton), from the page's start */
  detailsMs: number;
  /** the longest task the browser reported begun after the page was wired and before the details were filled in (0: none) */
  detailsTaskMs: number;
  /** when the graph was loaded (fetched, parsed, checked, imported) and sigma made (its graph indexed), from the page's start */
  graphLoadedMs: number;
  sigmaMadeMs: number;
  maxStallMs: number;
  fps: number;
  layoutRan: boolean;
  /** when the longest gap began, after the click's task ended */
  stallAtMs: number;
  /** the click's own task: starting the layout */
  clickMs: number;
  /** the longest of the long tasks the browser reported within the gap (0: none) */
  taskInStallMs: number;
  /** the longest of sigma's renders within the gap, and how many there were */
  renderInStallMs: number;
  rendersInStall: number;
  longestRenderMs: number;
  /** ForceAtlas2's steps written to the page, the longest write, and whether it fell in the gap */
  steps: number;
  longestStepMs: number;
  longestStepInStall: boolean;
}

/** Why the first frame came as late, in the figures of the run that measured it. */
function firstFrameWhy(m: PageMeasure, file: { name: string; bytes: number }): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  return `the ${file.name} (${(file.bytes / 1e6).toFixed(1)} MB) fetched, parsed and imported by ${ms(m.graphLoadedMs)} after the page's start; sigma made (its graph indexed) ${ms(m.sigmaMadeMs - m.graphLoadedMs)} later; its first frame drawn and committed ${ms(m.firstFrameMs - m.sigmaMadeMs)} after that (software WebGL, no GPU here)`;
}

/** Why the longest gap was as long, in the figures of the run that measured it. */
function stallWhy(m: PageMeasure): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const gap = m.taskInStallMs > 0 ? `a long task of ${ms(m.taskInStallMs)} began ${ms(m.stallAtMs)} after the layout started` : `the gap began ${ms(m.stallAtMs)} after the layout started, in no task the browser reported as long`;
  const ours = [
    ...(m.rendersInStall > 0 ? [`sigma's render ${ms(m.renderInStallMs)}`] : []),
    ...(m.longestStepInStall ? [`writing a step's positions ${ms(m.longestStepMs)}`] : []),
  ];
  const inIt = ours.length > 0 ? `of it, kg's own JavaScript: ${ours.join(', ')}; the rest the browser's work on the frame (software WebGL, no GPU here, on the same two cores)` : "none of kg's JavaScript ran in it: the browser's work on a frame (software WebGL, no GPU here) or a collection";
  return `${gap}; ${inIt}. In the run: ${m.steps} steps of ForceAtlas2 drawn, the longest write of a step ${ms(m.longestStepMs)}, the longest render ${ms(m.longestRenderMs)}, starting the layout ${ms(m.clickMs)}`;
}

// Plain JavaScript run in the page (kept as text so the TypeScript loader adds no helpers to it):
// click "Run layout", count frames and the longest gap between 16 ms heartbeats, stop the layout.
// What the gap holds is told from the same run: the long tasks the browser reports (their start
// and length), sigma's renders (the JavaScript side of drawing a frame), the layout's writes of
// each step's positions (window.__kg.layoutTimings), and the click's own task (starting the
// layout: the graph copied into the worker's matrices, the worker made).
const LAYOUT_PROBE = `(ms) => new Promise((done) => {
  const button = document.getElementById('layout');
  const { graph, sigma } = window.__kg;
  const first = graph.nodes()[0];
  const x0 = graph.getNodeAttribute(first, 'x');
  const renders = [];
  let renderStart = 0;
  const before = () => { renderStart = performance.now(); };
  const after = () => { renders.push([renderStart, performance.now() - renderStart]); };
  sigma.on('beforeRender', before);
  sigma.on('afterRender', after);
  const tasks = [];
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); });
    observer.observe({ type: 'longtask' });
  } catch (e) {}
  const c0 = performance.now();
  button.click();
  const t0 = performance.now();
  let last = t0, maxStall = 0, stallEnd = t0, frames = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    if (now - last > maxStall) { maxStall = now - last; stallEnd = now; }
    last = now;
  }, 16);
  const frame = () => {
    frames++;
    if (performance.now() - t0 < ms) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setTimeout(() => {
    clearInterval(beat);
    button.click();
    sigma.off('beforeRender', before);
    sigma.off('afterRender', after);
    if (observer) observer.disconnect();
    const from = stallEnd - maxStall;
    const within = ([s, d]) => s < stallEnd && s + d > from;
    const longest = (list) => list.reduce((m, [, d]) => Math.max(m, d), 0);
    const steps = window.__kg.layoutTimings ? window.__kg.layoutTimings() : { steps: 0, longestMs: 0, longestAt: 0 };
    done({
      steps: steps.steps, longestStepMs: steps.longestMs, longestStepInStall: steps.longestMs > 0 && within([steps.longestAt, steps.longestMs]),
      maxStallMs: maxStall, fps: (frames * 1000) / (performance.now() - t0), layoutRan: graph.getNodeAttribute(first, 'x') !== x0,
      stallAtMs: from - t0, clickMs: t0 - c0, taskInStallMs: longest(tasks.filter(within)), renderInStallMs: longest(renders.filter(within)),
      rendersInStall: renders.filter(within).length, longestRenderMs: longest(renders),
    });
  }, ms);
})`;

async function measure(browser: Browser, url: string, watchMs: number): Promise<PageMeasure> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  try {
    // the long tasks from the page's start: how long the page, wired, stops answering while the details come
    await page.addInitScript(`try { window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' }); } catch (e) {}`);
    await page.goto(url);
    // (the marks of loading, read once the page is ready, its details in: none changes after it is set)
    await page.waitForFunction(() => window.__kg && (window.__kg.ready || window.__kg.error), null, { timeout: 120_000, polling: 50 });
    const start = await page.evaluate(() => {
      if (window.__kg.error) throw new Error(window.__kg.error);
      const k = window.__kg;
      const interactiveMs = k.interactiveAt ?? k.firstFrameAt!;
      const detailsMs = k.detailsLoadedAt ?? k.firstFrameAt!;
      const tasks = ((window as unknown as { __longTasks?: Array<[number, number]> }).__longTasks ?? []).filter(([at]) => at >= interactiveMs && at < detailsMs);
      const detailsTaskMs = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
      return { firstFrameMs: k.firstFrameAt!, graphLoadedMs: k.graphLoadedAt ?? 0, sigmaMadeMs: k.sigmaMadeAt ?? 0, loadedFrom: k.loadedFrom ?? '', interactiveMs, detailsMs, detailsTaskMs };
    });
    const probe = (await page.evaluate(`(${LAYOUT_PROBE})(${watchMs})`)) as Omit<PageMeasure, 'firstFrameMs' | 'graphLoadedMs' | 'sigmaMadeMs' | 'loadedFrom' | 'interactiveMs' | 'detailsMs' | 'detailsTaskMs'>;
    return { ...start, ...probe };
  } finally {
    await page.close();
  }
}

export async function benchViewer(options: Partial<ViewerBenchOptions> = {}): Promise<BenchRow[]> {
  const o = { ...DEFAULT_VIEWER_BENCH_OPTIONS, ...options };
  const section = 'viewer';
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench viewer: skipped, no Chromium at ${CHROMIUM}\n`);
    return [];
  }
  if (!existsSync(join(VIEWER_DIR, 'index.html'))) {
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'viewer/vite.config.ts'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('viewer build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-viewer-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: BenchRow[] = [];
  try {
    for (const n of o.sizes) {
      const graph = generateGraph(n, o.edgesPerNode);
      const file = join(dir, `graph-${n}.json`);
      // as `kg build` writes it: the graph and its skeleton, which the viewer draws from first
      writeGraphFile(file, graph, { skeleton: true });
      const server = await startViewServer(file, { port: 0 });
      try {
        const loads: PageMeasure[] = [];
        for (let r = 0; r < o.rounds; r++) loads.push(await measure(browser, server.url, o.layoutWatchMs));
        // each row the middle load's by that row's figure, with what that load says of itself
        const by = (value: (x: PageMeasure) => number) => middleOf(loads, value);
        const first = by((x) => x.firstFrameMs);
        const drawnFrom = first.loadedFrom === 'skeleton' ? { name: 'skeleton', bytes: statSync(skeletonPath(file)).size } : { name: 'graph file', bytes: statSync(file).size };
        const what = `${n / 1000}k nodes / ${Math.round(graph.size / 1000)}k edges${o.rounds > 1 ? `, median of ${o.rounds} page loads` : ''}`;
        const targeted = n === o.targetNodes;
        process.stderr.write(`bench viewer: ${n} nodes, first frames ${loads.map((x) => Math.round(x.firstFrameMs)).join(', ')} ms, stalls during ForceAtlas2 ${loads.map((x) => Math.round(x.maxStallMs)).join(', ')} ms\n`);
        rows.push({
          section,
          metric: `time to first frame, ${what}`,
          value: Math.round(first.firstFrameMs),
          unit: 'ms',
          ...(targeted ? { target: `< ${o.firstFrameTargetMs} ms`, met: first.firstFrameMs < o.firstFrameTargetMs, ...(first.firstFrameMs < o.firstFrameTargetMs ? {} : { why: firstFrameWhy(first, drawnFrom) }) } : {}),
        });
        // (drawn from graph.json, the page is wired with its first frame, the details in hand)
        if (loads.every((x) => x.loadedFrom === 'skeleton')) {
          rows.push({ section, metric: `page wired (hover, clicks, search), ${what}`, value: Math.round(by((x) => x.interactiveMs).interactiveMs), unit: 'ms' });
          rows.push({ section, metric: `mentions and evidence filled in (entity documents, evidence, reader), ${what}`, value: Math.round(by((x) => x.detailsMs).detailsMs), unit: 'ms' });
          rows.push({ section, metric: `longest task while they are fetched and filled in (the wired page answers nothing during it), ${what}`, value: Math.round(by((x) => x.detailsTaskMs).detailsTaskMs), unit: 'ms' });
        }
        const stall = by((x) => x.maxStallMs);
        rows.push({
          section,
          metric: `longest main-thread stall during ForceAtlas2, ${what}`,
          value: Math.round(stall.maxStallMs),
          unit: 'ms',
          target: `< ${o.stallTargetMs} ms (responsive)`,
          met: stall.maxStallMs < o.stallTargetMs && stall.layoutRan,
          ...(stall.maxStallMs < o.stallTargetMs ? (stall.layoutRan ? {} : { why: 'the layout moved no node' }) : { why: stallWhy(stall) }),
        });
        rows.push({ section, metric: `frames per second during ForceAtlas2, ${what}`, value: Math.round(by((x) => x.fps).fps * 10) / 10, unit: 'fps' });
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchViewer();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else (await import('./rows.js')).printRows(rows);
}
