// One row of the benchmark table; every section returns these and run.ts prints them together.
export interface BenchRow {
  section: string;
  metric: string;
  value: number;
  unit: string;
  /** the target, in words, when the issue sets one */
  target?: string;
  met?: boolean;
  /** beside a miss: why, in figures measured in the same run */
  why?: string;
}

function verdict(r: BenchRow): string {
  return r.met === undefined ? '' : r.met ? 'met' : r.why ? `MISSED: ${r.why}` : 'MISSED';
}

/** A Markdown table of the rows (what bench/RESULTS.md records). */
export function markdownTable(rows: BenchRow[]): string {
  const lines = ['| section | measure | value | target | |', '|---|---|---:|---|---|'];
  for (const r of rows) lines.push(`| ${r.section} | ${r.metric} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${verdict(r)} |`);
  return `${lines.join('\n')}\n`;
}

/** The rows as aligned text on stdout. */
export function printRows(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.metric.length), 10);
  for (const r of rows) {
    const value = `${r.value} ${r.unit}`;
    process.stdout.write(`${r.section.padEnd(8)} ${r.metric.padEnd(width)} ${value.padStart(12)}  ${r.target ?? ''} ${verdict(r)}\n`.trimEnd() + '\n');
  }
}

/** The item whose `value` is the middle one (of an even count, the lower of the two middle ones). */
export function middleOf<T>(items: T[], value: (x: T) => number): T {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor((items.length - 1) / 2)]!;
}
