// `kg path`, `kg neighbors`, `kg show`, `kg search` and `kg export`: a thin layer over the query
// and export libraries. Results on stdout (`--json` for machines); errors carry their exit code
// (1 not found, 2 ambiguous name or usage) and main.ts prints them.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import { LIST_DEFAULTS, LIST_SORTS, NEIGHBOR_DEFAULTS, PATH_DEFAULTS, SEARCH_DEFAULTS, type ListSort } from '../query/defaults.js';
import { QueryError } from '../query/errors.js';
import type { ExportFilter } from '../export/index.js';
import { EXPORT_FORMATS } from '../export/formats.js';

// the queries and the graph's reading are loaded by the command that runs them (every kg command
// would otherwise pay for their load at its start)
const queries = () => import('../query/index.js');
const reading = () => import('../graph/read.js');

interface GraphOption {
  graph: string;
  json?: boolean;
}
interface WalkFlags {
  relation?: string[];
  type?: string[];
  directed?: boolean;
}

export function registerQueryCommands(program: Command, defaultGraph: string): void {
  const graphOption = ['-g, --graph <file>', 'graph file', defaultGraph] as const;

  program
    .command('path')
    .description('how two entities are connected: the shortest path, with the evidence for every hop')
    .argument('<from>', 'an entity: label, alias, pinyin, part of a name, or type:label')
    .argument('<to>', 'another entity')
    .option(...graphOption)
    .option('--all', 'every shortest path, not just one')
    .option('--max-hops <n>', 'every simple path of at most n hops', positiveInt)
    .option('--limit <n>', 'at most n paths (with --all or --max-hops)', positiveInt, PATH_DEFAULTS.limit)
    .option('--relation <relations>', `follow only these relations (${RELATION_TYPES.join(', ')}); comma-separated or repeated`, listOf(RELATION_TYPES), [])
    .option('--type <types>', 'pass only through entities of these types; comma-separated or repeated', listOf(ENTITY_TYPES), [])
    .option('--directed', 'follow edges only in their direction (default: either way)')
    .option('--json', 'print as JSON')
    .action(async (fromName: string, toName: string, opts: GraphOption & WalkFlags & { all?: boolean; maxHops?: number; limit: number }) => {
      const { findPaths, formatPaths } = await queries();
      const graph = await openForQueries(opts.graph);
      const from = await resolve(graph, fromName, opts.json);
      const to = await resolve(graph, toName, opts.json);
      const result = findPaths(graph, from, to, {
        ...walkOptions(opts),
        all: !!opts.all,
        limit: opts.limit,
        ...(opts.maxHops !== undefined ? { maxHops: opts.maxHops } : {}),
      });
      if (opts.json) printJSON(result);
      if (result.paths.length === 0) {
        const within = opts.maxHops !== undefined ? ` within ${opts.maxHops} hops` : '';
        throw new QueryError(`no path from ${result.from.key} to ${result.to.key}${within}${filtersNote(opts)}`, 1);
      }
      if (!opts.json) process.stdout.write(formatPaths(graph, result));
    });

  program
    .command('neighbors')
    .alias('neighbours')
    .description('the entities around an entity, each with the relation that reaches it')
    .argument('<entity>', 'an entity: label, alias, pinyin, part of a name, or type:label')
    .option(...graphOption)
    .option('--depth <k>', 'how many hops out', positiveInt, NEIGHBOR_DEFAULTS.depth)
    .option('--relation <relations>', 'follow only these relations; comma-separated or repeated', listOf(RELATION_TYPES), [])
    .option('--type <types>', 'only reach entities of these types; comma-separated or repeated', listOf(ENTITY_TYPES), [])
    .option('--directed', 'follow edges only in their direction')
    .option('--limit <n>', 'at most n neighbours', positiveInt)
    .option('--json', 'print as JSON')
    .action(async (name: string, opts: GraphOption & WalkFlags & { depth: number; limit?: number }) => {
      const { neighbors, formatNeighbors } = await queries();
      const graph = await openForQueries(opts.graph);
      const result = neighbors(graph, await resolve(graph, name, opts.json), {
        ...walkOptions(opts),
        depth: opts.depth,
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      });
      if (opts.json) printJSON(result);
      else process.stdout.write(formatNeighbors(graph, result));
    });

  program
    .command('show')
    .description('an entity card: type, aliases, mentions, documents, relations with evidence')
    .argument('<entity>', 'an entity: label, alias, pinyin, part of a name, or type:label')
    .option(...graphOption)
    .option('--json', 'print as JSON')
    .action(async (name: string, opts: GraphOption) => {
      const { showEntity, formatCard } = await queries();
      const graph = await openForQueries(opts.graph);
      const card = showEntity(graph, await resolve(graph, name, opts.json));
      if (opts.json) printJSON(card);
      else process.stdout.write(formatCard(card));
    });

  program
    .command('list')
    .description('entities ranked by mentions, relations or name; by type, or only the unconnected ones')
    .option(...graphOption)
    .option('--type <types>', 'only entities of these types; comma-separated or repeated', listOf(ENTITY_TYPES), [])
    .option('--sort <by>', `rank by ${LIST_SORTS.join(', ')}`, oneOf(LIST_SORTS), LIST_DEFAULTS.sort)
    .option('--limit <n>', 'at most n entities', positiveInt, LIST_DEFAULTS.limit)
    .option('--isolated', 'only entities with no relation')
    .option('--json', 'print as JSON')
    .action(async (opts: GraphOption & { type: string[]; sort: ListSort; limit: number; isolated?: boolean }) => {
      const { listEntities, formatList } = await queries();
      const graph = await openForQueries(opts.graph);
      const result = listEntities(graph, { sort: opts.sort, limit: opts.limit, isolated: !!opts.isolated, ...(opts.type.length ? { types: opts.type } : {}) });
      if (opts.json) printJSON(result);
      else process.stdout.write(formatList(result));
    });

  program
    .command('mentions')
    .description('every place an entity is written: document, offsets and the sentence (read from the article)')
    .argument('<entity>', 'an entity: label, alias, pinyin, part of a name, or type:label')
    .option(...graphOption)
    .option('--doc <document>', 'only in this document (its id, path, or the end of either)')
    .option('--json', 'print as JSON')
    .action(async (name: string, opts: GraphOption & { doc?: string }) => {
      const { entityMentions, formatMentions } = await queries();
      const graph = await openForQueries(opts.graph);
      const result = entityMentions(graph, await resolve(graph, name, opts.json), opts.doc === undefined ? {} : { doc: opts.doc });
      if (opts.json) printJSON(result);
      else process.stdout.write(formatMentions(result));
    });

  program
    .command('docs')
    .description('the documents of the graph: title, date, entities and relations in each')
    .option(...graphOption)
    .option('--json', 'print as JSON')
    .action(async (opts: GraphOption) => {
      const [{ listDocuments, formatDocuments }, { readGraphFile }] = await Promise.all([queries(), reading()]);
      // every mention and every evidence is read: the whole file at once beats the skeleton's one by one
      const rows = listDocuments(readGraphFile(opts.graph));
      if (opts.json) printJSON(rows);
      else process.stdout.write(formatDocuments(rows));
    });

  program
    .command('doc')
    .description('one document: its entities and the relations its sentences state')
    .argument('<document>', 'its id, its path, or the end of either (003_3fb12ec0478f6414.txt)')
    .option(...graphOption)
    .option('--json', 'print as JSON')
    .action(async (id: string, opts: GraphOption) => {
      const [{ showDocument, formatDocument }, { readGraphFile }] = await Promise.all([queries(), reading()]);
      // the same: every mention and every evidence is read
      const card = showDocument(readGraphFile(opts.graph), id);
      if (opts.json) printJSON(card);
      else process.stdout.write(formatDocument(card));
    });

  program
    .command('search')
    .description('entities matching a text, best first (label, alias, traditional, pinyin, part of a name)')
    .argument('<text>', 'what to look for')
    .option(...graphOption)
    .option('--type <types>', 'only entities of these types', listOf(ENTITY_TYPES), [])
    .option('--limit <n>', 'at most n matches', positiveInt, SEARCH_DEFAULTS.limit)
    .option('--json', 'print as JSON')
    .action(async (text: string, opts: GraphOption & { type: string[]; limit: number }) => {
      const { searchEntities, formatSearch } = await queries();
      const graph = await openForQueries(opts.graph);
      const result = searchEntities(graph, text, { limit: opts.limit, ...(opts.type.length ? { types: opts.type } : {}) });
      if (opts.json) printJSON(result);
      else process.stdout.write(formatSearch(result));
      if (result.total === 0) process.exitCode = 1;
    });

  const formats = Object.keys(EXPORT_FORMATS).join(', ');
  program
    .command('export')
    .description(`write the graph for other tools: ${formats}`)
    .option('-f, --format <format>', `one of ${formats} (default: from the output's extension)`)
    .requiredOption('-o, --out <path>', 'output file (a folder for csv and neo4j; - for stdout, with --format)')
    .option(...graphOption)
    .option('--type <types>', 'only entities of these types; comma-separated or repeated', listOf(ENTITY_TYPES), [])
    .option('--relation <relations>', 'only relations of these types; comma-separated or repeated', listOf(RELATION_TYPES), [])
    .option('--doc <documents>', 'only what these documents mention and state (id, path, or the end of either); comma-separated or repeated', listOf(), [])
    .option('--min-degree <n>', 'only entities with at least n relations (after the other filters)', positiveInt)
    .option('--no-derived', "leave out the gazetteer's derived located-in edges")
    .option('--json', 'print the files written as JSON')
    .action(async (opts: GraphOption & { format?: string; out: string; type: string[]; relation: string[]; doc: string[]; minDegree?: number; derived: boolean }) => {
      const [{ findDocument }, { readGraphFile }, { exportGraph, filterGraph, formatOfPath }] = await Promise.all([queries(), reading(), import('../export/index.js')]);
      const format = opts.format ?? formatOfPath(opts.out);
      if (format === undefined) throw new QueryError(`kg export: give --format (${formats}); "${opts.out}" does not say which`, 2);
      const toStdout = opts.out === '-';
      if (toStdout && opts.json) throw new QueryError('kg export: -o - writes the export to stdout, where --json would go too', 2);
      if (toStdout && (EXPORT_FORMATS as Record<string, { output: string }>)[format]?.output === 'folder') throw new QueryError(`kg export: the ${format} export writes several files into a folder; -o - is for the one-file formats`, 2);
      const graph = readGraphFile(opts.graph);
      const docs = opts.doc.map((d) => findDocument(graph, d).id);
      const filter: ExportFilter = { types: opts.type, relations: opts.relation, docs, minDegree: opts.minDegree ?? 0, noDerived: !opts.derived };
      const kept = filterGraph(graph, filter);
      if (kept.order === 0 && graph.order > 0) process.stderr.write(`kg: warning: the filters leave none of the graph's ${graph.order} entities; the export is empty\n`);
      if (toStdout) return writeToStdout((path) => exportGraph(kept, format, path), format);
      const files = exportGraph(kept, format, opts.out);
      if (opts.json) printJSON({ format, files });
      else process.stdout.write(files.map((f) => `${f}\n`).join(''));
    });
}

