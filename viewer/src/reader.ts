// The document reader's logic: an article's text cut into segments at the marked sentence's
// ends and its mentions' ends (all offsets in the text as the build decoded it).
import type { KgGraph } from './types.js';

export interface ReaderSegment {
  text: string;
  /** inside the sentence being read */
  sentence: boolean;
  /** the entity this segment is a mention of */
  node?: string;
}

/** The mentions of one document: [start, end, node], sorted, overlaps dropped (the longer one kept). */
export function documentMentions(graph: KgGraph, doc: string): Array<[number, number, string]> {
  const all: Array<[number, number, string]> = [];
  graph.forEachNode((node, a) => {
    for (const m of a.mentions) if (m.doc === doc && m.end > m.start) all.push([m.start, m.end, node]);
  });
  all.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<[number, number, string]> = [];
  for (const m of all) if (out.length === 0 || m[0] >= out.at(-1)![1]) out.push(m);
  return out;
}

export function readerSegments(text: string, mentions: ReadonlyArray<[number, number, string]>, sentence: { start: number; end: number } | null): ReaderSegment[] {
  const cuts = new Set([0, text.length]);
  if (sentence) {
    cuts.add(Math.max(0, Math.min(text.length, sentence.start)));
    cuts.add(Math.max(0, Math.min(text.length, sentence.end)));
  }
  const inText = mentions.filter(([s, e]) => s >= 0 && e <= text.length);
  for (const [s, e] of inText) {
    cuts.add(s);
    cuts.add(e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: ReaderSegment[] = [];
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    while (m < inText.length && inText[m]![1] <= s) m++;
    const mention = inText[m] && inText[m]![0] <= s && inText[m]![1] >= e ? inText[m]![2] : undefined;
    out.push({ text: text.slice(s, e), sentence: !!sentence && s >= sentence.start && e <= sentence.end, ...(mention ? { node: mention } : {}) });
  }
  return out;
}
