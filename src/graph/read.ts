// Reading a graph written by `kg build`, with one-line errors that name the file, the fault and
// where it is: a line and column for broken JSON, a path such as
// `nodes[3].attributes.entityType` for a graph of the wrong shape.
import { readFileSync } from 'node:fs';
import { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES, type DocumentInfo } from '../types.js';
import { KgInputError } from '../eval/errors.js';
import { parseJson } from '../eval/json.js';
import { importGraph } from './import.js';
import { GraphFileError } from './errors.js';
import { loadSkeleton } from './skeleton.js';

export { GraphFileError };

/** The documents a graph was built from (its `documents` attribute; none when it has no such attribute). */
export function documentsOf(graph: DirectedGraph): DocumentInfo[] {
  return (graph.getAttribute('documents') as DocumentInfo[] | undefined) ?? [];
}

export function readGraphFile(file: string): DirectedGraph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GraphFileError(file, 'no such file (run `kg build` first?)');
    if (code === 'EISDIR') throw new GraphFileError(file, 'is a folder, not a graph file');
    if (code === 'EACCES' || code === 'EPERM') throw new GraphFileError(file, 'cannot read (permission denied)');
    throw new GraphFileError(file, `cannot read (${code ?? (err as Error).message})`);
  }
  if (text.trim() === '') throw new GraphFileError(file, 'is empty, not a kg graph');
  let data: unknown;
  try {
    data = parseJson(text, file);
  } catch (err) {
    if (err instanceof KgInputError) throw new GraphFileError(file, err.problem);
    throw err;
  }
  return parseGraph(data, file);
}

export interface OpenGraphOptions {
  /** told when the skeleton is damaged and the whole graph is read instead */
  onWarning?: (message: string) => void;
}

/**
 * The graph of `file` for queries: from its skeleton when that is current (fast; mentions and
 * evidence read on first access), else read and checked in full like readGraphFile.
 */
export function openGraph(file: string, options: OpenGraphOptions = {}): DirectedGraph {
  const fast = loadSkeleton(file);
  if (fast.graph) return fast.graph;
  if (fast.reason === 'damaged') options.onWarning?.(`${fast.detail}; reading the whole graph instead`);
  return readGraphFile(file);
}

const ENTITY_LIST = ENTITY_TYPES.join(', ');
const RELATION_LIST = RELATION_TYPES.join(', ');

/**
 * Checks the serialised graph against the schema other tools rely on (the README's graph file
 * contract), then imports it. The first fault found is reported with its path.
 */
