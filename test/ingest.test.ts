// Ingest: decoding, folder walking, normalisation (joins, spaces, doublings, T→S), furniture,
// sentences and the offset map, on generated inputs and on the real seed articles.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import type { Document } from '../src/types.js';
import { IngestError, ingest, ingestFile, listInputs, decodeBytes, normalise, splitSentences } from '../src/ingest/index.js';
import { extractHtml } from '../src/ingest/html.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'data', 'corpus');
const SEEDS = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const D01 = path.resolve(ROOT, '..', 'shared', 'dev-set', 'texts', 'd01.txt');

const seedDocs = new Map<string, Document>();
let tmp: string;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-ingest-'));
  for (const f of SEEDS) seedDocs.set(f.slice(0, 3), await ingestFile(path.join(CORPUS, f), f));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function seed(prefix: string): Document {
  const doc = seedDocs.get(prefix);
  assert.ok(doc, `seed ${prefix} missing`);
  return doc;
}

function write(rel: string, data: string | Buffer): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

/** Original-text range of a normalised range, as the Document contract defines it. */
function toOriginal(doc: { offsets: Int32Array }, s: number, e: number): [number, number] {
  return [doc.offsets[s]!, doc.offsets[e - 1]! + 1];
}

function isCovered(furniture: Array<[number, number]>, s: number, e: number): boolean {
  return furniture.some(([fs_, fe]) => fs_ <= s && e <= fe);
}

function overlaps(furniture: Array<[number, number]>, s: number, e: number): boolean {
  return furniture.some(([fs_, fe]) => fs_ < e && s < fe);
}

function sentenceTexts(doc: { text: string; sentences: Array<{ start: number; end: number }> }): string[] {
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

const SIMPLE = '江津区位于重庆市西南部，是成渝地区双城经济圈的重要节点。2020年地区生产总值突破1100亿元。';
const TRAD = '西部（重慶）科學城江津園區發展迅速，是成渝地區雙城經濟圈的重要節點。';

describe('decodeBytes', () => {
  test('GBK bytes decode to the same text', () => {
    const d = decodeBytes(iconv.encode(SIMPLE, 'gbk'), 'a.txt');
    assert.equal(d.text, SIMPLE);
    assert.equal(d.encoding, 'GB18030');
  });

  test('GB18030 four-byte sequences decode (a character outside GBK)', () => {
    const s = `${SIMPLE}𠮷野家`;
    const bytes = iconv.encode(s, 'gb18030');
    assert.ok(bytes.length > iconv.encode(SIMPLE, 'gbk').length + 4, 'fixture must hold a 4-byte sequence');
    const d = decodeBytes(bytes, 'a.txt');
    assert.equal(d.text, s);
    assert.equal(d.encoding, 'GB18030');
  });

  test('Big5 bytes decode to the traditional text', () => {
    const d = decodeBytes(iconv.encode(TRAD, 'big5'), 'a.txt');
    assert.equal(d.text, TRAD);
    assert.equal(d.encoding, 'Big5');
  });

  test('short GBK and Big5 texts are told apart', () => {
    assert.equal(decodeBytes(iconv.encode('重庆市江津区', 'gbk'), 'a.txt').text, '重庆市江津区');
    assert.equal(decodeBytes(iconv.encode('重慶市江津區', 'big5'), 'a.txt').text, '重慶市江津區');
  });

  test('UTF-16LE, UTF-16BE and UTF-8 with BOM decode and drop the BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SIMPLE, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLE, 'utf8')]);
    assert.deepEqual(decodeBytes(le, 'a.txt'), { text: SIMPLE, encoding: 'UTF-16LE' });
    assert.deepEqual(decodeBytes(be, 'a.txt'), { text: SIMPLE, encoding: 'UTF-16BE' });
    assert.deepEqual(decodeBytes(u8, 'a.txt'), { text: SIMPLE, encoding: 'UTF-8' });
  });

  test('UTF-16LE without BOM is recognised by its NUL pattern', () => {
    const s = 'Report 2024: 江津区 GDP 1100 亿元\nline two 12345\n';
    assert.deepEqual(decodeBytes(Buffer.from(s, 'utf16le'), 'a.txt'), { text: s, encoding: 'UTF-16LE' });
  });

  test('binary and undecodable files are rejected with a one-line message naming the file', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1');
    const cases: Array<[Buffer, RegExp]> = [
      [png, /PNG/],
      [pdf, /PDF/],
      [Buffer.from([0x00, 0x13, 0x00, 0x00, 0x45, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x07]), /binary/],
      [Buffer.concat([Buffer.alloc(40, 0xff), Buffer.alloc(40, 0x80)]), /decode/],
      [Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0e, 0x0f, 0x41, 0x42]), /control/],
    ];
    for (const [bytes, why] of cases) {
      assert.throws(
        () => decodeBytes(bytes, 'dir/fake.txt'),
        (err: unknown) =>
          err instanceof IngestError && err.file === 'dir/fake.txt' && /^dir\/fake\.txt: /.test(err.message) &&
          why.test(err.message) && !err.message.includes('\n'),
      );
    }
  });

  test('empty and whitespace-only files fail with reason "empty"', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \n\t\r\n\u3000', 'utf8')]) {
      assert.throws(() => decodeBytes(bytes, 'e.txt'), (err: unknown) => err instanceof IngestError && err.reason === 'empty');
    }
  });
});

