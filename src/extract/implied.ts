// Bodies a head title implies when the article never writes them: 区长戴明 makes 戴明 the head of
// 区政府 even where no sentence names 区政府 (the guideline: the gold names the body as the title
// writes it, and an extractor creates it the same way). The title's own characters stand for the
// body: a mention of them, typed organization, that resolution and the relation patterns read as
// the body (`implied`); its text and offsets stay the title's, so it slices back out of the file.
import type { Document, Mention } from '../types.js';
import { TITLES } from './lexicon.js';
import { toMention } from './index.js';

/** Government heads and the body each leads: 区长 → 区政府, 市长 → 市政府 (a party secretary's body is written inside the title). */
const GOVERNMENT_HEADS = new Map([...TITLES.values()].flatMap((t) => (t.impliedBody?.endsWith('政府') ? [[t.title, t.impliedBody] as const] : [])));

/** Does an organization mention of the document name the body (区政府, 江津区人民政府)? */
function writes(mentions: readonly Mention[], body: string): boolean {
  const level = body[0]!;
  const rest = body.slice(1);
  return mentions.some((m) => {
    if (m.type !== 'organization') return false;
    const t = m.text.replace('人民政府', '政府');
    return t === body || (t.endsWith(rest) && t.slice(0, -rest.length).endsWith(level));
  });
}

/**
 * The mentions, and for each person right after a government head's title (区长, 代理市长; not
 * 副区长) whose body the document does not write, a mention of the title standing for that body.
 */
export function withImpliedBodies(doc: Document, mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  for (const p of mentions) {
    if (p.type !== 'person') continue;
    for (const [title, body] of GOVERNMENT_HEADS) {
      const start = p.nstart - title.length;
      if (start < 0 || !doc.text.startsWith(title, start) || doc.text[start - 1] === '副') continue;
      if (writes(mentions, body) || mentions.some((m) => m.nstart < p.nstart && start < m.nend && m !== p)) break;
      added.push({ ...toMention(doc, start, p.nstart, { type: 'organization', rule: `implied:${title}`, sentence: p.sentence }), implied: body });
      break;
    }
  }
  if (!added.length) return mentions;
  return [...mentions, ...added].sort((a, b) => a.nstart - b.nstart || b.nend - a.nend);
}
