// Bytes → text. News files come as UTF-8 (with or without BOM), GBK/GB18030 from mainland
// sites and Big5 from Taiwan/HK, now and then UTF-16 from Windows tools. Anything else we
// refuse with a one-line reason instead of feeding mojibake to the extractor.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from './errors.js';

export interface Decoded {
  /** the text, BOM removed, otherwise exactly as decoded */
  text: string;
  /** 'UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030' or 'Big5' */
  encoding: string;
}

/** Magic numbers of formats people mistakenly drop in a text folder. */
const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['GZIP archive', [0x1f, 0x8b]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['OLE document (old .doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['BZIP2 archive', [0x42, 0x5a, 0x68]],
];

const LEGACY = ['GB18030', 'Big5'] as const;
type Legacy = (typeof LEGACY)[number];

/** Maps a declared charset (HTML meta, HTTP) to the decoder we use; undefined if unknown. */
export function canonicalCharset(name: string | undefined): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | Legacy | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'UTF-8';
  if (n === 'utf-16le' || n === 'utf-16') return 'UTF-16LE';
  if (n === 'utf-16be') return 'UTF-16BE';
  // GB2312 and GBK are subsets of GB18030; decoding as GB18030 is always at least as good.
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'hz-gb-2312'].includes(n)) {
    return 'GB18030';
  }
  if (['big5', 'big5-hkscs', 'x-big5', 'cp950', 'ms950', 'windows-950'].includes(n)) return 'Big5';
  return undefined;
}

/**
 * Decodes a file's bytes. Order of evidence: binary signatures, BOM, the NUL-byte pattern of
 * BOM-less UTF-16, strict UTF-8, a declared charset (`hint`), then chardet restricted to the
 * encodings Chinese news actually uses (GB18030 family and Big5), with a plausibility check on
 * the decoded text because chardet is unreliable on short inputs.
 *
 * Throws IngestError(file, reason) for binary data, undecodable bytes and empty files
 * (reason 'empty').
 */
export function decodeBytes(bytes: Buffer, file: string, hint?: string): Decoded {
  if (bytes.length === 0) throw new IngestError(file, 'empty');
  for (const [what, sig] of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new IngestError(file, `binary file (${what})`);
  }

  let decoded: Decoded;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: decodeUtf8Lenient(bytes.subarray(3)), encoding: 'UTF-8' };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  } else if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) {
    decoded = { text: iconv.decode(bytes.subarray(4), 'gb18030'), encoding: 'GB18030' };
  } else if (bytes.includes(0)) {
    // NUL never occurs in text in a byte encoding; in UTF-16 without BOM every ASCII character
    // (digits, line breaks, Latin letters) has one. The side the NULs are on suggests the byte
    // order, what the bytes decode to decides. Anything else with NULs is binary data.
    const utf16 = utf16ByContent(bytes, utf16ByNulPattern(bytes));
    if (!utf16) throw new IngestError(file, 'binary file (contains NUL bytes)');
    decoded = utf16;
  } else {
    decoded = decodeWithoutBom(bytes, file, hint);
  }

  check(decoded.text, file);
  return decoded;
}

function decodeWithoutBom(bytes: Buffer, file: string, hint: string | undefined): Decoded {
  // Strict UTF-8 first: legacy CJK byte sequences are almost never valid UTF-8 by accident,
  // so a successful strict decode is decisive (pure ASCII also lands here).
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8, go on
  }

  const declared = canonicalCharset(hint);
  if (declared === 'GB18030' || declared === 'Big5') {
    const text = iconv.decode(bytes, declared === 'GB18030' ? 'gb18030' : 'big5');
    if (replacementShare(text) <= MAX_REPLACEMENT_SHARE) return { text, encoding: declared };
  }

  // UTF-16 without BOM and without ASCII (so without NUL bytes): pure Chinese text.
  const utf16 = utf16ByContent(bytes);
  if (utf16) return utf16;

  const confidence = new Map<string, number>();
  for (const m of analyse(bytes)) {
    const name = canonicalCharset(m.name);
    if (name && !confidence.has(name)) confidence.set(name, m.confidence);
  }
  let best: { text: string; encoding: Legacy; score: number } | undefined;
  for (const enc of LEGACY) {
    const text = iconv.decode(bytes, enc === 'GB18030' ? 'gb18030' : 'big5');
    if (replacementShare(text) > MAX_REPLACEMENT_SHARE) continue;
    const score = (confidence.get(enc) ?? 0) / 100 + plausibility(text);
    if (!best || score > best.score) best = { text, encoding: enc, score };
  }
  if (!best) throw new IngestError(file, 'cannot decode: not valid UTF-8, GB18030 or Big5 text');
  return { text: best.text, encoding: best.encoding };
}

/** UTF-8 after a BOM: trust the BOM, but let `check` reject it if it is mostly garbage. */
function decodeUtf8Lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The byte order the NUL bytes suggest: ASCII in UTF-16LE is "xx 00", NULs at odd offsets.
 * Ideographs such as 一 and 开 (U+4E00, U+5F00) put a NUL on the other side, so this is a
 * majority, not a rule; utf16ByContent checks that the order reads as text.
 */
