// The tagger's label set: BIOES over the seven entity types. Label 0 is O; type t has
// B = 1 + 4t, I = 2 + 4t, E = 3 + 4t, S = 4 + 4t.
import { ENTITY_TYPES, type EntityType } from '../types.js';

export const LABEL_COUNT = 1 + 4 * ENTITY_TYPES.length;
export const O = 0;

const enum Part {
  B = 1,
  I = 2,
  E = 3,
  S = 4,
}

const typeIndex = new Map<EntityType, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/** Label names, for reports and the model file: O, B-company, I-company, … */
export const LABEL_NAMES: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`)),
];

const PART_OFFSET = { B: 0, I: 1, E: 2, S: 3 } as const;
export const labelOf = (type: EntityType, part: 'B' | 'I' | 'E' | 'S'): number => 1 + 4 * typeIndex.get(type)! + PART_OFFSET[part];

const partOf = (label: number): number => (label === O ? 0 : ((label - 1) % 4) + 1);
export const typeOfLabel = (label: number): EntityType | undefined => (label === O ? undefined : ENTITY_TYPES[(label - 1) >> 2]);

/** A typed span in some local offsets, [start, end). */
export interface LabelSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Writes spans (non-overlapping) into a label array of the given length. */
export function encodeSpans(length: number, spans: Iterable<LabelSpan>): Uint8Array {
  const labels = new Uint8Array(length);
  for (const sp of spans) {
    if (sp.end - sp.start === 1) labels[sp.start] = labelOf(sp.type, 'S');
    else {
      labels[sp.start] = labelOf(sp.type, 'B');
      for (let k = sp.start + 1; k < sp.end - 1; k++) labels[k] = labelOf(sp.type, 'I');
      labels[sp.end - 1] = labelOf(sp.type, 'E');
    }
  }
  return labels;
}

/** Reads the spans of a valid label sequence (as Viterbi gives under `allowed`). */
export function decodeSpans(labels: ArrayLike<number>): LabelSpan[] {
  const out: LabelSpan[] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const p = partOf(l);
    if (p === Part.S) out.push({ start: i, end: i + 1, type: typeOfLabel(l)! });
    else if (p === Part.B) start = i;
    else if (p === Part.E && start >= 0) {
      out.push({ start, end: i + 1, type: typeOfLabel(l)! });
      start = -1;
    } else if (p === 0) start = -1;
  }
  return out;
}

/** allowed[from * LABEL_COUNT + to]: BIOES order, and I/E only continue B/I of the same type. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let from = 0; from < LABEL_COUNT; from++) {
    for (let to = 0; to < LABEL_COUNT; to++) {
      const pf = partOf(from);
      const pt = partOf(to);
      const open = pf === Part.B || pf === Part.I;
      const ok = open ? (pt === Part.I || pt === Part.E) && typeOfLabel(from) === typeOfLabel(to) : pt === 0 || pt === Part.B || pt === Part.S;
      a[from * LABEL_COUNT + to] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** May a sentence start with this label (not I or E), or end with it (not B or I)? */
export const canStart = (l: number): boolean => partOf(l) !== Part.I && partOf(l) !== Part.E;
export const canEnd = (l: number): boolean => partOf(l) !== Part.B && partOf(l) !== Part.I;
