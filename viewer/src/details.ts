// Whether the graph's mentions and evidence are in. A graph drawn from its skeleton (load.ts)
// gets them after its first frame: meanwhile the page is wired and answers hover, clicks and
// search, the skeleton's mention counts rank entities, and what needs the mentions themselves
// (an entity's documents, the evidence sentences, the document filter and layer, the reader)
// says it is loading or waits for them.
import type { KgGraph } from './types.js';

export interface Details {
  /** whether every node's mentions and edge's evidence are in the graph */
  ready(): boolean;
  /** an entity's number of mentions: the skeleton's until the mentions are in */
  mentionCount(node: string): number;
  /** calls `f` once the details are in (at once if they are); a failed load never calls it */
  whenReady(f: () => void): void;
}

/** An entity's number of mentions, read from the mentions themselves. */
export const mentionsOf =
  (graph: KgGraph) =>
  (node: string): number =>
    graph.getNodeAttribute(node, 'mentions').length;

/** The details of a graph that came whole: ready from the start. */
export function wholeDetails(graph: KgGraph): Details {
  return { ready: () => true, mentionCount: mentionsOf(graph), whenReady: (f) => f() };
}

/** The details of a graph drawn from its skeleton, to be fetched and filled in. */
export interface PendingDetails extends Details {
  /** fetches and fills them in (once; later calls get the same promise), then calls those waiting, in order */
  load(): Promise<void>;
}

/**
 * The details of a graph drawn from its skeleton: `fill` fetches graph.json and fills them in;
 * `skeletonCounts` gives each node's mention count meanwhile (asked for when first needed). Both
 * are let go once the details are in.
 */
export function pendingDetails(graph: KgGraph, skeletonCounts: () => ReadonlyMap<string, number>, fill: () => Promise<void>): PendingDetails {
  let counts: (() => ReadonlyMap<string, number>) | null = skeletonCounts;
  let known: ReadonlyMap<string, number> | null = null;
  let filling: (() => Promise<void>) | null = fill;
  let loading: Promise<void> | null = null;
  let ready = false;
  const waiting: Array<() => void> = [];
  const mentions = mentionsOf(graph);
  const done = () => {
    ready = true;
    counts = null;
    known = null;
    // (one that throws is reported and the others still run)
    for (const f of waiting.splice(0)) {
      try {
        f();
      } catch (err) {
        reportError(err);
      }
    }
  };
  return {
    ready: () => ready,
    mentionCount: (node) => (ready ? mentions(node) : ((known ??= counts!()).get(node) ?? 0)),
    whenReady(f) {
      if (ready) f();
      else waiting.push(f);
    },
    load() {
      loading ??= filling!().then(done);
      filling = null;
      return loading;
    },
  };
}
