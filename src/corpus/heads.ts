// The heads of a build's articles in one file (a columns file, columns.ts): each article's info
// and mentions, as their records' heads hold them, and its mentions' units (resolve/units.ts: the
// part of resolution that depends on the article alone), keyed by record key. A cached build
// reads it once instead of opening and parsing one record per article: at ×100 (13,200 cached
// articles) the heads took 2.3 s to read and parse and 0.4 s more to share their strings, and
// working out the units again about 0.6 s.
//
// It is a cache of the records' heads, kept in the store's folder (valid for the code and model
// that made its records; its layout has a format number of its own, FORMAT, to bump when it
// changes): a record's head is a function of its key there, so an entry serves any
// build that finds the same key, whichever build wrote it. They are kept in a few files
// (segments.ts): a rebuild after adding 13 articles adds a file of 13 heads.
import type { DocumentInfo, EntityType, Mention } from '../types.js';
import { mentionList, type ArticleMentions, type MentionName, type MentionRows } from '../mentions.js';
import type { ArticleUnits } from '../resolve/index.js';
import { dated } from '../ingest/index.js';
import { ColumnsWriter, KeyedColumns, readColumns } from './columns.js';
import { Segments } from './segments.js';

const KIND = 'kg-heads';
const FORMAT = 2;

/** Columns of the articles, then of their mentions, then of their units (resolve/units.ts: a unit's type, name and count are its mentions'). */
const enum C {
  Key,
  Sha256,
  Title,
  /** −1: no date */
  Date,
  Chars,
  /** the article's first mention's row */
  First,
  Count,
  /** the article's first unit's row */
  FirstUnit,
  Units,
  /** the code of its place; −1: none */
  Place,
  Start,
  End,
  Text,
  Sentence,
  Type,
  NStart,
  NEnd,
  Rule,
  /** −1: none */
  AliasOf,
  /** −1: none */
  Implied,
  /** the mention's unit, from 0 in its article, numbered in the order of their first mention */
  Unit,
  /** the unit it stands for, from 0 in its article; −1: none */
  UnitTarget,
}
const COLUMNS = C.UnitTarget + 1;

/** An article as the heads file keeps it. */
export interface HeadEntry {
  key: string;
  info: DocumentInfo;
  mentions: ArticleMentions;
  /** the units of these mentions */
  units: ArticleUnits;
}

/** The heads of one file. */
export class Heads extends KeyedColumns {

  /** The heads in `bytes`, their strings shared through `intern`; throws when they are not a heads file or damaged. */
  static from(bytes: Buffer, intern: (s: string) => string = (s) => s): Heads {
    const { strings, columns } = readColumns(bytes, KIND, FORMAT);
    if (columns.length !== COLUMNS) throw new Error('a damaged heads file');
    const n = columns[C.Key]!.length;
    const m = columns[C.Start]!.length;
    const u = columns[C.UnitTarget]!.length;
    for (let c = 0; c < COLUMNS; c++) if (columns[c]!.length !== (c < C.Start ? n : c < C.UnitTarget ? m : u)) throw new Error('a damaged heads file');
    // every string index in range, every article's rows inside the mentions' and units' columns,
    // its units numbered in the order of their first mention, each unit used, each target one of them
    for (const c of [C.Key, C.Sha256, C.Title, C.Date, C.Place, C.Text, C.Type, C.Rule, C.AliasOf, C.Implied]) {
      const col = columns[c]!;
      const least = c === C.Date || c === C.Place || c === C.AliasOf || c === C.Implied ? -1 : 0;
      for (let i = 0; i < col.length; i++) if (col[i]! < least || col[i]! >= strings.length) throw new Error('a damaged heads file');
    }
    const [first, count, firstUnit, units] = [columns[C.First]!, columns[C.Count]!, columns[C.FirstUnit]!, columns[C.Units]!];
    const [unit, target] = [columns[C.Unit]!, columns[C.UnitTarget]!];
    for (let i = 0; i < n; i++) {
      if (first[i]! < 0 || count[i]! < 0 || first[i]! + count[i]! > m) throw new Error('a damaged heads file');
      if (firstUnit[i]! < 0 || units[i]! < 0 || firstUnit[i]! + units[i]! > u) throw new Error('a damaged heads file');
      let seen = 0;
      for (let r = first[i]!; r < first[i]! + count[i]!; r++) {
        if (unit[r]! < 0 || unit[r]! > seen) throw new Error('a damaged heads file');
        if (unit[r] === seen) seen++;
      }
      if (seen !== units[i]) throw new Error('a damaged heads file');
      for (let r = firstUnit[i]!; r < firstUnit[i]! + units[i]!; r++) if (target[r]! < -1 || target[r]! >= units[i]!) throw new Error('a damaged heads file');
    }
    return new Heads(strings.map(intern), columns);
  }

