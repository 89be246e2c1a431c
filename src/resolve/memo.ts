// Memos of what resolution works out per form (keys, a company's short forms), shared by the
// per-article part (units.ts) and the corpus-wide passes (index.ts). They serve one resolution:
// clearMemos() lets a corpus's forms go once it is done.
import type { EntityType } from '../types.js';
import { companyShortForms } from '../extract/index.js';
import { matchKey, surfaceKey } from './keys.js';

/** matchKey, memoised per type and form: resolution compares every form with its candidates. */
const keyCache = new Map<EntityType, Map<string, string>>();
export function key(form: string, type: EntityType): string {
  return memoised(keyCache, type, form, matchKey);
}

/** A company's name and short forms (companyShortForms), each also as its key, without bracketed parts: what shortens() matches a short name's core against, per name. */
const baresCache = new Map<string, string[]>();
export function companyBares(name: string): string[] {
  return baresCache.get(name) ?? remember(baresCache, name, [name, ...shortFormsOf(name)].flatMap((f) => [withoutBrackets(f), withoutBrackets(key(f, 'company'))]));
}
const withoutBrackets = (f: string) => f.replace(/[（(][^）)]*[）)]/gu, '');

/** companyShortForms, memoised: resolution asks for a name's short forms again and again */
const shortFormsCache = new Map<string, string[]>();
export function shortFormsOf(name: string): string[] {
  return shortFormsCache.get(name) ?? remember(shortFormsCache, name, companyShortForms(name));
}

/** surfaceKey, memoised: every mention is looked up by it */
const surfaceCache = new Map<string, string>();
export function surface(form: string): string {
  return surfaceCache.get(form) ?? remember(surfaceCache, form, surfaceKey(form));
}

/** the value for (type, form) in `cache`, made by `make(form, type)` the first time */
function memoised(cache: Map<EntityType, Map<string, string>>, type: EntityType, form: string, make: (form: string, type: EntityType) => string): string {
  let byForm = cache.get(type);
  if (!byForm) cache.set(type, (byForm = new Map()));
  return byForm.get(form) ?? remember(byForm, form, make(form, type));
}

/** `value`, kept in `cache` under `form` (the memos above); a cache past a million forms starts again */
function remember<V>(cache: Map<string, V>, form: string, value: V): V {
  if (cache.size > 1_000_000) cache.clear();
  cache.set(form, value);
  return value;
}

/** Empties the memos above. */
export function clearMemos(): void {
  surfaceCache.clear();
  keyCache.clear();
  shortFormsCache.clear();
  baresCache.clear();
}
