// The viewer as a user meets it, end to end in headless Chromium (Debian's, driven by
// playwright-core): `kg view` serving the seed graph, search, panel and evidence, legend
// toggles, path mode, the self-contained HTML export from file://, broken graphs, hostile text,
// and a server that gives out nothing but the viewer and the graph. Screenshots go to
// test-output/viewer/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { DirectedGraph } from 'graphology';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../src/build.js';
import { VIEWER_DIR } from '../src/view/assets.js';
import { startViewServer, type ViewServer } from '../src/view/server.js';
import { writeHtmlExport } from '../src/view/html.js';
import { TYPE_COLORS } from '../src/graph/style.js';
import { writeGraphFile } from '../src/graph/write.js';
import { skeletonPath } from '../src/graph/skeleton.js';
import { graphOf, nodeNamed, tempDir, writeCorpus } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-output/viewer';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
if (skip) console.log(`# viewer tests skipped: ${skip}`);

let browser: Browser;
let seed: DirectedGraph;
let seedFile: string;
let server: ViewServer;
const servers: ViewServer[] = [];

before(async () => {
  if (skip) return;
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(join(VIEWER_DIR, 'index.html'))) {
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'viewer/vite.config.ts'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `viewer build failed: ${r.stderr}`);
  }
  seed = (await build(['data/corpus'], {})).graph;
  seedFile = join(tempDir(), 'seeds.json');
  // as `kg build` writes it: with its skeleton, which the viewer draws from first
  writeGraphFile(seedFile, seed, { skeleton: true });
  server = await serve(seedFile);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function serve(graphFile: string): Promise<ViewServer> {
  const s = await startViewServer(graphFile, { port: 0 });
  servers.push(s);
  return s;
}

/** A new page at `url`, waiting until the viewer has drawn or shown its message; page errors fail the test. */
async function open(url: string, init?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
  if (init) await page.addInitScript(init);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__kg && (window.__kg.ready || window.__kg.error), null, { timeout: 20_000 });
  await page.waitForFunction(() => window.__kg.error || window.__kg.firstFrameAt !== null);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

/** A new page at `url` whose graph.json is held back until `release()`: waiting until the page, drawn from the skeleton, is wired. */
async function openHeldBack(url: string): Promise<{ page: Page; errors: string[]; release: () => void }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route('**/graph.json', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__kg && (window.__kg.interactiveAt !== null || window.__kg.error), null, { timeout: 20_000 });
  return { page, errors, release };
}

/** Pixels of the stage (the graph's canvas area) in a screenshot, counted in a scratch page. */
async function stagePixels(page: Page, name: string, rgb?: [number, number, number]): Promise<number> {
  await page.waitForTimeout(650); // camera animations end
  const box = (await page.locator('#stage').boundingBox())!;
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const png = await page.screenshot({ clip: box });
  const scratch = await browser.newPage();
  try {
    const counted = await pngPixels(scratch, png, rgb ? [rgb] : []);
    return rgb ? counted.near[0]! : counted.nonWhite;
  } finally {
    await scratch.close();
  }
}

/**
 * A PNG decoded in a page: its size and, from row `top` down, how many pixels are near each of
 * `colors` (within 24 per channel) and how many are not white.
 */
async function pngPixels(page: Page, png: Buffer, colors: Array<[number, number, number]>, top = 0): Promise<{ width: number; height: number; near: number[]; nonWhite: number }> {
  return page.evaluate(
    async ({ b64, colors, top }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, top, c.width, Math.max(1, c.height - top)).data;
      const near = colors.map(() => 0);
      let nonWhite = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
        if (r < 240 || g < 240 || b < 240) nonWhite++;
        colors.forEach(([cr, cg, cb], k) => {
          if (Math.abs(r - cr) < 24 && Math.abs(g - cg) < 24 && Math.abs(b - cb) < 24) near[k]!++;
        });
      }
      return { width: img.width, height: img.height, near, nonWhite };
    },
    { b64: png.toString('base64'), colors, top },
  );
}

