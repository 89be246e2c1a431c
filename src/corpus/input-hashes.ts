// The content hashes of a build's input files, by what the file system says of each file (size,
// modification and change times, inode), as git's index keeps them: a rebuild reads and hashes
// only the files whose stat changed since a build hashed them (×100: 101 MB read and hashed in
// about 0.65 s of the rebuild's critical path, where 13,200 stats take a few tens of ms).
//
// A file written again with the same size and times would keep its old hash. On a POSIX file
// system its change time (ctime) moves with every write, rename or copy into place and cannot be
// set back by the user; so that takes a write that starts after the hashing began and still gets
// the file system's timestamp of the change before it. A hash is therefore trusted only once the
// file's last change (ctime or mtime) is SETTLE_MS older than the moment its hashing began, by this
// machine's clock (a file hashed right after a write is hashed again by the next build). Where
// ctime is no change time (FAT, some FUSE and SMB mounts) or the file server's clock runs more than
// that behind, a file rewritten with its size and modification time kept can keep its old hash:
// `kg build --no-cache` reads everything. A worker that finds another hash for a file it extracts
// drops the kept one.
import { readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../graph/write.js';

/** The file in the store's folder (its name without `.json` marks it as kept: store.ts). */
export const INPUT_HASHES = 'inputs';
const FORMAT = 1;
/** how much older than its hashing a file's last change must be for its hash to be trusted */
const SETTLE_MS = 2000;

/** What a hash was taken of: the file as stat saw it, and when it was hashed. */
interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
  hashedAt: number;
}

export class InputHashes {
  /** this build's entries, by path: those it found still true and those it hashed */
  private readonly kept = new Map<string, Entry>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly known: Map<string, Entry>,
  ) {}

  /** The hashes kept in the store folder `dir` (none when missing or unreadable). */
  static read(dir: string): InputHashes {
    const file = join(dir, `${INPUT_HASHES}.json`);
    const known = new Map<string, Entry>();
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; files?: Record<string, Entry> };
      if (saved.format === FORMAT && saved.files && typeof saved.files === 'object') {
        for (const [path, e] of Object.entries(saved.files)) if (isEntry(e)) known.set(path, e);
      }
    } catch {
      // none yet, or damaged: every file is hashed
    }
    return new InputHashes(file, known);
  }

  /** The content hash of the file at `path` as a build hashed it, if `stat` is still what it was then (and was settled). */
  get(path: string, stat: Stats): string | undefined {
    const e = this.known.get(path);
    if (!e || e.size !== stat.size || e.mtimeMs !== stat.mtimeMs || e.ctimeMs !== stat.ctimeMs || e.ino !== stat.ino) return undefined;
    if (e.hashedAt - Math.max(stat.ctimeMs, stat.mtimeMs) < SETTLE_MS) return undefined;
    this.kept.set(path, e);
    return e.sha256;
  }

  /** The file at `path`, as `stat` saw it before it was read, hashed to `sha256` by a hashing that began at `since` (ms since the epoch). */
  set(path: string, stat: Stats, sha256: string, since: number): void {
    this.kept.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, sha256, hashedAt: since });
    this.changed = true;
  }

  /** The file at `path` was hashed anew to `sha256` (by a worker): a kept hash that differs goes. */
  confirm(path: string, sha256: string): void {
    if (this.kept.get(path)?.sha256 !== sha256 && this.kept.delete(path)) this.changed = true;
  }

  /** Writes this build's entries for the next build, when they differ from those read; a failure costs the next build time only. */
  keep(): void {
    if (!this.changed && this.kept.size === this.known.size) return;
    try {
      writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, files: Object.fromEntries(this.kept) }));
    } catch {
      // (the next build hashes its files again)
    }
  }
}

function isEntry(e: unknown): e is Entry {
  const x = e as Partial<Entry> | null;
  return !!x && typeof x.sha256 === 'string' && /^[0-9a-f]{64}$/.test(x.sha256) && [x.size, x.mtimeMs, x.ctimeMs, x.ino, x.hashedAt].every((n) => typeof n === 'number');
}
