// located-in: appositive chains (江津区双福工业园渝丰科技), location verbs (X落户Y, X位于Y, a place
// that opens its clause 地处/位于 another, X在Y开工), 畔/旁 (某湾畔的X产业园), a place before a described company (意大利跨国企业X),
// a place that brings in listed projects (某区…引进建设A、B等项目), a site's counted list (甲区6个：A、B),
// a site in brackets after a name (A项目（甲县）), a place's first, only or biggest one (X是甲市最大的…),
// the ones before in a place's series (继A、B之后，甲区引进的第3家…) and what is taken into a zone (A、B纳入C).
import type { Found, SentenceView } from './sentence.js';
import { CLAUSE, ITEM_GAP, JOIN, clauseStartBefore, is, mentionAt, mentionEndingAt } from './sentence.js';
import { liesWithin, loadGazetteer, placesNamed, type Place } from '../extract/gazetteer.js';
import { WORLD_PLACE_SET } from '../extract/lexicon.js';
import { countValue, inBrackets } from '../strings.js';

const HEADS = is('company', 'organization', 'industrial-park', 'project', 'place');
const SITE = is('company', 'industrial-park', 'project');
const TAILS = is('industrial-park', 'place');
// news quotes a figurative verb (纷纷“落子”江津): the quotes belong to the verb
const VERB_WORD = /(?:签约)?[“"]?(?:落户|落地|入驻|位于|地处|坐落于|坐落在|选址|扎根|定址|落子|安家)[”"]?(?:在|于|到)?/gu;

export function locatedIn(view: SentenceView): Found[] {
  return [...chains(view), ...verbs(view), ...atSite(view), ...locatedAt(view), ...shores(view), ...describedCompany(view), ...introduced(view), ...countedAtSite(view), ...bracketed(view), ...designated(view), ...successive(view), ...takenInto(view), ...servesAs(view)];
}

/** Adjacent mentions: a place or park written right before what it holds. */
function chains(view: SentenceView): Found[] {
  const out: Found[] = [];
  const ms = view.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (b.ls !== a.le || !TAILS(a) || !HEADS(b) || a.entity === b.entity) continue;
    if (a.type === 'industrial-park' && !is('company', 'project')(b)) continue;
    if (b.type === 'place' && !placeInside(b.text, a.text)) continue;
    if (b.type === 'organization' && a.type !== 'place') continue;
    out.push({ head: b.entity, tail: a.entity, relation: 'located-in', rule: 'chain' });
    // 江津双福、圣泉、德感: the places listed after the first link are in the same district
    for (let k = i + 2; b.type === 'place' && k < ms.length; k++) {
      const c = ms[k]!;
      if (view.text.slice(ms[k - 1]!.le, c.ls) !== '、' || c.type !== 'place' || !placeInside(c.text, a.text)) break;
      out.push({ head: c.entity, tail: a.entity, relation: 'located-in', rule: 'chain-list' });
    }
  }
  return out;
}

/**
 * A chain of two places must agree with the gazetteer: 重庆市江津区 yes; 长江江津段 and
 * 健康中国江津行动 are not chains of divisions.
 */
function placeInside(inner: string, outer: string): boolean {
  const gaz = loadGazetteer();
  const outers = candidates(outer);
  // villages are not in the gazetteer: one written right after a town or street is in it
  if (/(村|社区)$/u.test(inner) && !gaz.byName.has(inner)) return outers.some((p) => p.level === 'street' || p.level === 'area');
  // town names repeat across the country (四面山镇 ×2): any reading that fits will do
  return liesWithin(gaz, candidates(inner), outers);
}

/** A name's readings: divisions, and towns by their short names. */
function candidates(name: string): Place[] {
  const gaz = loadGazetteer();
  return [...placesNamed(gaz, name), ...(gaz.townsByShort.get(name) ?? [])];
}

