#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` via `prepare`).
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli')) {
    process.stderr.write('kg: not built yet; run `npm run build` first\n');
  } else {
    process.stderr.write(`kg: ${err && err.message ? err.message : err}\n`);
  }
  process.exitCode = 1;
});
