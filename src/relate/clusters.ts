// belongs-to-cluster and leads (cluster): 以X为代表的Y产业集群, 以X为龙头打造Y, X为链主,
// 依托X、Y等链主企业打造Z, X、Y等企业…构建起Z产业链.
import { baseRule } from '../extract/index.js';
import type { Found, SentenceView } from './sentence.js';
import { is, mentionEndingAt } from './sentence.js';

const MEMBER = is('company', 'project', 'industrial-park');
const CLUSTER = is('industry-cluster');

export function clusterRelations(view: SentenceView): Found[] {
  const out: Found[] = [];
  // the guideline: 以X为核心 and X为主企业 are 龙头 (leads); 以X为代表, 以X为主 and X为骨干 are membership
  const re = /以(.{2,60}?)为(代表|龙头|引领|链主|核心|主企业|主(?!导|体|线|题|要|攻)|骨干)/gu;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    const from = m.index + 1;
    const to = from + m[1]!.length;
    const members = view.mentions.filter((x) => x.ls >= from && x.le <= to && MEMBER(x));
    // the cluster after (以X为龙头打造Y), or the one whose sentence it is (Y以X为龙头)
    const cluster = view.mentions.find((x) => x.ls >= to && CLUSTER(x)) ?? view.mentions.find((x) => x.le === m!.index && CLUSTER(x));
    if (!cluster) continue;
    const relation = m[2] === '代表' || m[2] === '主' || m[2] === '骨干' ? 'belongs-to-cluster' : 'leads';
    for (const x of members) out.push({ head: x.entity, tail: cluster.entity, relation, rule: `以X为${m[2]}` });
  }
  // X为链主 / X作为Y的龙头
  for (const x of view.mentions) {
    if (!is('company', 'industrial-park')(x)) continue;
    const rest = view.text.slice(x.le, x.le + 3);
    // A、B等链主企业 (龙头企业): each item of the list leads
    const listed = /^等(?:链主|龙头)企业/u.test(view.text.slice(x.le, x.le + 7));
    if (!/^(?:为|作为|是)(?:链主|龙头)/u.test(rest) && !listed) continue;
    const cluster = view.mentions.find((c) => CLUSTER(c));
    if (!cluster) continue;
    const leaders = [x];
    for (let m = listed ? mentionEndingAt(view, x.ls - 1) : undefined; m && is('company', 'industrial-park')(m) && view.text[m.le] === '、'; m = mentionEndingAt(view, m.ls - 1)) leaders.push(m);
    for (const l of leaders) out.push({ head: l.entity, tail: cluster.entity, relation: 'leads', rule: 'X为链主' });
  }
  // A、B等数字经济项目: the listed projects belong to the industry named after 等
  for (const c of view.mentions) {
    if (!CLUSTER(c) || baseRule(c.rule) !== 'list-kind' || view.text[c.ls - 1] !== '等') continue;
    let at = c.ls - 1;
    const items: typeof view.mentions = [];
    for (let m = mentionEndingAt(view, at); m && MEMBER(m); m = mentionEndingAt(view, at)) {
      items.push(m);
      if (view.text[m.ls - 1] !== '、') break;
      at = m.ls - 1;
    }
    for (const x of items) out.push({ head: x.entity, tail: c.entity, relation: 'belongs-to-cluster', rule: 'A、B等Y项目' });
  }
  // X、Y等企业 … 构建/形成/打造/壮大 Z: the listed companies join the one cluster the sentence names
  const clusters = view.mentions.filter(CLUSTER);
  const listed = view.mentions.filter((x) => x.type === 'company' && x.rule.includes('list:company'));
  if (clusters.length === 1 && listed.length > 0) {
    const c = clusters[0]!;
    const verb = /(?:构建|形成|打造|壮大|集聚|聚集|组成|构成)/u.exec(view.text.slice(listed[listed.length - 1]!.le, c.ls));
    if (verb && listed.every((x) => x.le <= c.ls)) {
      for (const x of listed) out.push({ head: x.entity, tail: c.entity, relation: 'belongs-to-cluster', rule: 'X等企业构建Y' });
    }
  }
  return out;
}
