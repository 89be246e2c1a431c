// The graph file's records as the viewer reads them (the contract written by `kg build`).
import type Graph from 'graphology';
import type { EntityType, RelationType } from '../../src/types.js';

export { ENTITY_TYPES, RELATION_TYPES } from '../../src/types.js';
export type { EntityType, RelationType };

export interface MentionRecord {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface EvidenceRecord {
  doc: string;
  /** offsets of the sentence in the original document */
  start: number;
  end: number;
  sentence: string;
}

export interface NodeAttrs {
  label: string;
  entityType: EntityType;
  aliases: string[];
  mentions: MentionRecord[];
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttrs {
  relation: RelationType;
  evidence: EvidenceRecord[];
  derived: boolean;
  weight: number;
}

export interface DocumentRecord {
  id: string;
  path: string;
  title: string;
  date?: string;
}

export interface GraphAttrs {
  documents: DocumentRecord[];
  builtAt?: string;
  generator?: { name: string; version: string };
}

export type KgGraph = Graph<NodeAttrs, EdgeAttrs, GraphAttrs>;
