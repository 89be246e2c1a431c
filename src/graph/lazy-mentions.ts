// A node record's `mentions` made when first read: a rebuild writes most records as the file it
// replaces has them, and never reads their mentions (mentions.ts). The record counts them without
// making them (the skeleton, a node's size). Read once (serialised, or read from the record), the
// attribute becomes the list it made, a plain value in the same place among the attributes.

/** The getter of a lazy `mentions` attribute, which knows the count. */
type MentionsGetter = ((this: Record<string, unknown>) => unknown[]) & { mentionCount: number };

/** Gives `attributes` (which holds `mentions` already, for its place among the keys) a `mentions` made by `make` when first read. */
export function defineLazyMentions(attributes: Record<string, unknown>, count: number, make: () => unknown[]): void {
  const settle = (holder: Record<string, unknown>, value: unknown) => {
    Object.defineProperty(holder, 'mentions', { value, enumerable: true, configurable: true, writable: true });
    return value;
  };
  const get = Object.assign(
    function (this: Record<string, unknown>) {
      return settle(this, make()) as unknown[];
    },
    { mentionCount: count },
  );
  Object.defineProperty(attributes, 'mentions', {
    get,
    set(this: Record<string, unknown>, value: unknown) {
      settle(this, value);
    },
    enumerable: true,
    configurable: true,
  });
}

/** How many mentions a lazy `mentions` attribute will make; undefined when `attributes` has none such. */
export function lazyMentionCount(attributes: Record<string | symbol, unknown>): number | undefined {
  const get = Object.getOwnPropertyDescriptor(attributes, 'mentions')?.get as Partial<MentionsGetter> | undefined;
  return typeof get?.mentionCount === 'number' ? get.mentionCount : undefined;
}
