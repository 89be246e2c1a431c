// Traditional (Taiwan / Hong Kong / OpenCC standard) → mainland simplified, keeping the offset
// map exact. We drive OpenCC's own dictionaries through its Trie ourselves instead of calling
// the converter function, because the trie tells us which source span each replacement covers:
// equal-length replacements (the vast majority, including phrases like 軟體→软件) map unit by
// unit, and the rare length-changing ones spread their output over the source span.
import { Trie } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import type { DictGroup } from 'opencc-js/core';
import { Builder, type Mapped } from './mapped.js';
import { isHan } from './chars.js';

let stages: Trie[] | undefined;
let ambiguous: Set<string> | undefined;

/** TW variants → OpenCC traditional, HK variants → OpenCC traditional, then → simplified. */
function getStages(): Trie[] {
  if (stages) return stages;
  const groups: DictGroup[] = [...(from['tw'] ?? []), ...(from['hk'] ?? []), ...(to['cn'] ?? [])];
  stages = groups.map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  return stages;
}

/**
 * Characters that the conversion would change but that are also ordinary simplified characters:
 * 著 (显著, 著名: the TW dictionary reads it as the particle 着), 乾 (乾隆), 於 (a surname), …
 * OpenCC's T→S phrase list keeps them inside known phrases, and every character kept that way
 * is by definition valid in simplified text. In a simplified document we leave them alone.
 */
function getAmbiguous(): Set<string> {
  if (ambiguous) return ambiguous;
  ambiguous = new Set(['著', '瞭', '乾', '於', '藉', '夥', '麽', '祕', '徵']);
  for (const group of to['cn'] ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [, value] = entry.split(' ');
        if (!value) continue;
        for (const ch of value) if (convertUnit(ch) !== ch) ambiguous.add(ch);
      }
    }
  }
  return ambiguous;
}

function convertUnit(s: string): string {
  let out = s;
  for (const trie of getStages()) out = trie.convert(out);
  return out;
}

/** Each character's conversion, remembered for the process: documents share most characters. */
const unitMemo = new Map<string, string>();
function convertedChar(ch: string): string {
  let out = unitMemo.get(ch);
  if (out === undefined) {
    out = convertUnit(ch);
    unitMemo.set(ch, out);
  }
  return out;
}

/**
 * Per BMP character code, what the character-by-character conversion does with it: 0 not yet
 * known, 1 nothing (ambiguous, or unchanged), 2 converts it (to CONVERTED's string). A document's
 * characters are looked up by code: no one-character string is made per character.
 */
const CODE_STATE = new Uint8Array(0x10000);
const CONVERTED = new Map<number, string>();
function codeState(c: number): number {
  let state = CODE_STATE[c]!;
  if (state === 0) {
    const ch = String.fromCharCode(c);
    const out = getAmbiguous().has(ch) ? ch : convertedChar(ch);
    state = out === ch ? 1 : 2;
    if (state === 2) CONVERTED.set(c, out);
    CODE_STATE[c] = state;
  }
  return state;
}

/**
 * What the character-by-character conversion makes of the character at text[i] (code point `cp`,
 * `len` code units), or undefined where it keeps it (unchanged, or ambiguous).
 */
function changedChar(text: string, i: number, cp: number, len: number): string | undefined {
  if (len === 1) return codeState(cp) === 2 ? CONVERTED.get(cp) : undefined;
  const ch = text.slice(i, i + len);
  if (getAmbiguous().has(ch)) return undefined;
  const out = convertedChar(ch);
  return out === ch ? undefined : out;
}

/** One trie stage over a Mapped, longest match first, offsets carried along. */
function runStage(trie: Trie, m: Mapped): Mapped {
  const b = new Builder();
  const text = m.text;
  let i = 0;
  while (i < text.length) {
    const hit = trie.matchPrefix(text, i);
    if (!hit) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      b.copy(m, i, i + len);
      i += len;
      continue;
    }
    const srcLen = hit.end - i;
    const value = hit.value;
    if (value === text.slice(i, hit.end)) {
      b.copy(m, i, hit.end);
    } else if (value.length === srcLen) {
      for (let k = 0; k < srcLen; k++) b.put(value[k]!, m.offs[i + k]!);
    } else {
      for (let k = 0; k < value.length; k++) {
        const src = i + Math.min(srcLen - 1, Math.floor((k * srcLen) / value.length));
        b.put(value[k]!, m.offs[src]!);
      }
    }
    i = hit.end;
  }
  return b.build();
}

function convertMapped(m: Mapped): Mapped {
  let cur = m;
  for (const trie of getStages()) cur = runStage(trie, cur);
  return cur;
}


/**
 * Decides whether a text is written in traditional characters: more than 5 % of its Han
 * characters change under conversion (ambiguous ones not counted). Simplified news scores ~0 %,
 * traditional news 20–30 %.
 */
export function looksTraditional(text: string): boolean {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp >= 0x2e80 && isHan(cp)) {
      han++;
      if (changedChar(text, i, cp, len) !== undefined) changed++;
    }
    i += len - 1;
  }
  return han > 0 && changed / han > 0.05;
}

/**
 * Converts to simplified characters with an exact offset map.
 *
 * A traditional document goes through the full phrase-aware conversion. A simplified document
 * (possibly quoting a few traditional names) is converted character by character, skipping the
 * ambiguous characters, so 显著 stays 显著 instead of becoming 显着.
 */
export function toSimplified(m: Mapped): Mapped {
  if (looksTraditional(m.text)) {
    // Convert line by line: phrases never span lines, and it keeps tries' work local.
    const b = new Builder();
    let start = 0;
    while (start <= m.text.length) {
      let nl = m.text.indexOf('\n', start);
      if (nl < 0) nl = m.text.length;
      const line: Mapped = { text: m.text.slice(start, nl), offs: m.offs.slice(start, nl) };
      const conv = convertMapped(line);
      b.copy(conv, 0, conv.text.length);
      if (nl < m.text.length) b.copy(m, nl, nl + 1);
      start = nl + 1;
    }
    return b.build();
  }
  const b = new Builder();
  const text = m.text;
  let run = 0; // pending run of unchanged characters, copied in one block
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const out = cp >= 0x2e80 ? changedChar(text, i, cp, len) : undefined;
    if (out !== undefined) {
      b.copy(m, run, i);
      b.put(out, m.offs[i]!);
      run = i + len;
    }
    i += len;
  }
  b.copy(m, run, text.length);
  return b.build();
}
