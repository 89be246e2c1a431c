// Loaded with `node --import` into each benchmarked kg process: writes the process's peak
// resident set (kB, worker threads included) to $KG_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.KG_BENCH_RSS) writeFileSync(process.env.KG_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
