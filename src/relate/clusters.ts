// belongs-to-cluster and leads (cluster): 以X为代表的Y产业集群, 以X为龙头打造Y, X为链主,
// 依托X、Y等链主企业打造Z, X、Y等企业…构建起Z产业链.
import { baseRule } from '../extract/index.js';
import type { Found, SentenceView } from './sentence.js';
import { is, mentionAt, mentionEndingAt } from './sentence.js';

const MEMBER = is('company', 'project', 'industrial-park');
const CLUSTER = is('industry-cluster');
const LEADER = is('company', 'industrial-park');

export function clusterRelations(view: SentenceView): Found[] {
  const out: Found[] = [];
  // the guideline: 以X为核心 and 以X为主企业 are 龙头 (leads); 以X为代表, 以X为主 and 以X为骨干 are
  // membership. X stays within its clause, and 为主 is the role only where it ends (为主的, 为主，),
  // not in 为主导, 为主阵地, 为主战场
  const re = /以([^，。；;,]{2,60}?)为(代表|龙头|引领|链主|核心|主企业|主(?=的|[，,、；;。]|$)|骨干)/gu;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    const from = m.index + 1;
    const to = from + m[1]!.length;
    const members = view.mentions.filter((x) => x.ls >= from && x.le <= to && MEMBER(x));
    // the cluster after (以X为龙头打造Y), or the one whose sentence it is (Y以X为龙头)
    const cluster = view.mentions.find((x) => x.ls >= to && CLUSTER(x)) ?? view.mentions.find((x) => x.le === m!.index && CLUSTER(x));
    if (!cluster) continue;
    const relation = m[2] === '代表' || m[2] === '主' || m[2] === '骨干' ? 'belongs-to-cluster' : 'leads';
    // 以A、B、C为龙头的X、Y、Z等产业集群 does not say which leads which (the guideline)
    if (relation === 'leads' && members.length > 1 && inClusterList(view, cluster)) continue;
    for (const x of members) out.push({ head: x.entity, tail: cluster.entity, relation, rule: `以X为${m[2]}` });
  }
  // X为链主, X作为Y的龙头: X leads the sentence's cluster; A、B等链主企业 (龙头企业) … 打造Y: each item
  // leads the cluster written after the list. Not where a list of leaders meets a list of clusters
  // (as above)
  for (const x of view.mentions) {
    if (!LEADER(x)) continue;
    const after = view.text.slice(x.le, x.le + 7);
    const listed = /^等(?:链主|龙头)企业/u.test(after);
    if (!listed && !/^(?:为|作为|是)(?:链主|龙头)/u.test(after)) continue;
    const leaders = itemsEndingAt(view, x, LEADER);
    const cluster = view.mentions.find((c) => CLUSTER(c) && (!listed || c.ls >= x.le));
    if (!cluster || (leaders.length > 1 && inClusterList(view, cluster))) continue;
    for (const l of leaders) out.push({ head: l.entity, tail: cluster.entity, relation: 'leads', rule: listed ? 'A、B等链主企业' : 'X为链主' });
  }
  // A、B等数字经济项目: the listed projects belong to the industry named after 等
  for (const c of view.mentions) {
    if (!CLUSTER(c) || baseRule(c.rule) !== 'list-kind' || view.text[c.ls - 1] !== '等') continue;
    const last = mentionEndingAt(view, c.ls - 1);
    if (!last || !MEMBER(last)) continue;
    for (const x of itemsEndingAt(view, last, MEMBER)) out.push({ head: x.entity, tail: c.entity, relation: 'belongs-to-cluster', rule: 'A、B等Y项目' });
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

type Named = SentenceView['mentions'][number];

/** The item of a 、-list written right before `m`, if any. */
const itemBefore = (view: SentenceView, m: Named): Named | undefined => (view.text[m.ls - 1] === '、' ? mentionEndingAt(view, m.ls - 1) : undefined);

/** The items of the 、-list whose last item is `last`, from the last back, each of a type that `fits`. */
function itemsEndingAt(view: SentenceView, last: Named, fits: (m: Named) => boolean): Named[] {
  const items = [last];
  for (let m = itemBefore(view, last); m && fits(m); m = itemBefore(view, m)) items.push(m);
  return items;
}

/** Is the cluster an item of a 、-list of clusters (Y、Z产业集群)? */
function inClusterList(view: SentenceView, c: Named): boolean {
  const before = itemBefore(view, c);
  const after = view.text[c.le] === '、' ? mentionAt(view, c.le + 1) : undefined;
  return (before !== undefined && CLUSTER(before)) || (after !== undefined && CLUSTER(after));
}
