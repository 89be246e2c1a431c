// The queries' defaults, in one place: each query module takes its own from here, and the CLI
// names them in its options' help without loading the queries (query/find.ts's pinyin tables and
// the graph's modules take a command's start some 50 ms).
export const PATH_DEFAULTS = { directed: false, all: false, limit: 100 } as const;
export const NEIGHBOR_DEFAULTS = { depth: 1, directed: false } as const;
export const SEARCH_DEFAULTS = { limit: 20 } as const;
export const LIST_SORTS = ['mentions', 'degree', 'name'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_DEFAULTS = { sort: 'mentions' as ListSort, limit: 50 };
