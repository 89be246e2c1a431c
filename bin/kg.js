#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` via `prepare`).
// V8's heap flags (src/corpus/heap.ts: collect at 30 % heap growth, which lowers a build's peak
// memory at little cost in time) are set before the CLI loads; worker processes get the same.
import { setFlagsFromString } from 'node:v8';
import('../dist/corpus/heap.js')
  .then(({ HEAP_FLAGS }) => {
    for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
    return import('../dist/cli/main.js');
  })
  .then((m) => m.main(process.argv))
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/')) {
      process.stderr.write('kg: not built yet; run `npm run build` first\n');
    } else {
      process.stderr.write(`kg: ${err && err.message ? err.message : err}\n`);
    }
    process.exitCode = 1;
  });