const hex = (color: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

async function searchAndChoose(page: Page, text: string): Promise<void> {
  await page.fill('#search-input', text);
  await page.locator('#search-results li[data-node]').first().waitFor();
  await page.keyboard.press('Enter');
}

const snapshot = (page: Page) => page.evaluate(() => window.__kg.snapshot!());

describe('the viewer on the seed graph', { skip }, () => {
  test('draws the graph: coloured nodes and Chinese labels on the canvas, a legend', async () => {
    const page = await open(server.url);
    const loading = await page.evaluate(() => ({ from: window.__kg.loadedFrom, first: window.__kg.firstFrameAt!, details: window.__kg.detailsLoadedAt ?? -1 }));
    assert.equal(loading.from, 'skeleton', 'drawn first from the skeleton kg build wrote beside the graph');
    assert.ok(loading.details >= loading.first, 'the mentions and evidence filled in after the first frame');
    assert.ok((await stagePixels(page, 'seed-overview')) > 5000, 'the canvas has drawn pixels');
    assert.equal(await page.locator('.legend-entry.type').count(), 7);
    const labels = await page.evaluate(() => [...window.__kg.sigma!.getNodeDisplayedLabels()]);
    assert.ok(labels.length > 3, 'some labels are drawn');
    assert.ok(labels.length < seed.order / 2, `label density is limited (${labels.length} of ${seed.order})`);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('searching 江津 selects that entity and the panel shows an evidence sentence with it marked', async () => {
    const page = await open(server.url);
    await page.fill('#search-input', '江津');
    await page.locator('#search-results li[data-node]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'search-jiangjin.png') });
    await page.keyboard.press('Enter');
    const expected = nodeNamed(seed, '江津');
    assert.ok(expected, 'the seed graph has an entity named 江津');
    assert.equal((await snapshot(page)).selected, expected);
    const panel = page.locator('#panel');
    assert.equal(await panel.locator('.entity-title').textContent(), seed.getNodeAttribute(expected, 'label'));
    assert.match((await panel.locator('.mention-count').textContent()) ?? '', new RegExp(`^${seed.getNodeAttribute(expected, 'mentions').length} in`));
    const evidence = panel.locator('.evidence').first();
    const sentence = (await evidence.textContent()) ?? '';
    const stated = seed.edges(expected).flatMap((e) => seed.getEdgeAttribute(e, 'evidence').map((ev: { sentence: string }) => ev.sentence));
    assert.ok(stated.includes(sentence), `the panel shows an evidence sentence of the entity: ${sentence}`);
    assert.match((await evidence.locator('mark.self').first().textContent()) ?? '', /江津/);
    await stagePixels(page, 'selected-jiangjin');
    assert.match(page.url(), /#node=/, 'the selection is in the URL hash');
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('drawn from the skeleton, the page answers search and clicks before the mentions and evidence are in, and fills them in when they come', async () => {
    const { page, errors, release } = await openHeldBack(server.url);
    assert.equal(await page.evaluate(() => window.__kg.error), null);
    assert.deepEqual(await page.evaluate(() => ({ from: window.__kg.loadedFrom, ready: window.__kg.ready, details: window.__kg.detailsLoadedAt })), { from: 'skeleton', ready: false, details: null });
    // the overview ranks by the skeleton's mention counts: the same list as once the mentions are in
    const ranked = () => page.locator('#most-mentioned li').allTextContents();
    const before = await ranked();
    assert.ok(before.length > 0, 'the most mentioned entities are listed before the mentions are in');
    // the two filters that read the mentions wait for them
    assert.equal(await page.locator('#doc-filter').isDisabled(), true);
    assert.equal(await page.locator('#show-documents').isDisabled(), true);
    // search and choose: the entity's panel, its count from the skeleton, its documents and evidence loading
    const expected = nodeNamed(seed, '江津')!;
    await searchAndChoose(page, '江津');
    assert.equal((await snapshot(page)).selected, expected);
    const panel = page.locator('#panel');
    assert.equal(await panel.locator('.entity-title').textContent(), seed.getNodeAttribute(expected, 'label'));
    assert.equal(await panel.locator('.mention-count').textContent(), String(seed.getNodeAttribute(expected, 'mentions').length));
    assert.equal(await panel.locator('.documents-loading').count(), 1);
    assert.ok((await panel.locator('.evidence-loading').count()) > 0, 'each relation says its evidence is loading');
    assert.equal(await panel.locator('.evidence').count(), 0);

    release();
    await page.waitForFunction(() => window.__kg.ready || window.__kg.error, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.__kg.error), null);
    // the same panel, filled in
    assert.equal((await snapshot(page)).selected, expected);
    assert.match((await panel.locator('.mention-count').textContent()) ?? '', new RegExp(`^${seed.getNodeAttribute(expected, 'mentions').length} in`));
    assert.equal(await panel.locator('.evidence-loading').count(), 0);
    assert.ok((await panel.locator('.evidence').count()) > 0, 'the evidence sentences are shown once they are in');
    assert.ok((await panel.locator('.documents .doc-link').count()) > 0, 'and the documents');
    assert.equal(await page.locator('#doc-filter').isDisabled(), false);
    assert.equal(await page.locator('#show-documents').isDisabled(), false);
    await page.evaluate(() => window.__kg.state!.selection.set((s) => ({ ...s, selected: null })));
    assert.deepEqual(await ranked(), before);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a link to one document, or an article to read, asked for before the mentions are in, waits for them', async () => {
    const { page, errors, release } = await openHeldBack(server.url);
    // an article from the overview's list: its text comes, its mentions are awaited
    const docButton = page.locator('#panel .documents .doc-link').first();
    const doc = (await docButton.getAttribute('data-doc'))!;
    await docButton.click();
    await page.locator('#reader .hint', { hasText: 'Loading the mentions' }).waitFor();
    assert.equal(await page.locator('.reader-mention').count(), 0);
    // a link to that document's part, typed in: not applied, and not overwritten by a hover's state change
    await page.evaluate((d) => (location.hash = `#doc=${encodeURIComponent(d)}`), doc);
    await page.waitForTimeout(100);
    assert.equal((await snapshot(page)).doc, null);
    await page.evaluate(() => window.__kg.state!.selection.set((s) => ({ ...s, hoveredNode: window.__kg.graph!.nodes()[0]! })));
    assert.match(page.url(), /#doc=/);

    release();
    await page.waitForFunction(() => window.__kg.ready || window.__kg.error, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.__kg.error), null);
    await page.waitForFunction(() => window.__kg.snapshot!().doc !== null);
    assert.equal((await snapshot(page)).doc, doc, 'the link applied once the mentions are in');
    await page.locator('.reader-mention').first().waitFor();
    assert.ok((await page.locator('.reader-mention').count()) > 0, 'the article opened, its mentions underlined');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('pinyin finds entities: jiangjin and its initials', async () => {
    const page = await open(server.url);
    for (const query of ['jiangjin', 'jjq']) {
      await page.fill('#search-input', query);
      const first = page.locator('#search-results li[data-node]').first();
      await first.waitFor();
      const label = seed.getNodeAttribute((await first.getAttribute('data-node'))!, 'label') as string;
      assert.match(label, /^江津/, `${query} finds ${label}`);
    }
    await page.close();
  });

  test('hovering a node highlights its neighbourhood and dims the rest', async () => {
    const page = await open(server.url);
    const hub = seed.nodes().reduce((a, b) => (seed.degree(b) > seed.degree(a) ? b : a));
    const at = await page.evaluate((node) => {
      const s = window.__kg.sigma!;
      const p = s.framedGraphToViewport(s.getNodeDisplayData(node)!);
      const r = s.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, hub);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction((node) => window.__kg.state!.selection.get().hoveredNode === node, hub);
    const lit = new Set(await page.evaluate(() => window.__kg.highlightedNodes!()));
    assert.deepEqual(lit, new Set([hub, ...seed.neighbors(hub)]));
    await stagePixels(page, 'hover-hub');
    await page.close();
  });

  test('a legend entry hides its entity type, on screen and in the state; the link keeps it', async () => {
    const page = await open(`${server.url}#deg=0`);
    const red = hex(TYPE_COLORS.company);
    const before = await stagePixels(page, 'legend-before', red);
    assert.ok(before > 100, 'company nodes are drawn in their colour');
    const companies = await page.evaluate(() => window.__kg.visibleNodes!('company'));
    assert.equal(companies, seed.filterNodes((_n, a) => a.entityType === 'company').length);
    await page.click('.legend-entry[data-name="company"]');
    assert.deepEqual((await snapshot(page)).hiddenTypes, ['company']);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!('company')), 0);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), seed.order - companies);
    const after = await stagePixels(page, 'legend-company-hidden', red);
    assert.ok(after < before / 20, `company colour is gone from the canvas (${before} → ${after} pixels)`);
    assert.equal(await page.locator('.legend-entry[data-name="company"]').getAttribute('aria-pressed'), 'false');
    // the same link opens the same view
    const again = await open(page.url());
    assert.deepEqual((await snapshot(again)).hiddenTypes, ['company']);
    await again.click('.legend-entry[data-name="company"]');
    assert.equal(await again.evaluate(() => window.__kg.visibleNodes!('company')), companies);
    await again.close();
    await page.close();
  });

  test('path mode highlights the shortest path between two entities with each hop’s evidence', async () => {
    const [from, , to] = twoHopsWithEvidence(seed);
    const page = await open(server.url);
    await page.click('#path-mode');
    await searchAndChoose(page, seed.getNodeAttribute(from, 'label'));
    await searchAndChoose(page, seed.getNodeAttribute(to, 'label'));
    const { path } = await snapshot(page);
    assert.equal(path.from, from);
    assert.equal(path.to, to);
    assert.equal(path.nodes!.length, 3, 'two hops');
    path.nodes!.slice(1).forEach((n, i) => assert.ok(seed.areNeighbors(path.nodes![i]!, n), 'each hop is an edge of the graph'));
    assert.deepEqual(new Set(await page.evaluate(() => window.__kg.highlightedNodes!())), new Set(path.nodes));
    assert.equal(await page.locator('#panel .hop').count(), 2);
    assert.equal(await page.locator('#panel .hop .evidence').count() >= 2, true, 'each hop shows its evidence sentence');
    await stagePixels(page, 'path-mode');
    // the link reopens the path
    const again = await open(page.url());
    assert.deepEqual((await snapshot(again)).path.nodes, path.nodes);
    await again.close();
    await page.close();
  });

  test('ForceAtlas2 runs in a worker and stops; the page keeps answering meanwhile', async () => {
    // every Worker the page constructs is counted
    const page = await open(server.url, () => {
      const Native = window.Worker;
      (window as unknown as { workersMade: number }).workersMade = 0;
      window.Worker = class extends Native {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          (window as unknown as { workersMade: number }).workersMade++;
        }
      };
    });
    const workersMade = () => page.evaluate(() => (window as unknown as { workersMade: number }).workersMade);
    const key = seed.nodes()[0]!;
    const x0 = await page.evaluate((n) => window.__kg.graph!.getNodeAttribute(n, 'x'), key);
    const before = await workersMade();
    await page.click('#layout');
    assert.equal((await snapshot(page)).layoutRunning, true);
    assert.equal((await workersMade()) - before, 1, 'the layout runs in a worker of its own');
    // A timer on the main thread keeps firing while the layout runs: no step blocks the page for
    // long. The page still draws each step (in software WebGL on a loaded 2-core CI machine, a
    // 50 ms timer fired 9 times a second), so the bound is loose; that the layout is not run on
    // the main thread is what the Worker count above checks.
    const ticks = await page.evaluate(() => new Promise<number>((done) => {
      let n = 0;
      const id = setInterval(() => n++, 50);
      setTimeout(() => (clearInterval(id), done(n)), 2000);
    }));
    assert.ok(ticks >= 8, `main thread timer fired ${ticks} times in 2 s`);
    await page.click('#layout');
    assert.equal((await snapshot(page)).layoutRunning, false);
    assert.notEqual(await page.evaluate((n) => window.__kg.graph!.getNodeAttribute(n, 'x'), key), x0, 'nodes moved');
    assert.equal(await page.locator('#layout').textContent(), 'Run layout');
    await page.click('#layout');
    assert.equal((await snapshot(page)).layoutRunning, true);
    assert.equal((await workersMade()) - before, 1, 'a second run reuses the worker');
    await page.click('#layout');
    await page.close();
  });

  test('a graph mostly of unconnected entities opens with them hidden; the filter panel shows them and counts what is shown', async () => {
    const unconnected = seed.filterNodes((n) => seed.degree(n) === 0).length;
    assert.ok(unconnected > seed.order / 3, 'the seed graph is such a graph');
    const page = await open(server.url);
    assert.equal((await snapshot(page)).minDegree, 1);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), seed.order - unconnected);
    assert.equal(await page.inputValue('#min-degree'), '1');
    assert.match((await page.textContent('#shown-count'))!, new RegExp(`^${seed.order - unconnected} of ${seed.order} entities`));
    await page.selectOption('#min-degree', '0');
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), seed.order);
    assert.match(page.url(), /deg=0/, 'a change from the default goes into the link');
    // one document: only what it mentions
    const doc = (seed.getAttribute('documents') as Array<{ id: string }>)[1]!.id;
    await page.selectOption('#doc-filter', doc);
    const inDoc = seed.filterNodes((_n, a) => a.mentions.some((m: { doc: string }) => m.doc === doc)).length;
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), inDoc);
    await page.selectOption('#doc-filter', '');
    await page.selectOption('#component-filter', '0');
    const largest = await page.evaluate(() => window.__kg.visibleNodes!());
    assert.ok(largest > 1 && largest < seed.order - unconnected, `the largest part only (${largest})`);
    await page.selectOption('#component-filter', '1');
    const second = await page.evaluate(() => window.__kg.visibleNodes!());
    assert.ok(second > 1 && second <= largest, `the second part (${second})`);
    assert.match(page.url(), /part=1/);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('a click on the canvas selects, centres and zooms; its focus shows only its neighbourhood, with a way back', async () => {
    const page = await open(server.url);
    const hub = seed.nodes().sort((a, b) => seed.degree(b) - seed.degree(a))[0]!;
    const stage = (await page.locator('#stage').boundingBox())!;
    const at = await page.evaluate((n) => {
      const s = window.__kg.sigma!;
      return s.graphToViewport(window.__kg.graph!.getNodeAttributes(n));
    }, hub);
    await page.mouse.click(stage.x + at.x, stage.y + at.y);
    await page.waitForFunction((n) => window.__kg.snapshot!().selected === n, hub);
    assert.equal(await page.inputValue('#search-input'), seed.getNodeAttribute(hub, 'label'), 'the search box names the choice');
    await page.waitForTimeout(700); // the camera animation ends
    const after = await page.evaluate((n) => {
      const s = window.__kg.sigma!;
      return { ratio: s.getCamera().ratio, at: s.graphToViewport(window.__kg.graph!.getNodeAttributes(n)) };
    }, hub);
    assert.ok(after.ratio <= 0.35, `zoomed in (ratio ${after.ratio})`);
    assert.ok(Math.abs(after.at.x - stage.width / 2) < 20 && Math.abs(after.at.y - stage.height / 2) < 20, 'centred');
    // focus: 1 hop, then 2, then everything again
    await page.click('.focus-actions button[data-hops="1"]');
    const neighbours = new Set(seed.neighbors(hub)).size;
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), 1 + neighbours);
    assert.match(page.url(), /focus=/);
    await page.click('#focus-bar button[data-hops="2"]');
    const twoHops = new Set([hub, ...seed.neighbors(hub).flatMap((n) => [n, ...seed.neighbors(n)])]);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), twoHops.size);
    await page.click('#focus-bar .focus-off');
    assert.equal((await snapshot(page)).focus, null);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), seed.filterNodes((n) => seed.degree(n) > 0).length);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('the ranked lists follow the filters; / goes to the search field', async () => {
    const page = await open(server.url);
    const first = async () => page.locator('#most-connected li button').first().getAttribute('data-node');
    const top = (await first())!;
    const degree = (n: string) => seed.degree(n);
    assert.equal(degree(top), Math.max(...seed.nodes().map(degree)), 'most connected first');
    const type = seed.getNodeAttribute(top, 'entityType');
    await page.click(`.legend-entry[data-name="${type}"]`);
    const listed = await page.locator('#most-connected li button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-node')!));
    assert.ok(listed.length > 0 && listed.every((n) => seed.getNodeAttribute(n, 'entityType') !== type), 'a hidden type leaves the list');
    const mentioned = await page.locator('#most-mentioned li button').first().getAttribute('data-node');
    assert.ok(mentioned && seed.getNodeAttribute(mentioned, 'entityType') !== type);
    await page.locator('#stage').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.close();
  });

  test('the reader opens an evidence sentence in its article, marked, with the mentions underlined; a mention selects its entity', async () => {
    const page = await open(server.url);
    await searchAndChoose(page, '江津区');
    const cite = page.locator('#panel .cite').first();
    await cite.click();
    await page.locator('#reader-text').waitFor();
    const marked = (await page.locator('.reader-sentence').allTextContents()).join('');
    const quote = (await page.locator('#panel .evidence').first().textContent())!;
    assert.equal(marked.replace(/\s+/g, ''), quote.replace(/\s+/g, ''), 'the sentence quoted is the one marked');
    assert.ok((await page.locator('.reader-mention').count()) > 10, 'mentions underlined');
    // Escape closes the reader and nothing else; the next one leaves the selection
    const selected = (await snapshot(page)).selected;
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#reader').isHidden(), true);
    assert.equal((await snapshot(page)).selected, selected);
    await page.keyboard.press('Escape');
    assert.equal((await snapshot(page)).selected, null);
    await searchAndChoose(page, '江津区');
    await cite.click();
    await page.locator('#reader-text').waitFor();
    const mention = page.locator('.reader-mention').nth(3);
    const node = (await mention.getAttribute('data-node'))!;
    await mention.click();
    assert.equal((await snapshot(page)).selected, node);
    await page.click('#reader-close');
    assert.equal(await page.locator('#reader').isHidden(), true);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('documents on the canvas, off at first: a square per article linked to what it mentions; a click on one opens it', async () => {
    const page = await open(server.url);
    assert.deepEqual(await page.evaluate(() => window.__kg.documentMarks!()), []);
    await page.check('#show-documents');
    await page.waitForFunction(() => window.__kg.documentMarks!().length > 0);
    const marks = await page.evaluate(() => window.__kg.documentMarks!());
    assert.equal(marks.length, (seed.getAttribute('documents') as unknown[]).length, 'every article mentions something shown');
    assert.match(page.url(), /docs/);
    assert.equal(await page.evaluate(() => window.__kg.visibleNodes!()), seed.filterNodes((n) => seed.degree(n) > 0).length, 'documents are not entities');
    const stage = (await page.locator('#stage').boundingBox())!;
    const mark = marks.find((m) => m.x > 20 && m.y > 20 && m.x < stage.width - 20 && m.y < stage.height - 20)!;
    await page.mouse.click(stage.x + mark.x, stage.y + mark.y);
    await page.locator('#reader-text').waitFor();
    assert.equal(await page.textContent('.reader-doc'), mark.doc);
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test('colouring by community gives linked entities shared colours, and the link keeps it', async () => {
    const page = await open(server.url);
    // the colours each entity type is drawn in: one by type; by community, a type spans communities
    const coloursPerType = () =>
      page.evaluate(() => {
        const { graph, sigma } = window.__kg;
        const byType = new Map<string, Set<string>>();
        graph!.forEachNode((n, a) => {
          const d = sigma!.getNodeDisplayData(n)!;
          if (!d.hidden) byType.set(a.entityType, (byType.get(a.entityType) ?? new Set()).add(d.color));
        });
        return [...byType.values()].map((c) => c.size);
      });
    assert.ok((await coloursPerType()).every((n) => n === 1), 'by type: one colour per type');
    await page.check('#color-community');
    await page.waitForTimeout(100);
    assert.ok((await coloursPerType()).some((n) => n > 1), 'by community: entities of one type in different colours');
    assert.match(page.url(), /color=community/);
    const again = await open(page.url());
    assert.equal(await again.isChecked('#color-community'), true);
    await again.close();
    await page.close();
  });

  test('the PNG button saves the current view as an image', async () => {
    const page = await open(server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = join(tempDir(), 'view.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    writeFileSync(join(SHOTS, 'exported-view.png'), bytes);
    assert.ok(bytes.length > 5000, 'the image has content');
    // twice the stage's size, with a title band above and a legend below in the types' colours
    const stage = (await page.locator('#stage').boundingBox())!;
    // the legend band: below the title band (44 px in png.ts) and the graph (the stage), both at 2×
    const shape = await pngPixels(page, bytes, Object.values(TYPE_COLORS).map(hex), 2 * (44 + Math.round(stage.height)));
    const found = shape.near.filter((n) => n > 0).length;
    assert.equal(shape.width, Math.round(stage.width) * 2);
    assert.ok(shape.height > Math.round(stage.height) * 2, 'title and legend around the graph');
    assert.ok(found >= 5, `the legend shows the types' colours (${found} found)`);
    await page.close();
  });

  test('the self-contained HTML export works from a file:// URL', async () => {
    const out = join(tempDir(), 'seed-graph.html');
    writeHtmlExport(seedFile, out);
    const html = readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /src="\.\/assets|href="\.\/assets/, 'no file it needs beside it');
    const page = await open(pathToFileURL(out).href);
    assert.equal(await page.evaluate(() => window.__kg.error), null);
    assert.ok((await stagePixels(page, 'html-export-file')) > 5000, 'the canvas has drawn pixels');
    await searchAndChoose(page, '江津');
    assert.equal((await snapshot(page)).selected, nodeNamed(seed, '江津'));
    // the ForceAtlas2 worker starts from a blob: URL, allowed by the page's policy from file:// too
    const key = seed.nodes()[0]!;
    const x0 = await page.evaluate((n) => window.__kg.graph!.getNodeAttribute(n, 'x'), key);
    await page.click('#layout');
    await page.waitForFunction(([n, x]) => window.__kg.graph!.getNodeAttribute(n as string, 'x') !== x, [key, x0] as const);
    await page.click('#layout');
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });
});

describe('broken graphs get a message, not a blank canvas', { skip }, () => {
  const cases: Array<[string, string | null, RegExp]> = [
    ['malformed', '{"nodes": [{"key": "a"', /not valid JSON/],
    ['not-a-graph', '{"hello": 1}', /not a kg graph/i],
    ['empty-graph', JSON.stringify({ attributes: { documents: [] }, nodes: [], edges: [] }), /empty/],
    ['empty-file', '', /empty/],
    ['missing', null, /No graph/],
  ];
  for (const [name, content, message] of cases) {
    test(name, async () => {
      const file = join(tempDir(), 'graph.json');
      if (content !== null) writeFileSync(file, content);
      const s = await serve(file);
      const page = await open(s.url);
      assert.equal(await page.locator('#message').isVisible(), true);
      assert.match((await page.locator('#message').textContent()) ?? '', message);
      await page.screenshot({ path: join(SHOTS, `message-${name}.png`) });
      await page.close();
    });
  }
  test('an HTML export of an empty graph says so too', async () => {
    const out = join(tempDir(), 'empty.html');
    const empty = (await graphOf({ 'a.txt': '今天天气很好。' }));
    empty.clear();
    writeHtmlExport(empty, out);
    const page = await open(pathToFileURL(out).href);
    assert.match((await page.locator('#message').textContent()) ?? '', /empty/);
    await page.close();
  });
});

describe('article text is text, never HTML', { skip }, () => {
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const SCRIPT = '<script>window.__pwned=1</script>';

  async function hostileGraph(): Promise<{ graph: DirectedGraph; node: string }> {
    const graph = await graphOf({
      'a.txt': `${IMG}重庆宏远机械股份有限公司位于江津区双福工业园。${SCRIPT}区委书记唐大军到重庆宏远机械股份有限公司调研。`,
    });
    // names the extractor would not produce, to be sure hostile labels and sentences reach the page
    const node = `company:${IMG}科技有限公司`;
    const place = nodeNamed(graph, '江津区') ?? graph.nodes()[0]!;
    graph.addNode(node, {
      label: `${IMG}科技有限公司`,
      entityType: 'company',
      aliases: [SCRIPT, `</script><script>window.__pwned=1</script>`],
      mentions: [{ doc: 'a.txt', start: 0, end: 5, text: IMG, sentence: 0 }],
      x: 0,
      y: 0,
      size: 8,
      color: TYPE_COLORS.company,
    });
    graph.addDirectedEdgeWithKey(`${node}->located-in->${place}`, node, place, {
      relation: 'located-in',
      evidence: [{ doc: `${SCRIPT}.txt`, start: 0, end: 10, sentence: `${SCRIPT}${IMG}</script>\u2028<!--位于江津区` }],
      derived: false,
      weight: 1,
    });
    return { graph, node };
  }

  for (const where of ['served', 'file']) {
    test(`no script runs from names or sentences (${where})`, async () => {
      const { graph, node } = await hostileGraph();
      const dir = tempDir();
      let url: string;
      if (where === 'served') {
        writeFileSync(join(dir, 'graph.json'), JSON.stringify(graph.export()));
        url = (await serve(join(dir, 'graph.json'))).url;
      } else {
        writeHtmlExport(graph, join(dir, 'hostile.html'));
        url = pathToFileURL(join(dir, 'hostile.html')).href;
      }
      const page = await open(url);
      assert.equal(await page.evaluate(() => window.__kg.error), null, 'the page loads');
      await page.fill('#search-input', 'onerror');
      await page.locator(`#search-results li[data-node]`).first().waitFor();
      await page.keyboard.press('Enter');
      assert.equal((await snapshot(page)).selected, node);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `hostile-${where}.png`) });
      const panel = (await page.locator('#panel').textContent()) ?? '';
      assert.ok(panel.includes(IMG), 'the name is shown as text');
      assert.ok(panel.includes(SCRIPT), 'the sentence is shown as text');
      assert.equal(await page.evaluate(() => document.querySelectorAll('#panel img, #panel script, #search-results img').length), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });
  }
});

describe('kg view serves the viewer and the graph only', { skip }, () => {
  function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      // node:http sends the path as written: no client-side clean-up of ../
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  test('binds to 127.0.0.1 and serves the page, its assets and the graph with their types', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    const asset = /src="\.(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    const js = await get(asset);
    assert.equal(js.status, 200);
    assert.match(js.type, /^text\/javascript/);
    const graph = await get('/graph.json');
    assert.equal(graph.status, 200);
    assert.match(graph.type, /^application\/json/);
    assert.equal(JSON.parse(graph.body).nodes.length, seed.order);
  });

  test('the skeleton is served while it describes the graph file; once the graph file changes, the viewer draws from graph.json', async () => {
    const dir = tempDir();
    const file = join(dir, 'graph.json');
    writeGraphFile(file, seed, { skeleton: true });
    const own = await serve(file);
    const fetchText = async (path: string) => {
      const r = await fetch(new URL(path, own.url));
      return { status: r.status, body: await r.text() };
    };
    const current = await fetchText('/graph.skeleton.json');
    assert.equal(current.status, 200);
    assert.equal(current.body, readFileSync(skeletonPath(file), 'utf8'));
    // graph.json served with the stamp of the file read, the one the skeleton records
    const served = await fetch(new URL('/graph.json', own.url));
    assert.deepEqual(JSON.parse(served.headers.get('x-kg-graph-stamp')!), JSON.parse(current.body).graph);
    // a graph drawn from its skeleton, then handed a graph.json of another stamp (rebuilt in
    // between), says so instead of mixing the two
    const raced = await browser.newPage();
    await raced.route('**/graph.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'x-kg-graph-stamp': JSON.stringify({ bytes: 1, mtimeMs: 2, ino: 3 }) } });
    });
    await raced.goto(own.url);
    await raced.waitForFunction(() => window.__kg && (window.__kg.ready || window.__kg.error), null, { timeout: 20_000 });
    assert.match((await raced.evaluate(() => window.__kg.error))!, /changed while it was loading/);
    assert.match((await raced.locator('#message').textContent())!, /reload the page/);
    await raced.close();
    // a new modification time: the skeleton no longer describes the file
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    assert.equal((await fetchText('/graph.skeleton.json')).status, 404);
    const page = await open(own.url);
    assert.equal(await page.evaluate(() => window.__kg.loadedFrom), 'graph');
    await searchAndChoose(page, '江津');
    await page.locator('#panel .evidence').first().waitFor();
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("an article of the graph is served as the build read it; other documents and changed files are not", async () => {
    const doc = (seed.getAttribute('documents') as Array<{ id: string; path: string }>)[0]!;
    const r = await get(`/articles/${encodeURIComponent(doc.id)}`);
    assert.equal(r.status, 200);
    const body = JSON.parse(r.body);
    assert.equal(body.text, readFileSync(doc.path, 'utf8').replace(/^\uFEFF/, ''));
    // every mention's offsets slice its text out of what is served (a name broken over two lines is kept joined)
    seed.forEachNode((_n, a) => {
      for (const m of a.mentions) if (m.doc === doc.id) assert.equal(body.text.slice(m.start, m.end).replace(/\s+/g, ''), m.text);
    });
    assert.equal((await get('/articles/nope.txt')).status, 404);
    assert.equal((await get('/articles/..%2f..%2fpackage.json')).status, 400);
    // a corpus whose article changed after the build
    const corpus = writeCorpus({ 'a.txt': '江津区双福工业园新签约项目12个。' });
    const g = join(tempDir(), 'g.json');
    writeFileSync(g, JSON.stringify((await build([corpus], { model: null })).graph.export()));
    const s = await serve(g);
    writeFileSync(join(corpus, 'a.txt'), '改了。');
    const changed = await fetch(`${s.url}articles/a.txt`);
    assert.equal(changed.status, 410);
    assert.match((await changed.json()).error, /changed since the graph was built/);
  });

  test('no path outside the viewer: ../ in every spelling is refused', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/assets/../../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '//etc/passwd',
      '/package.json',
      '/src/cli/main.ts',
      '/viewer/index.html',
      '/index.html%00.js',
      '/%ff',
    ];
    for (const path of attempts) {
      const r = await get(path);
      assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /"name": "kg"|root:/, path);
    }
    assert.equal((await get('/', {}, 'POST')).status, 405);
    assert.equal((await get('/', { Host: 'attacker.example:80' })).status, 403, 'a foreign Host header (DNS rebinding) is refused');
  });

  test('kg view prints the URL, serves until Ctrl-C and says so; bad graphs and ports fail cleanly', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'view', seedFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    cli.stderr.on('data', (c) => (stderr += c));
    const url = await new Promise<string>((resolve, reject) => {
      cli.stdout.once('data', (c) => resolve(String(c).trim()));
      cli.once('exit', () => reject(new Error(`kg view exited: ${stderr}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${url}graph.json`);
    assert.equal(res.status, 200);
    cli.kill('SIGINT');
    const code = await new Promise((resolve) => cli.once('exit', resolve));
    assert.equal(code, 0);
    assert.match(stderr, /server stopped/);

    const missing = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'view', join(tempDir(), 'none.json'), '--port', '0'], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^kg: .*none\.json: no such file/);
    const badPort = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'view', seedFile, '--port', 'eighty'], { encoding: 'utf8' });
    assert.equal(badPort.status, 2);
  });
});

/** Three nodes a–b–c, c not next to a, both edges stated with a sentence, a and c with unique labels. */
function twoHopsWithEvidence(graph: DirectedGraph): [string, string, string] {
  const labelCount = new Map<string, number>();
  graph.forEachNode((_n, a) => labelCount.set(a.label, (labelCount.get(a.label) ?? 0) + 1));
  const unique = (n: string) => labelCount.get(graph.getNodeAttribute(n, 'label')) === 1;
  const stated = (a: string, b: string) => graph.edges(a, b).concat(graph.edges(b, a)).some((e) => graph.getEdgeAttribute(e, 'evidence').length > 0);
  for (const mid of graph.nodes()) {
    const ends = graph.neighbors(mid).filter((n) => unique(n) && stated(n, mid));
    for (const a of ends) for (const c of ends) if (a !== c && !graph.areNeighbors(a, c)) return [a, mid, c];
  }
  throw new Error('the seed graph has no two-hop path with evidence');
}
