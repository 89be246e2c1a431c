// The one error type of the ingest stage. Its message is always a single line that names the
// file and the problem, so a CLI can print it as is (`kg: <file>: <reason>`).

export class IngestError extends Error {
  /** the path the problem is about, as the user gave it or as found in a folder */
  readonly file: string;
  /** short reason, e.g. 'empty', 'binary file (PNG image)' */
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${oneLine(file)}: ${oneLine(reason)}`);
    this.name = 'IngestError';
    this.file = file;
    this.reason = reason;
  }
}

/** Paths and reasons may hold newlines (a file name can); a message must not. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