/** X (、Y…) 落户/落地/入驻/位于 Z: heads in the clause before the verb, the tail right after it. */
function verbs(view: SentenceView): Found[] {
  const out: Found[] = [];
  VERB_WORD.lastIndex = 0;
  for (let m = VERB_WORD.exec(view.text); m; m = VERB_WORD.exec(view.text)) {
    const vStart = m.index;
    const vEnd = m.index + m[0].length;
    const tail = view.mentions.find((x) => x.ls >= vEnd && x.ls <= vEnd + 1 && TAILS(x));
    if (!tail) continue;
    const heads = headsBefore(view, vStart);
    // a place that opens the clause lies in what follows (某区地处某库区腹心)
    if (!heads.length && /位于|地处|坐落/u.test(m[0])) {
      const subject = view.mentions.find((x) => x.type === 'place' && x.le <= vStart && vStart - x.le <= 2 && x.ls === clauseStartBefore(view.text, vStart));
      if (subject) heads.push(subject);
    }
    for (const head of heads) {
      if (head.entity !== tail.entity) out.push({ head: head.entity, tail: tail.entity, relation: 'located-in', rule: 'verb' });
    }
  }
  return out;
}

/** The companies, projects and parks of the clause before `at`: a list, or the nearest one. */
function headsBefore(view: SentenceView, at: number): SentenceView['mentions'] {
  const clauseStart = clauseStartBefore(view.text, at);
  const inClause = view.mentions.filter((x) => x.ls >= clauseStart && x.le <= at);
  const heads = inClause.filter(SITE);
  if (heads.length === 0) return [];
  // the nearest head, and the items of a 、 list it ends
  const last = heads[heads.length - 1]!;
  if (at - last.le > 12) return [];
  const list = [last];
  for (let k = heads.indexOf(last) - 1; k >= 0; k--) {
    const h = heads[k]!;
    const gap = view.text.slice(h.le, list[0]!.ls).replace(/^(?:总部|全球总部)/u, '');
    // no other name in a modifier between them (A、重庆大学共同建设的B; A、张三创办的B)
    if (!ITEM_GAP.test(gap) || view.mentions.some((x) => x.ls >= h.le && x.le <= list[0]!.ls)) break;
    list.unshift(h);
  }
  return list;
}

/** X 在 Y 开工/投产/建设: the site after 在. */
function atSite(view: SentenceView): Found[] {
  const out: Found[] = [];
  const re = /在/gu;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    const tail = view.mentions.find((x) => x.ls === m!.index + 1 && TAILS(x));
    if (!tail) continue;
    const after = view.text.slice(tail.le, tail.le + 8);
    if (!/^[^，。；,;]{0,2}(?:开工|动工|投产|建成|开建|落成|竣工|奠基|开业|落户|落地|入驻|扎根|安家|设立)/u.test(after)) continue;
    for (const head of headsBefore(view, m.index)) {
      if (head.entity !== tail.entity) out.push({ head: head.entity, tail: tail.entity, relation: 'located-in', rule: 'at-site' });
    }
  }
  return out;
}

/** The last link of the chain of places and parks (or of the mentions `link` takes) that starts with `first` (重庆江津综保区: 江津综保区). */
function lastLink(view: SentenceView, first: SentenceView['mentions'][number], link: (m: SentenceView['mentions'][number]) => boolean = TAILS): SentenceView['mentions'][number] {
  let last = first;
  for (let next = mentionAt(view, last.le); next && link(next); next = mentionAt(view, last.le)) last = next;
  return last;
}

/** The verbs of 位于Y的X: where X is (位于, 地处), or where it settles (定址, 落户, 入驻…), and a preposition after. */
const AT_VERB = /(位于|坐落于|地处|坐落在|定址|选址|落户|落地|入驻|进驻|扎根|安家)(在|于|到)?/gu;
const STATE_VERB = /^(?:位于|坐落于|地处)$/u;
/**
 * What may stand before a settling verb in its clause (目前，定址…的X; 新落户…的Y): adverbs. A noun there
 * is the verb's own subject (推动项目落户甲区的乙商会, 政策落地甲区的…), a plan or a negation (原计划,
 * 未能) says the thing did not settle; then the name after 的 is not what settled.
 */