/** The entity a name means; with --json an ambiguity or a miss is also reported on stdout. */
async function resolve(graph: DirectedGraph, name: string, json: boolean | undefined): Promise<string> {
  const { resolveEntity, AmbiguousEntityError, EntityNotFoundError } = await queries();
  try {
    return resolveEntity(graph, name);
  } catch (err) {
    if (json && err instanceof AmbiguousEntityError) printJSON({ error: 'ambiguous', query: name, candidates: err.candidates });
    if (json && err instanceof EntityNotFoundError) printJSON({ error: 'not-found', query: name, suggestions: err.suggestions });
    throw err;
  }
}

function walkOptions(opts: WalkFlags): { relations?: string[]; types?: string[]; directed: boolean } {
  return {
    directed: !!opts.directed,
    ...(opts.relation?.length ? { relations: opts.relation } : {}),
    ...(opts.type?.length ? { types: opts.type } : {}),
  };
}

function filtersNote(opts: WalkFlags): string {
  const parts = [
    opts.directed ? 'following edge direction' : '',
    opts.relation?.length ? `relations ${opts.relation.join(', ')}` : '',
    opts.type?.length ? `types ${opts.type.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** A one-file export written to a temporary file by `write`, then copied to stdout (and removed). */
async function writeToStdout(write: (path: string) => void, format: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-export-'));
  try {
    const path = join(dir, `export.${format}`);
    write(path);
    for await (const chunk of createReadStream(path)) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  } catch (err) {
    // the reader went away (`| head`): what it wanted it has, as with any filter
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printJSON(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

/** One value of `allowed`. */
function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/** A comma-separated, repeatable option; with `allowed`, its values must come from that list. */
function listOf(allowed?: readonly string[]): (value: string, previous: string[]) => string[] {
  return (value, previous) => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = allowed ? items.filter((i) => !allowed.includes(i)) : [];
    if (bad.length) throw new InvalidArgumentError(`unknown ${bad.join(', ')} (expected ${allowed?.join(', ')})`);
    return [...previous, ...items];
  };
}

/** The graph for a query (and `kg view`): its skeleton when current; a damaged skeleton is a warning, not a failure. */
export async function openForQueries(file: string): Promise<DirectedGraph> {
  const { openGraph } = await reading();
  return openGraph(file, { onWarning: (message) => process.stderr.write(`kg: ${message}\n`) });
}
