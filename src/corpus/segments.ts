// Entries of a cache kept in a few files of a store's folder (`<prefix>-<n>.bin`, each a columns
// file), read as one: a build adds a file with the entries the others lack (a rebuild after
// adding 13 articles writes 13 entries, not 13,213), and writes all of its entries to one file
// anew when the files hold many it did not use or have grown many. An entry is a function of its
// key (both caches that use this are keyed by what determines their content), so whichever build
// wrote it, an entry serves any build that asks for its key.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../graph/write.js';

/** One file's entries. */
export interface Segment {
  has(key: string): boolean;
  /** how many entries it holds */
  readonly size: number;
}

/** A build writes all its entries to one file anew when the files hold more than this many others per entry it used… */
const DEAD_SHARE = 0.25;
/** …or when it would add a file to this many. */
const MAX_FILES = 16;

export class Segments<S extends Segment> {
  private constructor(
    private readonly dir: string,
    private readonly prefix: string,
    /** the files read, oldest first */
    private readonly files: Array<{ name: string; n: number; segment: S }>,
  ) {}

  /** The files of `prefix` in `dir`, each opened by `open`; a file that cannot be read or that `open` refuses is left out. */
  static read<S extends Segment>(dir: string, prefix: string, open: (bytes: Buffer) => S): Segments<S> {
    const files: Array<{ name: string; n: number; segment: S }> = [];
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    for (const name of names) {
      const n = fileNumber(prefix, name);
      if (n === undefined) continue;
      try {
        files.push({ name, n, segment: open(readFileSync(join(dir, name))) });
      } catch {
        // damaged or gone: its entries are found elsewhere or made again
      }
    }
    files.sort((a, b) => a.n - b.n);
    return new Segments(dir, prefix, files);
  }

  /** The names of the files read. */
  names(): string[] {
    return this.files.map((f) => f.name);
  }

  /** The file holding `key` (the newest, if several do), or undefined. */
  find(key: string): S | undefined {
    for (let f = this.files.length - 1; f >= 0; f--) if (this.files[f]!.segment.has(key)) return this.files[f]!.segment;
    return undefined;
  }

  /**
   * Keeps a build's entries, under `keys` (each once): `bytes` gives the file of the entries under
   * the keys it is handed, either those no file holds (added as a file of their own) or all of
   * them (one file written anew). The names of the files that hold them.
   */
  keep(keys: readonly string[], bytes: (keys: readonly string[]) => Buffer[]): string[] {
    const missing = keys.filter((k) => !this.find(k));
    const held = this.files.reduce((n, f) => n + f.segment.size, 0);
    const dead = held - (keys.length - missing.length);
    const name = `${this.prefix}-${this.files.reduce((n, f) => Math.max(n, f.n), 0) + 1}.bin`;
    const names = this.names();
    // a file that cannot be written (a full disk, another build's store removing it) costs the next build time only
    const write = (of: readonly string[]): boolean => {
      try {
        writeFileAtomic(join(this.dir, name), bytes(of));
        return true;
      } catch {
        return false;
      }
    };
    if (dead > DEAD_SHARE * keys.length || (missing.length > 0 && this.files.length >= MAX_FILES)) return write(keys) ? [name] : names;
    if (missing.length === 0) return names;
    return write(missing) ? [...names, name] : names;
  }
}

function fileNumber(prefix: string, name: string): number | undefined {
  if (!name.startsWith(`${prefix}-`) || !name.endsWith('.bin')) return undefined;
  const n = name.slice(prefix.length + 1, -4);
  return /^[1-9]\d{0,8}$/.test(n) ? Number(n) : undefined;
}
