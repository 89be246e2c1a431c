// A string that remembers, for every UTF-16 unit, the offset in the original text it came from.
// Each normalisation step reads a Mapped and builds a new one, so the final offset map is exact
// by construction: characters are only dropped, replaced in place, or (rarely) inserted with
// the offset of the character they stand for. Offsets therefore stay monotone non-decreasing.

export interface Mapped {
  text: string;
  /** offs[i] is the original offset of text[i]; offs.length === text.length */
  offs: number[];
}

export function identity(s: string): Mapped {
  const offs = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) offs[i] = i;
  return { text: s, offs };
}

export class Builder {
  private parts: string[] = [];
  private offs: number[] = [];

  /** Appends `s`, every unit of it mapped to the single original offset `off`. */
  put(s: string, off: number): void {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) this.offs.push(off);
  }

  /** Appends src.text[start, end) with its own offsets. */
  copy(src: Mapped, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(src.text.slice(start, end));
    for (let i = start; i < end; i++) this.offs.push(src.offs[i]!);
  }

  get length(): number {
    return this.offs.length;
  }

  build(): Mapped {
    return { text: this.parts.join(''), offs: this.offs };
  }
}

/** Slices a Mapped (no copy of semantics, just of arrays). */
export function slice(m: Mapped, start: number, end: number): Mapped {
  return { text: m.text.slice(start, end), offs: m.offs.slice(start, end) };
}

/**
 * The offsets array of the Document contract: one entry per normalised unit plus a final entry
 * just past the last mapped original unit. Astral characters keep both of their units mapped
 * (o, o+1) when they were copied, so `offsets[e-1] + 1` is a correct exclusive end.
 */
export function finishOffsets(m: Mapped, originalLength: number): Int32Array {
  const n = m.offs.length;
  const out = new Int32Array(n + 1);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    // Guard the contract even if a step misbehaved: clamp and keep monotone.
    let o = m.offs[i]!;
    if (o < prev) o = prev;
    if (o > originalLength) o = originalLength;
    out[i] = o;
    prev = o;
  }
  out[n] = n > 0 ? Math.min(originalLength, Math.max(prev, out[n - 1]! + 1)) : 0;
  return out;
}
