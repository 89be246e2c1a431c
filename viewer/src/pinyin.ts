// Pinyin keys of a name, so 江津 is found by "jiangjin" or "jj". Computed on first use only:
// most visits never type Latin letters, and pinyin for 50k names is not free.
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** syllables run together, no tones: "jiangjinqu" */
  full: string;
  /** first letters: "jjq" */
  initials: string;
}

export function pinyinKeys(name: string): PinyinKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: words.join(''), initials: words.map((w) => w[0]).join('') };
}
