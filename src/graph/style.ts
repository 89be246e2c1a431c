// How entity types look: one colour per type, node size from mention count.
import type { EntityType } from '../types.js';

export const TYPE_COLORS: Record<EntityType, string> = {
  company: '#e6194b',
  organization: '#4363d8',
  place: '#3cb44b',
  'industrial-park': '#f58231',
  project: '#911eb4',
  'industry-cluster': '#42d4f4',
  person: '#f032e6',
};

/** Grows with the logarithm of mentions so a district named 200 times does not fill the screen. */
export function nodeSize(mentionCount: number): number {
  return Math.round((3 + 3 * Math.log2(1 + mentionCount)) * 100) / 100;
}
