// The eval stage's one error type: bad input (a gold file, a graph file, a folder). Its message
// is a single line `<file>: <problem>` so the CLI can print it as is, never a stack trace.

export class KgInputError extends Error {
  /** the path the problem is about, as given or as found in a folder */
  readonly file: string;
  /** what is wrong and where, e.g. `entities[3].type "firm" is not an entity type` */
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${oneLine(file)}: ${oneLine(problem)}`);
    this.name = 'KgInputError';
    this.file = file;
    this.problem = problem;
  }
}

/** Paths and quoted values may hold line breaks; a message must not. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/gu, ' ');
}
