// Timing a build's phases and stages: a stopwatch read in laps, and seconds kept to the millisecond.

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

/** Each of `times` (seconds) rounded to the millisecond. */
export function toMilliseconds<T extends object>(times: T): T {
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round((v as number) * 1000) / 1000])) as T;
}

/** `seconds` more in `times[key]`, kept to the millisecond. */
export function addSeconds<K extends string>(times: Record<K, number>, key: K, seconds: number): void {
  times[key] = Math.round((times[key] + seconds) * 1000) / 1000;
}