function utf16ByNulPattern(bytes: Buffer): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 1 << 16);
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > 0 && even * 3 <= odd) return 'UTF-16LE';
  if (even > 0 && odd * 3 <= even) return 'UTF-16BE';
  return undefined;
}

/**
 * UTF-16 (LE or BE) recognised by what it decodes to: valid UTF-16 (no lone surrogates) made
 * almost only of the characters of Chinese news (CJK ideographs and punctuation, full-width
 * forms, ASCII, line breaks), with the frequent characters of Chinese text well represented.
 * GBK, Big5 and UTF-8 bytes read as UTF-16 give Hangul, private-use and surrogate code units
 * instead, and ASCII read as UTF-16 gives rare ideographs; neither passes. When both byte
 * orders read as ideographs, the one with more frequent characters wins; `favoured` (the order
 * the NUL bytes suggest) is enough for text with no Chinese, such as English in UTF-16.
 */
function utf16ByContent(bytes: Buffer, favoured?: 'UTF-16LE' | 'UTF-16BE'): Decoded | undefined {
  // an odd last byte (a truncated file) is decoded as U+FFFD
  const body = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (body.length < 6) return undefined;
  const sample = body.subarray(0, Math.min(body.length, 1 << 16));
  let best: { encoding: 'UTF-16LE' | 'UTF-16BE'; score: number } | undefined;
  for (const encoding of ['UTF-16LE', 'UTF-16BE'] as const) {
    let head: string;
    try {
      // stream: a sample cut inside a surrogate pair must not fail the fatal decoder
      head = new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(sample, { stream: sample.length < body.length });
    } catch {
      continue;
    }
    let textual = 0;
    for (let i = 0; i < head.length; i++) if (isChineseNewsUnit(head.charCodeAt(i))) textual++;
    if (textual < head.length * 0.95) continue;
    const p = plausibility(head);
    if (p < 0.1 && encoding !== favoured) continue;
    const score = p + (encoding === favoured ? 0.1 : 0);
    if (!best || score > best.score) best = { encoding, score };
  }
  if (!best) return undefined;
  try {
    const text = new TextDecoder(best.encoding.toLowerCase(), { fatal: true }).decode(body);
    return { text: body.length < bytes.length ? `${text}\uFFFD` : text, encoding: best.encoding };
  } catch {
    return undefined;
  }
}

function isChineseNewsUnit(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x24f) || // Latin letters with accents
    c === 0x0a || c === 0x0d || c === 0x09 ||
    (c >= 0x2010 && c <= 0x206f) || // dashes, quotes, ellipsis
    (c >= 0xd800 && c <= 0xdfff) // valid surrogate pairs (the decoder is fatal): rare ideographs
  );
}

const MAX_REPLACEMENT_SHARE = 0.02;

function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}

/**
 * Rejects decoded text that is not text: too many U+FFFD, NULs or other control characters,
 * or nothing but whitespace.
 */
function check(text: string, file: string): void {
  if (text.trim().length === 0) throw new IngestError(file, 'empty');
  if (replacementShare(text) > MAX_REPLACEMENT_SHARE) {
    throw new IngestError(file, 'cannot decode: too many invalid byte sequences');
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new IngestError(file, 'binary file (contains NUL characters)');
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  if (controls > 2 && controls / text.length > 0.02) {
    throw new IngestError(file, 'binary file (too many control characters)');
  }
}

// Characters written the same in simplified and traditional script and among the most frequent
// in news text. A right decode of Chinese text is full of them; a wrong GB18030/Big5 decode is
// not, and tends to produce kana, bopomofo, Cyrillic or compatibility forms instead.
const COMMON = new Set(
  Array.from(
    '的一是在不了有和人中大上我以要他到作地出就分成可主年同工也能下子而方多定行法所民得十三之等部度家力如水化高自二理起小物加都制使本去把性好它合因由其些然前外天政四日那社事平形相全表各重新市江省公司展投目建月万元亿提升推创品加快企安全域基础作',
  ),
);

function plausibility(text: string): number {
  let common = 0;
  let odd = 0;
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x20) continue;
    n++;
    if (COMMON.has(ch)) common++;
    else if (
      (c >= 0x0370 && c <= 0x052f) || // Greek, Cyrillic
      (c >= 0x2500 && c <= 0x25ff) || // box drawing, blocks
      (c >= 0x3040 && c <= 0x31bf) || // kana, bopomofo
      (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A: rare characters
      (c >= 0xe000 && c <= 0xf8ff) || // private use (GBK user-defined areas)
      (c >= 0xfe10 && c <= 0xfe6f) || // vertical and small forms
      (c >= 0xff61 && c <= 0xff9f) // half-width kana
    ) {
      odd++;
    }
  }
  if (n === 0) return 0;
  return (2 * common - 5 * odd) / n;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}
