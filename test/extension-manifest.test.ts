import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../server/shared/settings.js';
import { REPO_ROOT } from './helpers.js';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const PNG_SIGNATURE = '89504e470d0a1a0a';

function flatten(value: object, prefix: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const name = `${prefix}.${key}`;
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && key !== 'rules') Object.assign(flat, flatten(entry, name));
    else flat[name] = entry;
  }
  return flat;
}

describe('VS Code extension manifest', () => {
  it('contributes every setting the server reads, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
    const expected = flatten(DEFAULT_SETTINGS, SETTINGS_SECTION);
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(expected).sort());
    for (const [name, value] of Object.entries(expected)) assert.deepEqual(properties[name].default, value, name);
  });

  it('registers every contributed command in the client bundle', () => {
    const client = readFileSync(path.join(REPO_ROOT, 'dist', 'client.js'), 'utf8');
    for (const { command } of manifest.contributes.commands as Array<{ command: string }>) assert.ok(client.includes(`"${command}"`) || client.includes(`'${command}'`), command);
  });

  it('declares activation, engine, trust, category, icon and the files the package ships', () => {
    assert.deepEqual(manifest.activationEvents.slice(0, 2), ['onLanguage:markdown', 'onLanguage:plaintext']);
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.91');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.categories, ['Linters']);
    assert.ok(manifest.keywords.length >= 5);
    assert.equal(readFileSync(path.join(REPO_ROOT, manifest.icon)).subarray(0, 8).toString('hex'), PNG_SIGNATURE);
    assert.ok(existsSync(path.join(REPO_ROOT, 'CHANGELOG.md')));
    assert.ok(existsSync(path.join(REPO_ROOT, 'LICENSE')));
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const kept of ['!dist/client.js', '!dist/server.js', '!docs/rules/*.md', `!${manifest.icon}`]) assert.ok(ignore.includes(kept), kept);
    assert.match(manifest.scripts.package, /^vsce package --no-dependencies/);
  });

  it('lists the checklist view in the Explorer', () => {
    assert.deepEqual(manifest.contributes.views.explorer.map((view: { id: string }) => view.id), ['assessmentLint.checklist']);
  });
});