const BEFORE_SETTLING = /^(?:目前|现|现已|已|已经|新|均|先后|陆续|成功|签约|首批|相继)*$/u;
/** what makes the name after 的 another one's part or holder (乙集团子公司丙, 乙公司旗下) */
const NOT_THE_HEAD = /^(?:子公司|分公司|旗下|总部|工厂|基地)/u;

/**
 * 位于Y的X: X is located in Y; so with a settling verb (定址, 落户, 入驻, 扎根…Y的X), where the verb
 * opens its clause (BEFORE_SETTLING), X is not a place (落户甲区的某国企业 says where the companies are
 * from), Y is no country or province, and X is not followed by what makes it another's holder. Y
 * may have a park or place in brackets before 的, its other name or where it is (位于甲片区（乙工业园）
 * 的X: X is in 甲片区).
 */
function locatedAt(view: SentenceView): Found[] {
  const out: Found[] = [];
  AT_VERB.lastIndex = 0;
  for (let m = AT_VERB.exec(view.text); m; m = AT_VERB.exec(view.text)) {
    // the tail right after the verb and its preposition, or right after the verb (位于|于洪区)
    const after = [m.index + m[0].length, m.index + m[1]!.length];
    const tail = view.mentions.find((x) => after.includes(x.ls) && TAILS(x));
    if (!tail) continue;
    // the tail may be a chain (重庆江津综保区): take the last link before 的
    const last = lastLink(view, tail);
    // 位于甲片区（乙工业园）的X: the zone's other name in brackets before 的
    let end = last.le;
    const other = mentionAt(view, end + 1);
    if (other && TAILS(other) && inBrackets(view.text, other.ls, other.le)) end = other.le + 1;
    if (view.text[end] !== '的') continue;
    const head = mentionAt(view, end + 1);
    if (!head || !HEADS(head) || head.entity === last.entity) continue;
    if (!STATE_VERB.test(m[1]!)) {
      const lead = view.text.slice(clauseStartBefore(view.text, m.index), m.index);
      if (!BEFORE_SETTLING.test(lead) || head.type === 'place' || broadPlace(last) || NOT_THE_HEAD.test(view.text.slice(head.le))) continue;
    }
    out.push({ head: head.entity, tail: last.entity, relation: 'located-in', rule: '位于Y的X' });
  }
  return out;
}

/** 某湾畔的X产业园, 长江边的X: a place, a side word, then the site. */
function shores(view: SentenceView): Found[] {
  const out: Found[] = [];
  for (const a of view.mentions) {
    if (a.type !== 'place') continue;
    const rest = view.text.slice(a.le);
    const m = /^(?:畔|旁|边|之畔|沿岸|境内|内)的?/u.exec(rest);
    if (!m) continue;
    const b = view.mentions.find((x) => x.ls === a.le + m[0].length && SITE(x));
    if (b) out.push({ head: b.entity, tail: a.entity, relation: 'located-in', rule: 'shore' });
  }
  return out;
}

/** 意大利跨国企业X, 某组团存量企业Y: a place or park, a generic description, then the company. */
function describedCompany(view: SentenceView): Found[] {
  const out: Found[] = [];
  for (const a of view.mentions) {
    if (!TAILS(a)) continue;
    const b = view.mentions.find((x) => x.ls > a.le && x.ls - a.le <= 8 && x.type === 'company');
    if (!b) continue;
    const between = view.text.slice(a.le, b.ls);
    if (/^[\u4e00-\u9fff]{0,6}(?:企业|公司|集团|厂商|车企|药企|巨头)$/u.test(between)) {
      out.push({ head: b.entity, tail: a.entity, relation: 'located-in', rule: 'described' });
    }
  }
  return out;
}

/** A count of projects or companies and a colon: 6个：, 3家企业: (digits are half-width by now). */
const COUNT_COLON = /([0-9]+|[一二两三四五六七八九十]+)(?:个|家|项)(?:项目|企业)?[：:]/gu;
/** What may stand between a site and its count: a two-character word for a part of it (甲区本部6个). */
const SITE_PART = /(?:本部|片区|园区|区域|境内)?$/u;

