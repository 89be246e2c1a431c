// Input errors that name the file and the fault in one line.
export class KgInputError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'KgInputError';
  }
}
