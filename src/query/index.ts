// The query library: look-ups, paths, neighbourhoods, entity cards and search over a kg graph.
// Pure functions taking the graph first and an options object last; the CLI is a thin layer.
export { findEntities, resolveEntity, suggestEntities, MATCH_KINDS, type FindOptions, type Match, type MatchKind, type SuggestOptions } from './find.js';
export { findPaths, PATH_DEFAULTS, type Path, type PathOptions, type PathResult } from './path.js';
export { neighbors, NEIGHBOR_DEFAULTS, type Neighbor, type NeighborOptions, type NeighborResult } from './neighbors.js';
export { showEntity, type CardDocument, type CardRelation, type EntityCard } from './show.js';
export { searchEntities, SEARCH_DEFAULTS, type SearchOptions, type SearchResult } from './search.js';
export { listEntities, LIST_DEFAULTS, LIST_SORTS, type ListOptions, type ListResult, type ListSort, type ListedEntity } from './list.js';
export { entityMentions, findDocument, listDocuments, showDocument, type DocumentCard, type DocumentRow, type MentionRow } from './documents.js';
export { formatCard, formatDocument, formatDocuments, formatEvidence, formatHop, formatList, formatMentions, formatNeighbors, formatPaths, formatSearch } from './format.js';
export { AmbiguousEntityError, EntityNotFoundError, QueryError, describeCandidate, type Candidate } from './errors.js';
export type { Evidence, Hop, NodeRef } from './hops.js';
export type { WalkOptions } from './traverse.js';
