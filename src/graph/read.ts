// Reading a graph written by `kg build`, with one-line errors that name the file and the fault.
import { readFileSync } from 'node:fs';
import { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';

export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'GraphFileError';
  }
}

export function readGraphFile(file: string): DirectedGraph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GraphFileError(file, code === 'ENOENT' ? 'no such file (run `kg build` first?)' : `cannot read (${code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  return parseGraph(data, file);
}

/** Checks the serialised graph against the schema other tools rely on, then imports it. */
export function parseGraph(data: unknown, file: string): DirectedGraph {
  const fail = (problem: string): never => {
    throw new GraphFileError(file, problem);
  };
  if (!isObject(data)) return fail('not a kg graph (expected a JSON object)');
  if (!Array.isArray(data.nodes)) return fail('not a kg graph (no "nodes" array)');
  if (!Array.isArray(data.edges)) return fail('not a kg graph (no "edges" array)');
  const keys = new Set<string>();
  data.nodes.forEach((n: unknown, i: number) => {
    if (!isObject(n) || typeof n.key !== 'string') return fail(`nodes[${i}] has no string "key"`);
    const a = n.attributes;
    if (!isObject(a)) return fail(`nodes[${i}] (${n.key}) has no attributes`);
    if (typeof a.label !== 'string') fail(`nodes[${i}] (${n.key}) has no string "label"`);
    if (!(ENTITY_TYPES as readonly unknown[]).includes(a.entityType)) fail(`nodes[${i}] (${n.key}) has unknown entityType ${JSON.stringify(a.entityType)}`);
    if (!Array.isArray(a.aliases)) fail(`nodes[${i}] (${n.key}) has no "aliases" array`);
    if (!Array.isArray(a.mentions)) fail(`nodes[${i}] (${n.key}) has no "mentions" array`);
    keys.add(n.key);
    return undefined;
  });
  data.edges.forEach((e: unknown, i: number) => {
    if (!isObject(e)) return fail(`edges[${i}] is not an object`);
    if (typeof e.source !== 'string' || !keys.has(e.source)) fail(`edges[${i}] has unknown source ${JSON.stringify(e.source)}`);
    if (typeof e.target !== 'string' || !keys.has(e.target)) fail(`edges[${i}] has unknown target ${JSON.stringify(e.target)}`);
    const a = e.attributes;
    if (!isObject(a) || !(RELATION_TYPES as readonly unknown[]).includes(a.relation)) fail(`edges[${i}] has unknown relation ${JSON.stringify(isObject(a) ? a.relation : undefined)}`);
    if (isObject(a) && !Array.isArray(a.evidence)) fail(`edges[${i}] has no "evidence" array`);
    return undefined;
  });
  const graph = new DirectedGraph({ allowSelfLoops: false });
  try {
    graph.import(data as Parameters<DirectedGraph['import']>[0]);
  } catch (err) {
    fail(`cannot be loaded as a graph (${(err as Error).message})`);
  }
  return graph;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
