// Training examples for the tagger: sentences with their feature keys and gold labels.
//  - annotated articles: the gold files give names, not offsets, so every occurrence of an
//    entity's name or alias in the article is labelled with its type (longest forms first, never
//    inside bylines and credits);
//  - CLUENER2020 sentences, where their labels mean what the guideline means (see cluener.ts).
import type { Document } from '../types.js';
import type { GoldDoc } from '../eval/gold.js';
import { formKey } from '../eval/forms.js';
import { analyseDocument, inFurniture, type RuleAnalysis } from '../extract/index.js';
import { sentenceFeatures } from './features.js';
import { sentenceInputs } from './index.js';
import { encodeSpans, type LabelSpan } from './labels.js';

export interface Example {
  /** where it came from: a document id and sentence index */
  id: string;
  n: number;
  /** n × FEATURES_PER_CHAR keys */
  features: Uint32Array;
  /** n gold labels */
  labels: Uint8Array;
}

/** The sentences of a document as examples, labelled by `spans` (normalised-text offsets). */
export function documentExamples(doc: Document, spans: readonly LabelSpan[], analysis: RuleAnalysis = analyseDocument(doc)): Example[] {
  const inputs = sentenceInputs(doc, analysis);
  return doc.sentences.map((sent, k) => {
    const input = inputs[k]!;
    const inside = spans
      .filter((sp) => sp.start >= sent.start && sp.end <= sent.end)
      .map((sp) => ({ ...sp, start: sp.start - sent.start, end: sp.end - sent.start }));
    const n = input.text.length;
    return { id: `${doc.id}#${sent.index}`, n, features: sentenceFeatures(input), labels: encodeSpans(n, inside) };
  });
}

/** A gold entity's occurrence in its article: normalised-text offsets, and the entity's gold name. */
export interface GoldSpan extends LabelSpan {
  name: string;
}

/**
 * Where a gold file's entities occur in its article: every occurrence of every name and alias,
 * compared as the scoring compares forms (eval/forms.ts), longest forms
 * first and without overlaps, outside bylines and credits.
 */
export function projectGold(doc: Document, gold: GoldDoc): GoldSpan[] {
  // the text as scoring keys, with each key character's offset in doc.text
  let view = '';
  const at: number[] = [];
  for (let i = 0; i < doc.text.length; i++) {
    const k = formKey(doc.text[i]!);
    for (let j = 0; j < k.length; j++) {
      view += k[j];
      at.push(i);
    }
  }
  const forms: Array<{ key: string; type: GoldDoc['entities'][number]['type']; name: string }> = [];
  for (const e of gold.entities) {
    for (const f of new Set([e.name, ...e.aliases])) {
      const key = formKey(f);
      if (key) forms.push({ key, type: e.type, name: e.name });
    }
  }
  forms.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Uint8Array(doc.text.length);
  const out: GoldSpan[] = [];
  for (const { key, type, name } of forms) {
    for (let p = view.indexOf(key); p >= 0; p = view.indexOf(key, p + 1)) {
      const s = at[p]!;
      const e = at[p + key.length - 1]! + 1;
      if (taken.subarray(s, e).some((x) => x === 1) || inFurniture(doc, s, e)) continue;
      taken.fill(1, s, e);
      out.push({ start: s, end: e, type, name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
