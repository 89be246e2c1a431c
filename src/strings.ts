// A slice of a long string can keep the whole of it alive (V8 stores slices of 13 or more
// characters as views on their parent). The graph keeps names and evidence sentences from every
// article; as views they would hold every article's text in memory, which the build must not.

/** `s` as a string of its own, sharing no storage with the text it was cut from. */
export function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * The one order of ids, keys and names in what a build writes: by UTF-16 code unit. Not the
 * locale's collation (`localeCompare`, `Intl.Collator()`): that follows the user's LANG, so the
 * same corpus built under zh_CN and under en_US gave a different graph (another label among
 * forms of one length, edges in another order). A display may collate; a build may not.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The UTF-16 units at `at` and `at + 1` as one number (0 for a unit past the end): a two-character
 * prefix to look names up by, with no string made per position.
 */
export const pairKey = (text: string, at: number): number => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);

/** Round brackets, full- and half-width: the opening one of each closing one, and the other way. */
export const OPENING_OF: Readonly<Record<string, string>> = { '）': '（', ')': '(' };
export const CLOSING_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OPENING_OF).map(([close, open]) => [open, close]));
// compared, not looked up: the character passed is most often a string of its own (text[i] of a
// Chinese character), which an object look-up must first hash; the maps above list the same pairs
export const isOpenBracket = (c: string | undefined): boolean => c === '（' || c === '(';
export const isCloseBracket = (c: string | undefined): boolean => c === '）' || c === ')';
