// Marking entities inside an evidence sentence. Mentions and evidence carry offsets in the same
// original document, so a mention inside the sentence's span is marked where it stands, and
// nothing else: 重庆 inside 重庆润通科技有限公司 is not the place 重庆市, and an entity the sentence
// reaches through an anaphor (该园, 其) is not marked at all. Only when the evidence has no usable
// offsets (a hand-made file) are the names searched for instead.
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
    const found = hasOffsets(evidence) ? rangesFromMentions(evidence, target) : rangesFromNames(sentence, target);
    ranges.push(...found.map((r) => ({ ...r, role: target.role })));
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

/** The sentence's span in its document: the sentence is that span with its line breaks taken out. */
function hasOffsets(ev: EvidenceRecord): boolean {
  return typeof ev.start === 'number' && typeof ev.end === 'number' && ev.end - ev.start >= ev.sentence.length;
}

/**
 * Where each of the target's mentions inside the sentence's span stands in the sentence. The
 * sentence drops the span's line breaks (and the spaces around them), so a mention at document
 * offset m stands at most `dropped` characters before m − start: it is looked for there only.
 */
function rangesFromMentions(ev: EvidenceRecord, target: MarkTarget): Array<{ start: number; end: number }> {
  const dropped = ev.end - ev.start - ev.sentence.length;
  const out: Array<{ start: number; end: number }> = [];
  for (const m of target.mentions) {
    if (m.doc !== ev.doc || m.start < ev.start || m.end > ev.end || !m.text) continue;
    const at = m.start - ev.start;
    for (let i = at; i >= Math.max(0, at - dropped); i--) {
      if (ev.sentence.startsWith(m.text, i)) {
        out.push({ start: i, end: i + m.text.length });
        break;
      }
    }
  }
  return out;
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
