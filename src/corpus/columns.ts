// A file of columns: a table of strings and columns of 32-bit integers (a string is its index in
// the table), framed (framed-file.ts) under a head naming its kind and format. Read in one go
// with no parsing: the strings are one decoded run of UTF-16 cut by their lengths (UTF-16 keeps
// any string as it was, lone surrogates too). Parts: the strings' lengths (u32 each), their code
// units (UTF-16LE), then each column (i32).
import { framedBytes, readFramed } from '../framed-file.js';

interface ColumnsHead {
  kind: string;
  format: number;
  strings: number;
  /** the strings' code units, all together */
  units: number;
  /** each column's length */
  columns: number[];
}

/** Builds a columns file: strings are added once each (string()), columns grow as values are pushed. */
export class ColumnsWriter {
  private readonly index = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly columns: Int32Array[];
  private readonly lengths: number[];

  constructor(columns: number) {
    this.columns = Array.from({ length: columns }, () => new Int32Array(1024));
    this.lengths = new Array<number>(columns).fill(0);
  }

  /** The index of `s` in the table (added the first time it is seen). */
  string(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  /** Appends `value` to column `c`. */
  push(c: number, value: number): void {
    let col = this.columns[c]!;
    const n = this.lengths[c]!;
    if (n === col.length) {
      const grown = new Int32Array(col.length * 2);
      grown.set(col);
      this.columns[c] = col = grown;
    }
    col[n] = value;
    this.lengths[c] = n + 1;
  }

  /** The file's bytes, as a list of buffers to write one after the other. */
  bytes(kind: string, format: number): Buffer[] {
    const lengths = new Uint32Array(this.strings.length);
    let units = 0;
    this.strings.forEach((s, i) => {
      lengths[i] = s.length;
      units += s.length;
    });
    // the strings encoded one by one into their place, not joined first (a full build's relations
    // hold 40 M code units of sentences)
    const encoded = Buffer.allocUnsafe(2 * units);
    let at = 0;
    for (const s of this.strings) at += encoded.write(s, at, 'utf16le');
    const columns = this.columns.map((col, c) => col.subarray(0, this.lengths[c]!));
    const head: ColumnsHead = { kind, format, strings: this.strings.length, units, columns: this.lengths };
    return framedBytes({ ...head }, [lengths, encoded, ...columns].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
  }
}

/** What a columns file holds. */
export interface Columns {
  strings: string[];
  columns: Int32Array[];
}

/** The strings and columns of a columns file of this kind and format; throws when it is another or damaged. */
export function readColumns(buf: Buffer, kind: string, format: number): Columns {
  const file = readFramed(buf);
  const head = file.head as Partial<ColumnsHead>;
  const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (head.kind !== kind || head.format !== format || !count(head.strings) || !count(head.units) || !Array.isArray(head.columns) || !head.columns.every(count)) {
    throw new Error(`not a ${kind} file of format ${format}`);
  }
  const lengths = file.numbers(Uint32Array, head.strings);
  const all = file.bytes(2 * head.units).toString('utf16le');
  const strings = new Array<string>(head.strings);
  let p = 0;
  for (let i = 0; i < head.strings; i++) {
    const len = lengths[i]!;
    strings[i] = all.slice(p, p + len);
    p += len;
  }
  if (p !== all.length) throw new Error(`a damaged ${kind} file`);
  const columns = head.columns.map((n) => file.numbers(Int32Array, n));
  // the head's counts account for every byte (the checksum covers what follows the head)
  file.end();
  return { strings, columns };
}

/** Columns whose first column holds each entry's key (a string): the entries found by key. */
export class KeyedColumns {
  private readonly row = new Map<string, number>();

  protected constructor(
    protected readonly strings: string[],
    protected readonly cols: Int32Array[],
  ) {
    const keys = cols[0]!;
    for (let i = 0; i < keys.length; i++) this.row.set(strings[keys[i]!]!, i);
  }

  /** How many entries it holds. */
  get size(): number {
    return this.row.size;
  }

  has(key: string): boolean {
    return this.row.has(key);
  }

  /** The row of the entry under `key`, which it must hold. */
  protected rowOf(key: string): number {
    const i = this.row.get(key);
    if (i === undefined) throw new Error(`no entry under ${key}`);
    return i;
  }
}
