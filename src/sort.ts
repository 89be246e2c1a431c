// Sorting indices by small integer keys, without a comparator: stable counting sorts, which a
// radix sort chains (least significant key first).

/** The indices `order`, stably sorted by `key[i]` (each in 0 … buckets − 1). */
export function countingSort(order: ArrayLike<number>, key: Int32Array, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let j = 0; j < order.length; j++) start[key[order[j]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    out[start[key[i]!]!++] = i;
  }
  return out;
}
