// Per-document extraction results on disk, keyed by the article's content hash. It is both the
// incremental-build cache (a folder beside the output) and, with --no-cache, a temporary
// spill area: the later passes (corpus rescan, relations) read one document at a time from it,
// so the corpus is never held in memory whole.
//
// A record file is three lines of JSON: its head (the document's info and its mentions, all a
// cached article gives the build's first pass), its relations as the worker found them
// (local-relations.ts), and its body (the text, the original, the offset map and the sentences,
// which only a pass that reads the document needs). A build reads a record up to the line it
// needs: an article's body is most of its record.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, DocumentInfo, Mention } from '../types.js';
import type { LocalRelations } from './local-relations.js';
import { dated } from '../ingest/index.js';
import { writeFileAtomic } from '../graph/write.js';

/** Bump when the record layout changes. */
const FORMAT = 5;

/** A record's first line: what the build's first pass needs of a cached article. */
export type RecordHead =
  | {
      format: number;
      sha256: string;
      encoding: string;
      title: string;
      /** the date its dateline gives, found once at ingest; absent when there is none */
      date?: string;
      /** the length of the original text (DocumentInfo's `chars`) */
      chars: number;
      /** mentions without their `doc` (the same content may sit at another path next time) */
      mentions: Array<Omit<Mention, 'doc'>>;
    }
  | { format: number; sha256: string; skip: string };

/** A record's second line: the document itself. */
interface RecordBody {
  original: string;
  text: string;
  /** the offset map, run-length encoded: [first, length, first, length, …] */
  offsets: number[];
  furniture: Array<[number, number]>;
  datelines: Array<[number, number]>;
  sentences: Array<[number, number]>;
}

/** What extraction of one file produced: a document, its mentions and its relations, or a reason to skip it. */
export type DocRecord = (Exclude<RecordHead, { skip: string }> & { relations: LocalRelations } & RecordBody) | Extract<RecordHead, { skip: string }>;

export class DocStore {
  private readonly used = new Set<string>();

  private constructor(
    /** folder holding this code version's records */
    readonly dir: string,
    private readonly root: string,
    /** removed by close(): its records are read by this build alone */
    readonly temporary: boolean,
  ) {}

  /** The cache under `cacheDir`, or a temporary store removed by close() when `cacheDir` is undefined. */
  static open(cacheDir: string | undefined, extractor = 'rules'): DocStore {
    const root = cacheDir ?? mkdtempSync(join(tmpdir(), 'kg-store-'));
    // records hold mentions: they are valid for this code and this extractor (rules, or a model's hash)
    const dir = join(root, extractor === 'rules' ? codeFingerprint() : createHash('sha256').update(`${codeFingerprint()} ${extractor}`).digest('hex').slice(0, 16));
    mkdirSync(dir, { recursive: true });
    return new DocStore(dir, root, cacheDir === undefined);
  }

  /** A record whole: the document, its mentions and its relations. */
  get(sha256: string): DocRecord | undefined {
    this.used.add(sha256);
    try {
      const raw = readFileSync(this.path(sha256), 'utf8');
      const cut = raw.indexOf('\n');
      const head = JSON.parse(cut < 0 ? raw : raw.slice(0, cut)) as RecordHead;
      if (head.format !== FORMAT || head.sha256 !== sha256) return undefined;
      if ('skip' in head) return head;
      // a head without the rest: damaged
      const cut2 = cut < 0 ? -1 : raw.indexOf('\n', cut + 1);
      if (cut2 < 0) return undefined;
      return { ...head, relations: JSON.parse(raw.slice(cut + 1, cut2)) as LocalRelations, ...(JSON.parse(raw.slice(cut2 + 1)) as RecordBody) };
    } catch {
      return undefined; // missing, or a record a killed build left half-written elsewhere
    }
  }

