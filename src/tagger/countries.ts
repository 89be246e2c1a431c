// Country and territory names in Chinese, from the i18n-iso-countries package (its zh locale):
// 德国, 瑞士, 新加坡 … Only the locale's JSON file is read.
import { createRequire } from 'node:module';

const zh = createRequire(import.meta.url)('i18n-iso-countries/langs/zh.json') as { countries: Record<string, string | string[]> };

/** Every name the locale gives, without parenthesised qualifiers (刚果（金） → 刚果). */
export const COUNTRY_NAMES: readonly string[] = [
  ...new Set(
    Object.values(zh.countries)
      .flat()
      .map((n) => n.replace(/[（(][^）)]*[）)]/gu, '').trim())
      .filter((n) => n.length >= 2),
  ),
].sort();
