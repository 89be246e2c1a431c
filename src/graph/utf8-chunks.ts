// UTF-8 output through one reused buffer: each string is encoded straight into it and the buffer
// is handed on when full, so no string of the whole output and no buffer per piece is made (the
// graph file of a large corpus is hundreds of megabytes; fresh memory is paged in at about 10 µs
// a page on this project's hosts).

export class Utf8Chunks {
  private readonly chunk: Buffer;
  private used = 0;
  /** bytes put so far, handed on or still in the buffer */
  bytes = 0;

  /** `emit` is handed the buffer's bytes whenever the next string or bytes might not fit (a view, reused once `emit` returns), and bytes too many for one buffer on their own. */
  constructor(
    private readonly size: number,
    private readonly emit: (bytes: Uint8Array) => void,
  ) {
    this.chunk = Buffer.allocUnsafe(size);
  }

  /** `text` as UTF-8; a text too long for the buffer is encoded piece by piece. */
  readonly put = (text: string): void => {
    // (a UTF-16 unit is at most 3 bytes of UTF-8)
    if (text.length * 3 > this.size) return forEachPiece(text, this.size / 3, this.put);
    this.room(text.length * 3);
    const n = this.chunk.write(text, this.used, 'utf8');
    this.used += n;
    this.bytes += n;
  };

  /** `bytes` as they are. */
  putBytes(bytes: Uint8Array): void {
    if (!this.room(bytes.length)) {
      this.emit(bytes);
      this.bytes += bytes.length;
      return;
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
    this.bytes += bytes.length;
  }

  /**
   * Room for `n` bytes to be written in place: the buffer and where to write them (then `wrote(n)`),
   * or undefined when `n` is more than the buffer holds.
   */
  reserve(n: number): { buffer: Buffer; at: number } | undefined {
    return this.room(n) ? { buffer: this.chunk, at: this.used } : undefined;
  }

  /** The `n` bytes written in place where `reserve(n)` said. */
  wrote(n: number): void {
    this.used += n;
    this.bytes += n;
  }

  /** Hands on what the buffer holds. */
  flush(): void {
    if (this.used === 0) return;
    this.emit(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  /** room for `n` more bytes in the buffer, handing on what it holds if needed; false: more than it holds */
  private room(n: number): boolean {
    if (this.used + n > this.size) this.flush();
    return n <= this.size;
  }
}

/**
 * `text` handed to `each` in pieces of at most `units` UTF-16 units, one after the other; none
 * splits a surrogate pair (each half alone would be written as U+FFFD).
 */
function forEachPiece(text: string, units: number, each: (piece: string) => void): void {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + Math.floor(units));
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    each(text.slice(at, end));
    at = end;
  }
}
