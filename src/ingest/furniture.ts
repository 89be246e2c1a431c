// Bylines, credits and page furniture. The extractor ignores these ranges, so the names of
// reporters and photographers never become `person` entities (see the annotation guideline:
// "bylines and credits are not entities"). Ranges cover the credit itself, not the caption or
// sentence around it: in `江津工业不断提质升级 摄/谭文奇` only `摄/谭文奇` is furniture.
//
// Two uses: `isFurnitureLine`/`endsWithCredit` tell the line joiner that a line stands alone;
// `findFurniture` returns the ranges over the final normalised text.

// Chinese personal names: 2–4 characters, or a transliterated name with a middle dot.
const NAME = '[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,6})?';
const NAMES = `${NAME}(?:[\\s、，,]+${NAME})*`;
const ROLE =
  '(?:(?:本报|本台|本刊|特约|实习|见习|融媒体|全媒体|首席|摄影)?记者|(?:特约)?通讯员|特约撰稿人?|摄影|摄像|撰稿|责任编辑|编辑)';

/** A line that is a byline: roles and names only, e.g. `记者 刘星欣 见习记者 李江 通讯员 明萌`. */
const BYLINE_LINE = new RegExp(`^(?:${ROLE}\\s*[:：]?\\s*${NAMES}[\\s、，,]*)+(?:摄)?$`);
const BYLINE_START = new RegExp(`^${ROLE}(?:\\s|[:：])`);

/** Whole lines of web or page furniture. */
const LINE_PATTERNS: RegExp[] = [
  /^(?:您(?:现在|当前)?的?位置|当前位置|所在位置|你的位置)\s*(?:是)?\s*[:：]/, // 您现在的位置是: 资讯 > > 正文
  /^(?:时间|日期|发布日期|发布时间|更新时间)\s*[:：]/,
  /^(?:关键词|关键字|标签|tags?)\s*[:：]/i,
  /^(?:责任编辑|责编|编辑|校对|审核|审校|终审|二审|一审|初审|监制|值班编辑|美编|编审|签发)\s*[:：]/,
  /^[（(【\[]?\s*(?:资料图片|图片来源|图片仅供参考)/,
  /^(?:分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇)/,
];
/** Meta data lines: `时间:2022-01-25 18:16:41 来源:新华网 发布者:DN032`. */
const META = /(?:^|\s)(?:来源|稿源|发布者|作者|浏览次数|阅读次数|点击数|字号)\s*[:：]/;
/** A short line with a time stamp is a dateline: `《小康》 ● 中国小康网 2024-02-02 09:09:20`. */
const DATETIME = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}/;

/** Credits found anywhere in a line. */
const RANGE_PATTERNS: RegExp[] = [
  // (记者 刘星欣 见习记者 李江 通讯员 明萌), （记者 廖秋平）
  new RegExp(`[（(]\\s*${ROLE}[^（）()\\n。，,！？]{0,60}?[）)]`, 'g'),
  // 摄/林晓光, 摄：张三
  new RegExp(`摄(?:影)?\\s*[/／:：]\\s*${NAMES}`, 'g'),
  // 文/张三 图/李四 at a line start or after a space
  new RegExp(`(?<=^|[\\s（(])(?:文|图|文图|图文|文\\/图|图\\/文)\\s*[/／:：]\\s*${NAMES}`, 'g'),
  // 苏盛宇 摄, 记者 周邦宁 摄 (at the end of a line or before a closing bracket)
  new RegExp(`(?<=^|[\\s。！？”）)])(?:${ROLE}\\s*)?${NAME}(?:[\\s、]+${NAME})*\\s+摄(?=\\s*$|\\s*[）)])`, 'g'),
  // （张三 摄）
  /[（(][\u4e00-\u9fff·、\s]{2,30}摄[）)]/g,
  // 图片由…提供, 图片除署名外由…提供, 本版文字由…提供, optionally in brackets
  /[（(]?\s*(?:本版)?(?:图片|文字|图文|照片|文图|视频)(?:除署名外)?(?:均)?由[^。！？\n（）()]{1,30}?提供\s*[）)]?/g,
  // （资料图片仅供参考）, (图片来源：网络)
  /[（(]\s*(?:资料图片|图片来源|图片仅供参考|图片源自)[^（）()\n]{0,30}[）)]/g,
  // （下转第四版） （上接第一版） （相关内容见四版）
  /[（(]\s*(?:下转|上接|转|接)第?[\d一二三四五六七八九十]+版\s*[）)]/g,
  /[（(]\s*相关(?:内容|报道|新闻|评论)见[^（）()\n]{1,12}[）)]/g,
  // 【责任编辑：张三】 or a trailing 责任编辑 张三
  /[【\[（(]?\s*(?:责任编辑|责编)\s*[:：]?\s*[^\n】\]）)]{0,20}[】\]）)]?/g,
];

