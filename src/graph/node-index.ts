// Each node key's position among a graph's node records, for the writer's edge columns and the
// skeleton: an edge names its ends by key. A rebuild that copies its edges looks up only the few it
// made, where a map of all 129 k keys (built twice per write at ×100) took 0.1–0.25 s: keys in
// code-unit order, as kg writes its nodes, are found by binary search. A build that makes every
// edge looks up hundreds of thousands, which a binary search took ten times as long as a map to
// find (732 k look-ups among 129 k keys: 0.92 against 0.06–0.11 s, timed by hand): past
// MAP_AFTER look-ups, or for keys in another order, the index is a map.
import { ascending } from '../strings.js';

export class NodeIndex {
  private map: Map<string, number> | undefined;
  /** are the keys in code-unit order (ascending in strings.ts)? */
  readonly sorted: boolean;
  private lookups = 0;

  /** `sorted`: the caller knows the keys to be in code-unit order (else they are checked) */
  constructor(
    private readonly keys: readonly string[],
    sorted?: boolean,
  ) {
    this.sorted = sorted ?? ascending(keys);
  }

  /** The position of the (last) node record with key `key`, or undefined. */
  get(key: string): number | undefined {
    if (!this.map && (!this.sorted || ++this.lookups > MAP_AFTER)) {
      const map = new Map<string, number>();
      this.keys.forEach((k, i) => map.set(k, i));
      this.map = map;
    }
    if (this.map) return this.map.get(key);
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === key ? lo : undefined;
  }
}

/** Binary searches before the index becomes a map: a rebuild's few made edges stay under it. */
const MAP_AFTER = 4096;