/**
 * 12个项目集中开工，其中甲区6个：A、B、C；乙园3个：D、E、F: the items a site's count lists are in
 * that site. The site is written right before its count (or its part: 甲区本部6个), and is no country
 * or province (按来源地分，香港2个：… counts where projects come from); the list is the companies,
 * projects and parks written one after another with 、 from the colon on, no more than the count
 * says, and ends the clause (or at 等).
 */
function countedAtSite(view: SentenceView): Found[] {
  const out: Found[] = [];
  COUNT_COLON.lastIndex = 0;
  for (let m = COUNT_COLON.exec(view.text); m; m = COUNT_COLON.exec(view.text)) {
    const site = mentionEndingAt(view, m.index - SITE_PART.exec(view.text.slice(Math.max(0, m.index - 2), m.index))![0].length);
    const n = countValue(m[1]!);
    if (!site || !TAILS(site) || broadPlace(site) || n === undefined) continue;
    const items: SentenceView['mentions'] = [];
    for (let item = mentionAt(view, m.index + m[0].length); item && SITE(item); item = view.text[item.le] === '、' ? mentionAt(view, item.le + 1) : undefined) items.push(item);
    const last = items[items.length - 1];
    if (!last || items.length > n || !/^(?:$|等|[，。；,;])/u.test(view.text.slice(last.le, last.le + 1))) continue;
    for (const item of items) if (item.entity !== site.entity) out.push({ head: item.entity, tail: site.entity, relation: 'located-in', rule: 'counted-at-site' });
  }
  return out;
}

/**
 * A项目（甲县）、B公司（乙经开区）: a county, a town or a park in brackets right after a company or
 * project, closing the item (a 、, a clause mark, 和/及/等 or the sentence's end after it), is where it
 * is. Not a city, province or country (A项目（深圳） may name where its investor is from), not a
 * park's bracket (甲新区（甲经济技术开发区） names the park again), and not a bracket of two places
 * (（甲县乙镇）, （甲县、乙县）), which is no one mention.
 */
function bracketed(view: SentenceView): Found[] {
  const out: Found[] = [];
  for (const t of view.mentions) {
    if (!TAILS(t) || !inBrackets(view.text, t.ls, t.le)) continue;
    if (!/^(?:$|[、，。；,;和及等])/u.test(view.text.slice(t.le + 1, t.le + 2)) || (t.type === 'place' && broad(t.text, true))) continue;
    const head = mentionEndingAt(view, t.ls - 1);
    if (head && (head.type === 'company' || head.type === 'project') && head.entity !== t.entity) out.push({ head: head.entity, tail: t.entity, relation: 'located-in', rule: 'bracketed' });
  }
  return out;
}

/** What a designation may rank: not a place (东盟是重庆第一大贸易伙伴). */
const DESIGNATED = is('company', 'organization', 'industrial-park', 'project');
/** What a designation names its subject (是, 成为, 获批为…). */
const DESIGNATES = /(?:是|成为|获批为|获批成为|被评为|被认定为)/gu;
/** What makes it the first, only or biggest one of a place: a ranking word within a few words. */
const RANKED = /^的?[^，。；,;：:、]{0,12}?(?:第一|首个|首家|首批|唯一|最大|最早|最重要)/u;
/** who deals with a place without being in it: investors, shareholders, customers, suppliers, partners, where goods come from or go */
const PARTIES = '投资方|投资商|股东|客户|供应商|伙伴|来源地|目的地|市场';
/**
 * What the ranking may be of, that is no site (甲乙集团是丙区最大的投资方, 比亚迪成为泰国市场第一大
 * 电动车品牌, 东盟是重庆第一大贸易伙伴): a party to the place, not a thing in it.
 */
const NOT_IN_PLACE = new RegExp(`^[^，。；,;]*?(?:${PARTIES}|品牌|出口)`, 'u');

/**
 * X是Y…最大的企业, X是Y首个…项目, X是Y近年来规模最大的产业项目: a company, body, park or project that
 * is the first, only or biggest of its kind in a place or park is in it (the guideline's Y是X的…之一
 * names one of a place's). The subject is written right before the verb; of a chain after it
 * (甲市乙区最大的…) the last link is the site, as in a chain; not a country or a province, nor a
 * ranking with another name before it (丙是丁国戊公司最大的供应商) or of a party to the place (NOT_IN_PLACE).
 */
