// Reading JSON input files with one-line errors: a missing or unreadable file, bytes that are
// not UTF-8, and malformed JSON with the line and column of the first fault (JSON.parse's own
// messages quote the input, which may span lines, and say nothing useful for truncation).
import { readFileSync } from 'node:fs';
import { EVAL_DEFAULTS } from './config.js';
import { KgInputError } from './errors.js';

/** Reads and parses a JSON file; `what` names it in messages ('graph file', 'gold file'). */
export function readJsonFile(file: string, what: string, hint = ''): unknown {
  return parseJson(readText(file, what, hint), file);
}

export function readText(file: string, what: string, hint = ''): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KgInputError(file, `no such ${what}${hint}`);
    if (code === 'EISDIR') throw new KgInputError(file, `is a folder, not a ${what}`);
    if (code === 'EACCES' || code === 'EPERM') throw new KgInputError(file, `cannot read the ${what} (permission denied)`);
    throw new KgInputError(file, `cannot read the ${what} (${code ?? (err as Error).message})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KgInputError(file, `the ${what} is not UTF-8 text`);
  }
}

/** JSON.parse with a one-line KgInputError naming the file, line and column. A BOM is allowed. */
export function parseJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    const fault = locateJsonError(body);
    if (!fault) throw new KgInputError(file, `not valid JSON (${firstLine((err as Error).message)})`);
    const { line, column } = lineColumn(body, fault.offset);
    throw new KgInputError(file, `not valid JSON at line ${line}, column ${column}: ${fault.problem}`);
  }
}

export interface JsonFault {
  /** offset of the fault in the text (text.length when the text ends too early) */
  offset: number;
  problem: string;
}

type State = 'value' | 'value-or-close' | 'after-value' | 'key' | 'key-or-close' | 'colon';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** The first syntax fault of a JSON text, or undefined if it is valid. Iterative: any depth. */
export function locateJsonError(text: string): JsonFault | undefined {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  let state: State = 'value';
  const expected = (what: string): JsonFault =>
    i >= text.length
      ? { offset: text.length, problem: `the file ends where ${what} was expected (truncated?)` }
      : { offset: i, problem: `${describeChar(text, i)} where ${what} was expected` };
  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
    const c = text[i];
    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (state === 'value-or-close' && c === ']') {
          stack.pop();
          i++;
          state = 'after-value';
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          state = c === '{' ? 'key-or-close' : 'value-or-close';
        } else if (c === '"') {
          const fault = scanString();
          if (fault) return fault;
          state = 'after-value';
        } else if (literalAt('true') || literalAt('false') || literalAt('null') || numberAt()) {
          state = 'after-value';
        } else {
          return expected(state === 'value' && text[i - 1] === ',' ? 'a value (no comma before a closing bracket)' : 'a value');
        }
        break;
      }
      case 'after-value': {
        const top = stack[stack.length - 1];
        if (!top) return i >= text.length ? undefined : { offset: i, problem: `${describeChar(text, i)} after the end of the JSON value` };
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return expected(`',' or '${close}'`);
        }
        break;
      }
      case 'key-or-close':
      case 'key': {
        if (state === 'key-or-close' && c === '}') {
          stack.pop();
          i++;
          state = 'after-value';
        } else if (c === '"') {
          const fault = scanString();
          if (fault) return fault;
          state = 'colon';
        } else {
          return expected(state === 'key' ? 'a property name in double quotes (no comma before a closing brace)' : "a property name in double quotes or '}'");
        }
        break;
      }
      case 'colon': {
        if (c !== ':') return expected("':'");
        i++;
        state = 'value';
        break;
      }
    }
  }

  function literalAt(word: string): boolean {
    if (!text.startsWith(word, i)) return false;
    i += word.length;
    return true;
  }
  function numberAt(): boolean {
    NUMBER.lastIndex = i;
    if (!NUMBER.exec(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  }
  function scanString(): JsonFault | undefined {
    const open = i;
    i++;
    for (;;) {
      if (i >= text.length) return { offset: text.length, problem: `the file ends inside the string that starts at line ${lineColumn(text, open).line} (truncated?)` };
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        return undefined;
      }
      if (ch === 0x5c) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/u.test(text.slice(i + 2, i + 6))) i += 6;
        else return { offset: i, problem: 'a bad escape in a string (a backslash must be written \\\\)' };
      } else if (ch < 0x20) {
        return { offset: i, problem: `${ch === 0x0a || ch === 0x0d ? 'a line break' : 'a control character'} inside a string (a missing closing quote?)` };
      } else {
        i++;
      }
    }
  }
}

function describeChar(text: string, i: number): string {
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  if (/[“”„‟＂]/u.test(ch)) return `a curly quote ${ch} (JSON needs straight quotes ")`;
  if (ch === "'") return `a single quote (JSON needs double quotes ")`;
  if (/[，：]/u.test(ch)) return `a full-width ${ch} (JSON needs ${ch === '，' ? ',' : ':'})`;
  const word = /^[A-Za-z_][\w]*/u.exec(text.slice(i, i + EVAL_DEFAULTS.quoteLimit))?.[0];
  return `unexpected ${word ?? JSON.stringify(ch)}`;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/u)[0] ?? '';
  return line.length > EVAL_DEFAULTS.quoteLimit * 2 ? `${line.slice(0, EVAL_DEFAULTS.quoteLimit * 2)}…` : line;
}
