// The relations of a build's documents in a few columns files (columns.ts, segments.ts), each
// list under its relation cache key (relation-cache.ts). A rebuild reads them at once instead of
// one file per document: at ×100 the 13,200 lists took 1.2 s to open, read and parse.
import type { Evidence, Relation, RelationType } from '../types.js';
import { ColumnsWriter, KeyedColumns, readColumns } from './columns.js';
import { Segments } from './segments.js';

const KIND = 'kg-relations';
const FORMAT = 1;

/** Columns of the lists, of their relations, of the relations' evidence (an index into the evidence rows), and of the evidence. */
const enum C {
  Key,
  /** the list's first relation's row */
  First,
  Count,
  /** the list's first evidence row: a list's relations share its evidence rows */
  EvidenceFirst,
  EvidenceCount,
  Head,
  Tail,
  Relation,
  /** 1: derived */
  Derived,
  /** the relation's first row in the Ref column */
  RefFirst,
  RefCount,
  /** an evidence row */
  Ref,
  Doc,
  Start,
  End,
  Sentence,
}
const COLUMNS = C.Sentence + 1;

/** The relation lists of one file. */
export class RelationsSegment extends KeyedColumns {

  /** The lists in `bytes`; throws when they are not a relations file or damaged. */
  static from(bytes: Buffer): RelationsSegment {
    const { strings, columns } = readColumns(bytes, KIND, FORMAT);
    const damaged = () => new Error('a damaged relations file');
    if (columns.length !== COLUMNS) throw damaged();
    const len = (c: C) => columns[c]!.length;
    const same = (from: C, to: C) => {
      for (let c = from + 1; c <= to; c++) if (len(c) !== len(from)) throw damaged();
    };
    same(C.Key, C.EvidenceCount);
    same(C.Head, C.RefCount);
    same(C.Doc, C.Sentence);
    const inRange = (c: C, least: number, below: number) => {
      const col = columns[c]!;
      for (let i = 0; i < col.length; i++) if (col[i]! < least || col[i]! >= below) throw damaged();
    };
    for (const c of [C.Key, C.Head, C.Tail, C.Relation, C.Doc, C.Sentence]) inRange(c, 0, strings.length);
    inRange(C.Derived, 0, 2);
    const runs = (first: C, count: C, rows: number) => {
      for (let i = 0; i < len(first); i++) {
        const f = columns[first]![i]!;
        const n = columns[count]![i]!;
        if (f < 0 || n < 0 || f + n > rows) throw damaged();
      }
    };
    runs(C.First, C.Count, len(C.Head));
    runs(C.EvidenceFirst, C.EvidenceCount, len(C.Doc));
    runs(C.RefFirst, C.RefCount, len(C.Ref));
    // a relation's evidence is among its own list's
    const [first, count, evFirst, evCount, refFirst, refCount, ref] = [C.First, C.Count, C.EvidenceFirst, C.EvidenceCount, C.RefFirst, C.RefCount, C.Ref].map((c) => columns[c]!) as Int32Array[];
    for (let i = 0; i < len(C.Key); i++) {
      for (let r = first![i]!; r < first![i]! + count![i]!; r++) {
        for (let j = refFirst![r]!; j < refFirst![r]! + refCount![r]!; j++) {
          if (ref![j]! < evFirst![i]! || ref![j]! >= evFirst![i]! + evCount![i]!) throw damaged();
        }
      }
    }
    return new RelationsSegment(strings, columns);
  }

  /** The relations under `key` (which it holds); those that share a sentence share its evidence object. */
  relations(key: string): Relation[] {
    const i = this.rowOf(key);
    const s = this.strings;
    const c = this.cols;
    const evFirst = c[C.EvidenceFirst]![i]!;
    const evidence: Evidence[] = [];
    const evCount = c[C.EvidenceCount]![i]!;
    for (let e = evFirst; e < evFirst + evCount; e++) {
      evidence.push({ doc: s[c[C.Doc]![e]!]!, start: c[C.Start]![e]!, end: c[C.End]![e]!, sentence: s[c[C.Sentence]![e]!]! });
    }
    const first = c[C.First]![i]!;
    const out: Relation[] = [];
    for (let r = first; r < first + c[C.Count]![i]!; r++) {
      const refFirst = c[C.RefFirst]![r]!;
      const ev: Evidence[] = [];
      // (from() saw that each is one of the list's)
      for (let j = refFirst; j < refFirst + c[C.RefCount]![r]!; j++) ev.push(evidence[c[C.Ref]![j]! - evFirst]!);
      out.push({ head: s[c[C.Head]![r]!]!, tail: s[c[C.Tail]![r]!]!, relation: s[c[C.Relation]![r]!] as RelationType, evidence: ev, derived: c[C.Derived]![r]! === 1 });
    }
    return out;
  }
}