  /** A record's head alone (its first line, read up to there): the article's info and mentions. */
  getHead(sha256: string): RecordHead | undefined {
    this.used.add(sha256);
    try {
      const [line] = leadingLines(this.path(sha256), 1);
      const head = JSON.parse(line!) as RecordHead;
      return head.format === FORMAT && head.sha256 === sha256 ? head : undefined;
    } catch {
      return undefined;
    }
  }

  /** The relations a record holds (its second line, read up to there), or undefined when it has none or is damaged. */
  getRelations(sha256: string): LocalRelations | undefined {
    try {
      const [line, relations] = leadingLines(this.path(sha256), 2);
      const head = JSON.parse(line!) as RecordHead;
      if (head.format !== FORMAT || head.sha256 !== sha256 || relations === undefined) return undefined;
      return JSON.parse(relations) as LocalRelations;
    } catch {
      return undefined;
    }
  }

  /** Marks a record written by a worker as part of this build. */
  markUsed(sha256: string): void {
    this.used.add(sha256);
  }

  /** Ends a build: a cache keeps only this build's records and this code version; a temporary store goes. */
  close(): void {
    if (this.temporary) {
      rmSync(this.root, { recursive: true, force: true });
      return;
    }
    for (const name of safeList(this.dir)) {
      if (!this.used.has(name.replace(/\.json$/, ''))) rmSync(join(this.dir, name), { force: true });
    }
    for (const name of safeList(this.root)) {
      if (join(this.root, name) !== this.dir) rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }

  private path(sha256: string): string {
    return join(this.dir, `${sha256}.json`);
  }
}

/** Writes a record into a store folder, head, relations and body each a line; workers call this with the folder the build opened. */
export function writeRecord(dir: string, record: DocRecord): void {
  let text: string;
  if ('skip' in record) text = JSON.stringify(record);
  else {
    const { original, text: normalised, offsets, furniture, datelines, sentences, relations, ...head } = record;
    text = `${JSON.stringify(head)}\n${JSON.stringify(relations)}\n${JSON.stringify({ original, text: normalised, offsets, furniture, datelines, sentences })}`;
  }
  writeFileAtomic(join(dir, `${record.sha256}.json`), text);
}

export function recordOf(doc: Document, mentions: Mention[], relations: LocalRelations): DocRecord {
  return {
    format: FORMAT,
    sha256: doc.sha256,
    encoding: doc.encoding,
    title: doc.title,
    ...dated(doc.date),
    chars: doc.original.length,
    mentions: mentions.map(({ doc: _doc, ...m }) => m),
    relations,
    original: doc.original,
    text: doc.text,
    offsets: encodeOffsets(doc.offsets),
    furniture: doc.furniture,
    datelines: doc.datelines,
    sentences: doc.sentences.map((s) => [s.start, s.end]),
  };
}

export function skipRecord(sha256: string, reason: string): DocRecord {
  return { format: FORMAT, sha256, skip: reason };
}

/** The info of the document a record's head describes, at this build's path and id. */
export function infoOf(head: Exclude<RecordHead, { skip: string }>, path: string, id: string): DocumentInfo {
  return { id, path, title: head.title, ...dated(head.date), sha256: head.sha256, chars: head.chars };
}

/** A file's first `n` lines (fewer if it has fewer), read in chunks up to the last one's end. */
function leadingLines(path: string, n: number): string[] {
  const fd = openSync(path, 'r');
  try {
    // most heads fit in the first chunk, read into a buffer kept for the next record
    let got = readSync(fd, HEAD_BUFFER, 0, HEAD_BUFFER.length, null);
    let buf = HEAD_BUFFER.subarray(0, got);
    const ends: number[] = [];
    let from = 0;
    for (;;) {
      while (ends.length < n) {
        const nl = buf.indexOf(0x0a, from);
        if (nl < 0) break;
        ends.push(nl);
        from = nl + 1;
      }
      if (ends.length === n || got === 0) break;
      // the lines go on past what is read: read on
      const more = Buffer.allocUnsafe(Math.max(HEAD_BUFFER.length, buf.length));
      got = readSync(fd, more, 0, more.length, null);
      buf = Buffer.concat([buf, more.subarray(0, got)]);
    }
    const lines: string[] = [];
    let start = 0;
    for (const end of ends) {
      lines.push(buf.toString('utf8', start, end));
      start = end + 1;
    }
    if (ends.length < n && start < buf.length) lines.push(buf.toString('utf8', start));
    return lines;
  } finally {
    closeSync(fd);
  }
}
/** how much of a record is read at a time to find its lines' ends */
const HEAD_BUFFER = Buffer.alloc(64 * 1024);

/** The Document a record was made from, at this build's path and id. */
export function documentOf(rec: Exclude<DocRecord, { skip: string }>, path: string, id: string): Document {
  return {
    id,
    path,
    title: rec.title,
    ...dated(rec.date),
    sha256: rec.sha256,
    encoding: rec.encoding,
    original: rec.original,
    text: rec.text,
    offsets: decodeOffsets(rec.offsets, rec.text.length + 1),
    furniture: rec.furniture,
    datelines: rec.datelines,
    sentences: rec.sentences.map(([start, end], index) => ({ index, start, end })),
  };
}

export function mentionsOf(rec: Exclude<RecordHead, { skip: string }>, id: string): Mention[] {
  return rec.mentions.map((m) => ({ doc: id, ...m }));
}

/** Offsets mostly step by one: store runs of consecutive values. */
export function encodeOffsets(offsets: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < offsets.length; ) {
    let j = i + 1;
    while (j < offsets.length && offsets[j] === offsets[j - 1]! + 1) j++;
    out.push(offsets[i]!, j - i);
    i = j;
  }
  return out;
}

