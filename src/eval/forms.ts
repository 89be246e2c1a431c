// Surface forms as the guideline compares them: NFKC, then without any whitespace (and without
// the invisible zero-width characters that copy-paste leaves in names).

const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;

export function formKey(form: string): string {
  return form.normalize('NFKC').replace(INVISIBLE, '');
}

/** The comparison keys of a set of forms. */
export function formKeys(forms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of forms) {
    const k = formKey(f);
    if (k) out.add(k); // an empty form names nothing
  }
  return out;
}

export function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}