function designated(view: SentenceView): Found[] {
  const out: Found[] = [];
  DESIGNATES.lastIndex = 0;
  for (let m = DESIGNATES.exec(view.text); m; m = DESIGNATES.exec(view.text)) {
    const head = mentionEndingAt(view, m.index);
    const first = mentionAt(view, m.index + m[0].length);
    if (!head || !first || !DESIGNATED(head) || !TAILS(first)) continue;
    const tail = lastLink(view, first);
    const ranked = RANKED.exec(view.text.slice(tail.le));
    if (!ranked || head.entity === tail.entity || broadPlace(tail)) continue;
    const rankEnd = tail.le + ranked[0].length;
    if (view.mentions.some((x) => x.ls >= tail.le && x.ls < rankEnd) || NOT_IN_PLACE.test(view.text.slice(tail.le))) continue;
    out.push({ head: head.entity, tail: tail.entity, relation: 'located-in', rule: 'designated' });
  }
  return out;
}

/**
 * Is the place named so a country or a region of the world list (WORLD_PLACES), or a division every
 * reading of which is a province (with `cities`, or a city)? Broader than the site a sentence gives
 * one company or project.
 */
function broad(name: string, cities: boolean): boolean {
  if (WORLD_PLACE_SET.has(name)) return true;
  const readings = placesNamed(loadGazetteer(), name);
  return readings.length > 0 && readings.every((p) => p.level === 'province' || (cities && p.level === 'city'));
}

/** A place that is a country, a region of the world or a province: broader than one site (broad). */
const broadPlace = (m: { type: string; text: string }): boolean => m.type === 'place' && broad(m.text, false);

/** Verbs by which a place or zone brings in, builds or grows a project or a park. */
const BUILD_VERB = /(?:新引进|引进建设|引进|招引|加快建设|建设|新建|打造|落地|签约|推进|布局|集聚|聚集|汇聚|引入|入驻)(?:了|有)?/gu;
/** Of those, the verbs that bring in or gather companies as well (集聚了A、B等企业) */
const GATHER_VERB = /^(?:新引进|引进|招引|集聚|聚集|汇聚|引入|入驻)/u;

/**
 * 某区…引进建设A、B、C等项目, 某组团…加快建设X等项目, 某组团全力打造Y产业园, 甲区聚集了A、B
 * 等企业, 以某开发区为核心，集聚了A、B: a place or a park that opens a clause (or opens it framed
 * by 以…为核心) is where the projects (and parks, and companies it gathers) it brings in or builds
 * are. Its scope runs to the sentence's end, the next clause a place or park opens, or a person
 * or body that takes over as the subject.
 */
function introduced(view: SentenceView): Found[] {
  const subjects = view.mentions.filter((m) => TAILS(m) && (opensClause(view, m.ls) || framed(view, m)));
  const out: Found[] = [];
  subjects.forEach((subject, k) => {
    // a person or a body after the place is the clause's real subject (新加坡驻成都总领事某某率…)
    const actor = view.mentions.find((x) => x.ls >= subject.le && is('person', 'organization')(x));
    const end = Math.min(subjects[k + 1]?.ls ?? view.text.length, actor?.ls ?? view.text.length);
    BUILD_VERB.lastIndex = subject.le;
    for (let m = BUILD_VERB.exec(view.text); m && m.index < end; m = BUILD_VERB.exec(view.text)) {
      if (!predicateOf(view, subject, m.index)) continue;
      const builds = /(?:打造|建设)(?:了|有)?$/u.test(m[0]);
      const gathers = GATHER_VERB.test(m[0]);
      const fits = (x: { type: string }) => x.type === 'project' || (builds && x.type === 'industrial-park') || (gathers && x.type === 'company');
      let item = firstObject(view, m.index + m[0].length, gathers);
      while (item && item.le <= end && fits(item)) {
        if (item.entity !== subject.entity) out.push({ head: item.entity, tail: subject.entity, relation: 'located-in', rule: 'introduced' });
        item = JOIN.test(view.text[item.le] ?? '') ? mentionAt(view, item.le + 1) : undefined;
      }
    }
  });
  return out;
}