  /** The info of the article under `key` (which it holds), at this build's path and id. */
  info(key: string, path: string, id: string): DocumentInfo {
    const i = this.rowOf(key);
    const s = this.strings;
    const c = this.cols;
    const date = c[C.Date]![i]!;
    return { id, path, title: s[c[C.Title]![i]!]!, ...dated(date < 0 ? undefined : s[date]), sha256: s[c[C.Sha256]![i]!]!, chars: c[C.Chars]![i]! };
  }

  /** The mentions of the article under `key` (which it holds), in article `doc`: rows of this file, a mention made when one is asked for. */
  mentions(key: string, doc: string): MentionRows {
    const i = this.rowOf(key);
    return new HeadMentions(this.mentionColumns ??= new MentionColumns(this.strings, this.cols), doc, this.cols[C.First]![i]!, this.cols[C.Count]![i]!);
  }

  /** the mentions' columns, for the rows handed out (made once) */
  private mentionColumns: MentionColumns | undefined;

  /** The units of the article under `key` (which it holds): those of its mentions(), each with the type and name of its mentions. */
  units(key: string): ArticleUnits {
    const i = this.rowOf(key);
    const s = this.strings;
    const c = this.cols;
    const [unit, typeOf, textOf, implied] = [c[C.Unit]!, c[C.Type]!, c[C.Text]!, c[C.Implied]!];
    const from = c[C.First]![i]!;
    const to = from + c[C.Count]![i]!;
    const firstUnit = c[C.FirstUnit]![i]!;
    const end = firstUnit + c[C.Units]![i]!;
    const type: EntityType[] = [];
    const text: string[] = [];
    const count = new Int32Array(end - firstUnit);
    for (let r = from; r < to; r++) {
      const u = unit[r]!;
      // (numbered in the order of their first mention: checked when read)
      if (u === type.length) {
        type.push(s[typeOf[r]!] as EntityType);
        text.push(s[implied[r]! >= 0 ? implied[r]! : textOf[r]!]!);
      }
      count[u]!++;
    }
    const place = c[C.Place]![i]!;
    return { of: unit.subarray(from, to), type, text, count, target: c[C.UnitTarget]!.subarray(firstUnit, end), place: place < 0 ? '' : s[place]! };
  }
}

/** The heads files of a store's folder, read as one. */
export type HeadFiles = Segments<Heads>;

/** The heads files in `dir`, their strings shared through `intern`. */
export function readHeadFiles(dir: string, intern?: (s: string) => string): HeadFiles {
  return Segments.read(dir, 'heads', (bytes) => Heads.from(bytes, intern));
}

/** Keeps the heads of a build's articles (each once) for the next build; the names of the files that hold them. */
export function keepHeads(files: HeadFiles, entries: readonly HeadEntry[]): string[] {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return files.keep([...byKey.keys()], (keys) => headsBytes(keys.map((k) => byKey.get(k)!)));
}