export function parseGraph(data: unknown, file: string): DirectedGraph {
  const fail = (problem: string): never => {
    throw new GraphFileError(file, problem);
  };
  if (!isObject(data)) return fail(`not a kg graph (expected a JSON object, found ${kind(data)})`);
  if ('kgSkeleton' in data) return fail('is the skeleton of a graph (a cache kg build writes beside it), not a graph; give the graph file');
  if (!Array.isArray(data.nodes)) return fail(`not a kg graph (no "nodes" array; "nodes" is ${kind(data.nodes)})`);
  if (!Array.isArray(data.edges)) return fail(`not a kg graph (no "edges" array; "edges" is ${kind(data.edges)})`);
  if (data.attributes !== undefined) {
    if (!isObject(data.attributes)) fail(`attributes is ${kind(data.attributes)}, not an object`);
    const docs = data.attributes.documents;
    if (docs !== undefined) {
      if (!Array.isArray(docs)) fail(`attributes.documents is ${kind(docs)}, not an array`);
      docs.forEach((d: unknown, i: number) => {
        if (!isObject(d) || typeof d.id !== 'string') fail(`attributes.documents[${i}].id is ${kind(isObject(d) ? d.id : d)}, not a string`);
      });
    }
  }

  const keys = new Map<string, number>();
  data.nodes.forEach((n: unknown, i: number) => {
    const at = () => `nodes[${i}]`; // messages are built only when a check fails
    if (!isObject(n)) return fail(`${at()} is ${kind(n)}, not an object`);
    if (typeof n.key !== 'string') return fail(`${at()}.key is ${kind(n.key)}, not a string`);
    const first = keys.get(n.key);
    if (first !== undefined) fail(`${at()}.key ${JSON.stringify(n.key)} is also the key of nodes[${first}]`);
    const node = () => `${at()} (${n.key})`;
    const a = n.attributes;
    if (!isObject(a)) return fail(`${node()} has no attributes (${at()}.attributes is ${kind(a)})`);
    if (typeof a.label !== 'string') fail(`${node()} has no string "label" (${at()}.attributes.label is ${kind(a.label)})`);
    if (a.entityType === undefined) fail(`${node()} has no entityType (${at()}.attributes.entityType is missing; expected one of ${ENTITY_LIST})`);
    if (!(ENTITY_TYPES as readonly unknown[]).includes(a.entityType)) {
      fail(`${node()} has unknown entityType ${JSON.stringify(a.entityType)} at ${at()}.attributes.entityType (expected one of ${ENTITY_LIST})`);
    }
    if (!Array.isArray(a.aliases) || a.aliases.some((x: unknown) => typeof x !== 'string')) {
      fail(`${node()} has no "aliases" array of strings (${at()}.attributes.aliases is ${kind(a.aliases)})`);
    }
    if (!Array.isArray(a.mentions)) return fail(`${node()} has no "mentions" array (${at()}.attributes.mentions is ${kind(a.mentions)})`);
    a.mentions.forEach((m: unknown, j: number) => {
      const where = () => `${at()}.attributes.mentions[${j}]`;
      if (!isObject(m)) return fail(`${node()}: ${where()} is ${kind(m)}, not an object`);
      if (typeof m.doc !== 'string') fail(`${node()}: ${where()}.doc is ${kind(m.doc)}, not a string`);
      if (typeof m.text !== 'string') fail(`${node()}: ${where()}.text is ${kind(m.text)}, not a string`);
      for (const k of ['start', 'end'] as const) {
        if (!Number.isInteger(m[k]) || (m[k] as number) < 0) fail(`${node()}: ${where()}.${k} is ${kind(m[k])}, not an offset (a whole number ≥ 0)`);
      }
      return undefined;
    });
    keys.set(n.key, i);
    return undefined;
  });

  data.edges.forEach((e: unknown, i: number) => {
    const at = () => `edges[${i}]`;
    if (!isObject(e)) return fail(`${at()} is ${kind(e)}, not an object`);
    if (typeof e.source !== 'string' || !keys.has(e.source)) fail(`${at()} has unknown source ${JSON.stringify(e.source) ?? 'undefined'} (${at()}.source is not the key of a node)`);
    if (typeof e.target !== 'string' || !keys.has(e.target)) fail(`${at()} has unknown target ${JSON.stringify(e.target) ?? 'undefined'} (${at()}.target is not the key of a node)`);
    const a = e.attributes;
    if (!isObject(a)) return fail(`${at()} has no attributes (${at()}.attributes is ${kind(a)})`);
    if (a.relation === undefined) fail(`${at()} has no relation (${at()}.attributes.relation is missing; expected one of ${RELATION_LIST})`);
    if (!(RELATION_TYPES as readonly unknown[]).includes(a.relation)) {
      fail(`${at()} has unknown relation ${JSON.stringify(a.relation)} at ${at()}.attributes.relation (expected one of ${RELATION_LIST})`);
    }
    if (!Array.isArray(a.evidence)) return fail(`${at()} has no "evidence" array (${at()}.attributes.evidence is ${kind(a.evidence)})`);
    a.evidence.forEach((x: unknown, j: number) => {
      const where = () => `${at()}.attributes.evidence[${j}]`;
      if (!isObject(x)) return fail(`${where()} is ${kind(x)}, not an object`);
      if (typeof x.doc !== 'string') fail(`${where()}.doc is ${kind(x.doc)}, not a string`);
      return undefined;
    });
    return undefined;
  });

  const graph = new DirectedGraph({ allowSelfLoops: false });
  try {
    importGraph(graph, data as Parameters<typeof importGraph>[1]);
  } catch (err) {
    fail(`cannot be loaded as a graph (${(err as Error).message})`);
  }
  return graph;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a JSON value is, for messages: `missing`, `null`, `an array`, `the number 3`, `"firm"`. */
function kind(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? `the string ${JSON.stringify(v.slice(0, 40))}…` : `the string ${JSON.stringify(v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${String(v)}`;
}
