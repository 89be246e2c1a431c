// Finding the input files: files and folders given on the command line, folders walked
// recursively. Pure file-system reading, no decoding.
import fs from 'node:fs';
import nodePath from 'node:path';
import { IngestError } from './errors.js';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export interface InputFile {
  /** path as found on disk (the input joined with the relative path) */
  path: string;
  /** path relative to the input root, with `/` separators */
  id: string;
}

export interface InputList {
  files: InputFile[];
  warnings: string[];
}

export function hasTextExtension(p: string): boolean {
  const ext = nodePath.extname(p).toLowerCase();
  return (TEXT_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Lists the documents under the given inputs, sorted by id.
 *
 * - A file input is taken whatever its extension (the user named it); its id is its file name.
 * - A folder input is walked recursively; only .txt .md .markdown .html .htm files are kept
 *   (case-insensitive) and ids are relative to the folder. Hidden entries (".git", ".DS_Store")
 *   are skipped.
 * - Symbolic links are followed, but a folder whose real path is already on the current walk
 *   is not entered again, so link loops terminate. A file reached twice through links is kept
 *   once.
 * - A missing input throws IngestError; an input folder with no usable file throws too
 *   (silently building an empty graph would hide a typo). Entries that cannot be read inside a
 *   folder only produce warnings.
 */
export function listInputs(inputs: string[]): InputList {
  const files: InputFile[] = [];
  const warnings: string[] = [];
  const seenReal = new Map<string, string>(); // real path of a file → path that claimed it
  const seenIds = new Map<string, string>();
  const visited = new Set<string>(); // real paths of every folder walked, across inputs

  let found = 0; // usable files seen, duplicates included
  const add = (path: string, id: string, real: string): void => {
    found++;
    const previous = seenReal.get(real);
    if (previous !== undefined) {
      warnings.push(`kg: skipped ${path}: same file as ${previous}`);
      return;
    }
    const clash = seenIds.get(id);
    if (clash !== undefined) {
      warnings.push(`kg: skipped ${path}: its id ${id} is already used by ${clash}`);
      return;
    }
    seenReal.set(real, path);
    seenIds.set(id, path);
    files.push({ path, id });
  };

  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input); // follows links
    } catch (err) {
      throw new IngestError(input, describe(err, 'cannot read'));
    }
    if (stat.isDirectory()) {
      const before = found;
      const real = safeRealpath(input) ?? nodePath.resolve(input);
      visited.add(real);
      walk(input, '', real, new Set([real]), visited, add, warnings);
      if (found === before) {
        throw new IngestError(input, `no usable files (${TEXT_EXTENSIONS.join(' ')}) in this folder`);
      }
    } else if (stat.isFile()) {
      add(input, nodePath.basename(input), safeRealpath(input) ?? nodePath.resolve(input));
    } else {
      throw new IngestError(input, 'not a regular file or folder');
    }
  }

  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, warnings };
}

/**
 * `ancestors` holds the real paths of the folders on the current walk (a link back to one of
 * them is a loop); `visited` every folder walked so far, so a folder reached through two links
 * is read once (its files are already listed) and link-heavy trees stay linear.
 */
function walk(
  dir: string,
  rel: string,
  /** the folder's real path */
  realDir: string,
  ancestors: Set<string>,
  visited: Set<string>,
  add: (path: string, id: string, real: string) => void,
  warnings: string[],
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    warnings.push(`kg: skipped ${dir}: ${describe(err, 'cannot read folder')}`);
    return;
  }
  // Sorting here only makes warning order deterministic; the final list is sorted by id.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = nodePath.join(dir, entry.name);
    const id = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(path);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        warnings.push(`kg: skipped ${path}: ${describe(err, 'broken symbolic link')}`);
        continue;
      }
    }
    if (isDir) {
      const real = safeRealpath(path);
      if (real === undefined) {
        warnings.push(`kg: skipped ${path}: cannot resolve folder`);
        continue;
      }
      if (ancestors.has(real)) {
        warnings.push(`kg: skipped ${path}: symbolic link loop`);
        continue;
      }
      if (visited.has(real)) continue;
      visited.add(real);
      ancestors.add(real);
      walk(path, id, real, ancestors, visited, add, warnings);
      ancestors.delete(real);
    } else if (isFile) {
      if (!hasTextExtension(entry.name)) continue;
      // a file that is not a link is where its folder really is (listing 13,213 files took 308 ms
      // with a realpath per file, 171 ms without)
      add(path, id, entry.isSymbolicLink() ? (safeRealpath(path) ?? nodePath.resolve(path)) : nodePath.join(realDir, entry.name));
    }
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** A short reason from a Node fs error, without the path (the caller names it). */
export function describe(err: unknown, fallback: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return fallback === 'broken symbolic link' ? fallback : 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'not a folder';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ? `${fallback} (${code})` : fallback;
  }
}
