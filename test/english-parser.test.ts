import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ParseEnglish } from 'parse-english';
import { EnglishParser } from '../rules/core/english-parser.js';
import { fuzzDraft } from './fuzz-drafts.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';
import { REPO_ROOT } from './helpers.js';

const RUNS = 1_000;
const stock = new ParseEnglish();
const table = new EnglishParser();

describe('the table-driven English parser', function () {
  this.timeout(fuzzTimeout(RUNS, 5));

  it('gives the stock parser’s tree for every character code from 0 to 0xFFFF, alone and repeated', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}${char}b`, ` ${char}\r\n${char}.`]) assert.deepEqual(table.parse(text), stock.parse(text), `character U+${code.toString(16)} in ${JSON.stringify(text)}`);
    }
  });

  it('gives the stock parser’s tree for random drafts and strings', () => {
    fc.assert(
      fc.property(fc.oneof(fuzzDraft, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        assert.deepEqual(table.parse(text), stock.parse(text));
      }),
      fuzzParameters(RUNS),
    );
  });

  it('gives the stock parser’s tree for every corpus draft', () => {
    const corpus = path.join(REPO_ROOT, 'test', 'corpus');
    let drafts = 0;
    for (const set of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(path.join(corpus, set.name)).filter((name) => /\.(md|txt)$/.test(name))) {
        const text = readFileSync(path.join(corpus, set.name, file), 'utf8');
        assert.deepEqual(table.parse(text), stock.parse(text), file);
        drafts++;
      }
    }
    assert.ok(drafts > 100, `${drafts} corpus drafts`);
  });
});
