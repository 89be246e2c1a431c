#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` via `prepare`).
// V8 lets a heap grow to several times what survived its last collection before collecting
// again; a build's passes make much short-lived garbage, and that headroom was about half of the
// build's peak memory (10 MB of text: 126 MB live, 300 MB of heap). Collecting once the heap is
// 30 % over what survived lowers the peak at little cost in time. Worker processes get the same
// flag (src/corpus/pool.ts).
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--heap-growing-percent=30');
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli')) {
    process.stderr.write('kg: not built yet; run `npm run build` first\n');
  } else {
    process.stderr.write(`kg: ${err && err.message ? err.message : err}\n`);
  }
  process.exitCode = 1;
});
