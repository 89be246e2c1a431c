// Errors of look-ups and queries. Each carries the exit status the CLI should end with, so the
// CLI stays a thin layer: main.ts prints `kg: message` and exits with `exitCode`.

export class QueryError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** An entity as a candidate in an ambiguity or a suggestion. */
export interface Candidate {
  key: string;
  label: string;
  entityType: string;
  mentions: number;
}

/** Several entities fit what was typed equally well: the user must choose (exit 2). */
export class AmbiguousEntityError extends QueryError {
  constructor(
    readonly query: string,
    readonly candidates: Candidate[],
  ) {
    const lines = candidates.map((c) => `  ${describeCandidate(c)}`);
    super(`"${query}" is ambiguous: ${candidates.length} entities match; name one by its full label or as type:label\n${lines.join('\n')}`, 2);
    this.name = 'AmbiguousEntityError';
  }
}

/** Nothing fits what was typed (exit 1); the closest names are suggested. */
export class EntityNotFoundError extends QueryError {
  constructor(
    readonly query: string,
    readonly suggestions: Candidate[],
  ) {
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => s.label).join(', ')}?` : '';
    super(`no entity matches "${query}"${hint}`, 1);
    this.name = 'EntityNotFoundError';
  }
}

export function describeCandidate(c: Candidate): string {
  return `${c.key}  (${c.entityType}, ${c.mentions} mention${c.mentions === 1 ? '' : 's'})`;
}
