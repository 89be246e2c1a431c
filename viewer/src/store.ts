// A minimal observable value: app state lives in a few of these, UI components subscribe.
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: (value: T, prev: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T, prev: T) => void>();
  return {
    get: () => value,
    set(next) {
      const prev = value;
      value = typeof next === 'function' ? (next as (prev: T) => T)(prev) : next;
      if (value !== prev) for (const l of [...listeners]) l(value, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
