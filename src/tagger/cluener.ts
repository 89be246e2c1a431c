// CLUENER2020's labelled sentences as tagger examples, where its labels mean what the
// annotation guideline means:
//   company → company; government → organization; name → person;
//   address → place, when the address is a chain of gazetteer or country names (北京市海淀区 →
//     北京市 + 海淀区, as the guideline splits places); a street address or a landmark has no
//     place reading, so the sentence is left out;
//   organization (sports teams, bands, clubs) and scene (sights) are not the guideline's
//     organization and place, and labelling them O would teach the wrong thing: such sentences
//     are left out;
//   book, game, movie and position are not entities in the guideline: O.
// The data stays in ../shared; only a model trained on it is kept in the project.
import { readFileSync } from 'node:fs';
import { documentFromText } from '../ingest/index.js';
import { loadGazetteer } from '../extract/gazetteer.js';
import { WORLD_PLACES } from '../extract/lexicon.js';
import type { EntityType } from '../types.js';
import { COUNTRY_NAMES } from './countries.js';
import { documentExamples, type Example } from './data.js';
import type { LabelSpan } from './labels.js';

export interface CluenerSentence {
  /** line number in the file, from 1 */
  line: number;
  text: string;
  /** spans in `text` offsets, [start, end), guideline types */
  spans: LabelSpan[];
}

export interface CluenerRead {
  sentences: CluenerSentence[];
  /** sentences left out, by reason */
  dropped: Record<string, number>;
}

const MAPPED: Record<string, EntityType | null | undefined> = {
  company: 'company',
  government: 'organization',
  name: 'person',
  address: 'place', // split or dropped, below
  book: null,
  game: null,
  movie: null,
  position: null,
};

export function readCluener(file: string): CluenerRead {
  const sentences: CluenerSentence[] = [];
  const dropped: Record<string, number> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let row: { text: string; label?: Record<string, Record<string, Array<[number, number]>>> };
    try {
      row = JSON.parse(raw);
    } catch {
      throw new Error(`${file}:${i + 1}: not a CLUENER line (invalid JSON)`);
    }
    const spans: LabelSpan[] = [];
    let why: string | undefined;
    for (const [label, surfaces] of Object.entries(row.label ?? {})) {
      const type = MAPPED[label];
      if (type === undefined) {
        why = `has ${label}`;
        break;
      }
      if (type === null) continue;
      for (const [surface, places] of Object.entries(surfaces)) {
        for (const [s, eIncl] of places) {
          if (type !== 'place') {
            spans.push({ start: s, end: eIncl + 1, type });
            continue;
          }
          const parts = splitAddress(surface);
          if (!parts) {
            why = 'has an address that is not a chain of place names';
            break;
          }
          let at = s;
          for (const p of parts) {
            spans.push({ start: at, end: at + p.length, type: 'place' });
            at += p.length;
          }
        }
        if (why) break;
      }
      if (why) break;
    }
    if (why) {
      dropped[why] = (dropped[why] ?? 0) + 1;
      return;
    }
    sentences.push({ line: i + 1, text: row.text, spans: spans.sort((a, b) => a.start - b.start) });
  });
  return { sentences, dropped };
}

let names: Set<string> | undefined;

/** 北京市海淀区 → [北京市, 海淀区]: the address as consecutive place names, or undefined. */
export function splitAddress(address: string): string[] | undefined {
  if (!names) {
    const gaz = loadGazetteer();
    names = new Set([...gaz.byName.keys(), ...gaz.byShort.keys(), ...WORLD_PLACES, ...COUNTRY_NAMES]);
  }
  const known = names;
  // longest first, left to right; every character must be covered
  const out: string[] = [];
  for (let i = 0; i < address.length; ) {
    let len = Math.min(12, address.length - i);
    while (len >= 2 && !known.has(address.slice(i, i + len))) len--;
    if (len < 2) return undefined;
    out.push(address.slice(i, i + len));
    i += len;
  }
  return out;
}

/** A CLUENER sentence as examples (its one or more normalised sentences). */
export function cluenerExamples(sentence: CluenerSentence): Example[] {
  const doc = documentFromText(`cluener:${sentence.line}`, sentence.text);
  // spans are in original offsets; the normalised text maps back through doc.offsets
  const toNorm = new Int32Array(sentence.text.length + 1).fill(-1);
  for (let i = doc.text.length - 1; i >= 0; i--) toNorm[doc.offsets[i]!] = i;
  const spans: LabelSpan[] = [];
  for (const sp of sentence.spans) {
    const s = toNorm[sp.start]!;
    const e = toNorm[sp.end - 1]!;
    if (s >= 0 && e >= s) spans.push({ start: s, end: e + 1, type: sp.type });
  }
  return documentExamples(doc, spans);
}
