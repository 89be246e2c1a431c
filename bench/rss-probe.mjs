// Loaded with `node --import` into each benchmarked kg process: writes the peak resident set
// (kB) of the process and its worker processes together to $KG_BENCH_RSS when it exits. The
// workers are child processes, so the process's own peak (resourceUsage().maxRSS) is not the
// build's: the tree's resident sets are sampled every 50 ms from /proc (Linux) and summed.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const rssOf = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};
const childrenOf = (pid) => {
  const out = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // not Linux, or the process is gone
  }
  return out;
};
const treeRss = (pid) => rssOf(pid) + childrenOf(pid).reduce((sum, c) => sum + treeRss(c), 0);

let peak = 0;
const sample = () => (peak = Math.max(peak, treeRss(process.pid)));
setInterval(sample, 50).unref();

process.on('exit', () => {
  if (!process.env.KG_BENCH_RSS) return;
  sample();
  // the process's own peak can fall between two samples
  writeFileSync(process.env.KG_BENCH_RSS, String(Math.max(peak, process.resourceUsage().maxRSS)));
});
