// Each node key's position among a graph's node records, for the writer's edge columns and the
// skeleton: an edge names its ends by key. kg's builds write the nodes in code-unit order of their
// keys (resolution sorts the entities by id), where a binary search finds a key without a map of
// them all (129 k keys at ×100, built twice per write, took 0.1–0.25 s); a graph in another order
// gets the map.
export class NodeIndex {
  private readonly map: Map<string, number> | undefined;

  constructor(private readonly keys: readonly string[]) {
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
    if (!sorted) {
      const map = new Map<string, number>();
      keys.forEach((k, i) => map.set(k, i));
      this.map = map;
    }
  }

  /** The position of the (last) node record with key `key`, or undefined. */
  get(key: string): number | undefined {
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
