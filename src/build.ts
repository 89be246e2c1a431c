// The library API behind `kg build`: inputs (files and folders) in, graph out.
//
// Pass 1 extracts each document on its own, in a pool of worker processes, or takes the result
// from the cache when the article's content hash is known. Each result is written to a store
// on disk; the build's process keeps only the mentions. The corpus-wide passes (names across
// articles, resolution, relations) then read the documents back one at a time.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { DirectedGraph } from 'graphology';
import type { Document, DocumentInfo, Mention } from './types.js';
import { IngestError, ingestBytes, listInputs, type InputFile, type InputList } from './ingest/index.js';
import { describe } from './ingest/files.js';
import { corpusRecords, summarise, type BuildOptions, type BuildSummary, type RecordReuse } from './pipeline.js';
import { modelOrDefault } from './tagger/paths.js';
import { ReuseSource } from './graph/reuse.js';
import { graphOf, type GraphRecords } from './graph/build.js';
import { loadModels } from './model-file.js';
import { DocStore, documentOf, graphIndexPath, infoOf, mentionsOf, recordKey, type DocRecord } from './corpus/store.js';
import { createExtractor } from './corpus/pool.js';
import { OVERLAP_HEADS, type EarlyWorker } from './corpus/spawn.js';
import { addStages, noStages, type ExtractionStages, type FileOutcome } from './corpus/extract-file.js';
import { ownCopy, type LocalRelations } from './corpus/local-relations.js';
import { articleUnits, type ArticleUnits } from './resolve/units.js';
import { loadGazetteer } from './extract/gazetteer.js';
import { addSeconds, toMilliseconds } from './laps.js';
import { mentionList, type ArticleMentions } from './mentions.js';

export type { BuildOptions, BuildSummary } from './pipeline.js';

/**
 * Less text than this per worker is not worth a worker's start-up (a Node process, jieba's
 * dictionaries, the gazetteer and the model): timed by hand on generated articles when workers
 * were threads, two workers built 1 MB no faster than one, 3 MB 1.1× and 10 MB 1.4× faster; as
 * processes, 10 MB 1.26× (bench/RESULTS.md).
 */
const BYTES_PER_WORKER = 2_000_000;

/**
 * A build without a cache keeps the documents of up to this many bytes of files in memory (≈ 3×
 * as much memory: the text as read and normalised, the offset map) instead of writing their
 * records to the temporary store and reading them back; past it, records go to the store as
 * before. Worker processes send such a document back with its mentions, when the whole corpus
 * fits: the build's process takes it in while it waits for the workers, and the corpus passes
 * after, which no worker shares, read no record back (×10 corpus, 2 workers: 16.5 → 15.7 s).
 * A larger corpus with workers keeps none: there the build's peak memory is what counts.
 */
const KEEP_BYTES = 32_000_000;
/** While the new articles are extracted, the cached heads are read in runs of about this long, each followed by a turn of the event loop. */
const HEADS_BREAK_MS = 20;

/** How many workers extract `bytes` of text when --workers is not given: one per 2 MB, at least one, at most one per core. */
export function defaultWorkers(bytes: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER)));
}

/** Reads the inputs (files and folders) and builds the graph. */
export async function build(inputs: string[], options: BuildOptions = {}): Promise<{ graph: DirectedGraph; summary: BuildSummary }> {
  // the graph stays in memory: no file will be written whose records a next build could copy
  const { records, summary } = await recordsOf(inputs, options, false);
  const t0 = performance.now();
  const graph = graphOf(records);
  const seconds = (performance.now() - t0) / 1000;
  summary.seconds = Math.round((summary.seconds + seconds) * 100) / 100;
  if (summary.phases) addSeconds(summary.phases, 'graph', seconds);
  return { graph, summary };
}

/** What buildRecords gives: the records, and with a cache what the graph writer's `reuse` takes with them (graph/write.ts). */
export interface BuiltRecords {
  records: GraphRecords;
  summary: BuildSummary;
  /**
   * the records' fingerprints and where the edges came from; given the graph file the build
   * replaces (`replaces`), that file as its index describes it (`source`: the writer closes
   * it), and the edges copied from it (`copies`), which `records` do not hold
   */
  reuse?: RecordReuse & { source?: ReuseSource };
}

