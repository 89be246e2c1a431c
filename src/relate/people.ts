// leads (person): a head title right before the name. 区委书记唐大军 → 唐大军 leads 区委;
// 某市政协主席张某 → 张某 leads 某市政协; titles chained with 、 all apply
// (研究所所长、学会理事长、研究院首席科学家张某). Deputies and members do not lead.
// Also 张某率…调研组: a person at the head of a delegation leads it; 以X为首的Y, X leads Y.
import type { Found, SentenceView } from './sentence.js';
import { is, mentionEndingAt } from './sentence.js';
import { TITLES, type TitleInfo } from '../extract/lexicon.js';
import { PARTY_BODY } from '../extract/implied.js';
import { isLayoutSpace } from '../strings.js';

/**
 * The titles a person may hold here: the lexicon's, and heads the guideline's title table adds
 * (董事局主席, 执行董事, 执行总裁 lead the company; 厅长 the department). They are read only here: the
 * tagger's features and the rules' people keep the lexicon's list.
 */
const RELATION_TITLES: ReadonlyMap<string, TitleInfo> = new Map([
  ...TITLES,
  ...['董事局主席', '执行董事', '执行总裁', '厅长'].map((t) => [t, { title: t, leads: true }] as const),
]);
const TITLE_WORDS = [...RELATION_TITLES.keys()].sort((a, b) => b.length - a.length);
/** what joins the titles of one person: 区委副书记、区长; 董事长兼CEO */
const TITLE_JOINERS = new Set(['、', '兼']);
const BODY = is('organization', 'company');
/** titles that head a company (the guideline's table) */
const COMPANY_HEADS = new Set(['董事长', '董事局主席', '执行董事', '总经理', '总裁', '执行总裁', 'CEO', '首席执行官']);

export function personLeads(view: SentenceView, docBodies: ReadonlyMap<string, string>): Found[] {
  const out: Found[] = [];
  for (const p of view.mentions) {
    if (p.type !== 'person') continue;
    // titles before the name, possibly several joined by 、 (and a list of names after one title)
    let at = p.ls;
    while (view.text[at - 1] === '、' && view.mentions.some((x) => x.le === at - 1 && x.type === 'person')) {
      at = view.mentions.find((x) => x.le === at - 1)!.ls;
    }
    // a layout space may stand between the title and the name (主任 程某), as the person rule reads it
    if (isLayoutSpace(view.text[at - 1])) at--;
    // a head title with no body of its own (…党委书记、董事长Y; …党委书记、主任Y) heads the company or
    // body whose party committee an earlier title of the chain names (甲乙集团党委 → 甲乙集团)
    const bodiless: string[] = [];
    for (let guard = 0; guard < 6; guard++) {
      const found = titleBefore(view, at);
      if (!found) break;
      const { title, start, body } = found;
      const info = RELATION_TITLES.get(title)!;
      if (info.leads) {
        let tail = body?.entity;
        if (!tail && info.impliedBody) tail = docBodies.get(info.impliedBody);
        if (tail) out.push({ head: p.entity, tail, relation: 'leads', rule: `title:${title}` });
        else bodiless.push(title);
      }
      // the owner named inside the committee: a company its heads lead, a body its other heads (主任)
      const owner = body && PARTY_BODY.test(body.text) ? view.mentions.find((x) => BODY(x) && x.ls === body.ls && x.le < body.le) : undefined;
      if (owner) for (const t of bodiless.splice(0)) if (COMPANY_HEADS.has(t) === (owner.type === 'company')) out.push({ head: p.entity, tail: owner.entity, relation: 'leads', rule: `title:${t}` });
      at = body ? body.ls : start;
      if (!TITLE_JOINERS.has(view.text[at - 1]!)) break;
      at -= 1;
    }
    // 以X同志为核心的Y / 以X为首的Y: X is at the head of the body
    const rest = view.text.slice(p.le);
    const core = view.text[p.ls - 1] === '以' ? /^(?:同志)?为(?:核心|首)的/u.exec(rest) : null;
    if (core) {
      const body = view.mentions.find((x) => x.ls === p.le + core[0].length && BODY(x));
      if (body) out.push({ head: p.entity, tail: body.entity, relation: 'leads', rule: '以X为核心的Y' });
    }
    // X率Y / X带领Y
    const lead = /^(?:一行)?(?:率|带领|率领)/u.exec(rest);
    if (lead) {
      const org = view.mentions.find((x) => x.ls === p.le + lead[0].length && x.type === 'organization');
      if (org) out.push({ head: p.entity, tail: org.entity, relation: 'leads', rule: 'X率Y' });
    }
  }
  return out;
}

/** The title ending at `at`, and the body written right before it (or inside it: 区委书记). */
function titleBefore(view: SentenceView, at: number) {
  const candidates = TITLE_WORDS.filter((t) => view.text.slice(Math.max(0, at - t.length), at) === t);
  // prefer the reading where a body ends where the title starts (德感工业园党委|书记), a party
  // committee before its company (甲乙集团党委|书记, not 甲乙集团|党委书记)
  // and its party group before the body (市政协党组|书记, not 市政协|党组书记)
  const rank = (b: SentenceView['mentions'][number]) => (b.type === 'organization' ? (PARTY_BODY.test(b.text) ? 0 : 1) : 2);
  let best: { title: string; start: number; body: SentenceView['mentions'][number] } | undefined;
  for (const title of candidates) {
    const start = at - title.length;
    const body = mentionEndingAt(view, start);
    if (body && BODY(body) && (!best || rank(body) < rank(best.body))) best = { title, start, body };
  }
  if (best) return best;
  for (const title of candidates) {
    const start = at - title.length;
    const info = RELATION_TITLES.get(title)!;
    if (info.impliedBody) {
      // 区委书记: the body 区委 is a mention inside the title
      const inner = view.mentions.find((x) => x.ls === start && x.le <= at && BODY(x));
      return { title, start, body: inner };
    }
    return { title, start, body: undefined };
  }
  return undefined;
}
