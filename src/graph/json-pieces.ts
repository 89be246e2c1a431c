// JSON.stringify(value) handed out in pieces: a large graph's skeleton or document list would be
// one string of tens of megabytes, which V8 builds as a tree of parts and flattens into fresh
// memory the first time it is read or encoded (the ×100 graph's 27 MB skeleton: 360–520 ms to
// stringify, encode and write whole, against 150–200 ms in pieces; the same bytes).

/** arrays longer than this are stringified this many items at a time */
const BATCH = 4096;

/**
 * Hands `put` the text of `JSON.stringify(value)`, piece after piece: plain objects key by key,
 * long arrays a batch of items at a time, anything else (and anything with a `toJSON`) as
 * JSON.stringify gives it. `value` must be JSON-serialisable as a whole (not undefined).
 */
export function jsonPieces(value: unknown, put: (piece: string) => void): void {
  // (an item with a toJSON is handed its index: in a batch that would be its index there)
  if (Array.isArray(value) && value.length > BATCH && !value.some(hasToJSON)) {
    for (let i = 0; i < value.length; i += BATCH) {
      const batch = JSON.stringify(value.slice(i, i + BATCH));
      // '[a,b' … ',c,d' … ',e]': the batches' brackets dropped, but the first's and the last's
      put(`${i === 0 ? '[' : ','}${batch.slice(1, -1)}${i + BATCH >= value.length ? ']' : ''}`);
    }
    return;
  }
  if (isPlainObject(value)) {
    let first = true;
    put('{');
    for (const key of Object.keys(value)) {
      const v = value[key];
      // (what JSON.stringify leaves out of an object)
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      if (hasToJSON(v)) {
        // stringified under its key, as JSON.stringify hands it to toJSON; left out if that gives undefined
        const member = JSON.stringify({ [key]: v });
        if (member === '{}') continue;
        put(`${first ? '' : ','}${member.slice(1, -1)}`);
        first = false;
        continue;
      }
      put(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      jsonPieces(v, put);
    }
    put('}');
    return;
  }
  put(JSON.stringify(value));
}

function hasToJSON(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !hasToJSON(value);
}