/**
 * build(), the graph as its records (the shape of graphology's export()): what `kg build` writes
 * (writeGraphFileOverlapped takes them), without the graph's own structures. With a cache, what
 * its `reuse` takes too; with the graph file the records will replace (`replaces`),
 * the edges the build can copy from it are not made. The inputs are files and folders, or the
 * list listInputs made of them.
 */
export function buildRecords(inputs: string[] | InputList, options: BuildOptions & { replaces?: string } = {}, early?: EarlyWorker): Promise<BuiltRecords> {
  return recordsOf(inputs, options, true, early);
}

/** `early`: a worker process started ahead (corpus/spawn.ts), taken by the extraction if it needs one, else stopped. */
async function recordsOf(inputs: string[] | InputList, options: BuildOptions & { replaces?: string }, withFingerprints: boolean, early?: EarlyWorker): Promise<BuiltRecords> {
  try {
    return await recordsFrom(inputs, options, withFingerprints, early);
  } finally {
    early?.discard();
  }
}

/**
 * The most new articles, as a share of the cached ones, for which a build prepares its corpus
 * passes while they are extracted (extractAll): a rebuild that adds a few articles waits for
 * them there (×100 after adding 13: 0.35–0.6 s); with many more, the extraction is long and its
 * workers' memory is the build's peak, which the old graph's index and the gazetteer held from
 * then on would raise. (A rule of thumb, not timed between 0.1 % and this share.)
 */
const PREPARE_SHARE = 0.1;

