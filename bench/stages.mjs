// Sums a CPU profile of a build into the stages of bench/RESULTS.md ("Where a one-worker build's time goes"):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/kg.js build DIR --no-cache --workers 1 -o /tmp/g.json -q
//   node bench/stages.mjs /tmp/prof
// Each sample counts in the innermost stage on its stack (rules below, leaf first).
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const file = readdirSync(dir).find(f => f.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const nodes = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const name = (n) => `${n.callFrame.functionName}@${n.callFrame.url.replace(/.*\/(dist|node_modules)\//, '$1/')}`;
// stage of a sample: the innermost matching rule walking from the leaf up
// each stage with the function@file prefixes whose samples (and callees') it takes
const rules = [
  ['jieba load', 'load@node_modules/nodejieba'],
  ['jieba tagging', 'exports.<computed>@node_modules/nodejieba'],
  ['tagger features', 'sentenceFeatures@dist/tagger/features'],
  ['tagger emissions', 'emissions@dist/tagger/model'],
  ['tagger Viterbi', 'viterbi@dist/tagger/viterbi'],
  ['rules (extract/, without jieba)', 'analyseDocument@dist/extract/index'],
  ['repair, known names, implied (rest of the tagger stage)', 'tagMentions@dist/tagger/index'],
  ['ingest (read, decode, normalise)', 'ingestBytes@', 'extractFile@'],
  ['store: write records', 'writeRecord@'],
  ['store: read records back', 'document@dist/build', 'get@dist/corpus/store'],
  ['relation classifier (linker)', 'linkDocument@'],
  ['resolution', 'resolve@dist/resolve'],
  ['graph records and layout', 'graphRecords@'],
  ['graph write (JSON, skeleton)', 'writeGraphFile@'],
  ['corpus passes (rest)', 'graphFromCorpus@'],
  ['garbage collection', '(garbage collector)'],
];
const out = new Map(); let total = 0;
for (const [id, t] of dt) {
  total += t;
  let stage = 'other (Node start, module load, CLI, idle)';
  outer: for (let c = id; c !== undefined; c = parent.get(c)) {
    const k = name(nodes.get(c));
    for (const [s, ...prefixes] of rules) if (prefixes.some((p) => k.startsWith(p))) { stage = s; break outer; }
  }
  out.set(stage, (out.get(stage) ?? 0) + t);
}
for (const [s] of [...rules, ['other (Node start, module load, CLI, idle)']]) console.log(`${((out.get(s) ?? 0) / 1e6).toFixed(2).padStart(6)}  ${s}`);
console.log(`${(total / 1e6).toFixed(2).padStart(6)}  total`);
