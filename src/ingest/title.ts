// A document's title: the HTML <title>, else a markdown heading, else the headline the text
// opens with (a short line above the body: a newspaper page's title line, the line before the
// lead paragraph), else the first sentence of the body. Page furniture (navigation trails,
// source and date lines, bylines, captions, column names) is never a title.
import { normalise } from './normalise.js';
import { splitSentences } from './sentences.js';

const TITLE_MAX = 80;
/** a headline is at least this many characters (shorter lines are column names: 今日视点) */
const HEADLINE_MIN = 6;
const HEADLINE_MAX = 60;
/** how many lines above the body are looked at for a headline */
const HEAD_LINES = 12;

/** a photo caption: ▲ …, 图为 … */
const CAPTION = /^([▲△]|图为)/u;
const BULLET = /^[◆◇●○■□★☆※]\s*/u;

/** Lines that are page furniture rather than a headline. */
const NOT_HEADLINE = [
  /[>»›]|首页|主页|当前位置|所在位置|位置[:：]/u, // navigation trails
  /https?:|www\.|\.com|\.cn\b/iu, // addresses
  /发布(日期|时间)|来源[:：]|浏览|作者[:：]|编辑[:：]|字号|阅读|点击/u, // source and date lines
  /^第\s*\d+\s*版/u, // page numbers
  /(主办|承办|出品|主管)$/u, // mastheads
  /^[\s]*[（(【[][^）)】\]]*[）)】\]][\s]*$/u, // a bracketed note alone: (资料图)
  CAPTION, // photo captions
  BULLET, // bullets
  /^(记者|通讯员|摄影|图|文)[\s:：]|记者\s|摄$/u, // bylines and photo credits
  /\d{7,}|\d{3,4}-\d{3,4}-\d{3,4}|手机|微信|电话|热线/u, // contact lines
  /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}/u, // a date line
];

/** a web page title's section and site after underscores: 标题_丽水新闻_浙江网 */
const SITE_SUFFIX = /(_[^_]{1,16})+$/u;

/** A body line: it has a full stop or ends as a sentence does, or it is too long for a headline (which may exclaim inside: 184亿元!…). */
function isBody(line: string): boolean {
  return /。|[！？!?…]$/u.test(line) || Array.from(line).length > HEADLINE_MAX;
}

function isHeadline(line: string): boolean {
  const n = Array.from(line.replace(/\s/gu, '')).length;
  if (n < HEADLINE_MIN || Array.from(line).length > HEADLINE_MAX) return false;
  if (/[：:，,；;]$/u.test(line)) return false;
  return !NOT_HEADLINE.some((re) => re.test(line));
}

/** The visible lines of the normalised text (furniture ranges cut out), in order. */
function visibleLines(text: string, furniture: ReadonlyArray<[number, number]>, limit: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length && out.length < limit) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let visible = '';
    let pos = start;
    for (const [s, e] of furniture) {
      if (e <= start || s >= nl) continue;
      if (s > pos) visible += text.slice(pos, s);
      pos = Math.max(pos, e);
    }
    if (pos < nl) visible += text.slice(pos, nl);
    visible = visible.trim();
    if (visible) out.push(visible);
    start = nl + 1;
  }
  return out;
}

export function pickTitle(htmlTitle: string, original: string, text: string, furniture: ReadonlyArray<[number, number]>): string {
  const clean = (s: string): string => normalise(s).text.replace(/\s*\n\s*/g, ' ').trim();
  const html = clean(htmlTitle).replace(SITE_SUFFIX, '');
  if (html) return fit(html);
  const heading = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(original);
  const headed = heading ? clean(heading[1]!) : '';
  if (headed) return fit(headed);
  const lines = visibleLines(text, furniture, HEAD_LINES + 1);
  // a photo caption (▲ …) is neither the headline nor the lead
  const body = lines.findIndex((l) => isBody(l) && !CAPTION.test(l));
  const head = lines.slice(0, body < 0 ? HEAD_LINES : Math.min(body, HEAD_LINES));
  // of a kicker, a headline and a subtitle above the body, the headline is the longest
  let best = '';
  for (const line of head) if (isHeadline(line) && Array.from(line).length > Array.from(best).length) best = line;
  if (best) return best.replace(SITE_SUFFIX, '').replace(/\s+/gu, ' ');
  const lead = (body >= 0 ? lines[body]! : (lines[0] ?? '')).replace(BULLET, '');
  // the lead paragraph's first sentence, without a news agency's opening (本报讯, 新华社北京1月2日电)
  const stripped = lead.replace(/^[^，。,]{0,16}?(讯|电)\s*/u, '');
  const first = splitSentences(stripped)[0];
  return fit(first ? stripped.slice(first.start, first.end).trim() || stripped : stripped);
}

/** A title as written (a headline may exclaim inside: 184亿元!…), cut with an ellipsis past TITLE_MAX characters. */
function fit(title: string): string {
  const chars = Array.from(title);
  return chars.length <= TITLE_MAX ? title : chars.slice(0, TITLE_MAX - 1).join('') + '…';
}
