import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateDraft } from '../bench/generate-draft.js';
import { Linter } from '../rules/linter.js';

setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('chunk cache memory', () => {
  it('does not keep old versions of a draft alive while the writer types', function () {
    this.timeout(120_000);
    const text = generateDraft(50_000, 3);
    const linter = new Linter();
    linter.lintText(text, 'markdown');
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let current = text;
    const at = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
    for (let edit = 0; edit < 200; edit++) {
      current = current.slice(0, at + edit) + 'x' + current.slice(at + edit);
      linter.lintText(current, 'markdown');
    }
    collectGarbage();
    const grownMegabytes = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // Each version of this draft is about 0.6 MB of UTF-16: keeping them would grow the heap by over 100 MB.
    assert.ok(grownMegabytes < 40, `heap grew by ${grownMegabytes.toFixed(1)} MB over 200 edits`);
  });
});
