// Pinyin keys of a name, so 江津 is found by "jiangjin" or "jj". The dictionary is two thirds of
// the viewer's script: it is loaded on the first Latin query, not with the page, and keys are
// computed on first use only: most visits never type Latin letters.
type Convert = typeof import('pinyin-pro').pinyin;

let convert: Convert | null = null;
let loading: Promise<void> | null = null;

export interface PinyinKeys {
  /** syllables run together, no tones: "jiangjinqu" */
  full: string;
  /** first letters: "jjq" */
  initials: string;
}

/** Loads the dictionary once; pinyinKeys works after this resolves. */
export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then((m) => {
    convert = m.pinyin;
  });
  return loading;
}

export const pinyinReady = (): boolean => convert !== null;

export function pinyinKeys(name: string): PinyinKeys {
  if (!convert) throw new Error('pinyin is not loaded yet (await loadPinyin())');
  const syllables = convert(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: words.join(''), initials: words.map((w) => w[0]).join('') };
}
