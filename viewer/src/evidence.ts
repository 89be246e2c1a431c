// Marking entities inside an evidence sentence. Mentions and evidence carry offsets in the same
// original document, so a mention inside the sentence's span is marked where it stands; when
// offsets do not line up (an older graph, a hand-made file), the names are searched for instead.
import type { EvidenceRecord, MentionRecord } from './types.js';

export interface MarkTarget {
  /** which entity: the one whose panel is open, or the other end of the relation */
  role: 'self' | 'other';
  mentions: MentionRecord[];
  names: string[];
}

export interface Segment {
  text: string;
  role?: MarkTarget['role'];
}

export function markEvidence(evidence: EvidenceRecord, targets: MarkTarget[]): Segment[] {
  const sentence = evidence.sentence;
  const ranges: Array<{ start: number; end: number; role: MarkTarget['role'] }> = [];
  for (const target of targets) {
    const found = rangesFromMentions(evidence, target);
    ranges.push(...(found.length > 0 ? found : rangesFromNames(sentence, target)).map((r) => ({ ...r, role: target.role })));
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue; // overlaps one already marked
    if (r.start > at) segments.push({ text: sentence.slice(at, r.start) });
    segments.push({ text: sentence.slice(r.start, r.end), role: r.role });
    at = r.end;
  }
  if (at < sentence.length) segments.push({ text: sentence.slice(at) });
  return segments;
}

function rangesFromMentions(ev: EvidenceRecord, target: MarkTarget): Array<{ start: number; end: number }> {
  if (typeof ev.start !== 'number' || ev.end - ev.start !== ev.sentence.length) return [];
  return target.mentions
    .filter((m) => m.doc === ev.doc && m.start >= ev.start && m.end <= ev.end && m.end > m.start)
    .map((m) => ({ start: m.start - ev.start, end: m.end - ev.start }));
}

function rangesFromNames(sentence: string, target: MarkTarget): Array<{ start: number; end: number }> {
  const names = [...new Set([...target.names, ...target.mentions.map((m) => m.text)])].filter((n) => n.length > 0);
  // longest first so 江津区 wins over 江津 at the same place
  names.sort((a, b) => b.length - a.length);
  const out: Array<{ start: number; end: number }> = [];
  for (const name of names) {
    for (let i = sentence.indexOf(name); i >= 0; i = sentence.indexOf(name, i + name.length)) out.push({ start: i, end: i + name.length });
  }
  return out;
}
