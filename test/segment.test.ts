// Segmentation: tokens carry offsets that cover the text exactly, whatever it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/segment/index.js';

test('tokens cover the text exactly, spaces and Latin letters included', () => {
  const text = '重庆润通科技有限公司位于江津区，生产 Micro LED 芯片\n第二行';
  const tokens = tokenize(text);
  assert.equal(tokens.map((t) => t.word).join(''), text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.word);
  for (let i = 1; i < tokens.length; i++) assert.equal(tokens[i]!.start, tokens[i - 1]!.end);
});

test('place names are tagged as places', () => {
  const tag = tokenize('江津区和永川区').find((t) => t.word === '江津');
  assert.equal(tag?.tag, 'ns');
});
