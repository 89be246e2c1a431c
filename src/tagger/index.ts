// The learned stage of entity extraction: a character tagger (BIOES over the seven types) that
// reads each sentence's characters, words, lexicon hits and the rules' proposed spans, and
// decides the mentions. Names it finds once in a document are then found wherever else the
// document writes them, as the rules do (extract/index.ts).
import { ENTITY_TYPES, type Document, type EntityType, type Mention } from '../types.js';
import { analyseDocument, extractMentions, toMention, withKnownNames, withoutDatelines, type RuleAnalysis } from '../extract/index.js';
import { loadModels } from '../model-file.js';
import { FEATURES_PER_CHAR, sentenceFeatures, type RuleSpan, type SentenceInput } from './features.js';
import { decodeSpans, type LabelSpan } from './labels.js';
import { decode, type TaggerModel } from './model.js';
import { repairSpans, withCountries, withCountedLists, withListItems, withListShapes, withColonLists, withoutGenericBodies, withoutGenericParks, withPrefixedParks, withFramedClusters, type RepairContext } from './repair.js';
import { withImpliedEntities } from '../extract/implied.js';

export type { TaggerModel } from './model.js';

/** The feature inputs of each sentence of a document, from the rules' analysis of it. */
export function sentenceInputs(doc: Document, analysis: RuleAnalysis): SentenceInput[] {
  const bySentence = new Map<number, RuleSpan[]>();
  for (const m of analysis.mentions) {
    const sent = doc.sentences[m.sentence];
    if (!sent) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push({ start: m.nstart - sent.start, end: m.nend - sent.start, type: m.type, rule: m.rule });
    bySentence.set(m.sentence, list);
  }
  return doc.sentences.map((sent, k) => {
    const ctx = analysis.contexts[k]!;
    let masked: Uint8Array | undefined;
    for (const [fs, fe] of doc.furniture) {
      if (fe <= sent.start || fs >= sent.end) continue;
      masked ??= new Uint8Array(sent.end - sent.start);
      masked.fill(1, Math.max(0, fs - sent.start), Math.min(sent.end, fe) - sent.start);
    }
    return { text: ctx.text, tokens: ctx.tokens, rules: bySentence.get(sent.index) ?? [], ...(masked ? { masked } : {}) };
  });
}

/** A document's mentions: decided by the model in `modelFile`, or by the rules alone when it is null. */
export function findMentions(doc: Document, modelFile: string | null): Mention[] {
  return modelFile === null ? extractMentions(doc) : tagMentions(doc, loadModels(modelFile).tagger);
}

/** Mentions in one document as the model decides them, in text order. */
export function tagMentions(doc: Document, model: TaggerModel, analysis: RuleAnalysis = analyseDocument(doc)): Mention[] {
  const inputs = sentenceInputs(doc, analysis);
  // the rule behind each span the rules proposed, by its offsets and type as one number
  const spanKey = spanKeyOf(doc.text.length);
  const ruleAt = new Map<number | string, string>();
  for (const m of analysis.mentions) ruleAt.set(spanKey(m.nstart, m.nend, m.type), m.rule);
  const mentions: Mention[] = [];
  const longest = inputs.reduce((m, x) => Math.max(m, x.text.length), 0);
  const buffer = new Uint32Array(longest * FEATURES_PER_CHAR);
  doc.sentences.forEach((sent, k) => {
    const input = inputs[k]!;
    const n = input.text.length;
    if (n === 0) return;
    const labels = decode(model, sentenceFeatures(input, buffer), n);
    const ctx = analysis.contexts[k]!;
    let spans = repairSpans(ctx, decodeSpans(labels));
    for (const repair of SENTENCE_REPAIRS) spans = repair(ctx, spans);
    for (const sp of spans) {
      if (input.masked?.[sp.start] || input.masked?.[sp.end - 1]) continue;
      const ns = sent.start + sp.start;
      const ne = sent.start + sp.end;
      if (!/[\p{L}\p{N}]/u.test(doc.text.slice(ns, ne))) continue;
      // a span the rules proposed keeps the rule's name: relation patterns read it (list:company)
      const rule = ruleAt.get(spanKey(ns, ne, sp.type));
      mentions.push(toMention(doc, ns, ne, { type: sp.type, rule: rule ? `tagger+${rule}` : 'tagger', sentence: sent.index }));
    }
  });
  return withoutDatelines(doc, withImpliedEntities(doc, withKnownNames(doc, withoutGenericBodies(withoutGenericParks(mentions)))));
}

/** What completes a sentence's repaired spans, in this order: each takes the spans (sorted) and gives them back sorted, with what it adds or mends. */
const SENTENCE_REPAIRS: ReadonlyArray<(ctx: RepairContext, spans: readonly LabelSpan[]) => LabelSpan[]> = [
  withListItems,
  withListShapes,
  withCountedLists,
  withColonLists,
  withCountries,
  withPrefixedParks,
  withFramedClusters,
];

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/**
 * A span's offsets and type as one number (exact for texts under 16 M characters, as a string
 * beyond): no string is made per span.
 */
export function spanKeyOf(length: number): (ns: number, ne: number, type: EntityType) => number | string {
  const wide = length + 1;
  if (wide >= 1 << 24) return (ns, ne, type) => `${ns}:${ne}:${type}`;
  return (ns, ne, type) => (ns * wide + ne) * 8 + (TYPE_INDEX.get(type) ?? 7);
}