/** The bytes of a heads file holding `entries` (buffers to write one after the other). */
export function headsBytes(entries: Iterable<HeadEntry>): Buffer[] {
  const w = new ColumnsWriter(COLUMNS);
  let rows = 0;
  let unitRows = 0;
  for (const { key, info, mentions, units } of entries) {
    w.push(C.Key, w.string(key));
    w.push(C.Sha256, w.string(info.sha256));
    w.push(C.Title, w.string(info.title));
    w.push(C.Date, info.date === undefined ? -1 : w.string(info.date));
    w.push(C.Chars, info.chars);
    w.push(C.First, rows);
    w.push(C.Count, mentions.length);
    rows += mentions.length;
    w.push(C.FirstUnit, unitRows);
    w.push(C.Units, units.target.length);
    unitRows += units.target.length;
    w.push(C.Place, units.place ? w.string(units.place) : -1);
    mentionList(mentions).forEach((m, j) => {
      w.push(C.Start, m.start);
      w.push(C.End, m.end);
      w.push(C.Text, w.string(m.text));
      w.push(C.Sentence, m.sentence);
      w.push(C.Type, w.string(m.type));
      w.push(C.NStart, m.nstart);
      w.push(C.NEnd, m.nend);
      w.push(C.Rule, w.string(m.rule));
      w.push(C.AliasOf, m.aliasOf === undefined ? -1 : w.string(m.aliasOf));
      w.push(C.Implied, m.implied === undefined ? -1 : w.string(m.implied));
      w.push(C.Unit, units.of[j]!);
    });
    for (const t of units.target) w.push(C.UnitTarget, t);
  }
  return w.bytes(KIND, FORMAT);
}

/**
 * A mention read from a record's head or from the heads file: a class of its own, so that its
 * objects' hidden class is not the one that extraction's object literals share, which V8 may
 * change as new articles are extracted (a rebuild that read 13,200 heads spent 2.5 s migrating
 * their objects on the first pass over them).
 */
export class CachedMention implements Mention {
  constructor(
    public doc: string,
    public start: number,
    public end: number,
    public text: string,
    public sentence: number,
    public type: EntityType,
    public nstart: number,
    public nend: number,
    public rule: string,
  ) {}
}

/** The columns of a heads file's mentions, and its strings. */
class MentionColumns {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly text: Int32Array;
  readonly sentence: Int32Array;
  readonly type: Int32Array;
  readonly nstart: Int32Array;
  readonly nend: Int32Array;
  readonly rule: Int32Array;
  readonly aliasOf: Int32Array;
  readonly implied: Int32Array;

  constructor(
    readonly strings: readonly string[],
    cols: readonly Int32Array[],
  ) {
    [this.start, this.end, this.text, this.sentence, this.type, this.nstart, this.nend, this.rule, this.aliasOf, this.implied] = cols.slice(C.Start, C.Implied + 1) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  }
}

/** An article's mentions as rows of a heads file (mentions.ts). */
class HeadMentions implements MentionRows {
  constructor(
    private readonly c: MentionColumns,
    private readonly doc: string,
    private readonly from: number,
    readonly length: number,
  ) {}

  at(j: number): Mention {
    const { c } = this;
    const s = c.strings;
    const r = this.row(j);
    const m: Mention = new CachedMention(this.doc, c.start[r]!, c.end[r]!, s[c.text[r]!]!, c.sentence[r]!, s[c.type[r]!] as EntityType, c.nstart[r]!, c.nend[r]!, s[c.rule[r]!]!);
    if (c.aliasOf[r]! >= 0) m.aliasOf = s[c.aliasOf[r]!]!;
    if (c.implied[r]! >= 0) m.implied = s[c.implied[r]!]!;
    return m;
  }

  nameAt(j: number, into: MentionName): MentionName {
    const { c } = this;
    const r = this.row(j);
    into.text = c.strings[c.text[r]!]!;
    into.type = c.strings[c.type[r]!] as EntityType;
    into.rule = c.strings[c.rule[r]!]!;
    return into;
  }

  /** The file's row of the j-th mention. */
  private row(j: number): number {
    if (!(j >= 0 && j < this.length)) throw new RangeError(`kg: no mention ${j} of ${this.length}`);
    return this.from + j;
  }
}
