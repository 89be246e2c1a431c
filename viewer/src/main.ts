// The viewer: load the graph, draw it with sigma, wire the stores to the UI. Graph logic lives
// in plain modules (search, path, highlight, reducers); the UI components are thin.
import './style.css';
import Sigma from 'sigma';
import { loadGraph, type LoadedGraph } from './load.js';
import { wholeDetails, type Details } from './details.js';
import { GraphProblem } from './schema.js';
import { createAppState, EMPTY_PATH, NO_FILTERS, type AppState, type Filters } from './state.js';
import { highlightOf } from './highlight.js';
import { createReducers, type ViewSnapshot } from './reducers.js';
import { settingsFor } from './settings.js';
import { shortestPath } from './path.js';
import { formatHash, parseHash } from './hash.js';
import { focusNodes } from './camera.js';
import { isNodeVisible, unconnectedShare, visibleOf } from './visibility.js';
import { communityColors } from './communities.js';
import { documentLayer } from './documents.js';
import { createLayout } from './layout.js';
import { drawEdgeLabels } from './edge-labels.js';
import { nodePrograms } from './programs.js';
import type { EdgeGate } from './edge-programs.js';
import { describeView, downloadCanvas, renderPng } from './png.js';
import { completeHooks, initHooks } from './hooks.js';
import { byId } from './ui/dom.js';
import { showMessage } from './ui/message.js';
import { mountLegend } from './ui/legend.js';
import { mountPanel } from './ui/panel.js';
import { mountFilters } from './ui/filters.js';
import { mountReader } from './ui/reader-view.js';
import { mountSearchBox } from './ui/search-box.js';
import type { KgGraph } from './types.js';

