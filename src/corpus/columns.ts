// A file of columns: a table of strings and columns of 32-bit integers (a string is its index in
// the table), under a small JSON head naming its kind and format, checked by SHA-256. Read in one
// go with no parsing: the columns are views of the file's bytes, the strings one decoded run of
// UTF-16 cut by their lengths (UTF-16 keeps any string as it was, lone surrogates too).
//
// Layout: u32 length of the head, the head (JSON and a newline), then from an 8-byte boundary the
// strings' lengths (u32 each), their code units (UTF-16LE), and each column (i32), each of these
// padded to 8 bytes.
import { createHash } from 'node:crypto';

interface ColumnsHead {
  kind: string;
  format: number;
  strings: number;
  /** the strings' code units, all together */
  units: number;
  /** each column's length */
  columns: number[];
  /** SHA-256 of everything after the head */
  sha256: string;
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
    const body: Buffer[] = [];
    const add = (bytes: Buffer) => {
      body.push(bytes);
      if (bytes.length % 8) body.push(Buffer.alloc(8 - (bytes.length % 8)));
    };
    add(Buffer.from(lengths.buffer, 0, lengths.byteLength));
    add(encoded);
    this.columns.forEach((col, c) => add(Buffer.from(col.buffer, 0, this.lengths[c]! * 4)));
    const h = createHash('sha256');
    for (const b of body) h.update(b);
    const head: ColumnsHead = { kind, format, strings: this.strings.length, units, columns: this.lengths, sha256: h.digest('hex') };
    const json = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
    const pad = (8 - ((4 + json.length) % 8)) % 8;
    return [Buffer.from(new Uint32Array([json.length]).buffer), json, Buffer.alloc(pad), ...body];
  }
}

/** What a columns file holds. */
export interface Columns {
  strings: string[];
  columns: Int32Array[];
}

/** The strings and columns of a columns file of this kind and format; throws when it is another or damaged. */
export function readColumns(buf: Buffer, kind: string, format: number): Columns {
  if (buf.length < 4) throw new Error('not a columns file');
  const headLen = buf.readUInt32LE(0);
  if (4 + headLen > buf.length) throw new Error('not a columns file');
  const head = JSON.parse(buf.toString('utf8', 4, 4 + headLen)) as ColumnsHead;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (head.kind !== kind || head.format !== format || !count(head.strings) || !count(head.units) || !Array.isArray(head.columns) || !head.columns.every(count)) {
    throw new Error(`not a ${kind} file of format ${format}`);
  }
  let at = 4 + headLen;
  at += (8 - (at % 8)) % 8;
  if (createHash('sha256').update(buf.subarray(at)).digest('hex') !== head.sha256) throw new Error(`a damaged ${kind} file`);
  const take = (bytes: number): Buffer => {
    if (at + bytes > buf.length) throw new Error(`a short ${kind} file`);
    const out = buf.subarray(at, at + bytes);
    at += bytes + ((8 - (bytes % 8)) % 8);
    return out;
  };
  // copied out of the file's bytes, which can go once read (and typed arrays need their alignment)
  const ints = <T extends Uint32Array | Int32Array>(Kind: { new (n: number): T }, n: number): T => {
    const bytes = take(4 * n);
    const out = new Kind(n);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  };
  const lengths = ints(Uint32Array, head.strings);
  const all = take(2 * head.units).toString('utf16le');
  const strings = new Array<string>(head.strings);
  let p = 0;
  for (let i = 0; i < head.strings; i++) {
    const len = lengths[i]!;
    strings[i] = all.slice(p, p + len);
    p += len;
  }
  if (p !== all.length) throw new Error(`a damaged ${kind} file`);
  const columns = head.columns.map((n) => ints(Int32Array, n));
  // the head's counts account for every byte (the checksum covers what follows the head)
  if (at !== buf.length) throw new Error(`a damaged ${kind} file`);
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
