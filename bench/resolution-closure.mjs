// How much of a corpus's resolution the articles of a build's newest heads file can touch: an
// estimate made for the design of an incremental resolution (bench/RESULTS.md, 2026-12-04 late
// night). Forms (by text) are linked when they share an identity key (type and key, or a place's
// code) or when one is a short-form candidate of the other as resolution's longer-form index
// finds them (src/resolve/index.ts; the name-core test of isShortFormOf is repeated here, the
// rest of it is not: a superset of the links resolution can make). With SAT=n, a form with n or
// more candidates counts as settled (ambiguous, and staying so as more come) and links nothing.
//   npx tsc -p tsconfig.json && node bench/resolution-closure.mjs . GRAPH_DIR/.kg-cache/SCOPE
import { readFileSync, readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dir] = process.argv.slice(2);
if (!root || !dir) throw new Error('usage: node bench/resolution-closure.mjs KG_ROOT STORE_DIR');
const dist = (m) => import(pathToFileURL(resolvePath(root, 'dist', m)).href);
const { Heads } = await dist('corpus/heads.js');
const { key } = await dist('resolve/memo.js');
const { placeFor } = await dist('resolve/index.js');
const { companyShortForms } = await dist('extract/index.js');
const { shortPlaceName } = await dist('extract/gazetteer.js');
const { surfaceKey } = await dist('resolve/keys.js');

const files = readdirSync(dir).filter((f) => /^heads-\d+\.bin$/.test(f)).sort((a, b) => parseInt(a.slice(6)) - parseInt(b.slice(6)));
if (files.length < 2) throw new Error(`${dir}: no heads file newer than the first`);
const newest = files.at(-1);
const formId = new Map();
const forms = [];
const unitsOfForm = [];
const newForms = new Set();
let units = 0;
for (const f of files) {
  const h = Heads.from(readFileSync(`${dir}/${f}`));
  for (const k of h.row.keys()) {
    const u = h.units(k);
    for (let j = 0; j < u.type.length; j++) {
      let id = formId.get(u.text[j]);
      if (id === undefined) {
        id = forms.length;
        formId.set(u.text[j], id);
        forms.push([u.type[j], u.text[j]]);
        unitsOfForm.push(0);
      }
      unitsOfForm[id]++;
      units++;
      if (f === newest) newForms.add(id);
    }
  }
}
const parent = Int32Array.from(forms, (_, i) => i);
const find = (i) => {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
};
const union = (a, b) => {
  a = find(a);
  b = find(b);
  if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
};
// identity: forms with one identity key are one group
const byIdentity = new Map();
forms.forEach(([t, x], i) => {
  const p = t === 'place' ? placeFor(x) : undefined;
  const id = p ? `place@${p.code}` : `${t}:${key(x, t)}`;
  const first = byIdentity.get(id);
  if (first === undefined) byIdentity.set(id, i);
  else union(first, i);
});
// the longer-form index: look-up key → forms
const index = new Map();
const add = (k, i) => {
  const list = index.get(k);
  if (!list) index.set(k, [i]);
  else if (list.at(-1) !== i) list.push(i);
};
forms.forEach(([t, x], i) => {
  const k = key(x, t);
  add(`${t}:${k}`, i);
  if (t === 'company') for (const s of companyShortForms(x)) add(`${t}:${surfaceKey(s)}`, i);
  else if (t === 'industrial-park' || t === 'organization' || t === 'project') for (let s = 1; k.length - s >= 4; s++) add(`${t}:${k.slice(s)}`, i);
  else if (t === 'place') {
    const s = shortPlaceName(x);
    if (s) add(`${t}:${s}`, i);
  }
});
const ENDINGS = { 'industrial-park': /(综合保税区|经济技术开发区|工业园区|产业园区|工业园|产业园|开发区|新城|新区|组团|片区|园区)$/u, other: /(项目|工程|中心|委员会|局|委)$/u };
const sat = Number(process.env.SAT ?? Infinity);
let links = 0;
let settled = 0;
forms.forEach(([t, x], i) => {
  if (x.length < 2) return;
  const k = key(x, t);
  const suffixed = t === 'industrial-park' || t === 'organization' || t === 'project';
  const core = !suffixed || (k.length >= 4 && k.replace(t === 'industrial-park' ? ENDINGS['industrial-park'] : ENDINGS.other, '').length >= 2);
  const candidates = (index.get(`${t}:${k}`) ?? []).filter((o) => o !== i && key(forms[o][1], t).length > k.length && (core || key(forms[o][1], t) === k));
  if (t === 'company' && x !== k) for (const o of index.get(`${t}:${x}`) ?? []) if (o !== i && !candidates.includes(o)) candidates.push(o);
  if (candidates.length >= sat) {
    settled++;
    return;
  }
  for (const o of candidates) union(i, o);
  links += candidates.length;
});
const size = new Map();
const unitSize = new Map();
forms.forEach((_, i) => {
  const r = find(i);
  size.set(r, (size.get(r) ?? 0) + 1);
  unitSize.set(r, (unitSize.get(r) ?? 0) + unitsOfForm[i]);
});
const touched = new Set([...newForms].map(find));
let touchedForms = 0;
let touchedUnits = 0;
for (const r of touched) {
  touchedForms += size.get(r);
  touchedUnits += unitSize.get(r);
}
const pct = (a, b) => `${((100 * a) / b).toFixed(2)} %`;
console.log(`${forms.length} forms, ${units} units, ${size.size} components; ${links} candidate links${Number.isFinite(sat) ? `, ${settled} forms settled (${sat}+ candidates)` : ''}`);
console.log(`${newest}: ${newForms.size} forms in ${touched.size} components holding ${touchedForms} forms (${pct(touchedForms, forms.length)}) and ${touchedUnits} units (${pct(touchedUnits, units)})`);
