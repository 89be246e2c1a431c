// Normal forms under which two surface forms name the same thing.
import type { EntityType } from '../types.js';

const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;
/** The middle dots the guideline compares as one (written · in a key). */
export const MIDDLE_DOTS: ReadonlySet<string> = new Set([...'·•・‧']);
const DOTS = new RegExp(`[${[...MIDDLE_DOTS].join('')}]`, 'gu');

/**
 * The form the guideline's scoring compares, and resolution's first key: NFKC (which also makes
 * （） into ()), without any whitespace or the invisible zero-width characters copy-paste leaves in
 * names, middle dots alike (· • ・ ‧).
 */
export function surfaceKey(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DOTS, '·');
}

/** Standard abbreviations of park and body names. */
const EXPANSIONS: Array<[RegExp, string]> = [
  [/综保区$/u, '综合保税区'],
  [/经开区$/u, '经济技术开发区'],
  [/高新区$/u, '高新技术产业开发区'],
  [/发改委$/u, '发展改革委'],
  [/发展和改革委员会$/u, '发展改革委'],
  [/管委会$/u, '管理委员会'],
  [/人民政府$/u, '政府'],
];

/** Endings that do not change what a name of this type refers to. */
const DROPPABLE: Partial<Record<EntityType, RegExp>> = {
  // a phase is its project (the guideline): X一期, X二期工程, X一至六期项目 = X
  project: /(?:[一二三四五六七八九十]+(?:至[一二三四五六七八九十]+)?期)?(?:工程项目|项目|工程)?$/u,
  'industry-cluster': /(?:产业集群|集群|产业链|产业)$/u,
  company: /(?:股份有限公司|有限责任公司|有限公司|集团有限公司|\(集团\)有限公司|集团公司|集团)$/u,
};

/** The key two mentions of one type must share to be merged outright. */
export function matchKey(text: string, type: EntityType): string {
  let key = surfaceKey(text);
  for (const [re, full] of EXPANSIONS) key = key.replace(re, full);
  const drop = DROPPABLE[type];
  if (drop) {
    const stripped = key.replace(drop, '');
    if (stripped.length >= 2) key = stripped;
  }
  if (type === 'industry-cluster') {
    key = key.replace(/及其/gu, '及').replace(/[和与及]/gu, '及');
    // words that name no particular industry: 新一代电子信息制造业(产业集群) = 电子信息产业集群
    const bare = key.replace(/^新一代/u, '').replace(/(?:制造业|产业)$/u, '');
    if (bare.length >= 2) key = bare;
    // 电子信息制造 (制造业 cut short) = 电子信息; a short one keeps it (智能制造 is not 智能)
    if (/制造$/u.test(key) && key.length - 2 >= 4) key = key.slice(0, -2);
  }
  return key;
}
