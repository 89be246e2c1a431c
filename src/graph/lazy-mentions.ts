// A node record's `mentions` made when serialised or asked for: a rebuild writes most records as
// the file it replaces has them, and never reads their mentions (mentions.ts). In their place the
// record holds a LaterMentions, which counts them without making them (the skeleton, the node's
// size) and serialises (toJSON) as the list it makes. An accessor that made them when first read
// was the alternative: about 2 µs per record to define, 0.5 s of the ×100 rebuild's 129 k nodes.

/** A node's mentions, `count` of them, made by `make` (in the graph's fields) each time they are asked for. */
export class LaterMentions<T = unknown> {
  constructor(
    readonly count: number,
    private readonly make: () => T[],
  ) {}

  /** The mentions, made anew. */
  list(): T[] {
    return this.make();
  }

  toJSON(): T[] {
    return this.make();
  }
}

/** How many mentions a record's `mentions` attribute holds or stands for; undefined when it is neither a list nor a LaterMentions. */
export function mentionsCount(mentions: unknown): number | undefined {
  if (Array.isArray(mentions)) return mentions.length;
  if (mentions instanceof LaterMentions) return mentions.count;
  return undefined;
}
