// From ingested documents to the graph: extract → resolve → relate → graph.
import type { DirectedGraph } from 'graphology';
import type { Document, DocumentInfo, EntityType, Mention, Relation, RelationType } from './types.js';
import { ENTITY_TYPES, RELATION_TYPES } from './types.js';
import { EntityMentions, mentionList, mentionNames, type ArticleMentions } from './mentions.js';
import { addCorpusMentions, corpusForms } from './extract/index.js';
import { documentInfo } from './ingest/index.js';
import { findMentions } from './tagger/index.js';
import { modelOrDefault } from './tagger/paths.js';
import { loadModels } from './model-file.js';
import { linkDocument, type LinkerModel } from './linker/index.js';
import { resolveArticles, type ArticleUnits } from './resolve/index.js';
import { RelationMerger, mergedWithin, relateDocument, type Linked } from './relate/index.js';
import { derivedPlaceEdges } from './relate/derived.js';
import { extractedRelationKey, relationKey, unitEntities, type RelationCache } from './corpus/relation-cache.js';
import { relationsUnderCorpusIds, type LocalRelations } from './corpus/local-relations.js';
import { DEFAULT_GRAPH_OPTIONS, graphOf, graphRecords, laysOut, type GraphRecords } from './graph/build.js';
import { RecordFingerprinter } from './corpus/fingerprints.js';
import type { EdgeColumns, EdgeCopies, EdgeSources, RecordFingerprints, ReuseSource } from './graph/reuse.js';
import { edgeKey, matchInputs, mergeEdges, planEdges, previousEdges, type EdgePlan, type InputMatch } from './corpus/clean-edges.js';
import { GENERATOR } from './generator.js';
import type { ExtractionStages } from './corpus/extract-file.js';
import { laps } from './laps.js';

export type { ExtractionStages } from './corpus/extract-file.js';

export interface BuildOptions {
  onWarning?: (message: string) => void;
  /** a file that would be skipped with a warning stops the build instead */
  strict?: boolean;
  /** extraction workers (processes); default: one per 2 MB of text to extract, up to the number of cores */
  workers?: number;
  /** folder of per-document results reused by the next build; default: none (a temporary store) */
  cacheDir?: string;
  /** called after each document is extracted */
  onProgress?: (done: number, total: number, doc: string) => void;
  /** called once every document's mentions are in hand (any worker processes stopped), before the corpus-wide passes */
  onExtracted?: () => void;
  /** ForceAtlas2 iterations at build; default 'auto' (fewer as the graph grows) */
  layoutIterations?: number | 'auto';
  /** fixed build time, for reproducible output in tests */
  builtAt?: string;
  /** stops the build (workers terminated, temporary store removed); it rejects with the signal's reason */
  signal?: AbortSignal;
  /** the tagger model file that decides the mentions (default: the committed data/model/entities.model); null: the rules alone */
  model?: string | null;
}

export interface BuildSummary {
  documents: number;
  skipped: number;
  /** documents whose extraction came from the cache */
  cached: number;
  entities: Record<EntityType, number>;
  relations: Record<RelationType, number>;
  derivedRelations: number;
  /** how long build() took to the graph in memory; `kg build` reports its own, with the graph written */
  seconds: number;
  /** where the time went, phase by phase, on the build's own thread */
  phases?: BuildPhases;
  /** the extraction's work, stage by stage, summed over the articles extracted (each worker's own clock) */
  stages?: ExtractionStages;
}

/** Seconds of wall-clock time of each phase of a build, one after the other on the build's thread. */
export interface BuildPhases {
  /**
   * until every article's mentions are in hand: the model loaded, the inputs hashed (or their kept
   * hashes checked), the cached articles' heads and relations read, the others extracted (workers
   * started and stopped), the heads and hashes kept for the next build, the graph file to be
   * replaced opened
   */
  extraction: number;
  /** names found in one article looked for in the others */
  names: number;
  /** mentions grouped into entities across articles */
  resolution: number;
  /** each article's relations taken from the cache or found, and merged into edges */
  relations: number;
  /** the graph's records (and layout), and the fingerprints by which the next build copies them */
  graph: number;
  /** the cache's relation files written and its unused records removed (or the temporary store); with kg build, the graph file, its skeleton and the cache's index too */
  writing: number;
}

