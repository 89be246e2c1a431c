// Binary files kg keeps as caches (the graph's index, graph/reuse.ts; the store's columns files,
// corpus/columns.ts): a JSON head, then arrays of bytes, checked by SHA-256. Layout: u32 length
// of the head, the head (JSON and a newline, its last field `sha256`, of everything after the
// head), then from an 8-byte boundary each part, padded to 8 bytes.
import { createHash } from 'node:crypto';

/** The bytes of a framed file of `head` and `parts` (buffers to write one after the other). */
export function framedBytes(head: Record<string, unknown>, parts: readonly Uint8Array[]): Buffer[] {
  const body: Uint8Array[] = [];
  for (const p of parts) {
    body.push(p);
    if (p.byteLength % 8) body.push(Buffer.alloc(8 - (p.byteLength % 8)));
  }
  const h = createHash('sha256');
  for (const b of body) h.update(b);
  const json = Buffer.from(`${JSON.stringify({ ...head, sha256: h.digest('hex') })}\n`, 'utf8');
  // the parts start on an 8-byte boundary after the head
  const pad = (8 - ((4 + json.length) % 8)) % 8;
  return [Buffer.from(new Uint32Array([json.length]).buffer), json, Buffer.alloc(pad), ...body.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))];
}

/** A framed file being read: its head, and its parts taken in the order they were written. */
export interface FramedReader {
  head: Record<string, unknown>;
  /** the next part's `bytes` bytes (a view of the file's) */
  bytes(bytes: number): Buffer;
  /**
   * the next part as `n` numbers of `Kind`: a view of the file's bytes where they are aligned for
   * it (a file read whole into a buffer of its own is: its parts start on 8-byte boundaries), else
   * copied out. A view keeps the file's bytes as long as it lives. The copies of the ×100
   * rebuild's 190 MB of heads, relations and index took 0.24 s of its profile and as many fresh
   * pages again; the rebuild's time did not move measurably without them (8.6–10.0 against
   * 8.5–8.8 s, 3 alternating rounds).
   */
  numbers<T extends Uint32Array | Int32Array | Float64Array>(Kind: { new (n: number): T; new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }, n: number): T;
  /** throws unless every part was taken */
  end(): void;
}

/** Reads a framed file; throws when it is not one, or its parts do not match their checksum. */
export function readFramed(buf: Buffer): FramedReader {
  if (buf.length < 4) throw new Error('not a framed file');
  const headLen = buf.readUInt32LE(0);
  if (4 + headLen > buf.length) throw new Error('not a framed file');
  const head = JSON.parse(buf.toString('utf8', 4, 4 + headLen)) as Record<string, unknown>;
  if (head === null || typeof head !== 'object') throw new Error('not a framed file');
  let at = 4 + headLen;
  at += (8 - (at % 8)) % 8;
  if (createHash('sha256').update(buf.subarray(at)).digest('hex') !== head.sha256) throw new Error('a damaged file');
  const bytes = (n: number): Buffer => {
    if (!Number.isInteger(n) || n < 0 || at + n > buf.length) throw new Error('a short file');
    const out = buf.subarray(at, at + n);
    at += n + ((8 - (n % 8)) % 8);
    return out;
  };
  return {
    head,
    bytes,
    numbers: (Kind, n) => {
      const part = bytes(n * Kind.BYTES_PER_ELEMENT);
      if (part.byteOffset % Kind.BYTES_PER_ELEMENT === 0) return new Kind(part.buffer as ArrayBuffer, part.byteOffset, n);
      const out = new Kind(n);
      new Uint8Array(out.buffer).set(part);
      return out;
    },
    end: () => {
      if (at !== buf.length) throw new Error('a damaged file');
    },
  };
}