async function recordsFrom(inputs: string[] | InputList, options: BuildOptions & { replaces?: string }, withFingerprints: boolean, early?: EarlyWorker): Promise<BuiltRecords> {
  const t0 = performance.now();
  const warn = options.onWarning ?? (() => {});
  options.signal?.throwIfAborted();
  const { files, warnings } = Array.isArray(inputs) ? listInputs(inputs) : inputs;
  if (options.strict && warnings.length > 0) throw strictError(warnings[0]!);
  for (const w of warnings) warn(w);

  // a missing or damaged model fails here, with one line, before any work
  const modelFile = modelOrDefault(options.model);
  const models = modelFile === null ? undefined : loadModels(modelFile);
  const store = DocStore.open(options.cacheDir, models?.sha256 ?? 'rules');
  let source: ReuseSource | undefined;
  const { cacheDir, replaces } = options;
  // the graph file this build replaces, opened once (its stamp checked) and kept open until it is written over
  let opened = false;
  const open = () => {
    if (opened) return;
    opened = true;
    if (withFingerprints && cacheDir !== undefined && replaces !== undefined) source = ReuseSource.open(graphIndexPath(cacheDir, replaces), replaces);
  };
  // a rebuild's main thread waits for its worker to extract the new articles once it has read the
  // cached ones: it opens the graph file then, and loads the gazetteer resolution reads (extractAll
  // says when; a build with many articles to extract, whose peak memory is while its workers
  // run, does both after)
  const whileExtracting = () => {
    open();
    loadGazetteer();
  };
  // the summary, once made: closing the store adds to its writing
  let built: BuildSummary | undefined;
  try {
    const stages = noStages();
    const extracted = await extractAll(files, store, modelFile, options, stages, early, whileExtracting);
    options.signal?.throwIfAborted();
    open();
    const extraction = (performance.now() - t0) / 1000;
    options.onExtracted?.();
    const kept = extracted.filter((e): e is Extracted => e.kind === 'doc');
    for (const e of extracted) if (e.kind === 'skip') warn(`kg: skipped ${e.file.path}: ${e.reason}`);
    const read = new Map<string, DocRecord>();
    const { records, reuse, phases } = corpusRecords(
      {
        infos: kept.map((e) => e.info),
        local: kept.map((e) => {
          const local = e.local;
          e.local = undefined;
          return local;
        }),
        units: kept.map((e) => e.units),
        // handed over: the corpus passes let each document's mentions go when done with them
        mentions: kept.map((e) => {
          const ms = e.mentions;
          e.mentions = [];
          return ms;
        }),
        document: (i) => {
          const e = kept[i]!;
          if (e.doc) return e.doc;
          // read back one document at a time; the last one stays for the next pass's first use
          const key = e.key;
          let rec = read.get(key);
          if (!rec) {
            rec = store.get(key);
            read.clear();
            if (rec) read.set(key, rec);
          }
          if (rec && !('skip' in rec)) return documentOf(rec, e.file.path, e.file.id);
          // a record whose head was read but whose text is damaged or gone: the file again, if
          // it still has the bytes whose mentions the head gave; the record goes, and the next
          // build extracts the article anew
          store.drop(key);
          const doc = ingestBytes(readFileSync(e.file.path), e.file.path, e.file.id);
          if (doc.sha256 !== e.info.sha256) throw new Error(`kg: ${e.file.path} changed during the build; build again`);
          return doc;
        },
      },
      // a temporary store goes with this build: relations kept in it would never be read again
      {
        ...options,
        fingerprints: withFingerprints,
        linker: models?.linker,
        relationCache: cacheDir === undefined ? undefined : { scope: basename(store.dir), get: (key) => store.getRelations(key), put: (key, relations) => store.putRelations(key, relations), keep: (key) => store.holdRelations(key) },
        ...(source ? { previous: source } : {}),
      },
    );
    // the next build reads this build's relations from a few files
    const keepStarted = performance.now();
    store.keepRelations();
    const keeping = (performance.now() - keepStarted) / 1000;
    // the corpus-wide passes run without a break: let a stop asked for meanwhile arrive
    if (options.signal) {
      await new Promise((resolve) => setImmediate(resolve));
      options.signal.throwIfAborted();
    }
    const skipped = extracted.length - kept.length;
    const cached = kept.filter((e) => e.cached).length;
    const copied = reuse?.copies && source?.columns ? { copies: reuse.copies, columns: source.columns } : undefined;
    const summary = summarise(records, kept.length, skipped, (performance.now() - t0) / 1000, cached, copied);
    summary.phases = toMilliseconds({ extraction, ...phases, writing: keeping });
    summary.stages = toMilliseconds(stages);
    built = summary;
    const out: BuiltRecords = { records, summary, ...(reuse ? { reuse: { ...reuse, ...(source ? { source } : {}) } } : {}) };
    source = undefined;
    return out;
  } finally {
    source?.close();
    const closing = performance.now();
    store.close();
    // (the cache's records no build read are removed there, or the temporary store: writing too)
    if (built?.phases) addSeconds(built.phases, 'writing', (performance.now() - closing) / 1000);
  }
}

interface Extracted {
  kind: 'doc';
  file: InputFile;
  /** its record's key in the store */
  key: string;
  info: DocumentInfo;
  /** as a worker sent them, as a record's head held them, or rows of the heads file (mentions.ts) */
  mentions: ArticleMentions;
  cached: boolean;
  /** the document itself, when it was kept in memory (KEEP_BYTES) */
  doc?: Document;
  /** its relations as the worker linked them (corpus/local-relations.ts) */
  local?: LocalRelations;
  /** its mentions' units (resolve/units.ts), from the heads files or worked out for them */
  units?: ArticleUnits;
}
type Outcome = Extracted | { kind: 'skip'; file: InputFile; reason: string };

/**
 * Pass 1: every file's mentions, from the cache or extracted, in input (id) order; the time of
 * each article extracted is added to `stages`. With few new articles among many cached
 * (PREPARE_SHARE), `whileExtracting` runs once the cached ones are read, while the new ones may
 * still be extracted.
 */