/**
 * A corpus after per-document extraction: each document's mentions in memory, the documents
 * themselves loaded on demand (from the store) so the text is never held whole.
 */
export interface ExtractedCorpus {
  infos: DocumentInfo[];
  /**
   * mentions found in each document on its own, same order as `infos` (a cached article's may be
   * rows of the cache, mentions.ts); handed over: graphFromCorpus empties this list as it goes,
   * so the mentions live only in the graph after
   */
  mentions: ArticleMentions[];
  document(i: number): Document;
  /**
   * each document's relations as the worker that extracted it linked them, where it did
   * (corpus/local-relations.ts), with the relation classifier the corpus passes are given as
   * `linker` (the same model file); handed over like `mentions`
   */
  local?: Array<LocalRelations | undefined>;
  /** each document's mentions' units (resolve/units.ts), where a cache kept them, same order as `infos` */
  units?: Array<ArticleUnits | undefined>;
}

/** Extraction and resolution of documents already ingested (all in memory). */
export function buildGraphFromDocuments(documents: Document[], options: BuildOptions = {}): DirectedGraph {
  const modelFile = modelOrDefault(options.model);
  const linker = modelFile === null ? undefined : loadModels(modelFile).linker;
  const mentions = documents.map((doc, i) => {
    const found = findMentions(doc, modelFile);
    options.onProgress?.(i + 1, documents.length, doc.id);
    return found;
  });
  const infos = documents.map(documentInfo);
  return graphFromCorpus({ infos, mentions, document: (i) => documents[i]! }, { ...options, linker });
}

/**
 * The corpus-wide passes: names across articles → resolve → relate → graph. With a relation
 * classifier (`linker`) it decides the relations; without one, the sentence patterns do.
 */
export function graphFromCorpus(corpus: ExtractedCorpus, options: BuildOptions & { linker?: LinkerModel; relationCache?: RelationCache } = {}): DirectedGraph {
  return graphOf(corpusRecords(corpus, { ...options, fingerprints: false }).records);
}

/** What a build with a cache hands the writer for the next build: see corpusRecords. */
export interface RecordReuse {
  fingerprints: RecordFingerprints;
  sources: EdgeSources;
  /** the edges copied from the graph file replaced (options.previous), which `records` do not hold */
  copies?: EdgeCopies;
}

/**
 * graphFromCorpus, the graph as its records (graph/build.ts: what `kg build` writes); with a
 * relation cache, also the records' fingerprints (corpus/fingerprints.ts), by which the graph's
 * writer copies the records a rebuild did not change from the file it replaces (graph/reuse.ts),
 * and where the edges came from. Given that file (`previous`, its index saying where its edges
 * came from) and no layout to run, the edges it can copy whole are not made (corpus/clean-edges.ts):
 * `records.edges` holds those made, and `copies` orders them among the copied ones.
 */