describe('listInputs', () => {
  test('walks nested folders, filters extensions, sorts ids and survives a symlink loop', () => {
    const root = path.join(tmp, 'walk');
    write('walk/b.txt', 'b');
    write('walk/A.TXT', 'a');
    write('walk/sub/deep/c.md', 'c');
    write('walk/sub/d.HTM', '<p>d</p>');
    write('walk/sub/e.markdown', 'e');
    write('walk/sub/f.html', 'f');
    write('walk/sub/skip.pdf', 'x');
    write('walk/sub/skip.json', '{}');
    write('walk/.hidden/g.txt', 'g');
    fs.symlinkSync('..', path.join(root, 'sub', 'loop')); // sub/loop → walk: a cycle
    fs.symlinkSync('nowhere.txt', path.join(root, 'broken.txt'));
    const { files, warnings } = listInputs([root]);
    assert.deepEqual(
      files.map((f) => f.id),
      ['A.TXT', 'b.txt', 'sub/d.HTM', 'sub/deep/c.md', 'sub/e.markdown', 'sub/f.html'],
    );
    assert.equal(files.find((f) => f.id === 'sub/deep/c.md')?.path, path.join(root, 'sub', 'deep', 'c.md'));
    assert.ok(warnings.some((w) => w.includes('broken.txt')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('loop')), warnings.join('\n'));
  });

  test('a file input has its file name as id', () => {
    const p = write('single/x/note.txt', '文');
    assert.deepEqual(listInputs([p]).files, [{ path: p, id: 'note.txt' }]);
  });

  test('a missing input and a folder without usable files are errors naming the path', () => {
    const missing = path.join(tmp, 'does-not-exist');
    assert.throws(() => listInputs([missing]), (err: unknown) => err instanceof IngestError && err.message.startsWith(`${missing}: `));
    const empty = path.join(tmp, 'nothing-usable');
    write('nothing-usable/a.pdf', 'x');
    assert.throws(() => listInputs([empty]), (err: unknown) => err instanceof IngestError && err.file === empty && /no usable/.test(err.message));
  });
});

