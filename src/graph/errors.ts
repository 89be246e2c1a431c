// The graph stage's error: a graph file that cannot be read or is not a kg graph. One line,
// `<file>: <problem>`, which the CLI prints as is.
import { oneLine } from '../eval/errors.js';

export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(oneLine(`${file}: ${problem}`));
    this.name = 'GraphFileError';
  }
}
