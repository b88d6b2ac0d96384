import assert from 'node:assert/strict';
import { LineIndex } from '../rules/core/line-index.js';

describe('LineIndex', () => {
  it('counts lines ended by LF, CRLF and a lone CR, with a trailing break opening an empty line', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('one').lineCount, 1);
    assert.equal(new LineIndex('one\ntwo').lineCount, 2);
    assert.equal(new LineIndex('one\r\ntwo\r\n').lineCount, 3);
    assert.equal(new LineIndex('one\rtwo\nthree').lineCount, 3);
  });

  it('converts offsets to positions and back with CRLF line endings', () => {
    const text = 'Offence\r\nHe hit him.\r\n\r\nRisk';
    const lines = new LineIndex(text);
    const table: Array<[number, { line: number; character: number }]> = [
      [0, { line: 0, character: 0 }],
      [7, { line: 0, character: 7 }],
      [9, { line: 1, character: 0 }],
      [text.indexOf('hit'), { line: 1, character: 3 }],
      [text.indexOf('Risk'), { line: 3, character: 0 }],
      [text.length, { line: 3, character: 4 }],
    ];
    for (const [offset, position] of table) {
      assert.deepEqual(lines.positionAt(offset), position, `offset ${offset}`);
      assert.equal(lines.offsetAt(position), offset, `position ${position.line}:${position.character}`);
    }
  });

  it('never places a position between the CR and LF of a line break', () => {
    const text = 'ab\r\ncd';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  it('counts characters in UTF-16 code units, as LSP does, for emoji, accented names and curly quotes', () => {
    const text = 'Zoë said “fine” 👍 then left.\r\nSiobhán 🙂 agreed';
    const lines = new LineIndex(text);
    const afterEmoji = text.indexOf('then');
    assert.deepEqual(lines.positionAt(afterEmoji), { line: 0, character: 19 });
    assert.equal(afterEmoji, 19, 'the thumbs-up is a surrogate pair: two code units');
    const second = text.indexOf('agreed');
    assert.deepEqual(lines.positionAt(second), { line: 1, character: 11 });
    assert.equal(lines.offsetAt({ line: 1, character: 11 }), second);
    assert.equal(text.slice(lines.offsetAt({ line: 1, character: 0 }), lines.offsetAt({ line: 1, character: 7 })), 'Siobhán');
  });

  it('round-trips every offset of a mixed text', () => {
    const text = '# Título\r\n\r\nMr O’Neill 🚓 drinks.\nHe lives alone.\rEnd';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const isInsideCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
      if (isInsideCrlf) continue;
      assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  it('clamps offsets and positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 40 }), 2, 'past the end of a line: clamped to the line end');
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
  });

  it('gives line starts and ends without the line break', () => {
    const text = 'one\r\ntwo\nthree';
    const lines = new LineIndex(text);
    assert.deepEqual([0, 1, 2].map((line) => text.slice(lines.lineStart(line), lines.lineEnd(line))), ['one', 'two', 'three']);
  });
});