describe('ingest', () => {
  test('reads a folder: decodes, skips bad files with a warning, picks titles, hashes raw bytes', async () => {
    const gbk = iconv.encode(`${SIMPLE}\n`, 'gbk');
    write('docs/gbk.txt', gbk);
    write('docs/big5.txt', iconv.encode(`${TRAD}\n`, 'big5'));
    write('docs/md/readme.md', '\n# 江津 产业发展\n\n正文第一段。\n');
    write(
      'docs/page.html',
      iconv.encode(
        '<html><head><meta charset="gbk"><title>江津&amp;重庆 新闻</title><style>p{}</style></head>' +
          '<body><script>var x = "不是正文";</script><h1>标题</h1><p>西部（重\n庆）科学城&nbsp;江津园区。</p><p>第二段&#8220;引号&#x201D;。</p></body></html>',
        'gbk',
      ),
    );
    write('docs/picture.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]));
    write('docs/blank.txt', '  \n\n');
    const warnings: string[] = [];
    const { documents, skipped } = await ingest([path.join(tmp, 'docs')], { onWarning: (m) => warnings.push(m) });

    assert.deepEqual(documents.map((d) => d.id), ['big5.txt', 'gbk.txt', 'md/readme.md', 'page.html']);
    assert.deepEqual(skipped.map((s) => path.basename(s.file)).sort(), ['blank.txt', 'picture.txt']);
    const pic = path.join(tmp, 'docs', 'picture.txt');
    assert.ok(warnings.some((w) => w.startsWith(`kg: skipped ${pic}: `) && w.includes('PNG')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w === `kg: skipped ${path.join(tmp, 'docs', 'blank.txt')}: empty`), warnings.join('\n'));

    const g = documents.find((d) => d.id === 'gbk.txt')!;
    assert.equal(g.sha256, createHash('sha256').update(gbk).digest('hex'));
    assert.equal(g.encoding, 'GB18030');
    assert.equal(g.title, '江津区位于重庆市西南部，是成渝地区双城经济圈的重要节点。', 'no headline: the first sentence');

    const md = documents.find((d) => d.id === 'md/readme.md')!;
    assert.equal(md.title, '江津 产业发展');
    assert.ok(!md.text.includes('#'));

    const html = documents.find((d) => d.id === 'page.html')!;
    assert.equal(html.encoding, 'GB18030');
    assert.equal(html.title, '江津&重庆 新闻');
    assert.ok(!html.original.includes('不是正文') && !html.original.includes('<'));
    assert.ok(html.text.includes('西部（重庆）科学城 江津园区。'), html.text);
    assert.ok(html.text.includes('第二段“引号”。'), html.text);
    assert.deepEqual(sentenceTexts(html).slice(0, 2), ['标题', '西部（重庆）科学城 江津园区。']);
  });

  test('Big5 traditional text: simplified in text, traditional in original, offsets map between them', async () => {
    const p = write('trad/t.txt', iconv.encode(`${TRAD}\n`, 'big5'));
    const doc = await ingestFile(p, 't.txt');
    assert.equal(doc.encoding, 'Big5');
    assert.ok(doc.original.includes('西部（重慶）科學城江津園區'));
    assert.ok(doc.text.startsWith('西部（重庆）科学城江津园区发展迅速'), doc.text);
    const s = doc.text.indexOf('科学城');
    const [os_, oe] = toOriginal(doc, s, s + 3);
    assert.equal(doc.original.slice(os_, oe), '科學城');
  });

  test('the title is the first non-furniture line, at most 80 characters', async () => {
    const long = '江'.repeat(100);
    const p = write('titles/t.txt', `（资料图片仅供参考）\n${long}。\n`);
    const doc = await ingestFile(p, 't.txt');
    assert.equal(Array.from(doc.title).length, 80);
    assert.ok(doc.title.startsWith('江江江'));
    assert.equal(seed('000').title, '江津是聂荣臻元帅的故乡，红色精神在帅乡大地绽放光芒。');
  });

  test('the title is the headline above the body: not the column, the trail, the source line or a caption', async () => {
    const doc = async (name: string, text: string) => (await ingestFile(write(`titles/${name}`, text), name)).title;
    // kicker, headline, subtitle: the headline is the longest; a column name is too short to be one
    assert.equal(await doc('a.txt', '牢记嘱托 感恩奋进\n\n江津 三向发力绘就高质量发展新图景\n\n珞璜港年货物吞吐量达2000万吨。\n'), '江津 三向发力绘就高质量发展新图景');
    assert.equal(
      await doc('b.txt', '当前位置:首页 >> 重点新闻 >> 内容\n\n广州天赐与南渡镇再度合作 扩建项目签约\n\n发布日期:2022-06-16  来源:溧阳时报\n\n6月15日，项目签约。\n'),
      '广州天赐与南渡镇再度合作 扩建项目签约',
    );
    assert.equal(await doc('c.txt', '今日视点\n\n▲修建中的宽幅板带项目。\n\n冬日的帅乡大地，跳动着工业发展的强劲脉搏。借势而进。\n'), '冬日的帅乡大地，跳动着工业发展的强劲脉搏。');
    assert.equal(await doc('d.txt', '丽水市13个项目入选省重大产业项目名单_丽水新闻_浙江网\n\n近日，名单公布。\n'), '丽水市13个项目入选省重大产业项目名单');
    // a heading is kept whole, its exclamation included
    assert.equal(await doc('f.md', '# 184亿元!产业园招商引资硕果累累\n\n正文。\n'), '184亿元!产业园招商引资硕果累累');
    // no headline: the lead's first sentence, without the news agency's opening
    assert.equal(await doc('e.txt', '本报讯 2月26日，区委书记带队赴成都招商考察。考察团走访了企业。\n'), '2月26日，区委书记带队赴成都招商考察。');
    // the seeds: a newspaper page's headline under its column, and a lead under a masthead
    assert.equal(seed('002').title, '江津 三向发力绘就高质量发展高品质生活新图景');
    assert.equal(seed('004').title, '冬日的帅乡大地，跳动着工业发展的强劲脉搏。');
  });

  test('a missing input rejects the whole run', async () => {
    await assert.rejects(ingest([path.join(tmp, 'nope')]), IngestError);
  });
});

describe('normalise', () => {
  test('offset map of every seed: right length, monotone, in range, CJK characters round-trip', () => {
    const cache = new Map<string, string>();
    const norm = (ch: string): string => {
      let v = cache.get(ch);
      if (v === undefined) cache.set(ch, (v = normalise(ch).text));
      return v;
    };
    for (const doc of seedDocs.values()) {
      const { text, original, offsets } = doc;
      assert.equal(offsets.length, text.length + 1, doc.id);
      for (let i = 0; i <= text.length; i++) {
        assert.ok(offsets[i]! >= 0 && offsets[i]! <= original.length, `${doc.id}: offset ${i} out of range`);
        if (i > 0) assert.ok(offsets[i]! >= offsets[i - 1]!, `${doc.id}: offsets decrease at ${i}`);
      }
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (!/\p{Script=Han}/u.test(c)) continue;
        assert.equal(norm(original[offsets[i]!]!), c, `${doc.id}: normalised ${i} ${c} ← original ${original[offsets[i]!]}`);
      }
    }
  });

  test('mentions found in the normalised text slice back out of the original', () => {
    const cases: Array<[string, string]> = [
      ['000', '西部（重庆）科学城江津园区'],
      ['000', '重庆润通科技有限公司'],
      ['002', '新能源及新型储能'],
      ['003', '重汽（重庆）轻型汽车有限公司'],
      ['004', '无锡众能光储年产3GW钙钛矿太阳能电池组件西南基地项目'],
    ];
    for (const [id, name] of cases) {
      const doc = seed(id);
      const s = doc.text.indexOf(name);
      assert.ok(s >= 0, `${id}: ${name} not in text`);
      const [os_, oe] = toOriginal(doc, s, s + name.length);
      assert.equal(doc.original.slice(os_, oe).replace(/\s+/g, ''), name);
    }
  });

  test('words broken by page layout are joined in the seeds', () => {
    const expect: Array<[string, string]> = [
      ['000', '西部（重庆）科学城'], // 西部（重\n庆）科学城, narrow column
      ['000', '綦河江津段水质'], // broken with a blank line
      ['000', '突破1100亿元'], // 突\n破 1100 亿元
      ['000', '芒种刚过，江津大地一片生机盎然。'], // letter-spaced wedge
      ['001', '营商环境持续改善'], // long paragraph, blank line mid-word
      ['002', '新能源及新型储能'],
      ['002', '江津加快编制“3+3+X”产业链图谱'],
      ['003', '重点打造“一枢纽三高地”的目标体系和工作体系'],
      ['003', '渝丰为代表的新能源及新型储能产业集群'],
      ['004', '重庆润通控股（集团）有限公司'],
      ['004', '12月27日，区委副书记、区长赵光平'],
      ['004', '渝西水资源配置工程是重庆市历史上'],
    ];
    for (const [id, s] of expect) assert.ok(seed(id).text.includes(s), `${id}: missing ${s}`);
  });

  test('paragraph breaks and headings stay breaks', () => {
    const d0 = sentenceTexts(seed('000'));
    assert.ok(d0.includes('产业之城 奋楫扬帆新征程'), 'heading in 000');
    assert.ok(seed('000').text.includes('第六。\n科技赋能'));
    const d1 = sentenceTexts(seed('001'));
    assert.ok(d1.includes('乘风破浪开新局') && d1.includes('坚持新发展理念 GDP迈上千亿台阶'));
    const d3 = sentenceTexts(seed('003'));
    for (const s of ['访谈嘉宾：', '区发展改革委党组书记、主任唐晓敏', '德感工业园发展中心党委书记、主任 李艳']) {
      assert.ok(d3.includes(s), `003: ${s}`);
    }
    assert.ok(sentenceTexts(seed('004')).includes('夯实“家底”现代制造业集群持续壮大'));
  });

  test('d01: the two headings are separate sentences and the byline is furniture', { skip: !fs.existsSync(D01) && `no ${D01}` }, async () => {
    const doc = await ingestFile(D01, 'd01.txt');
    const sents = sentenceTexts(doc);
    assert.ok(sents.includes('创新政企联动招商机制'), sents.join('|'));
    assert.ok(sents.includes('打造央地合作示范样本'), sents.join('|'));
    assert.equal(doc.title, '184亿元!重庆枢纽港产业园招商引资硕果累累');
    const by = '(记者 刘星欣 见习记者 李江 通讯员 明萌)';
    const s = doc.text.indexOf(by);
    assert.ok(s >= 0);
    assert.ok(isCovered(doc.furniture, s, s + by.length));
    const after = doc.text.indexOf('中船重庆枢纽港清洁能源装备产业基地');
    assert.ok(!overlaps(doc.furniture, after, after + 10));
  });

  test('bylines and credits in the seeds are furniture, captions are not', () => {
    const covered: Array<[string, string]> = [
      ['000', '苏盛宇 摄'],
      ['000', '（本版文字由江津区委宣传部提供）'],
      ['001', '摄/林晓光'],
      ['001', '图片除署名外由江津区委宣传部提供'],
      ['001', '唐楸 陈元媛'],
      ['002', '罗晶 王琳琳 马菱涛'],
      ['003', '（记者 廖秋平）'],
      ['003', '（记者 胡耀方 实习记者袁燚玄 通讯员 庞滔滔）'],
      ['003', '记者 龙春梅 廖洋 廖秋平 苏盛宇'],
      ['004', '记者 陆海银 王笑伊'],
      ['004', '记者 周邦宁 摄'],
      ['004', '（下转第四版）'],
    ];
    for (const [id, s] of covered) {
      const doc = seed(id);
      const at = doc.text.indexOf(s);
      assert.ok(at >= 0, `${id}: ${s} not in text`);
      assert.ok(isCovered(doc.furniture, at, at + s.length), `${id}: ${s} not furniture`);
    }
    const content: Array<[string, string]> = [
      ['001', '江津加快基础设施建设，城乡面貌发生翻天覆地变化'],
      ['003', '7月5日，泸永江文旅融合发展联合协商座谈会'],
      ['004', '渝西水资源配置工程东干线项目现场'],
      ['004', '重庆润通控股（集团）有限公司'],
    ];
    for (const [id, s] of content) {
      const doc = seed(id);
      const at = doc.text.indexOf(s);
      assert.ok(at >= 0 && !overlaps(doc.furniture, at, at + s.length), `${id}: ${s} must stay content`);
    }
    for (const doc of seedDocs.values()) {
      let prev = -1;
      for (const [s, e] of doc.furniture) {
        assert.ok(prev <= s && s < e && e <= doc.text.length, `${doc.id}: bad furniture range ${s},${e}`);
        prev = e;
      }
    }
  });

  test('web furniture lines', () => {
    const n = normalise('您现在的位置是: 资讯 > > 正文\n\n标题\n\n时间:2022-01-25 18:16:41 来源:新华网 发布者:DN032\n\n正文第一句。\n\n关键词:\n责任编辑：王五');
    const lines = n.text.split('\n');
    let at = 0;
    const flags = lines.map((l) => {
      const r = l.length > 0 && isCovered(n.furniture, at, at + l.length);
      at += l.length + 1;
      return r;
    });
    assert.deepEqual(lines.map((l, i) => [l.slice(0, 4), flags[i]]), [
      ['您现在的', true],
      ['标题', false],
      ['时间:2', true],
      ['正文第一', false],
      ['关键词:', true],
      ['责任编辑', true],
    ]);
  });

  test('doubled PDF lines are undoubled, genuine repetitions are not', () => {
    const t0 = seed('000').text;
    assert.ok(t0.includes('\n四面山水人文江津。\n'));
    assert.ok(!t0.includes('四面山水人文江津四面山水人文江津'));
    assert.ok(!t0.includes('。。'));
    assert.equal(t0.split('本版文字由江津区委宣传部提供').length, 2);
    assert.equal(normalise('实实在在地推进工作。\n实实在在').text, '实实在在地推进工作。\n实实在在');
    const n = normalise('前文。\n（（张三李四王五张三李四王五））\n');
    assert.equal(n.text, '前文。\n（张三李四王五）');
  });

  test('layout spaces go, word spaces stay', () => {
    assert.equal(
      normalise('2020年，江津地区生产总值突\n破 1100 亿元，12 月 27 日，G D P 增长，Micro LED 芯片，增长 3. 5 %').text,
      '2020年，江津地区生产总值突破1100亿元，12月27日，GDP 增长，Micro LED 芯片，增长3.5%',
    );
    assert.equal(
      normalise('双福工业园坚持做大做强\n做优现有产业集群，目前，\n园 区 产 业 转 型 成 果 显\n著。重汽轻型汽车、龙煜铜管\n等企业提高生产效率。').text,
      '双福工业园坚持做大做强做优现有产业集群，目前，园区产业转型成果显著。重汽轻型汽车、龙煜铜管等企业提高生产效率。',
    );
    assert.equal(normalise('记者 陆海银 王笑伊').text, '记者 陆海银 王笑伊');
  });

  test('full-width letters, digits and number punctuation become half-width, Chinese punctuation stays', () => {
    assert.equal(normalise('ＧＤＰ增长１２．５％（同比），“好”．　Ｎｏ％').text, 'GDP增长12.5%（同比），“好”．No％');
  });

  test('simplified text is left alone by the T→S step', () => {
    const s = '成果显著，著名企业乾隆年间于是发展。';
    assert.equal(normalise(s).text, s);
  });

  test('any input keeps the offset, furniture and sentence contracts', () => {
    const unit = fc.constantFrom(
      ...Array.from('江津区重慶科學城園（）()。，、；：！？“”…—·摄记者通讯员提供 摄/图片由 ＡＢ１２ab12.%#-*'),
      ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u3000', '\u200b', '\u0007', '𠮷', '四面山水四面山水', '实实在在',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (original) => {
        const { text, offsets, furniture } = normalise(original);
        assert.equal(offsets.length, text.length + 1);
        for (let i = 0; i <= text.length; i++) {
          assert.ok(offsets[i]! >= 0 && offsets[i]! <= original.length);
          if (i > 0) assert.ok(offsets[i]! >= offsets[i - 1]!);
        }
        for (let i = 0; i < text.length; i++) {
          if (/\p{Script=Han}/u.test(text[i]!)) assert.ok(/\p{Script=Han}/u.test(original.slice(offsets[i]!, offsets[i]! + 2)));
        }
        let prev = 0;
        for (const [s, e] of furniture) {
          assert.ok(prev <= s && s < e && e <= text.length);
          prev = e;
        }
        prev = 0;
        splitSentences(text).forEach((sent, i) => {
          assert.equal(sent.index, i);
          assert.ok(prev <= sent.start && sent.start < sent.end && sent.end <= text.length);
          assert.ok(!text.slice(sent.start, sent.end).includes('\n'));
          prev = sent.end;
        });
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  test('astral characters keep both UTF-16 units mapped', () => {
    const n = normalise('前𠮷野家。');
    assert.equal(n.text, '前𠮷野家。');
    assert.deepEqual(Array.from(n.offsets), [0, 1, 2, 3, 4, 5, 6]);
  });

  test('control and zero-width characters are dropped, CRLF is a line break', () => {
    const n = normalise('江津\u200b区\u0007发展。\r\n第二段。');
    assert.equal(n.text, '江津区发展。\n第二段。');
    assert.equal(n.offsets[2], 3);
  });
});

describe('splitSentences', () => {
  test('splits after 。！？!?； and …, keeps closing quotes, never inside numbers, at breaks', () => {
    const t = '他说：“今天很好。”我们走吧！真的？？增长3.5%；完成……下一步\n标题\n\n（记者 张三）正文。 ';
    const got = splitSentences(t).map((s) => t.slice(s.start, s.end));
    assert.deepEqual(got, ['他说：“今天很好。”', '我们走吧！', '真的？？', '增长3.5%；', '完成……', '下一步', '标题', '（记者 张三）正文。']);
    assert.deepEqual(splitSentences(t).map((s) => s.index), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(splitSentences(''), []);
  });
});

describe('extractHtml', () => {
  test('drops scripts and head, keeps the title, turns blocks into lines, decodes entities', () => {
    const { text, title } = extractHtml(
      '<!doctype html><html><head><title> A &lt;b&gt; </title><script>x</script></head><body>' +
        '<div>一<br>二</div><ul><li>三</li><li>四&#x4e94;&#20845;</li></ul><noscript>no</noscript><table><tr><td>a</td><td>b</td></tr></table></body></html>',
    );
    assert.equal(title, 'A <b>');
    assert.equal(text, '一\n二\n三\n四五六\na b');
  });
});