/**
 * The verb's object: the mention right after it, or, for a gathering verb, the first one after a
 * short description without punctuation (入驻有整车生产龙头企业A).
 */
function firstObject(view: SentenceView, at: number, described: boolean): SentenceView['mentions'][number] | undefined {
  const right = mentionAt(view, at);
  if (right || !described) return right;
  const next = view.mentions.find((x) => x.ls > at);
  if (!next || next.ls - at > 10) return undefined;
  return /^[\u4e00-\u9fff]*(?:企业|公司|集团|厂商|车企|龙头)$/u.test(view.text.slice(at, next.ls)) ? next : undefined;
}

/**
 * The verb at `at` says what the subject does: a few adverbs after the subject in its clause
 * (珞璜组团大力建设), or a few at the start of a later clause whose subject is left out
 * (…，加快建设). Not a verb inside a quoted slogan or far down a long clause.
 */
function predicateOf(view: SentenceView, subject: { ls: number; le: number }, at: number): boolean {
  const clauseStart = clauseStartBefore(view.text, at);
  const from = clauseStart <= subject.ls ? subject.le : clauseStart;
  const between = view.text.slice(from, at);
  if (between.length > (from === subject.le ? 8 : 6) || /[“”‘’"《》「」]/u.test(between)) return false;
  return !view.mentions.some((x) => x.ls >= from && x.le <= at);
}

/** 以X为核心 (为依托, 为载体…) opening a clause: X is what the clause after it speaks of (以某开发区为核心，集聚了A、B). */
function framed(view: SentenceView, m: { ls: number; le: number }): boolean {
  return view.text[m.ls - 1] === '以' && opensClause(view, m.ls - 1) && /^为(?:核心|中心|依托|载体|主体|主阵地|平台)[，,]/u.test(view.text.slice(m.le, m.le + 5));
}

/** Nothing but an opening quote or space between the clause's start and `at`. */
function opensClause(view: SentenceView, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s“‘「（(]/u.test(view.text[i]!)) i--;
  // a conjunction may open the clause (而甲区聚集了…)
  const conj = /(?:而|并且|并|且)$/u.exec(view.text.slice(Math.max(0, i - 1), i + 1));
  if (conj) {
    const before = i - conj[0].length;
    if (before < 0 || CLAUSE.test(view.text[before]!)) i = before;
  }
  return i < 0 || CLAUSE.test(view.text[i]!);
}

/** 继A、B之后 … 的第5家 (又一, 再一): the ones before it in the series, and what closes the list */
const SUCCESSIVE = /继/gu;
const AFTER_LIST = /^之后[，,]?/u;
/**
 * the place or park brings it in (甲区引进的); not 签约 (a district signs with banks that are not
 * in it) nor 吸引 (吸引的又一家前来考察的企业)
 */
const BRINGS_IN = /^(?:又|再|再次|成功)?(?:引进|招引|引入)(?:了)?的/u;
const SERIES_ITEM = is('company', 'project');
/** the ordinal after 的 that makes it a series (第5家, 又一个, 再一, 另一) */
const ORDINAL = /^(?:第[0-9一二两三四五六七八九十百]+|又一|再一|另一)/u;

/**
 * 这是继A、B之后，甲区引进的第5家世界500强企业: the ones the series counted before are where this
 * one is, brought in by the same place or park. The list is the companies and projects right after
 * 继 (each may have a country or place before it, its region prefix), joined by 、和及, then
 * 之后; then the place or park that brings them in, 的 and the ordinal (第N, 又一). (继A之后落户甲区的
 * 又一… is the settling verb's, verbs above.)
 */
function successive(view: SentenceView): Found[] {
  const out: Found[] = [];
  SUCCESSIVE.lastIndex = 0;
  for (let m = SUCCESSIVE.exec(view.text); m; m = SUCCESSIVE.exec(view.text)) {
    const items: SentenceView['mentions'] = [];
    let at = m.index + 1;
    const prefixes: Array<SentenceView['mentions'][number] | undefined> = [];
    for (;;) {
      let item = mentionAt(view, at);
      // a region prefix written before the item (法国甲公司)
      const prefix = item?.type === 'place' ? item : undefined;
      if (prefix) item = mentionAt(view, prefix.le);
      if (!item || !SERIES_ITEM(item)) break;
      items.push(item);
      prefixes.push(prefix);
      if (!JOIN.test(view.text[item.le] ?? '')) break;
      at = item.le + 1;
    }
    const last = items.at(-1);
    if (!last) continue;
    const closes = AFTER_LIST.exec(view.text.slice(last.le));
    if (!closes) continue;
    // the tail may be a chain (甲市乙区引进的): its last link
    const first = mentionAt(view, last.le + closes[0].length);
    const tail = first && TAILS(first) ? lastLink(view, first) : undefined;
    const brings = tail ? BRINGS_IN.exec(view.text.slice(tail.le)) : null;
    if (!tail || !brings) continue;
    const rest = tail.le + brings[0].length;
    if (!ORDINAL.test(view.text.slice(rest)) || broadPlace(tail)) continue;
    items.forEach((item, k) => {
      // a domestic place before an item that is not the tail's (继上海X之后，宁波市引进的第二个…; for a
      // park's series, any domestic place): the series is counted beyond the tail, and the item is
      // where its prefix says; a country before it is where the company comes from
      const prefix = prefixes[k];
      const elsewhere = prefix && !WORLD_PLACE_SET.has(prefix.text) && !(tail.type === 'place' && (placeInside(tail.text, prefix.text) || placeInside(prefix.text, tail.text)));
      if (!elsewhere && item.entity !== tail.entity) out.push({ head: item.entity, tail: tail.entity, relation: 'located-in', rule: 'successive' });
    });
  }
  return out;
}

/** 纳入 after what is taken in, with the adverbs it may have */
const TAKEN_INTO = /(?:已|已经|被|全部|均|正式)*纳入/gu;
const TAKEN = is('company', 'industrial-park', 'project', 'place');
/**
 * what may follow the zone: the clause's end, or a word for its range or its management (纳入甲新区
 * 管理范围, 纳入乙区的版图); not more of a list's or a plan's name (纳入甲区重点项目库, 纳入乙市“专精特新”
 * 企业名单, 纳入某经济圈建设规划), whose place is nested in that name and says nothing of where
 */
const ZONE_END = /^(?:的?(?:规划|建设|管理|管辖|托管)?(?:范围|区域|版图|范畴)(?:之?内)?|(?:统一)?(?:管理|管辖|托管))?(?:$|[，。；：！？,;:!?\n）)])/u;