async function start(): Promise<void> {
  const hooks = initHooks();
  const fail = (title: string, text: string) => {
    hooks.error = `${title}: ${text}`;
    showMessage(title, text);
  };
  const failWith = (err: unknown) => {
    if (err instanceof GraphProblem) fail(err.title, err.message);
    else fail('Cannot show the graph', (err as Error).message);
  };
  let loaded: LoadedGraph;
  try {
    loaded = await loadGraph();
    hooks.graphLoadedAt = performance.now();
    hooks.loadedFrom = loaded.from;
  } catch (err) {
    failWith(err);
    return;
  }
  const graph = loaded.graph;
  // a graph drawn from its skeleton: its mentions and evidence still to fetch, the page wired
  // meanwhile (details.ts)
  const pending = loaded.details;
  const details: Details = pending ?? wholeDetails(graph);
  let filled: Promise<boolean> | null = null;
  const loadDetails = (): Promise<boolean> =>
    (filled ??= !pending
      ? Promise.resolve(true)
      : pending.load().then(
          () => {
            hooks.detailsLoadedAt = performance.now();
            return true;
          },
          (err: unknown) => {
            failWith(err);
            return false;
          },
        ));
  if (graph.order === 0) {
    fail('The graph is empty', 'It has no entities: the articles it was built from named none that kg recognises. Build it from other articles with `kg build`.');
    return;
  }

  const state = createAppState();
  // a graph mostly of isolated dots opens with them hidden, so the connected part gets the canvas
  const defaultMinDegree = unconnectedShare(graph) > 1 / 3 ? 1 : 0;
  applyHash(graph, state, location.hash, defaultMinDegree);
  // a link to one document's part, or to the documents drawn, needs every mention before the first frame
  if ((state.filters.get().doc || state.showDocuments.get()) && !(await loadDetails())) return;
  // one snapshot object, updated in place: the reducers read it for every node and edge
  const view: ViewSnapshot = { filters: state.filters.get(), visible: visibleOf(graph, state.filters.get()), selection: state.selection.get(), highlight: null, communities: null };
  const edges: EdgeGate = { paused: false };
  const nodes = nodePrograms();
  const update = () => {
    view.filters = state.filters.get();
    view.visible = visibleOf(graph, view.filters);
    view.communities = state.colorBy.get() === 'community' ? communityColors(graph) : null;
    view.selection = state.selection.get();
    view.highlight = highlightOf(graph, view.filters, view.selection, state.path.get());
  };
  update(); // before sigma exists, so that its first render is the only one before the first frame

  let sigma: Sigma<any, any, any>;
  const stage = byId('stage');
  try {
    // all settings at construction: changed later (setSettings), sigma's per-node code ran
    // ten times slower for its next few refreshes
    sigma = new Sigma(graph, stage, { ...settingsFor(graph, stage.clientWidth, stage.clientHeight, nodes.classes, edges), ...createReducers(graph, () => view) });
    hooks.sigmaMadeAt = performance.now();
  } catch (err) {
    fail('This browser cannot draw the graph', `WebGL is not available (${(err as Error).message}).`);
    return;
  }
  frameFromState(graph, state, sigma);
  // the frame is on screen once the task of the next animation frame, which commits it (and,
  // with software WebGL, waits for the drawing to finish), is over
  const firstFrame = new Promise<void>((done) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        hooks.firstFrameAt = performance.now();
        done();
      }, 0),
    ),
  );
  // drawn from the skeleton: once the frame is on screen, the mentions and evidence are fetched
  // while the page is wired (what needs them says it is loading until they are in)
  if (!details.ready()) await firstFrame;
  const detailsIn = loadDetails();

  drawEdgeLabels(sigma, () => view);
  const documents = documentLayer(sigma, graph, () => view, () => state.showDocuments.get());
  const layout = createLayout(graph, sigma, { edges, mover: nodes.mover });
  const actions = createActions(graph, state, sigma);

  // every state change: recompute what stands out, redraw (re-index only when filters change)
  const redraw = (full: boolean) => {
    update();
    sigma.refresh(full ? undefined : { skipIndexation: true });
  };
  state.selection.subscribe(() => redraw(false));
  state.path.subscribe(() => redraw(false));
  state.colorBy.subscribe(() => redraw(false));
  state.showDocuments.subscribe(() => redraw(false));
  state.filters.subscribe(() => {
    const p = state.path.get();
    if (p.active && p.from && p.to) state.path.set({ ...p, result: shortestPath(graph, p.from, p.to, state.filters.get()) });
    redraw(true);
  });

  sigma.on('enterNode', ({ node }) => state.selection.set((s) => ({ ...s, hoveredNode: node })));
  sigma.on('leaveNode', () => state.selection.set((s) => ({ ...s, hoveredNode: null })));
  sigma.on('enterEdge', ({ edge }) => state.selection.set((s) => ({ ...s, hoveredEdge: edge })));
  sigma.on('leaveEdge', () => state.selection.set((s) => ({ ...s, hoveredEdge: null })));
  // a document's square (drawn over nodes) takes a click: it opens the article
  const documentAt = (event: { x: number; y: number }) => (state.showDocuments.get() ? documents.at(event.x, event.y) : null);
  // a click on the canvas centres and zooms as a search does
  sigma.on('clickNode', ({ node, event }) => {
    const doc = documentAt(event);
    if (doc) void reader.open(doc);
    else actions.pick(node, { focus: true });
  });
  sigma.on('clickStage', ({ event }) => {
    const doc = documentAt(event);
    if (doc) void reader.open(doc);
    else if (!state.path.get().active) state.selection.set((s) => ({ ...s, selected: null }));
  });

  mountLegend(byId('legend'), graph, state);
  mountFilters(byId('filters'), graph, state, actions, details);
  const reader = mountReader(graph, (node) => actions.select(node), details);
  mountPanel(byId('panel'), graph, state, { ...actions, read: (doc, sentence) => void reader.open(doc, sentence) }, details);
  const searchBox = mountSearchBox(graph, (node) => actions.pick(node, { focus: true }), details.mentionCount);
  // the PNG: the view at 2×, titled, with a legend of what is shown
  const png = () =>
    renderPng(sigma, {
      ...describeView(graph, view.visible, state.colorBy.get() === 'type'),
      prepare: (tmp) => {
        drawEdgeLabels(tmp, () => view);
        if (state.showDocuments.get()) documentLayer(tmp, graph, () => view, () => true);
      },
    });
  mountToolbar(state, sigma, layout, actions, png);
  state.path.subscribe((p) => searchBox.setPrompt(!p.active ? '' : !p.from ? 'Path: choose where it starts' : !p.to ? 'Path: choose where it ends' : ''));
  state.selection.subscribe((s, prev) => {
    if (s.selected !== prev.selected) searchBox.show(s.selected && graph.hasNode(s.selected) ? graph.getNodeAttribute(s.selected, 'label') : '');
  });
  if (state.selection.get().selected) searchBox.show(graph.getNodeAttribute(state.selection.get().selected!, 'label'));

  syncHash(graph, state, defaultMinDegree, sigma, details);

  // Escape closes the reader if it is open; else (outside a text field) it leaves path mode or
  // the selection. One handler, so that closing the reader does not also drop the selection.
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (reader.isOpen()) reader.close();
    else if (!(e.target instanceof HTMLInputElement)) {
      if (state.path.get().active) state.path.set(EMPTY_PATH);
      else state.selection.set((s) => ({ ...s, selected: null }));
    }
  });
  window.addEventListener('pagehide', () => layout.kill());
  completeHooks(hooks, graph, sigma, state, () => view.highlight?.nodes ?? null, png, layout);
  hooks.documentMarks = () => documents.marks();
  hooks.interactiveAt = performance.now();
  if (await detailsIn) hooks.ready = true;
  // the details could not be read: the page says why, and a layout started meanwhile stops
  else layout.kill();
}

