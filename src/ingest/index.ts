// The ingest stage: files and folders in, normalised Documents out.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Document, DocumentInfo } from '../types.js';
import { articleDate } from './date.js';
import { IngestError } from './errors.js';
import { describe, listInputs } from './files.js';
import { decodeBytes } from './decode.js';
import { extractHtml, sniffCharset } from './html.js';
import { normalise } from './normalise.js';
import { splitSentences } from './sentences.js';
import { pickTitle } from './title.js';

export { IngestError } from './errors.js';
export { listInputs, type InputFile, type InputList } from './files.js';
export { decodeBytes, type Decoded } from './decode.js';
export { extractHtml } from './html.js';
export { normalise, type Normalised } from './normalise.js';
export { splitSentences } from './sentences.js';

export interface IngestOptions {
  /** receives one line per skipped file or unreadable entry, e.g. `kg: skipped a.txt: empty` */
  onWarning?: (message: string) => void;
  /** any skipped file or unreadable entry is fatal (IngestError) instead of a warning */
  strict?: boolean;
}

export interface IngestResult {
  documents: Document[];
  skipped: Array<{ file: string; reason: string }>;
}


/**
 * Reads every input (files and folders, recursively) into Documents, sorted by id.
 * Files that cannot be decoded (binary, undecodable, empty) are skipped with a warning; a
 * missing input or a folder without usable files throws IngestError.
 */
export async function ingest(inputs: string[], options: IngestOptions = {}): Promise<IngestResult> {
  const warn = options.onWarning ?? (() => {});
  const { files, warnings } = listInputs(inputs);
  if (options.strict && warnings.length > 0) {
    const w = warnings[0]!.replace(/^kg: skipped /, '');
    const cut = w.indexOf(': ', w.lastIndexOf('/'));
    throw new IngestError(w.slice(0, cut), `${w.slice(cut + 2)} (--strict)`);
  }
  for (const w of warnings) warn(w);
  const documents: Document[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  for (const f of files) {
    try {
      documents.push(await ingestFile(f.path, f.id));
    } catch (err) {
      // Only problems with the file itself become skips; a bug must not pass as a bad file.
      if (!(err instanceof IngestError) && (err as NodeJS.ErrnoException | undefined)?.code === undefined) throw err;
      const reason = err instanceof IngestError ? err.reason : describe(err, 'cannot read');
      if (options.strict) throw new IngestError(f.path, `${reason} (--strict)`);
      skipped.push({ file: f.path, reason });
      warn(`kg: skipped ${f.path}: ${reason}`);
    }
  }
  return { documents, skipped };
}

/** Reads, decodes and normalises one file. Throws IngestError if it is not usable text. */
export async function ingestFile(path: string, id: string): Promise<Document> {
  return ingestBytes(await readFile(path), path, id);
}

/** Is the file read as a web page (its text taken from the HTML), by its extension? Other files are read as text. */
export function readsAsPage(path: string): boolean {
  const ext = nodePath.extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm';
}

/** Decodes and normalises a file's bytes, read once by the caller. Throws IngestError if it is not usable text. */
export function ingestBytes(bytes: Buffer, path: string, id: string, sha256 = createHash('sha256').update(bytes).digest('hex')): Document {
  const isHtml = readsAsPage(path);

  let original: string;
  let encoding: string;
  let htmlTitle = '';
  if (isHtml) {
    const decoded = decodeBytes(bytes, path, sniffCharset(bytes));
    const extracted = extractHtml(decoded.text);
    if (extracted.text.trim() === '') throw new IngestError(path, 'empty');
    original = extracted.text;
    htmlTitle = extracted.title;
    encoding = decoded.encoding;
  } else {
    const decoded = decodeBytes(bytes, path);
    original = decoded.text;
    encoding = decoded.encoding;
  }

  const { text, offsets, furniture, datelines } = normalise(original);
  if (text.trim() === '') throw new IngestError(path, 'empty');
  return {
    id,
    path,
    title: pickTitle(htmlTitle, original, text, furniture),
    ...dated(articleDate(original)),
    sha256,
    encoding,
    original,
    text,
    offsets,
    furniture,
    datelines,
    sentences: splitSentences(text),
  };
}

/** `{date}` when there is one (an absent date stays absent, not undefined, in JSON and records). */
export function dated(date: string | undefined): { date?: string } {
  return date ? { date } : {};
}

/** What a graph keeps of a document (or of a store record, given its id and path). */
export function documentInfo(doc: Pick<Document, 'id' | 'path' | 'title' | 'date' | 'sha256' | 'original'>): DocumentInfo {
  return { id: doc.id, path: doc.path, title: doc.title, ...dated(doc.date), sha256: doc.sha256, chars: doc.original.length };
}

/** A Document from text already in memory (a sentence of a labelled corpus, a test): no file behind it. */
export function documentFromText(id: string, original: string): Document {
  const { text, offsets, furniture, datelines } = normalise(original);
  return {
    id,
    path: id,
    title: pickTitle('', original, text, furniture),
    ...dated(articleDate(original)),
    sha256: createHash('sha256').update(original, 'utf8').digest('hex'),
    encoding: 'UTF-8',
    original,
    text,
    offsets,
    furniture,
    datelines,
    sentences: splitSentences(text),
  };
}

