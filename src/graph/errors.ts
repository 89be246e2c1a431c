// The graph stage's error: a graph file that cannot be read or is not a kg graph. One line,
// `<file>: <problem>`, which the CLI prints as is.
export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`.replace(/[\r\n\u2028\u2029]+/gu, ' '));
    this.name = 'GraphFileError';
  }
}