function createActions(graph: KgGraph, state: AppState, sigma: Sigma<any, any, any>) {
  const reveal = (node: string) => {
    // choosing an entity the filters hide shows it: its type again, then no narrowing filter
    const type = graph.getNodeAttribute(node, 'entityType');
    if (state.filters.get().hiddenTypes.has(type)) {
      state.filters.set((f) => ({ ...f, hiddenTypes: new Set([...f.hiddenTypes].filter((t) => t !== type)) }));
    }
    if (!isNodeVisible(graph, state.filters.get(), node)) state.filters.set((f) => ({ ...f, minDegree: 0, doc: null, focus: null, component: null }));
  };
  const setPath = (from: string | null, to: string | null) => {
    const result = from && to ? shortestPath(graph, from, to, state.filters.get()) : null;
    state.path.set({ active: true, from, to, result });
    if (result) focusNodes(sigma, result.nodes);
  };
  // frames what the filters show (the whole graph when nothing is filtered)
  const fit = () => {
    const shown = visibleOf(graph, state.filters.get()).nodes;
    if (shown.size === graph.order || shown.size === 0) void sigma.getCamera().animatedReset({ duration: 400 });
    else focusNodes(sigma, [...shown]);
  };
  return {
    /** a click or a search result: an end of the path in path mode, else the selection */
    pick(node: string, options: { focus?: boolean } = {}) {
      reveal(node);
      const p = state.path.get();
      if (p.active) {
        if (!p.from || (p.from && p.to)) setPath(node, null);
        else setPath(p.from, node);
        if (options.focus && !(p.from && !p.to)) focusNodes(sigma, [node]);
        return;
      }
      state.selection.set((s) => ({ ...s, selected: node }));
      if (options.focus) focusNodes(sigma, [node]);
    },
    select(node: string) {
      reveal(node);
      state.path.set(EMPTY_PATH);
      state.selection.set((s) => ({ ...s, selected: node }));
      focusNodes(sigma, [node]);
    },
    togglePathMode() {
      const p = state.path.get();
      if (p.active) state.path.set(EMPTY_PATH);
      else setPath(state.selection.get().selected, null);
    },
    swapPath: () => setPath(state.path.get().to, state.path.get().from),
    clearPath: () => setPath(null, null),
    leavePath: () => state.path.set(EMPTY_PATH),
    /** shows only the node's neighbourhood of so many hops (null: everything again), framed */
    focusOn(node: string | null, hops = 1) {
      state.filters.set((f) => ({ ...f, focus: node ? { node, hops } : null }));
      if (node) {
        state.selection.set((s) => ({ ...s, selected: node }));
        focusNodes(sigma, [...visibleOf(graph, state.filters.get()).nodes]);
      } else {
        // what the other filters still hide stays out of the frame
        fit();
      }
    },
    fit,
    setFilters(change: Partial<Filters>) {
      state.filters.set((f) => ({ ...f, ...change }));
    },
  };
}

