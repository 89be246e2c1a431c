// Extraction quality floors: a build of the development set (articles this code was not
// written from names of) and of the seeds, scored with the guideline's scoring. The floors sit
// just under what was measured, so a regression fails CI. README has the measured table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { build } from '../src/build.js';
import { loadGoldDir, predictionsFromGraph, score } from '../src/eval/index.js';

async function measure(texts: string, goldDir: string) {
  const { graph } = await build([texts], { layoutIterations: 0 });
  return score(loadGoldDir(goldDir), predictionsFromGraph(graph));
}

const DEV = '../shared/dev-set';

test('dev set: typed entity F1 and relation F1 stay above their floors', { skip: !existsSync(DEV) && `${DEV} is not beside the project` }, async () => {
  const r = await measure(`${DEV}/texts`, `${DEV}/gold`);
  assert.ok(r.entitiesTyped.f1 >= 0.92, `typed entity F1 ${r.entitiesTyped.f1.toFixed(3)}`);
  assert.ok(r.relations.f1 >= 0.89, `relation F1 ${r.relations.f1.toFixed(3)}`);
});

test('seeds: typed entity F1 and relation F1 stay above their floors', async () => {
  const r = await measure('data/corpus', 'data/gold');
  assert.ok(r.entitiesTyped.f1 >= 0.77, `typed entity F1 ${r.entitiesTyped.f1.toFixed(3)}`);
  assert.ok(r.relations.f1 >= 0.67, `relation F1 ${r.relations.f1.toFixed(3)}`);
});
