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

/**
 * The details of a graph drawn from its skeleton, with the skeleton's mention count of each node;
 * `done()` says they are in (fillDetails has run) and calls those waiting, in order.
 */
export function pendingDetails(graph: KgGraph, skeletonCounts: ReadonlyMap<string, number>): Details & { done(): void } {
  let counts: ReadonlyMap<string, number> | null = skeletonCounts;
  let ready = false;
  const waiting: Array<() => void> = [];
  const mentions = mentionsOf(graph);
  return {
    ready: () => ready,
    mentionCount: (node) => (ready ? mentions(node) : (counts?.get(node) ?? 0)),
    whenReady(f) {
      if (ready) f();
      else waiting.push(f);
    },
    done() {
      if (ready) return;
      ready = true;
      counts = null;
      // (one that throws is reported and the others still run)
      for (const f of waiting.splice(0)) {
        try {
          f();
        } catch (err) {
          reportError(err);
        }
      }
    },
  };
}
