// HTML → plain text. News pages are simple enough that a careful regex pass beats pulling in a
// DOM parser: we only need the visible text with block boundaries as newlines, and the title.
// The extracted text becomes the document's `original`, so evidence offsets refer to it.

export interface HtmlText {
  text: string;
  /** contents of <title>, entities decoded and whitespace collapsed; '' if none */
  title: string;
}

/** Elements whose content is never visible text. `head` goes too; its <title> is read first. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas', 'select', 'textarea'];

/** Elements that start or end a line of text. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'thead',
  'tbody', 'tfoot', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption',
  'blockquote', 'pre', 'hr', 'form', 'address', 'fieldset', 'caption', 'center', 'body', 'html', 'title',
]);
/** Table cells are separated by a space, not a line. */
const CELL = new Set(['td', 'th']);

/** Reads a declared charset from the first bytes (`<meta charset>` or http-equiv content). */
export function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1];
}

export function extractHtml(html: string): HtmlText {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? collapse(decodeEntities(stripTags(titleMatch[1]!))) : '';

  let s = html;
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  s = s.replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, ' ');
  s = s.replace(/<!DOCTYPE[^>]*>/gi, ' ');
  s = s.replace(/<\?[\s\S]*?\?>/g, ' ');
  for (const tag of DROPPED) {
    // Non-greedy up to the matching close tag; an unclosed element is dropped to the end.
    s = s.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?(?:<\\/${tag}\\s*>|$)`, 'gi'), '\n');
  }

  // Tags → markers: \u0001 for a line boundary, \u0002 for a cell gap. Markers let us collapse
  // the source's own whitespace first (it is insignificant in HTML) and only then insert lines.
  s = s.replace(/<\/?([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (_m, name: string) => {
    const n = name.toLowerCase();
    if (BLOCK.has(n)) return '\u0001';
    if (CELL.has(n)) return '\u0002';
    return '';
  });
  s = s.replace(/<[^>]*>/g, ''); // leftovers such as `<` followed by garbage
  s = collapseSource(s);
  s = decodeEntities(s);
  // A non-breaking space from &nbsp; is layout, like any other space.
  s = s.replace(/[\u00a0\t\f\v\r]/g, ' ');

  const lines = s
    .split('\u0001')
    .map((line) => line.replace(/\u0002/g, ' ').replace(/ {2,}/g, ' ').trim());
  // One block per line: nested blocks (</div><ul>) would otherwise leave empty lines whose
  // presence depends on markup style rather than on the text.
  const out = lines.filter((line) => line !== '');
  return { text: out.join('\n'), title };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/;

/**
 * Source whitespace becomes one space, except a run that contains a line break between two CJK
 * characters: that break is just how the HTML source was wrapped, and a space there would split
 * a word such as 西部（重\n庆）.
 */
function collapseSource(s: string): string {
  return s.replace(/[ \t\r\n\f\v]+/g, (ws, at: number, all: string) => {
    if (/[\r\n]/.test(ws)) {
      const before = all[at - 1] ?? '';
      const after = all[at + ws.length] ?? '';
      if (CJK.test(before) && CJK.test(after)) return '';
    }
    return ' ';
  });
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '');
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„', hellip: '…', mdash: '—', ndash: '–', middot: '·', bull: '•',
  copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', deg: '°', plusmn: '±', yen: '¥', euro: '€',
  pound: '£', cent: '¢', sect: '§', para: '¶', micro: 'µ', frac12: '½', frac14: '¼', frac34: '¾', permil: '‰',
  prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', hArr: '⇔', rArr: '⇒',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', minus: '−', lowast: '∗', sup2: '²', sup3: '³',
  iexcl: '¡', iquest: '¿', acute: '´', cedil: '¸', uml: '¨', macr: '¯', ordm: 'º', ordf: 'ª', not: '¬',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', mu: 'μ', pi: 'π', sigma: 'σ', omega: 'ω',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v ?? m;
  });
}