export function decodeOffsets(runs: number[], length: number): Int32Array {
  const out = new Int32Array(length);
  let k = 0;
  for (let r = 0; r < runs.length; r += 2) {
    for (let n = 0; n < runs[r + 1]!; n++) out[k++] = runs[r]! + n;
  }
  return out;
}

let fingerprint: string | undefined;

/**
 * Records are valid only for the code that made them: a hash of the files of the stages that
 * make a record (ingest, segment, extract, tagger, and resolve, whose test of a short form the
 * tagger's repair reads), kg's version and nodejieba's. Changing a rule invalidates the cache.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n`);
  const require = createRequire(import.meta.url);
  for (const pkg of ['../../package.json', 'nodejieba/package.json']) {
    const { name, version } = require(pkg) as { name: string; version: string };
    h.update(`${name}@${version}\n`);
  }
  hashStages(h, ['ingest', 'segment', 'extract', 'tagger', 'resolve', 'linker', 'relate']);
  hashShared(h);
  fingerprint = h.digest('hex').slice(0, 16);
  return fingerprint;
}


/** Files beside the stages that records depend on: the types (their order of relation types), the string helpers, and how a worker finds relations. */
const SHARED_FILES = ['types', 'strings', 'corpus/local-relations'];

function hashShared<H extends ReturnType<typeof createHash>>(h: H): H {
  const root = fileURLToPath(new URL('../', import.meta.url));
  for (const base of SHARED_FILES) {
    const dir = join(root, dirname(base));
    const name = safeList(dir).find((n) => n === `${basename(base)}.ts` || n === `${basename(base)}.js`);
    if (!name) continue;
    h.update(`${base}\n`);
    h.update(readFileSync(join(dir, name)));
  }
  return h;
}

function hashStages<H extends ReturnType<typeof createHash>>(h: H, stages: readonly string[]): H {
  for (const stage of stages) {
    const dir = fileURLToPath(new URL(`../${stage}/`, import.meta.url));
    for (const name of safeList(dir).sort()) {
      if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts')) continue;
      h.update(`${stage}/${name}\n`);
      h.update(readFileSync(join(dir, name)));
    }
  }
  return h;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
