// Sentences over the normalised text. A sentence ends after 。！？!?； or a run of …, together
// with the closing quotes and brackets that follow it (“……。” stays one sentence), and at every
// paragraph break. ASCII '.' never ends a sentence here, so numbers like 3.5 are safe.
import type { Sentence } from '../types.js';

const ENDERS = new Set(Array.from('。！？!?；…'));
const CLOSERS = new Set(Array.from('”’）)」』】》〉"\''));

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ index: out.length, start, end });
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (ENDERS.has(ch)) {
      let j = i + 1;
      // A run of enders (？！, ……, 。。) ends once.
      while (j < text.length && ENDERS.has(text[j]!)) j++;
      while (j < text.length && CLOSERS.has(text[j]!)) j++;
      push(start, j);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(start, text.length);
  return out;
}
