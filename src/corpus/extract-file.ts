// The per-document work of a build, run in a worker process or in-process: read, decode and
// normalise one file, find its mentions, and either hand the document back (keep; linked within
// the article too when a worker process runs it) or write its record to the store and link the
// mentions within the article (local-relations.ts), while the text is at hand: the build would
// otherwise read the record back to link it. Only what the build's process needs
// travels back: the mentions, the document's info, the article's relations, and the document
// itself when it is kept in memory instead of stored.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Document, DocumentInfo, Mention } from '../types.js';
import { IngestError, documentInfo, ingestBytes } from '../ingest/index.js';
import { describe } from '../ingest/files.js';
import { tagMentions } from '../tagger/index.js';
import { analyseDocument, extractMentions } from '../extract/index.js';
import { recordKey, recordOf, skipRecord, writeRecord } from './store.js';
import { loadModels } from '../model-file.js';
import { tokenize } from '../segment/index.js';
import { loadGazetteer } from '../extract/gazetteer.js';
import { localRelations, type LocalRelations } from './local-relations.js';
import { laps } from '../laps.js';

export interface FileTask {
  path: string;
  id: string;
  /** store folder to write the record into */
  storeDir: string;
  /** the tagger model file deciding the mentions, or null for the rules alone */
  model: string | null;
  /**
   * hand the document back instead of writing its record: for a temporary store, whose records
   * would only be read back by this build (from a worker, the document travels back with its
   * mentions)
   */
  keep?: boolean;
  /**
   * link a kept document within the article too, as a stored one is (local-relations.ts): set
   * where worker processes extract, so that the build's process, idle while they work, need not
   * link every document after them. ×10 corpus, --no-cache, 2 workers, 5 alternating rounds:
   * 24.6–25.9 s → 22.8–24.3 s, the same graph (an earlier measurement, 24.3 → 26.1 s, had found
   * the opposite; not reproduced). In-process it would only add each article's own resolution.
   */
  link?: boolean;
}

/** One article's extraction, stage by stage (ExtractionStages without the count), in seconds. */
export type StageTimes = Omit<ExtractionStages, 'articles'>;

export type FileOutcome =
  | { kind: 'doc'; info: DocumentInfo; mentions: Mention[]; doc?: Document; local?: LocalRelations; times: StageTimes }
  | { kind: 'skip'; /** the skip record's store key, when the file was read */ key?: string; reason: string; times: StageTimes };

/**
 * Seconds of each stage of the extraction, summed over the articles extracted, each measured by
 * the clock of the worker that ran it: with two workers at once the sums can pass the
 * extraction's wall-clock time. `load` is each worker's start (jieba's dictionaries, the
 * gazetteer, and in a worker process the model, which the build's own process loads before its
 * extraction); `rules` includes jieba's tagging, which the rules call; `tagger` the
 * learned tagger and what completes its spans; `linker` the relations found within an article by
 * the worker that extracted it; `store` its record written to the cache.
 */
export interface ExtractionStages {
  /** articles extracted (not taken from the cache), skipped ones included */
  articles: number;
  load: number;
  ingest: number;
  rules: number;
  tagger: number;
  linker: number;
  store: number;
}

/** No time yet in any stage. */
export function noStages(): ExtractionStages {
  return { articles: 0, load: 0, ingest: 0, rules: 0, tagger: 0, linker: 0, store: 0 };
}

/** `into` with one article's times added (and counted). */
export function addStages(into: ExtractionStages, times: StageTimes): void {
  into.articles++;
  into.load += times.load;
  into.ingest += times.ingest;
  into.rules += times.rules;
  into.tagger += times.tagger;
  into.linker += times.linker;
  into.store += times.store;
}

/**
 * Loads what extraction with `model` reads (jieba's dictionaries, the gazetteer, the model) before
 * the first article asks for it: a worker started while the build reads the cache is ready when
 * its first article comes.
 */
export function warmUp(model: string | null): void {
  tokenize(''); // loads jieba's dictionaries
  loadGazetteer();
  if (model !== null) loadModels(model);
}

export async function extractFile(task: FileTask): Promise<FileOutcome> {
  let sha256: string | undefined;
  let doc: Document;
  let mentions: Mention[];
  const times: StageTimes = { load: 0, ingest: 0, rules: 0, tagger: 0, linker: 0, store: 0 };
  const lap = laps();
  try {
    // read and hashed here: the build hashed it (or took the hash an earlier build kept) to look
    // it up in the cache, but a worker is handed the path, not the bytes
    const bytes = readFileSync(task.path);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    doc = ingestBytes(bytes, task.path, task.id, sha256);
    times.ingest = lap();
    // (what tagger/index.ts's findMentions does, with the rules' analysis and the tagger timed apart)
    if (task.model === null) {
      mentions = extractMentions(doc);
      times.rules = lap();
    } else {
      const analysis = analyseDocument(doc);
      times.rules = lap();
      mentions = tagMentions(doc, loadModels(task.model).tagger, analysis);
      times.tagger = lap();
    }
  } catch (err) {
    // Only problems with the file itself become skips; a bug must not pass as a bad file.
    if (!(err instanceof IngestError) && (err as NodeJS.ErrnoException | undefined)?.code === undefined) throw err;
    const reason = err instanceof IngestError ? err.reason : describe(err, 'cannot read');
    times.ingest += lap();
    // a file that is not text stays not text: remember it by content, not when it could not be read
    if (sha256 && err instanceof IngestError) writeRecord(task.storeDir, skipRecord(sha256, task.path, reason));
    times.store = lap();
    return sha256 && err instanceof IngestError ? { kind: 'skip', key: recordKey(sha256, task.path), reason, times } : { kind: 'skip', reason, times };
  }
  const linker = task.model === null ? undefined : loadModels(task.model).linker;
  if (task.keep) {
    const local = task.link && linker ? localRelations(doc, mentions, linker) : undefined;
    times.linker = lap();
    return { kind: 'doc', info: documentInfo(doc), mentions, doc, ...(local ? { local } : {}), times };
  }
  // Outside the try: a store that cannot be written (disk full) fails the build; it is not the
  // article's fault and must not pass as a skipped file.
  writeRecord(task.storeDir, recordOf(doc, mentions));
  times.store = lap();
  const local = linker ? localRelations(doc, mentions, linker) : undefined;
  times.linker = lap();
  return { kind: 'doc', info: documentInfo(doc), mentions, ...(local ? { local } : {}), times };
}
