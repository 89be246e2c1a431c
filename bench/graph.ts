// A generated graph in kg's schema, for the query and viewer benchmarks: `n` entities in
// communities (as real regional graphs are: a district's parks, firms and projects cluster),
// `edgesPerNode × n` edges mostly within a community, positions spread around the communities.
import { pathToFileURL } from 'node:url';
import { DirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATION_TYPES } from '../src/types.js';
import { TYPE_COLORS, nodeSize } from '../src/graph/style.js';
import { rng } from './generate.js';
import { writeGraphFile } from '../src/graph/write.js';

const SYLLABLES = '华宇鑫源泰康博瑞恒达盛兴嘉禾金海天成永安宏远腾飞凯旋明辉立信锦程瀚晟';
const SUFFIX: Record<string, string> = {
  company: '科技有限公司',
  organization: '管理委员会',
  place: '镇',
  'industrial-park': '工业园',
  project: '建设项目',
  'industry-cluster': '产业集群',
  person: '',
};

/** A kg graph of `n` nodes in communities, `edgesPerNode × n` edges mostly within a community. */
export function generateGraph(n: number, edgesPerNode: number, seed = 1): DirectedGraph {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const graph = new DirectedGraph();
  graph.replaceAttributes({ documents: [{ id: 'generated.txt', path: 'generated.txt', title: 'generated', sha256: '', chars: 0 }], builtAt: new Date(0).toISOString(), generator: { name: 'bench', version: '0' } });
  const communities = Math.max(4, Math.round(Math.sqrt(n) / 3));
  const centres = Array.from({ length: communities }, () => [random() * 2000 - 1000, random() * 2000 - 1000] as const);
  const community: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = pick(ENTITY_TYPES);
    const name = `${Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick([...SYLLABLES])).join('')}${i}${SUFFIX[type]}`;
    const c = Math.floor(random() * communities);
    community.push(c);
    const [cx, cy] = centres[c]!;
    const r = 150 * Math.sqrt(-2 * Math.log(random() + 1e-9));
    const angle = 2 * Math.PI * random();
    const mentions = 1 + Math.floor(random() * random() * 30);
    graph.addNode(`${type}:${name}`, {
      label: name,
      entityType: type,
      aliases: [name],
      mentions: Array.from({ length: Math.min(mentions, 3) }, (_, k) => ({ doc: 'generated.txt', start: k * 10, end: k * 10 + name.length, text: name, sentence: k })),
      x: cx + r * Math.cos(angle),
      y: cy + r * Math.sin(angle),
      size: nodeSize(mentions),
      color: TYPE_COLORS[type],
    });
  }
  const keys = graph.nodes();
  const byCommunity = Array.from({ length: communities }, () => [] as string[]);
  keys.forEach((k, i) => byCommunity[community[i]!]!.push(k));
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < edgesPerNode; e++) {
      const source = keys[i]!;
      const pool = random() < 0.9 ? byCommunity[community[i]!]! : keys;
      const target = pick(pool);
      const relation = pick(RELATION_TYPES);
      const key = `${source}->${relation}->${target}`;
      if (source === target || graph.hasDirectedEdge(source, target)) continue;
      graph.addDirectedEdgeWithKey(key, source, target, {
        relation,
        evidence: [{ doc: 'generated.txt', start: 0, end: 20, sentence: `${graph.getNodeAttribute(source, 'label')}位于${graph.getNodeAttribute(target, 'label')}。` }],
        derived: false,
        weight: 1,
      });
    }
  }
  return graph;
}

// `node --import tsx bench/graph.ts FILE NODES EDGES_PER_NODE` writes a generated graph file and
// its skeleton, as `kg build` does
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, nodes, perNode] = process.argv.slice(2);
  const graph = generateGraph(Number(nodes), Number(perNode));
  writeGraphFile(file!, graph, { skeleton: true });
  process.stdout.write(`${JSON.stringify({ order: graph.order, size: graph.size })}\n`);
}
