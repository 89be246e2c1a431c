// Context patterns that type names without a type-giving ending:
//   甲乙能源、丙丁科技等企业            → companies
//   A项目、B、C六大项目签约落户        → projects
//   智能装备、消费品、新能源3个主导产业集群 → industry clusters
//   以X为代表 / 以X为龙头 / X为链主     → companies
import type { EntityType } from '../types.js';
import type { Span, SentenceContext } from './context.js';
import { endsVerbPhrase, isStopToken, isVerbish, opensName } from './context.js';
import { CLAUSE_BREAK, GENERIC_MODIFIERS } from './lexicon.js';

const COUNT = '(?:\\d+|[一二两三四五六七八九十百几]+)(?:个|大|家|项|批)';
const HEADS: Array<[RegExp, EntityType]> = [
  // ITEMS等 [≤12 modifiers] 企业/公司/央企/国企
  // the words between 等 and 企业 describe the companies (龙头, 光伏, 大型); an industry there
  // (等产业的…公司, 等服务业企业) means the items are industries, not companies
  [new RegExp(`等(?:${COUNT})?(?:(?!产业|行业|服务业|制造业|领域|的)[^，。；、！？“”,;:!?]){0,10}?(?:企业|公司|央企|国企|车企|药企|链主)`, 'gu'), 'company'],
  [new RegExp(`(?:等|${COUNT})[^，。；、！？“”,;:!?]{0,14}?项目`, 'gu'), 'project'],
  // A、B等“3+3+2”产业集群: a quoted formula of the cluster system may stand between
  [new RegExp(`(?:等(?:${COUNT})?|${COUNT})(?:“[^“”]{1,10}”)?[^，。；、！？“”,;:!?]{0,10}?(?:产业集群|集群)`, 'gu'), 'industry-cluster'],
  [/被列入[^，。；]{0,10}?产业集群/gu, 'industry-cluster'],
];

export function findListItems(ctx: SentenceContext): Span[] {
  const spans: Span[] = [];
  for (const [re, type] of HEADS) {
    re.lastIndex = 0;
    for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
      const items = itemsBefore(ctx, m.index, type);
      for (const [s, e] of items) spans.push({ start: s, end: e, type, rule: `list:${type}`, priority: 3, typed: true });
      if (type === 'project' && items.length > 0 && ctx.text[m.index] === '等') {
        const kind = listKind(ctx, m.index + 1, m.index + m[0].length - 2);
        if (kind) spans.push({ ...kind, type: 'industry-cluster', rule: 'list-kind', priority: 3, typed: true });
      }
    }
  }
  spans.push(...findLeaders(ctx));
  return spans;
}

/**
 * A、B等数字经济建链补链项目: the words between 等 and 项目 name the industry the listed projects
 * belong to (the guideline's "Y产业项目…X"), once chain-building words are taken off.
 */
function listKind(ctx: SentenceContext, s: number, e: number): { start: number; end: number } | undefined {
  const raw = ctx.text.slice(s, e);
  const core = raw.replace(/^(?:\d+个|[一二两三四五六七八九十几]+[个大])/u, '').replace(/(?:建链|补链|强链|延链|成群|类|领域|产业|重点|签约|重大|优质)+$/u, '');
  if (core.length < 2 || CLAUSE_BREAK.test(core) || /[\d个]/u.test(core)) return undefined;
  if (GENERIC_MODIFIERS.has(core)) return undefined;
  const start = s + raw.indexOf(core);
  return { start, end: start + core.length };
}

/** Items of a 、-separated list that ends at `end`. */
function itemsBefore(ctx: SentenceContext, end: number, type: EntityType): Array<[number, number]> {
  const { text } = ctx;
  const out: Array<[number, number]> = [];
  let e = end;
  for (;;) {
    const sep = text.lastIndexOf('、', e - 1);
    const clauseStart = lastClauseBreak(text, e - 1);
    if (sep > clauseStart && e - sep - 1 >= 2 && e - sep - 1 <= 30) {
      out.push([sep + 1, e]);
      e = sep;
      continue;
    }
    // the first item: walk left over name-like tokens
    const s = firstItemStart(ctx, e, clauseStart + 1);
    if (s !== undefined && e - s >= 2) out.push([s, e]);
    break;
  }
  const accepted = out.filter(([s, e]) => goodItem(ctx, s, e, type));
  // a single item without a separator is only a list when it ends at 等
  if (out.length === 1 && text[end] !== '等') return [];
  return accepted.reverse();
}

function lastClauseBreak(text: string, from: number): number {
  for (let i = from; i >= 0; i--) if (CLAUSE_BREAK.test(text[i]!)) return i;
  return -1;
}

function firstItemStart(ctx: SentenceContext, e: number, floor: number): number | undefined {
  let start = e;
  for (let i = ctx.tokenAt[e - 1] ?? -1; i >= 0; i--) {
    const t = ctx.tokens[i]!;
    if (t.end > e) {
      start = t.start;
      continue;
    }
    if (t.start < floor || endsVerbPhrase(ctx, t.end) || e - t.start > 24) break;
    if (isStopToken(t)) {
      if (opensName(t, ctx.tokens[i - 1])) start = t.start;
      break;
    }
    start = t.start;
  }
  // an item does not begin with a verb (发展电子信息 → 电子信息), unless a lone character opens
  // the clause: that is the first character of an unknown name (。润/通科技、…)
  for (;;) {
    const t = ctx.tokens[ctx.tokenAt[start] ?? -1];
    if (!t || t.end >= e || t.start !== start) break;
    if (t.word.length === 1 && t.start === floor) break;
    if (!isVerbish(t)) break;
    start = t.end;
  }
  return start < e ? start : undefined;
}

function goodItem(ctx: SentenceContext, s: number, e: number, type: EntityType): boolean {
  const item = ctx.text.slice(s, e);
  if (CLAUSE_BREAK.test(item) || /\s|等|\d+个/u.test(item)) return false;
  if (item.length < 2) return false;
  if (type === 'industry-cluster') return !/^(等|其中|包括)/u.test(item);
  const words = ctx.tokens.filter((t) => t.start >= s && t.end <= e);
  if (!words.some((t) => !GENERIC_MODIFIERS.has(t.word))) return false;
  // a company needs something name-like: an unknown or proper word, or a lone character
  // (汽车零部件 and 金融服务 are industries; 武骏光能, 赛力斯, 玖龙纸业 are companies)
  if (type === 'company') return words.some((t) => /^(x|nr|nrt|nrfg|nz|ns|nt|j|eng|zg|ng)$/.test(t.tag) || t.word.length === 1);
  return true;
}

/** 以X为代表 / 以X为龙头 / X为链主 / X作为…龙头: X is a company (or its listed companies). */
function findLeaders(ctx: SentenceContext): Span[] {
  const spans: Span[] = [];
  const re = /以([^，。；,;以]{2,40}?)为(?:代表|龙头|链主)/gu;
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    const s0 = m.index + 1;
    const e0 = s0 + m[1]!.length;
    const parts = m[1]!.split(/[、和与及]/u);
    let s = s0;
    for (const part of parts) {
      const e = s + part.length;
      if (part.length >= 2 && e <= e0 && !/企业$|^龙头/u.test(part)) {
        spans.push({ start: s, end: e, type: 'company', rule: 'leader-pattern', priority: 1 });
      }
      s = e + 1;
    }
  }
  return spans;
}