export function corpusRecords(
  corpus: ExtractedCorpus,
  options: BuildOptions & { linker?: LinkerModel; relationCache?: RelationCache; fingerprints?: boolean; previous?: ReuseSource } = {},
): { records: GraphRecords; reuse?: RecordReuse; phases: Omit<BuildPhases, 'extraction' | 'writing'> } {
  const phases = { names: 0, resolution: 0, relations: 0, graph: 0 };
  const lap = laps();
  // a name found by a rule in one article is a name in the others too
  // (corpusForms reads a mention's text, type and rule alone: a cached one's are read from its rows)
  const forms = corpusForms(mentionNames(corpus.mentions) as Iterable<Mention>);
  // no forms (the tagger decides every mention): the rescan would find nothing, read nothing back,
  // and the mentions kept as rows stay so
  let perDoc: ArticleMentions[] = corpus.mentions;
  // the names of other articles added no mention to a document: its mentions are its record's
  let own = perDoc.map(() => true);
  if (forms.size > 0) {
    const lists = corpus.mentions.map(mentionList);
    const added = lists.map((ms, i) => addCorpusMentions(corpus.document(i), ms, forms));
    own = added.map((ms, i) => sameMentions(ms, lists[i]!));
    perDoc = added;
  }
  phases.names = lap();
  // (the entities' lists of mentions are not made: graphRecords makes a node's when it is written)
  const { entities, entityOf, entityIndex } = resolveArticles(
    perDoc.map((mentions, i) => {
      const units = own[i] ? corpus.units?.[i] : undefined;
      return { doc: corpus.infos[i]!.id, mentions, ...(units ? { units } : {}) };
    }),
    { listMentions: false },
  );
  phases.resolution = lap();
  const cache = options.relationCache;
  // (fingerprints: false — the caller writes no graph file that a next build could copy from)
  const fingerprinter = cache && options.fingerprints !== false ? new RecordFingerprinter(cache.scope, corpus.infos) : undefined;
  const layoutIterations = options.layoutIterations ?? DEFAULT_GRAPH_OPTIONS.layoutIterations;
  // a layout moves every node as the edges pull: a laid-out graph's edges are all made
  const laidOut = laysOut(layoutIterations, entities.length);
  const previous = fingerprinter && !laidOut ? previousEdges(options.previous) : undefined;
  const starts = new Int32Array(perDoc.length + 1);
  perDoc.forEach((ms, i) => (starts[i + 1] = starts[i]! + ms.length));
  const link = (i: number): Linked[] => mentionList(perDoc[i]!).map((m, j): Linked => ({ ...m, entity: entityOf[starts[i]! + j]! }));
  // an incremental build finds most documents' relations as the last build left them; with no
  // names added from other articles, a document's mentions are its record's
  const keyOf = (i: number, linked: () => Linked[]): string => {
    if (!cache) return '';
    const { id, sha256 } = corpus.infos[i]!;
    if (forms.size > 0) return relationKey(cache.scope, id, sha256, linked());
    const units = own[i] ? corpus.units?.[i] : undefined;
    return units ? extractedRelationKey(cache.scope, id, sha256, unitEntities(units.of, entityOf, starts[i]!), 'unit') : extractedRelationKey(cache.scope, id, sha256, entityOf.slice(starts[i], starts[i + 1]));
  };
  // a document's relations: kept under its key, or linked by the worker, or found now
  const relationsOf = (i: number, key: string, linked: () => Linked[]): Relation[] => {
    let found = cache?.get(key);
    // linked by the worker with the article's own resolution: taken where the corpus's resolution
    // groups the article's mentions alike and its names added none to the article
    const local = corpus.local?.[i];
    if (local && corpus.local) corpus.local[i] = undefined;
    if (!found && local && options.linker && own[i]) {
      found = relationsUnderCorpusIds(local, corpus.infos[i]!.id, entityOf.slice(starts[i], starts[i + 1]));
      if (found) cache?.put(key, found);
    }
    if (!found) {
      found = options.linker ? linkDocument(corpus.document(i), linked(), options.linker) : relateDocument(corpus.document(i), linked());
      // kept merged within the document, as a worker's are (the corpus merges them alike): a
      // relinked ×100 corpus kept 1.57 M relations in 97 MB for 388 k in 66 MB
      if (cache) {
        found = mergedWithin(found);
        cache.put(key, found);
      }
    }
    return found;
  };
  own.forEach((mine, i) => {
    if (!mine) fingerprinter?.notOwn(i);
  });
  const derived = derivedPlaceEdges(entities);
  // each document's relations merged as they come: the per-document lists are never all held
  // (a rebuild holds its fresh documents' lists, from planning until they are merged)
  const merger = new RelationMerger();
  const merge = (r: Relation) => merger.add(r);
  let plan: EdgePlan | undefined;
  let match: InputMatch | undefined;
  // the fresh documents' relations, read (or found) to plan which edges are made again
  let fresh: Map<number, Relation[]> | undefined;
  // (a document's mentions linked for its key are let go: linked again if its relations are read)
  const keys = previous ? perDoc.map((_, i) => keyOf(i, () => link(i))) : undefined;
  if (previous && keys) {
    match = matchInputs(previous, keys);
    // with most documents fresh (another model, a first build with this cache) there is little to
    // copy, and their lists would all be held at once: every edge is made
    if (match.fresh.length <= keys.length / 2) {
      fresh = new Map(match.fresh.map((i) => [i, relationsOf(i, keys[i]!, () => link(i))]));
      plan = planEdges(previous, match, entities.map((e) => e.id), fresh, derived, perDoc.length);
    }
  }
  const dirty = plan?.dirty;
  // with a plan, only the relations of the edges it makes again are merged
  const only = dirty ? (r: Relation) => dirty.has(edgeKey(r)) : undefined;
  perDoc.forEach((_, i) => {
    const linked = once(() => link(i));
    const key = keys?.[i] ?? keyOf(i, linked);
    if (plan && plan.read[i] !== 1) {
      // its relations are those of edges copied: kept for the next build unread (or found again if the cache lost them)
      fingerprinter!.input(i, key);
      if (!cache!.keep(key)) relationsOf(i, key, linked);
      if (corpus.local) corpus.local[i] = undefined;
      return;
    }
    const found = fresh?.get(i) ?? relationsOf(i, key, linked);
    fresh?.delete(i);
    if (fingerprinter) fingerprinter.relations(i, key, found, merge, only);
    else for (const r of found) merger.add(r);
  });
  for (const r of derived) {
    if (only && !only(r)) continue;
    const merged = merger.add(r);
    fingerprinter?.derived(merged);
  }
  const nodeLanes = fingerprinter?.nodeLanes(entities, entityIndex, perDoc.map((ms) => ms.length));
  // the mentions live on in the nodes' records alone from here, made when a record's are read
  const mentions = new EntityMentions(perDoc, entityIndex, entities.length);
  entityOf.length = 0;
  if (corpus.units) corpus.units.length = 0;
  perDoc.length = 0;
  corpus.mentions.length = 0;
  if (corpus.local) corpus.local.length = 0;
  const relations = merger.result();
  phases.relations = lap();
  const records = graphRecords(entities, relations, corpus.infos, {
    layoutIterations,
    generator: GENERATOR,
    builtAt: options.builtAt ?? new Date().toISOString(),
    mentions,
  });
  const timed = <T>(out: T): T & { phases: typeof phases } => {
    phases.graph = lap();
    return { ...out, phases };
  };
  if (!fingerprinter || !nodeLanes) return timed({ records });
  const { fingerprints, sources } = fingerprinter.fingerprints(records, nodeLanes);
  if (!previous || !plan || !match) return timed({ records, reuse: { fingerprints, sources } });
  const merged = mergeEdges(previous, match, plan, records.edges, fingerprints.edges, sources);
  return timed({ records, reuse: { fingerprints: { nodes: fingerprints.nodes, edges: merged.fingerprints }, sources: merged.sources, copies: merged.copies } });
}

/** `make()` the first time, its value after. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Are `a` and `b` the same mentions, in the same order (the corpus's names added none to a document)? */
function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/** The summary of a build whose graph is `records`, and the edges `copied` from the graph file it replaces (as their columns have them). */
export function summarise(records: GraphRecords, documents: number, skipped: number, seconds: number, cached = 0, copied?: { copies: EdgeCopies; columns: EdgeColumns }): BuildSummary {
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  let derivedRelations = 0;
  for (const { attributes: a } of records.nodes) entities[a!.entityType as EntityType]++;
  for (const { attributes: a } of records.edges) {
    if (a!.derived) derivedRelations++;
    else relations[a!.relation as RelationType]++;
  }
  if (copied) {
    const c = copied.columns;
    for (const j of copied.copies.order) {
      if (j < 0) continue;
      if (c.derived[j] === 1) derivedRelations++;
      else relations[c.relations[c.relation[j]!] as RelationType]++;
    }
  }
  return { documents, skipped, cached, entities, relations, derivedRelations, seconds: Math.round(seconds * 100) / 100 };
}