function mountToolbar(state: AppState, sigma: Sigma<any, any, any>, layout: ReturnType<typeof createLayout>, actions: ReturnType<typeof createActions>, png: () => Promise<HTMLCanvasElement>): void {
  const pathButton = byId<HTMLButtonElement>('path-mode');
  const layoutButton = byId<HTMLButtonElement>('layout');
  pathButton.addEventListener('click', () => actions.togglePathMode());
  state.path.subscribe((p) => pathButton.setAttribute('aria-pressed', String(p.active)));
  pathButton.setAttribute('aria-pressed', String(state.path.get().active));

  layoutButton.addEventListener('click', () => {
    if (layout.isRunning()) layout.stop();
    else layout.start();
    state.layoutRunning.set(layout.isRunning());
  });
  state.layoutRunning.subscribe((running) => {
    layoutButton.setAttribute('aria-pressed', String(running));
    layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
  });
  // Fit frames what the filters show (the whole graph when nothing is filtered)
  byId('reset-camera').addEventListener('click', () => actions.fit());
  byId('export-png').addEventListener('click', () => void png().then((canvas) => downloadCanvas(canvas, 'kg-view.png')));
}

function applyHash(graph: KgGraph, state: AppState, hash: string, defaultMinDegree: number): void {
  const h = parseHash(hash, graph);
  state.filters.set({
    ...NO_FILTERS,
    hiddenTypes: new Set(h.hiddenTypes),
    hiddenRelations: new Set(h.hiddenRelations),
    minDegree: h.minDegree ?? defaultMinDegree,
    doc: h.doc,
    focus: h.focus,
    component: h.component,
  });
  state.colorBy.set(h.colorBy);
  state.showDocuments.set(h.showDocuments);
  state.selection.set((s) => ({ ...s, selected: h.selected }));
  if (h.path) {
    const { from, to } = h.path;
    state.path.set({ active: true, from, to, result: from && to ? shortestPath(graph, from, to, state.filters.get()) : null });
  } else {
    state.path.set(EMPTY_PATH);
  }
}

/** Moves the camera to what the state points at: the path's ends or the selection, else what the filters show. */
function frameFromState(graph: KgGraph, state: AppState, sigma: Sigma<any, any, any>): void {
  const p = state.path.get();
  const ends = (p.active ? [p.from, p.to] : [state.selection.get().selected]).filter((n): n is string => !!n);
  if (ends.length > 0) {
    focusNodes(sigma, ends);
    return;
  }
  // a filtered view is framed at once (the whole graph is sigma's own starting frame)
  const shown = visibleOf(graph, state.filters.get()).nodes;
  if (shown.size < graph.order) focusNodes(sigma, [...shown], { animate: false });
}

/** Keeps the hash in step with the state, and the state with a hash typed or pasted in. */
function syncHash(graph: KgGraph, state: AppState, defaultMinDegree: number, sigma: Sigma<any, any, any>, details: Details): void {
  const current = () => {
    const p = state.path.get();
    const f = state.filters.get();
    return formatHash({
      selected: state.selection.get().selected,
      hiddenTypes: [...f.hiddenTypes],
      hiddenRelations: [...f.hiddenRelations],
      path: p.active ? { from: p.from, to: p.to } : null,
      // the default is left out of the link; a change from it is kept
      minDegree: f.minDegree === defaultMinDegree ? null : f.minDegree,
      doc: f.doc,
      focus: f.focus,
      component: f.component,
      colorBy: state.colorBy.get(),
      showDocuments: state.showDocuments.get(),
    });
  };
  // a link to one document's part, or to the documents drawn, typed before the mentions are in:
  // applied once they are, the address left as typed meanwhile
  let waiting = false;
  const write = () => {
    if (waiting) return;
    const hash = current();
    if (hash !== location.hash) history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
  };
  state.filters.subscribe(write);
  state.selection.subscribe(write);
  state.path.subscribe(write);
  state.colorBy.subscribe(write);
  state.showDocuments.subscribe(write);
  const follow = () => {
    if (location.hash === current()) return;
    applyHash(graph, state, location.hash, defaultMinDegree);
    // the camera follows, as when the link was first opened
    frameFromState(graph, state, sigma);
  };
  window.addEventListener('hashchange', () => {
    const h = parseHash(location.hash, graph);
    if (!(h.doc || h.showDocuments) || details.ready()) return follow();
    if (waiting) return;
    waiting = true;
    details.whenReady(() => {
      waiting = false;
      follow();
      write();
    });
  });
  write();
}

void start();
