// Surface forms as the guideline compares them: NFKC, without any whitespace (and without the
// invisible zero-width characters that copy-paste leaves in names), middle dots alike (· • ・ ‧).

const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;
const DOTS = /[·•・‧]/gu;

export function formKey(form: string): string {
  return form.normalize('NFKC').replace(INVISIBLE, '').replace(DOTS, '·');
}