/**
 * 甲镇、乙镇、丙镇纳入丁科学城: what is taken into a zone or a place lies in it. The names taken in are
 * a list that opens its clause (after a place written before the first, its region prefix: 戊区甲镇、
 * 乙镇…) and ends right before 纳入; the zone or place is right after it (a chain's last link), is no
 * country or province, and ends the clause or is followed by its range (ZONE_END). What is taken into
 * a plan or a list (纳入《…规划》, 纳入甲区重点项目库) names no zone and gives nothing.
 */
function takenInto(view: SentenceView): Found[] {
  const out: Found[] = [];
  TAKEN_INTO.lastIndex = 0;
  for (let m = TAKEN_INTO.exec(view.text); m; m = TAKEN_INTO.exec(view.text)) {
    const first = mentionAt(view, m.index + m[0].length);
    if (!first || !TAILS(first)) continue;
    // a chain after 纳入 (甲区乙工业园): its last link
    const tail = lastLink(view, first);
    if (broadPlace(tail) || !ZONE_END.test(view.text.slice(tail.le))) continue;
    const heads: SentenceView['mentions'] = [];
    for (let h = mentionEndingAt(view, m.index); h && TAKEN(h); h = JOIN.test(view.text[h.ls - 1] ?? '') ? mentionEndingAt(view, h.ls - 1) : undefined) heads.unshift(h);
    const head = heads[0];
    if (!head) continue;
    const opens = clauseStartBefore(view.text, head.ls);
    const prefix = mentionEndingAt(view, head.ls);
    if (head.ls !== opens && !(prefix?.type === 'place' && prefix.ls === opens)) continue;
    for (const h of heads) if (h.entity !== tail.entity) out.push({ head: h.entity, tail: tail.entity, relation: 'located-in', rule: 'taken-into' });
  }
  return out;
}

