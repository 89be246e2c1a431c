// Annotated corpora: folders of articles with a gold file each (the guideline's format).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Document } from '../types.js';
import { ingestFile } from '../ingest/index.js';
import { loadGoldDir, type GoldDoc } from '../eval/gold.js';
import { KgInputError } from '../eval/errors.js';

/** Where an annotated corpus lives: its articles and its gold files. */
export interface CorpusSource {
  texts: string;
  gold: string;
}

export interface AnnotatedDoc {
  /** `${corpus folder name}/${doc}`: unique across corpora */
  key: string;
  doc: Document;
  gold: GoldDoc;
}

/** Reads every gold file of each source with the article it names. */
export async function loadAnnotated(sources: readonly CorpusSource[]): Promise<AnnotatedDoc[]> {
  const out: AnnotatedDoc[] = [];
  for (const src of sources) {
    if (!existsSync(src.texts) || !statSync(src.texts).isDirectory()) throw new KgInputError(src.texts, 'no such folder of articles');
    const golds = loadGoldDir(src.gold);
    const files = new Set(readdirSync(src.texts));
    for (const gold of golds) {
      const name = basename(gold.doc);
      if (!files.has(name)) throw new KgInputError(gold.file ?? src.gold, `names ${gold.doc}, which is not in ${src.texts}`);
      const doc = await ingestFile(join(src.texts, name), gold.doc);
      out.push({ key: `${basename(src.texts.replace(/\/texts\/?$/u, ''))}/${gold.doc}`, doc, gold });
    }
  }
  return out;
}
