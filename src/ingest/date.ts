// The date an article gives in its first lines (its dateline: 2024年3月5日, 2024-03-05, 2024.3.5).

const DATE = /(20\d\d|19\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2}))/u;
/** how far into the article a dateline is looked for */
const HEAD = 400;

/** The first date in the article's first characters, as YYYY-MM-DD; undefined when there is none. */
export function articleDate(original: string): string | undefined {
  const m = DATE.exec(original.slice(0, HEAD));
  if (!m) return undefined;
  const [month, day] = m[2] ? [m[2], m[3]!] : [m[4]!, m[5]!];
  const mm = Number(month);
  const dd = Number(day);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined;
  return `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