/**
 * 作为甲市重要的制造业基地，乙区…; 作为甲区构建工业体系的开端，近年来，乙工业园…: a clause that opens
 * with 作为 and a place or park (the last link of its chain) says what the subject of the next
 * clause is to it, so that subject (a company, project, park or place, written first in the
 * clause, after a time phrase if any; the last link of a chain there) is in it. Not a role toward
 * the site (作为甲区的战略合作伙伴, 对口帮扶单位, 招商对象: ROLE_TOWARD), nor a site joined to another
 * (作为甲市与乙区合作的重点项目), nor a subject that is an agent of the thing the clause is about
 * (甲公司承建的乙项目). A place only in a place: inside it by the gazetteer where it knows both, and
 * no country or a region of the world; a company, project or park not in a country or province.
 */
function servesAs(view: SentenceView): Found[] {
  const out: Found[] = [];
  AS.lastIndex = 0;
  for (let m = AS.exec(view.text); m; m = AS.exec(view.text)) {
    if (clauseStartBefore(view.text, m.index) !== m.index) continue;
    const first = mentionAt(view, m.index + m[0].length);
    if (!first || !TAILS(first)) continue;
    const site = lastLink(view, first);
    const end = view.text.slice(site.le).search(CLAUSE);
    if (end < 0 || !/[，,]/u.test(view.text[site.le + end]!)) continue;
    const phrase = view.text.slice(site.le, site.le + end);
    const joined = JOIN.test(phrase[0] ?? '') ? mentionAt(view, site.le + 1) : undefined;
    if ((joined && TAILS(joined)) || ROLE_TOWARD.test(phrase)) continue;
    let at = site.le + end + 1;
    at += TIME_CLAUSE.exec(view.text.slice(at))?.[0].length ?? 0;
    const opening = mentionAt(view, at);
    if (!opening) continue;
    // a region prefix or a chain before the subject: its last link, of any type, is the subject
    const subject = lastLink(view, opening, () => true);
    if (!SERVES(subject) || subject.entity === site.entity) continue;
    // 甲公司投资的乙项目, 甲集团承建的乙工程: the clause is about what the subject made, not the subject
    const after = view.mentions.find((x) => x.ls >= subject.le);
    if (after && SITE(after) && /^[^，。；,;：:！？!?]{0,10}的$/u.test(view.text.slice(subject.le, after.ls))) continue;
    if (subject.type === 'place') {
      if (site.type !== 'place' || WORLD_PLACE_SET.has(subject.text)) continue;
      // where the gazetteer knows both, it must put the subject inside the site
      if (candidates(subject.text).length > 0 && candidates(site.text).length > 0 && !placeInside(subject.text, site.text)) continue;
    } else if (broadPlace(site)) continue;
    out.push({ head: subject.entity, tail: site.entity, relation: 'located-in', rule: '作为X，Y' });
  }
  return out;
}
const AS = /作为/gu;
const SERVES = is('company', 'industrial-park', 'project', 'place');
/** a role toward the site, not a part of it: a party to it (PARTIES), a partner, a twin, a target of its work */
const ROLE_TOWARD = new RegExp(`${PARTIES}|合作方|对口|帮扶|协作|友好|结对|对象|代表|邻居`, 'u');
/** a time phrase that may open the subject's clause (近年来，) */
const TIME_CLAUSE = /^(?:近年来|近年|近些年|多年来|长期以来|今年以来|目前|如今|当前|截至目前|今年|去年|同时|[0-9０-９]{4}年(?:以来)?)[，,]?/u;