const NAMES_ONLY = new RegExp(`^${NAME}(?:\\s+${NAME})+$`);

/** True if the whole (trimmed) line is furniture. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (LINE_PATTERNS.some((re) => re.test(t))) return true;
  if (t.length <= 150 && META.test(t)) return true;
  if (t.length <= 80 && DATETIME.test(t)) return true;
  if (t.length <= 60 && BYLINE_START.test(t) && BYLINE_LINE.test(t)) return true;
  return coveredByRanges(t);
}

/** True if the line ends with a credit (`… 摄/林晓光`, `… 苏盛宇 摄`, `…图片由…提供`). */
export function endsWithCredit(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  for (const [, end] of rangesInLine(t)) if (end >= t.length) return true;
  return false;
}

/** A line that is fully covered by credit ranges (e.g. `苏盛宇 摄`). */
function coveredByRanges(t: string): boolean {
  const ranges = rangesInLine(t);
  let pos = 0;
  for (const [s, e] of ranges) {
    if (t.slice(pos, s).trim() !== '') return false;
    pos = Math.max(pos, e);
  }
  return ranges.length > 0 && t.slice(pos).trim() === '';
}

/** Every credit pattern needs one of these; most lines have none and skip the regexes. */
const TRIGGER = /记者|通讯员|摄|提供|图片|版|相关|编辑|责编|撰稿|[文图]\s*[/／:：]/;

function rangesInLine(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!TRIGGER.test(t)) return out;
  for (const re of RANGE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(out);
}

/**
 * Furniture ranges of a normalised text (lines separated by `\n`), sorted and merged.
 * A line of bare names next to a furniture line is a byline without role words
 * (`罗晶 王琳琳 马菱涛` above `图片由江津区委宣传部提供`).
 */
export function findFurniture(text: string): Array<[number, number]> {
  const lines: Array<{ start: number; end: number; whole: boolean }> = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    lines.push({ start, end: nl, whole: false });
    start = nl + 1;
  }
  const out: Array<[number, number]> = [];
  for (const line of lines) {
    const t = text.slice(line.start, line.end);
    if (t.trim() === '') continue;
    if (isFurnitureLine(t)) {
      line.whole = true;
      out.push(trimRange(text, line.start, line.end));
      continue;
    }
    for (const [s, e] of rangesInLine(t)) out.push(trimRange(text, line.start + s, line.start + e));
  }
  lines.forEach((line, i) => {
    if (line.whole) return;
    const t = text.slice(line.start, line.end).trim();
    if (t.length > 30 || !NAMES_ONLY.test(t)) return;
    if (lines[i - 1]?.whole || lines[i + 1]?.whole) out.push(trimRange(text, line.start, line.end));
  });
  return mergeRanges(out);
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Datelines that open a line, with the outlet they name: 某某网某市6月20日电, 某某晚报6月2日讯,
 * 某某日报某市讯, 某某新闻网讯. The guideline leaves source lines and their outlets out. They are
 * not furniture (the tagger's masked characters): its training reads them as text, and masking
 * them there cost more names than it saved; what the tagger finds inside one is dropped instead.
 */
const DATELINES = [
  /^[ \t\u3000]*[\u4e00-\u9fffA-Za-z·—]{0,20}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:讯|电)(?=[\s（(:：]|$)/gmu,
  /^[ \t\u3000]*[\u4e00-\u9fffA-Za-z·—]{0,16}?(?:网|报|台|社|媒|新闻)[\u4e00-\u9fff]{0,4}?讯(?=[\s（(:：]|$)/gmu,
];

/** The dateline ranges of a normalised text, in text order. */
export function findDatelines(text: string): Array<[number, number]> {
  if (!/讯|电/u.test(text)) return [];
  const out: Array<[number, number]> = [];
  for (const re of DATELINES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
  }
  return mergeRanges(out);
}