/** Builds a relations file a list at a time: a list added is serialised at once, not held. */
class RelationsWriter {
  private readonly w = new ColumnsWriter(COLUMNS);
  private relations = 0;
  private refs = 0;
  private rows = 0;

  add(key: string, list: readonly Relation[]): void {
    const w = this.w;
    w.push(C.Key, w.string(key));
    w.push(C.First, this.relations);
    w.push(C.Count, list.length);
    this.relations += list.length;
    // an evidence object the list's relations share is one row
    const rowOf = new Map<Evidence, number>();
    const first = this.rows;
    for (const r of list) {
      w.push(C.Head, w.string(r.head));
      w.push(C.Tail, w.string(r.tail));
      w.push(C.Relation, w.string(r.relation));
      w.push(C.Derived, r.derived ? 1 : 0);
      w.push(C.RefFirst, this.refs);
      w.push(C.RefCount, r.evidence.length);
      this.refs += r.evidence.length;
      for (const e of r.evidence) {
        let row = rowOf.get(e);
        if (row === undefined) {
          rowOf.set(e, (row = this.rows++));
          w.push(C.Doc, w.string(e.doc));
          w.push(C.Start, e.start);
          w.push(C.End, e.end);
          w.push(C.Sentence, w.string(e.sentence));
        }
        w.push(C.Ref, row);
      }
    }
    w.push(C.EvidenceFirst, first);
    w.push(C.EvidenceCount, this.rows - first);
  }

  bytes(): Buffer[] {
    return this.w.bytes(KIND, FORMAT);
  }
}

/** The bytes of a relations file holding each key's list (buffers to write one after the other). */
export function relationsBytes(lists: Iterable<[string, readonly Relation[]]>): Buffer[] {
  const w = new RelationsWriter();
  for (const [key, list] of lists) w.add(key, list);
  return w.bytes();
}

/**
 * The relation lists of a store's folder, read as one, and those a build found elsewhere (made
 * anew), serialised as they come and written when the build keeps them.
 */
export class RelationFiles {
  private readonly files: Segments<RelationsSegment>;
  /** every key this build asked for or added */
  private readonly used = new Set<string>();
  /** the lists of this build no file holds, and any others keep() adds */
  private readonly writer = new RelationsWriter();
  private readonly written = new Set<string>();

  constructor(dir: string) {
    this.files = Segments.read(dir, 'relations', RelationsSegment.from);
  }

  /** The names of the files read. */
  names(): string[] {
    return this.files.names();
  }

  /** The list under `key` from the files, or undefined. */
  get(key: string): Relation[] | undefined {
    const found = this.files.find(key)?.relations(key);
    if (found) this.used.add(key);
    return found;
  }

  /** Keeps the list under `key` the files hold, unread; false if they hold none. */
  hold(key: string): boolean {
    if (!this.files.find(key)) return false;
    this.used.add(key);
    return true;
  }

  /** A list of this build that no file holds, to keep. */
  add(key: string, relations: readonly Relation[]): void {
    this.used.add(key);
    if (this.written.has(key)) return;
    this.written.add(key);
    this.writer.add(key, relations);
  }

  /** Keeps this build's lists for the next build; the names of the files that hold them. Done with after. */
  keep(): string[] {
    return this.files.keep([...this.used], (keys) => {
      // all of them, when the files are written anew: those the files hold too
      for (const k of keys) if (!this.written.has(k)) this.add(k, this.get(k)!);
      return this.writer.bytes();
    });
  }
}
