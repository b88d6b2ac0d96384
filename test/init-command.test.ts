import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { TempFolder } from './helpers.js';
import { runCliWithin } from './hostile-support.js';

describe('init: checks every target before writing any', () => {
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder()));
  afterEach(() => folder.remove());

  it('exits 2 with a message, writing nothing, when assessment-pack exists as a file', async () => {
    folder.write({ 'assessment-pack': 'my notes\n' });
    const run = await runCliWithin(['init'], folder.root);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /assessment-pack is a file, not a folder, so assessment-pack\/pack\.yaml cannot be written; move it away or run init in another folder; init wrote nothing/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(folder.path('.assessment-lint.yaml')), false, 'the configuration was not written either');
    assert.equal(readFileSync(folder.path('assessment-pack'), 'utf8'), 'my notes\n');
  });

  it('exits 2 naming the folder when the folder given is a file', async () => {
    folder.write({ notes: 'x\n' });
    const run = await runCliWithin(['init', 'notes'], folder.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /notes is a file, not a folder/);
  });

  it('exits 2 with the reason, not a stack trace, when the system refuses the write', async () => {
    // /sys refuses new files even to root; the checks before writing pass there, so this is the write itself failing.
    const run = await runCliWithin(['init', '/sys/kernel'], folder.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot write (in )?\/sys\/kernel.*(permission denied|read-only).*; init wrote nothing/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('writes both files into a folder it creates', async () => {
    const run = await runCliWithin(['init', 'new/team'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /wrote new\/team\/\.assessment-lint\.yaml\nwrote new\/team\/assessment-pack\/pack\.yaml\n/);
    assert.ok(existsSync(folder.path('new/team/assessment-pack/pack.yaml')));
  });
});