async function extractAll(files: InputFile[], store: DocStore, model: string | null, options: BuildOptions, stages: ExtractionStages, early?: EarlyWorker, whileExtracting?: () => void): Promise<Outcome[]> {
  const out: Outcome[] = new Array(files.length);
  // a corpus's mentions repeat a few strings (rules, types, doc ids, names) hundreds of thousands
  // of times; each copy from a worker or a record is a string of its own: hold one of each
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const have = strings.get(s);
    if (have !== undefined) return have;
    strings.set(s, s);
    return s;
  };
  const shared = (mentions: Mention[]): Mention[] => {
    for (const m of mentions) {
      m.doc = intern(m.doc);
      m.text = intern(m.text);
      m.type = intern(m.type) as Mention['type'];
      m.rule = intern(m.rule);
      if (m.aliasOf !== undefined) m.aliasOf = intern(m.aliasOf);
      if (m.implied !== undefined) m.implied = intern(m.implied);
    }
    return mentions;
  };
  const todo: number[] = [];
  const sizes: number[] = new Array(files.length).fill(0);
  let todoBytes = 0;
  let done = 0;
  const progress = (i: number) => options.onProgress?.(++done, files.length, files[i]!.id);

  // each file hashed (or its hash kept by an earlier build taken), and looked up in the cache by name
  const keys: Array<string | undefined> = new Array(files.length);
  const extract = (i: number, size: number) => {
    todo.push(i);
    sizes[i] = size;
    todoBytes += size;
  };
  // (a file whose stat is what it was when an earlier build hashed it is not read again; it is
  // opened all the same, which proves it readable and makes a network file system fetch its stat
  // afresh rather than answer from a cache)
  const hashes = store.inputHashes();
  files.forEach((file, i) => {
    let sha256: string | undefined;
    let size: number;
    try {
      const since = Date.now();
      // one open per file: its stat, and its bytes when its hash is not kept
      const fd = openSync(file.path, 'r');
      try {
        const stat = hashes ? fstatSync(fd) : undefined;
        sha256 = stat && hashes!.get(file.path, stat);
        if (sha256 !== undefined) size = stat!.size;
        else {
          const bytes = readFileSync(fd);
          sha256 = createHash('sha256').update(bytes).digest('hex');
          if (stat) hashes!.set(file.path, stat, sha256, since);
          size = bytes.length;
        }
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      out[i] = { kind: 'skip', file, reason: describe(err, 'cannot read') };
      progress(i);
      return;
    }
    const key = recordKey(sha256, file.path);
    // (the record's file, not the heads files, says whether an article is cached: a record dropped
    // as damaged is extracted again though the heads files still name it)
    if (store.has(key)) {
      keys[i] = key;
      sizes[i] = size;
    } else extract(i, size);
  });
  const cachedHeads = keys.reduce((n, k) => (k === undefined ? n : n + 1), 0);
  // the heads of the last builds' articles, in a few files: read at once rather than one record at a time
  const heads = store.heads(intern);

  // --workers decides; by default, as many as there are cores and text to pay for them
  const workers = Math.max(1, Math.min(todo.length, options.workers ?? defaultWorkers(todoBytes, availableParallelism())));
  // the extraction starts before the cached articles are read: with many to read, even one worker
  // is a process, whose start (jieba's dictionaries, the model) overlaps the reading; one started
  // ahead (corpus/spawn.ts) is paid for already
  const processes = todo.length > 0 && (early !== undefined || cachedHeads >= OVERLAP_HEADS) && options.workers === undefined;
  const extractor = createExtractor(workers, { model, processes, ...(early ? { early } : {}) });
  try {
    // without a cache: documents stay in memory, up to KEEP_BYTES of files; with worker processes
    // only when the whole corpus fits (past it, the build's peak memory is what counts)
    let keepBytes = store.temporary && (workers === 1 || todoBytes <= KEEP_BYTES) ? KEEP_BYTES : 0;
    let next = 0;
    const lane = async () => {
      while (next < todo.length) {
        options.signal?.throwIfAborted();
        const i = todo[next++]!;
        const file = files[i]!;
        const keep = sizes[i]! <= keepBytes;
        if (keep) keepBytes -= sizes[i]!;
        let r: FileOutcome;
        try {
          r = await abortable(extractor.run({ path: file.path, id: file.id, storeDir: store.dir, model, ...(keep ? { keep, link: workers > 1 } : {}) }), options.signal);
        } catch (err) {
          if (options.signal?.aborted) throw err;
          // a bug or a store that cannot be written: fail, naming the article it happened on
          const failed = new Error(`${file.path}: ${(err as Error)?.message ?? String(err)}`);
          if ((err as Error)?.stack) failed.stack = (err as Error).stack;
          throw failed;
        }
        addStages(stages, r.times);
        if (r.kind === 'doc') {
          // the worker hashed the file anew: another hash than the build's says it changed since
          // (or that a kept one was wrong), and the kept one goes
          hashes?.confirm(file.path, r.info.sha256);
          const key = recordKey(r.info.sha256, file.path);
          store.markUsed(key);
          out[i] = { kind: 'doc', file, key, info: r.info, mentions: shared(r.mentions), cached: false, ...(r.doc ? { doc: r.doc } : {}), ...(r.local ? { local: ownCopy(r.local) } : {}) };
        } else {
          if (r.key) store.markUsed(r.key);
          if (options.strict) throw new IngestError(file.path, `${r.reason} (--strict)`);
          out[i] = { kind: 'skip', file, reason: r.reason };
        }
        progress(i);
      }
    };
    // as many articles in progress as the extractor takes at once (a worker process's next one waits in its queue)
    const lanes = () => Promise.all(Array.from({ length: extractor.capacity }, lane));
    // the new articles are extracted while the cached ones' heads are read, in runs broken off now
    // and then to take the workers' replies and post the next ones (the ×100 rebuild's worker
    // otherwise waited for all 13,200 heads, and the build for its 13 articles); in-process, the
    // runs and the articles take turns
    const first = lanes();
    // a failure meanwhile is thrown where `first` is awaited, not as an unhandled rejection
    first.catch(() => {});
    let sinceBreak = performance.now();
    const unread: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const key = keys[i];
      if (key === undefined) continue;
      // (a stop asked for meanwhile is taken after the loop: a cache keeps only the records its
      // build read, and would lose those not read yet)
      if (performance.now() - sinceBreak > HEADS_BREAK_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sinceBreak = performance.now();
      }
      const file = files[i]!;
      const held = heads?.find(key);
      if (held) {
        store.markUsed(key);
        out[i] = { kind: 'doc', file, key, info: held.info(key, file.path, file.id), mentions: held.mentions(key, intern(file.id)), units: held.units(key), cached: true };
        progress(i);
        continue;
      }
      const rec = store.getHead(key);
      // a record whose head cannot be read: extracted again
      if (!rec) unread.push(i);
      else if ('skip' in rec) out[i] = { kind: 'skip', file, reason: rec.skip };
      else out[i] = { kind: 'doc', file, key, info: infoOf(rec, file.path, file.id), mentions: mentionsOf(rec, file.id, intern), cached: true };
      if (rec) progress(i);
    }
    const firstSkip = out.find((o) => o?.kind === 'skip');
    if (options.strict && firstSkip?.kind === 'skip') throw new IngestError(firstSkip.file.path, `${firstSkip.reason} (--strict)`);
    options.signal?.throwIfAborted();
    // while the new articles are still being extracted, the cached relations are read (the corpus
    // passes would read them first thing)
    if (todo.length > 0) store.readRelations();
    if (cachedHeads > 0 && todo.length <= cachedHeads * PREPARE_SHARE) whileExtracting?.();
    await first;
    for (const i of unread) extract(i, sizes[i]!);
    await lanes();
  } finally {
    await extractor.close();
  }
  hashes?.keep();
  // the next build reads this build's heads, with their units, from a few files
  if (heads) {
    const docs = out.filter((o): o is Extracted => o?.kind === 'doc');
    const fresh = docs.filter((e) => !e.units);
    articleUnits(fresh.map((e) => mentionList(e.mentions))).forEach((units, j) => (fresh[j]!.units = units));
    store.keepHeads(heads, docs as Array<Extracted & { units: ArticleUnits }>);
  }
  return out;
}

/** `work`, or the signal's reason as soon as it is aborted (the work itself is stopped by the caller). */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** `kg: skipped PATH: reason` as the error --strict makes of it. */
function strictError(warning: string): IngestError {
  const w = warning.replace(/^kg: skipped /, '');
  const cut = w.indexOf(': ', w.lastIndexOf('/'));
  return new IngestError(w.slice(0, cut), `${w.slice(cut + 2)} (--strict)`);
}
