// Entities the article implies without writing them on their own. A government head's body: 区长戴明
// makes 戴明 the head of 区政府 even where no sentence names 区政府 (the guideline: the gold names
// the body as the title writes it, and an extractor creates it the same way). The title's own
// characters stand for the body: a mention of them, typed organization, that resolution and the
// relation patterns read as the body (`implied`); its text and offsets stay the title's, so it
// slices back out of the file. And party bodies: a company named inside its party committee
// (甲乙集团党委书记、董事长张某) and the committee are both entities, as the guideline's titles say.
import type { Document, Mention } from '../types.js';
import { SUFFIX_TYPES, TITLES } from './lexicon.js';
import { toMention } from './index.js';

/** Government heads and the body each leads: 区长 → 区政府, 市长 → 市政府 (a party secretary's body is written inside the title). */
const GOVERNMENT_HEADS = new Map([...TITLES.values()].flatMap((t) => (t.impliedBody?.endsWith('政府') ? [[t.title, t.impliedBody] as const] : [])));

/** Does an organization's name (or the body its title implies) name `body`: 区政府, 江津区人民政府 for 区政府? */
export function namesBody(name: string, body: string): boolean {
  const level = body[0]!;
  const rest = body.slice(1);
  const t = name.replace('人民政府', '政府');
  return t === body || (t.endsWith(rest) && t.slice(0, -rest.length).endsWith(level));
}

/** The party bodies a body or company has: its committee, group or working committee. */
export const PARTY_WORDS = '党委|党组|党工委';
/** A party committee or group (X有限公司党委, 市政协党组); named after a company, X is a company the article names. */
export const PARTY_BODY = new RegExp(`(?:${PARTY_WORDS})$`, 'u');
/** A secretary's title right after a body's name: the body's party committee or group leads (X党组书记). */
const SECRETARY = new RegExp(`^(${PARTY_WORDS})(?:副)?书记`, 'u');
const COMPANY_ENDINGS = SUFFIX_TYPES.filter(([, t]) => t === 'company').map(([w]) => w);
/** a body's endings that may own a party committee (not a party body itself: 区委党委 is no name) */
const BODY_ENDINGS = SUFFIX_TYPES.filter(([w, t]) => t === 'organization' && !/党|[区市县省镇]委$/u.test(w)).map(([w]) => w);

/**
 * What owns the party committee whose name ends its owner's at `end`: a company (X有限公司党委), a
 * body (X发展中心党委书记、主任Y: the director leads the body, the secretary its committee), or neither.
 */
function ownerType(text: string, end: number): 'company' | 'organization' | undefined {
  if (COMPANY_ENDINGS.some((w) => text.endsWith(w, end))) return 'company';
  if (BODY_ENDINGS.some((w) => text.endsWith(w, end))) return 'organization';
  return undefined;
}

/**
 * The mentions, and: for a body's name followed by its secretary (市政协党组书记), the party
 * committee or group the text writes (市政协党组), replacing a bare 党委 decoded there; for each
 * party committee named after a company (X有限公司党委), a mention of the company X; for each
 * person right after a government head's title (区长, 代理市长; not 副区长) whose body the document
 * does not write, a mention of the title standing for that body.
 */
export function withImpliedEntities(doc: Document, mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  const dropped = new Set<Mention>();
  // 市政协党组书记王五: the secretary leads the body's party group (市政协党组), a name the text writes
  for (const m of mentions) {
    if (m.type !== 'organization' && m.type !== 'company' && m.type !== 'industrial-park') continue;
    const party = SECRETARY.exec(doc.text.slice(m.nend, m.nend + 5));
    if (!party || PARTY_BODY.test(m.text)) continue;
    const end = m.nend + party[1]!.length;
    // a bare 党委 decoded after the name is the same committee, named in full
    const bare = mentions.find((x) => x.nstart === m.nend && x.nend === end);
    if (!bare && mentions.some((x) => x.nstart < end && m.nend < x.nend)) continue;
    if (bare) dropped.add(bare);
    added.push(toMention(doc, m.nstart, end, { type: 'organization', rule: 'implied:party-committee', sentence: m.sentence }));
  }
  for (const m of [...mentions, ...added]) {
    // 甲乙集团党委书记、董事长张某: the committee is 甲乙集团党委, and 甲乙集团 a company of its own;
    // so is 甲乙发展中心 a body of its own in 甲乙发展中心党委书记、主任丙
    const party = m.type === 'organization' ? PARTY_BODY.exec(m.text) : null;
    if (!party) continue;
    const end = m.nend - party[0].length;
    const type = ownerType(doc.text, end);
    if (!type || end - m.nstart < 4) continue;
    if (mentions.some((x) => x.type === type && x.nstart === m.nstart && x.nend === end)) continue;
    added.push(toMention(doc, m.nstart, end, { type, rule: 'implied:party-committee', sentence: m.sentence }));
  }
  for (const p of mentions) {
    if (p.type !== 'person') continue;
    for (const [title, body] of GOVERNMENT_HEADS) {
      const start = p.nstart - title.length;
      if (start < 0 || !doc.text.startsWith(title, start) || doc.text[start - 1] === '副') continue;
      if (mentions.some((m) => m.type === 'organization' && namesBody(m.text, body)) || mentions.some((m) => m.nstart < p.nstart && start < m.nend && m !== p)) break;
      added.push({ ...toMention(doc, start, p.nstart, { type: 'organization', rule: `implied:${title}`, sentence: p.sentence }), implied: body });
      break;
    }
  }
  if (!added.length) return mentions;
  return [...mentions.filter((m) => !dropped.has(m)), ...added].sort((a, b) => a.nstart - b.nstart || b.nend - a.nend);
}
