// Gold files (the annotation guideline's format), read and checked.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../types.js';
import { KgInputError } from './errors.js';
import { parseJson, readText } from './json.js';

export interface GoldEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}
export interface GoldRelation {
  head: string;
  type: RelationType;
  tail: string;
}
/** One article's entities and relations: the shape of gold files and of predictions alike. */
export interface GoldDoc {
  doc: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  /** where it came from, for messages */
  file?: string;
}

export function loadGoldDir(dir: string): GoldDoc[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new KgInputError(dir, 'no such gold folder');
  }
  if (!st.isDirectory()) throw new KgInputError(dir, 'not a folder of .gold.json files');
  const files = walk(dir).filter((f) => f.endsWith('.gold.json')).sort();
  if (files.length === 0) throw new KgInputError(dir, 'no .gold.json files in this folder');
  return files.map((f) => parseGold(readText(f, 'gold file'), f));
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KgInputError(dir, code === 'EACCES' || code === 'EPERM' ? 'cannot read the gold folder (permission denied)' : `cannot read the gold folder (${code ?? (err as Error).message})`);
  }
  return entries.flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Parses and checks one gold file; a fault is a one-line KgInputError with its line and column or its path. */
export function parseGold(json: string, file: string): GoldDoc {
  if (json.trim() === '') throw new KgInputError(file, 'is empty, not a gold file');
  const data = parseJson(json, file);
  const fail = (problem: string): never => {
    throw new KgInputError(file, problem);
  };
  if (!isObject(data)) return fail('a gold file is a JSON object {doc, entities, relations}');
  if (typeof data.doc !== 'string' || !data.doc) fail('missing "doc" (the article file name)');
  if (!Array.isArray(data.entities)) fail('missing "entities" array');
  const relationsRaw = data.relations ?? [];
  if (!Array.isArray(relationsRaw)) fail('"relations" is not an array');
  const names = new Set<string>();
  const entities = (data.entities as unknown[]).map((e, i): GoldEntity => {
    if (!isObject(e)) return fail(`entities[${i}] is not an object`);
    if (typeof e.name !== 'string' || !e.name) fail(`entities[${i}] has no "name"`);
    if (!(ENTITY_TYPES as readonly unknown[]).includes(e.type)) fail(`entities[${i}].type ${JSON.stringify(e.type)} is not an entity type`);
    const aliases = e.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) fail(`entities[${i}].aliases is not a list of strings`);
    names.add(e.name as string);
    return { name: e.name as string, type: e.type as EntityType, aliases: aliases as string[] };
  });
  const relations = (relationsRaw as unknown[]).map((r, i): GoldRelation => {
    if (!isObject(r)) return fail(`relations[${i}] is not an object`);
    if (!(RELATION_TYPES as readonly unknown[]).includes(r.type)) fail(`relations[${i}].type ${JSON.stringify(r.type)} is not a relation type`);
    for (const end of ['head', 'tail'] as const) {
      if (typeof r[end] !== 'string' || !names.has(r[end] as string)) fail(`relations[${i}].${end} ${JSON.stringify(r[end])} is not the name of an entity of this file`);
    }
    return { head: r.head as string, type: r.type as RelationType, tail: r.tail as string };
  });
  return { doc: data.doc as string, entities, relations, file };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
