// Where a command is told to write a file (--out), checked before any work: a path kg cannot write
// is one line naming the option and the path, not a system error about a temporary file once a
// whole build is done (nor a cache left in the wrong folder). The file's missing folders are made
// here (makeFolders: one at a time).
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFolders } from '../graph/write.js';
import { describe } from '../ingest/files.js';

/** An --out that cannot be written: exit code 1, as for any input kg cannot use. */
export class OutPathError extends Error {
  readonly exitCode = 1;
}

/**
 * Checks that `out`, given as `option`, can be the file a command writes: not a folder, its folder
 * made if missing and writable. `example` names a file to suggest in a folder given instead.
 */
export function prepareOutFile(out: string, option: string, example: string): void {
  const fail = (why: string): never => {
    throw new OutPathError(`${option} ${out}: ${why}`);
  };
  const aFolder = `is a folder; give the file to write, such as ${join(out, example)}`;
  if (/[\\/]$/u.test(out)) fail(aFolder);
  try {
    if (statSync(out).isDirectory()) fail(aFolder);
  } catch (err) {
    if (err instanceof OutPathError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // (ENOENT: a new file; ENOTDIR: a file on its way, told below with its name)
    if (code !== 'ENOENT' && code !== 'ENOTDIR') fail(describe(err, 'cannot be read'));
  }
  const dir = dirname(out);
  try {
    makeFolders(dir);
  } catch (err) {
    const at = (err as NodeJS.ErrnoException).path ?? dir;
    fail((err as NodeJS.ErrnoException).code === 'ENOTDIR' ? `${at} is a file, not a folder` : `cannot make the folder ${at}: ${describe(err, 'failed')}`);
  }
  // a file made and removed: what the write will need there (a read-only file system or /sys
  // refuse it even to root, whom the permission bits let through)
  const probe = join(dir, `.kg-probe-${process.pid}-${Date.now()}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (err) {
    fail(`cannot write in ${dir}: ${describe(err, 'failed')}`);
  }
  rmSync(probe, { force: true });
}
