/** A stopwatch read in laps: each call gives the seconds since the last (or since it was made). */
export function laps(): () => number {
  let t = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - t) / 1000;
    t = now;
    return seconds;
  };
}
