// Plain typed records that flow one way through the pipeline:
// ingest → segment → extract → resolve → relate → graph → query/export.

export const ENTITY_TYPES = [
  'company',
  'organization',
  'place',
  'industrial-park',
  'project',
  'industry-cluster',
  'person',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = ['located-in', 'belongs-to-cluster', 'leads'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** A sentence of a document, in normalised-text offsets. */
export interface Sentence {
  index: number;
  /** start offset in the normalised text (inclusive) */
  start: number;
  /** end offset in the normalised text (exclusive) */
  end: number;
}

/** A document after ingest: decoded, normalised, split into sentences. */
export interface Document {
  /** path relative to the input root, with `/` */
  id: string;
  /** path as given on disk */
  path: string;
  title: string;
  /** the date its dateline gives, YYYY-MM-DD */
  date?: string;
  /** sha256 of the raw bytes, hex */
  sha256: string;
  /** detected encoding of the raw bytes, e.g. 'UTF-8', 'GB18030', 'Big5', 'UTF-16LE' */
  encoding: string;
  /** decoded text exactly as in the file (BOM removed); evidence and offsets refer to it */
  original: string;
  /** normalised text: lines joined, letters un-spaced, doublings removed, simplified characters */
  text: string;
  /**
   * offsets[i] is the offset in `original` of normalised character i; it has text.length + 1
   * entries, the last one being the original offset just past the last mapped character.
   * Monotone non-decreasing.
   */
  offsets: Int32Array;
  /** half-open [start, end) ranges of the normalised text that are bylines, credits or page furniture */
  furniture: Array<[number, number]>;
  /**
   * ranges of the normalised text that are datelines (某某网某市6月20日电): the outlet and the place
   * it was filed from are no entities, but unlike furniture the tagger reads them as text
   */
  datelines: Array<[number, number]>;
  sentences: Sentence[];
}

/** One occurrence of an entity name in a document. */
export interface Mention {
  doc: string;
  /** offsets in the original text, [start, end) */
  start: number;
  end: number;
  /** surface form, normalised (simplified, joined) */
  text: string;
  /** index of the sentence that holds it */
  sentence: number;
  type: EntityType;
  /** offsets in the normalised text, [nstart, nend) */
  nstart: number;
  nend: number;
  /** which rule found it, for debugging and `--verbose` */
  rule: string;
  /** the article declares this form an alias of a longer name it wrote just before: X（以下简称“Y”） */
  aliasOf?: string;
  /** a head title standing for the body it leads, which the article does not write (区长 → 区政府): the entity's name is this */
  implied?: string;
}

/** An entity after resolution: all mentions of one real-world thing. */
export interface Entity {
  /** stable id: `${type}:${label}` */
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
}

export interface Evidence {
  doc: string;
  /** offsets in the original text of the sentence, [start, end) */
  start: number;
  end: number;
  /** the sentence's text */
  sentence: string;
}

export interface Relation {
  head: string; // entity id
  tail: string; // entity id
  relation: RelationType;
  evidence: Evidence[];
  derived: boolean;
}

/** Document metadata stored in the graph. */
export interface DocumentInfo {
  id: string;
  path: string;
  title: string;
  /** the date its dateline gives, YYYY-MM-DD */
  date?: string;
  sha256: string;
  chars: number;
}
