// The one seeded generator (mulberry32): the same seed gives the same sequence on every machine,
// so training order, benchmark corpora and the viewer's community colours are reproducible.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place, drawing from `random`. */
export function shuffle<T>(a: T[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/** How far apart the seeds of a model's runs are: far enough that configs seeded 1 and 2 share no run. */
export const RUN_SEED_STEP = 7919;

/** The seeds of a model's runs (the tagger's perceptron runs, the relation classifier's): `seed`, then RUN_SEED_STEP apart; at least one run. */
export function runSeeds(seed: number, runs = 1): number[] {
  return Array.from({ length: Math.max(1, Math.floor(runs)) }, (_, run) => seed + run * RUN_SEED_STEP);
}
