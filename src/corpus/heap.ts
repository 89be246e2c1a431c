// V8 lets a heap grow to several times what survived its last collection before collecting
// again; a build's passes make much short-lived garbage, and that headroom was about half of the
// build's peak memory (10 MB of text: 126 MB live, 300 MB of heap). A worker holds one article's
// data at a time (≈ 40 MB live beside jieba) but let its heap grow to 190 MB. Collecting once the
// heap is 30 % over what survived lowers the peak at little cost in time. bin/kg.js sets these
// flags in kg's process; the build's process and the worker processes start with them. Also here:
// the other memory settings of the processes kg starts (the build's, the workers').
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAGS = ['--heap-growing-percent=30'];

/**
 * V8's heap growth in `kg build`'s process once the extraction is done: 60 % over what survived
 * the last collection. Where worker processes extract, the build's peak is while they run beside
 * its process, and the 30 % of HEAP_FLAGS holds that down: the ×100 full build peaked at 1,417 MB
 * with 30 % throughout and at 1,415 MB with 60 % after the extraction, ×10 at 988–993 against
 * 979–991 MB. Extracting in its own process (`--workers 1`, or a corpus under 4 MB) the peak did
 * not move either: ×10 with --workers 1, 679–681 against 675–684 MB; ×1, 433 against 429–435 MB
 * (bench/rss-probe.mjs, 2026-12-04). The corpus passes after the extraction hold 400–500 MB alive
 * and make garbage fast: at 30 %, V8 marked and compacted that heap once more than at 60 % in the
 * ×100 rebuild after adding 13 articles (`--trace-gc`: 3 such collections, 0.81 s of pauses,
 * against 2, 0.44 s), whose time fell from a median of 10.5 to 9.5 s (5 rounds each,
 * alternating; 100 %: 9.7 s) and whose peak RSS went from 1.10–1.14 to 1.10–1.24 GB.
 */
const CORPUS_PASS_HEAP_FLAGS = ['--heap-growing-percent=60'];

/** Sets CORPUS_PASS_HEAP_FLAGS, for the rest of the process. */
export function setCorpusPassHeapFlags(): void {
  for (const flag of CORPUS_PASS_HEAP_FLAGS) setFlagsFromString(flag);
}

/**
 * The V8 flags of the process `kg build` runs a large corpus in (cli/build-host.ts): semi-spaces of
 * 64 MB where V8's default is 16. A build keeps millions of objects alive (the mentions, relations
 * and their strings); with small semi-spaces they are copied through hundreds of scavenges.
 * Measured with --max-semi-space-size=64 (bench/RESULTS.md): the ×100 rebuild after adding 13
 * articles, 6 alternating rounds, median 17.5 → 15.2 s, user CPU 20.9 → 17.8 s, peak RSS about
 * 50 MB more; 128 MB semi-spaces gained nothing more for 150 MB. In a thread given that young
 * generation, the ×100 full build peaked at 1,415 MB (1,304 MB before: `npm run bench`,
 * 2026-12-04 09:15 UTC); later recordings are in bench/RESULTS.md.
 */
export const BUILD_PROCESS_FLAGS = ['--max-semi-space-size=64'];

/** The glibc tunable that has malloc ask for transparent huge pages (glibc 2.35 and later; others ignore it). */
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/**
 * The environment of a process kg starts (a worker, the build's process): `env` with malloc asked
 * to back its heap with transparent huge pages (GLIBC_TUNABLES), unless the user's tunables say
 * otherwise. jieba builds its dictionaries from millions of small allocations, about 600 MB of
 * pages touched one fault at a time; where the kernel gives huge pages on request (`madvise`, as
 * on this project's machines) and a fault is dear (a virtual machine), that is most of the load:
 * raw nodejieba.load() took 2.2 s with 153 k page faults, and 0.6–1.1 s with about 7 k
 * (2026-12-05). A rebuild's cached heads and relations are read into buffers of 100 MB and more.
 */
export function hugePagesEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES;
  if (tunables?.includes('glibc.malloc.hugetlb')) return env;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES}` : HUGE_PAGES };
}
