// PDF extraction sometimes emits "fake bold" text twice: every run of the line appears two
// times in a row, e.g. 四面山水人文江津四面山水人文江津。。 or
// （（本版文字由江津区委宣传部提供本版文字由江津区委宣传部提供）） — runs x1 x1 x2 x2 … xk xk.
// We undouble a line only when the WHOLE line decomposes that way, every text run has at least
// two characters (so 实实在在 = 实实|在在 is never touched) and one run has at least four.
import { isPunct } from './chars.js';

/**
 * Returns the index ranges [start, end) of `line` to keep (the first copy of each run), or
 * undefined if the line is not a doubling. Leading/trailing whitespace is kept as is.
 */
export function undoubleRanges(line: string): Array<[number, number]> | undefined {
  const lead = line.length - line.trimStart().length;
  const t = line.trim();
  const n = t.length;
  if (n < 8 || n > 400 || n % 2 !== 0) return undefined;

  // prev[i] = length of the run that ends a decomposition of t[0, i), or 0 if unreachable.
  const prev = new Int32Array(n + 1);
  const reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (let i = 0; i < n; i++) {
    if (!reach[i]) continue;
    // Longest runs first, so the decomposition prefers whole phrases.
    for (let k = Math.floor((n - i) / 2); k >= 1; k--) {
      if (reach[i + 2 * k]) continue;
      if (t.charCodeAt(i) !== t.charCodeAt(i + k)) continue;
      const run = t.slice(i, i + k);
      if (run !== t.slice(i + k, i + 2 * k)) continue;
      if (!validRun(run)) continue;
      reach[i + 2 * k] = 1;
      prev[i + 2 * k] = k;
    }
  }
  if (!reach[n]) return undefined;

  const keep: Array<[number, number]> = [];
  let longestText = 0;
  for (let end = n; end > 0; ) {
    const k = prev[end]!;
    const start = end - 2 * k;
    keep.push([lead + start, lead + start + k]);
    const run = t.slice(start, start + k);
    if (!allPunct(run)) longestText = Math.max(longestText, run.length);
    end = start;
  }
  if (longestText < 4) return undefined;
  keep.reverse();
  // Merge adjacent ranges and keep surrounding whitespace.
  const merged: Array<[number, number]> = [];
  if (lead > 0) merged.push([0, lead]);
  for (const r of keep) {
    const last = merged[merged.length - 1];
    if (last && last[1] === r[0]) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  if (lead + n < line.length) merged.push([lead + n, line.length]);
  return merged;
}

function allPunct(s: string): boolean {
  for (const ch of s) if (!isPunct(ch)) return false;
  return true;
}

/** A run is punctuation only, or text of at least two characters. */
function validRun(run: string): boolean {
  return allPunct(run) || run.length >= 2;
}
