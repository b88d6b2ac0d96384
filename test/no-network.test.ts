import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLI, REPO_ROOT, runCli, TempFolder } from './helpers.js';
import { codes, fileUri, LspSession, SERVER } from './lsp-session.js';

/** The shipped bundles: the command line, the language server and the VS Code extension. */
const BUNDLES = ['dist/cli.js', 'dist/server.js', 'dist/client.js'];

/** Ways JavaScript reaches the network: Node's network modules, undici, and the web's fetch, XHR, WebSocket, beacons and event streams. */
const NETWORK_APIS: Array<{ api: string; pattern: RegExp }> = [
  ...['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici'].map((name) => ({ api: name, pattern: new RegExp(`require\\(["'](?:node:)?${name}(?:/[^"']*)?["']\\)|from ["'](?:node:)?${name}["']`, 'g') })),
  { api: 'undici', pattern: /\bundici\b/g },
  { api: 'fetch(', pattern: /\bfetch\(/g },
  { api: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { api: 'WebSocket', pattern: /\bWebSocket\b/g },
  { api: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { api: 'EventSource', pattern: /\bEventSource\b/g },
];

/**
 * The only network API the bundles may contain, and why. vscode-jsonrpc's
 * Node transport module (lib/node/main.js) requires `net` for its socket and
 * named-pipe transports (createServerSocketTransport connects to 127.0.0.1;
 * createServerPipeTransport uses a local Unix socket). The extension starts the
 * server over Node IPC (TransportKind.ipc: a forked child with a process
 * channel), other editors over --stdio, and the server refuses --socket and
 * --pipe (server/transport.ts), so these functions are never called.
 */
const ALLOWED: Array<{ bundle: string; api: string; module: string; signature: string }> = [
  { bundle: 'dist/server.js', api: 'net', module: 'node_modules/vscode-jsonrpc/lib/node/main.js', signature: 'createServerPipeTransport' },
  { bundle: 'dist/client.js', api: 'net', module: 'node_modules/vscode-jsonrpc/lib/node/main.js', signature: 'createServerPipeTransport' },
];

/** How far before a match an allowed module's signature (an export name, kept by minification too) must stand. */
const SIGNATURE_WINDOW = 1500;

/** The source module an offset comes from, in a development build (esbuild marks each module with a `// path` comment). */
function moduleAt(bundle: string, offset: number): string {
  const before = bundle.slice(0, offset);
  const marker = before.lastIndexOf('\n// node_modules/');
  return marker < 0 ? '(unknown module: a production build)' : before.slice(marker + 4, before.indexOf('\n', marker + 1));
}

/** Whether a match is the allowed use: the same API, in the allowed module (development build) or right after its signature (either build). */
function isAllowed(bundle: string, text: string, api: string, offset: number): boolean {
  return ALLOWED.some((entry) => {
    if (entry.bundle !== bundle || entry.api !== api) return false;
    if (!text.slice(Math.max(0, offset - SIGNATURE_WINDOW), offset).includes(entry.signature)) return false;
    const module = moduleAt(text, offset);
    return module.startsWith('(unknown') || module === entry.module;
  });
}

/** Every TypeScript source file of the product (client, server, rules, CLI). */
function productSources(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) files.push(full);
    }
  };
  for (const folder of ['client', 'server', 'rules', 'cli']) walk(path.join(REPO_ROOT, folder));
  return files;
}

/** Whether `unshare --net` can make a network namespace here (util-linux installed, and allowed to). */
function canUnshare(): boolean {
  return spawnSync('unshare', ['--net', 'true']).status === 0;
}

describe('no network: nothing leaves the machine', function () {
  this.timeout(60_000);

  it('the bundles contain no network module or API outside the justified allow-list', () => {
    const found: string[] = [];
    for (const bundle of BUNDLES) {
      const text = readFileSync(path.join(REPO_ROOT, bundle), 'utf8');
      for (const { api, pattern } of NETWORK_APIS) {
        for (const match of text.matchAll(pattern)) {
          if (!isAllowed(bundle, text, api, match.index ?? 0)) found.push(`${bundle}: ${api} (${match[0]}) in ${moduleAt(text, match.index ?? 0)}`);
        }
      }
    }
    assert.deepEqual(found, [], 'network code found in the shipped bundles');
    const server = readFileSync(path.join(REPO_ROOT, 'dist/server.js'), 'utf8');
    assert.equal([...server.matchAll(/require\("net"\)/g)].length, 1, 'net is required once, by the jsonrpc transport module');
  });

  it('has no telemetry: no product source sends or mentions telemetry', () => {
    const mentions = productSources().filter((file) => /telemetry|appInsights|applicationinsights/i.test(readFileSync(file, 'utf8')));
    assert.deepEqual(mentions.map((file) => path.relative(REPO_ROOT, file)), []);
  });

  it('the server refuses socket and pipe transports', () => {
    for (const argument of ['--socket=5007', '--pipe=/tmp/assessment-lint.sock']) {
      const run = spawnSync(process.execPath, [SERVER, argument], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(run.status, 1, `${argument} exits 1`);
      assert.match(run.stderr, /is refused; drafts are sensitive, so the server talks to the editor over --stdio or --node-ipc only/);
    }
  });

  describe('inside a network namespace with no network (unshare --net)', () => {
    let folder: TempFolder;

    before(function () {
      if (!canUnshare()) {
        console.log('      (skipped: `unshare --net` is not available here; install util-linux and run as root to prove the offline guarantee)');
        this.skip();
      }
      folder = new TempFolder({
        'drafts/report.md': '## Offence analysis\n\nHe said the offence was out of character.\n\n## Risk analysis\n\nHe drinks heavily.\n',
        '.assessment-lint.yaml': 'packs: [core, ./team.yaml]\n',
        'team.yaml': 'name: team\nversion: 1.0.0\nterms:\n  service-user: [service user]\nrules:\n  person-first:\n    kind: flag-phrase\n    message: Write "person on probation".\n    options: { phrases: service-user }\n',
      });
    });

    after(() => folder?.remove());

    it('really has no network: no interface, and even loopback is unreachable', () => {
      const probe = `const os = require('os'); require('net').connect(9, '127.0.0.1').on('error', (e) => { console.log(JSON.stringify({ interfaces: Object.keys(os.networkInterfaces()), error: e.code })); });`;
      const run = spawnSync('unshare', ['--net', process.execPath, '-e', probe], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), { interfaces: [], error: 'ENETUNREACH' });
    });

    it('the command line gives the same report offline', async () => {
      const online = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      const offline = spawnSync('unshare', ['--net', process.execPath, CLI, 'check', 'drafts', '--format', 'json'], { cwd: folder.root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(offline.status, 0, offline.stderr);
      assert.equal(offline.stdout, online.stdout);
      assert.ok(JSON.parse(offline.stdout)[0].messages.length > 0);
    });

    it('the language server lints, hovers and offers fixes offline, and sends no telemetry', async () => {
      const session = await LspSession.start({ root: folder.root, wrapper: ['unshare', '--net'] });
      try {
        const uri = fileUri(folder.path('drafts/report.md'));
        const opened = await session.open(uri, '## Offence analysis\n\nThe service user said the offence was out of character.\n');
        assert.ok(codes(opened!.diagnostics).includes('person-first') && codes(opened!.diagnostics).includes('uncritical-language'));
        const phrase = opened!.diagnostics.find((diagnostic) => diagnostic.code === 'uncritical-language')!;
        const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: phrase.range.start });
        assert.ok(hover, 'hover answered');
        const actions = await session.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: phrase.range, context: { diagnostics: [phrase] } });
        assert.ok(actions.length > 0, 'code actions answered');
        assert.equal(session.since(0, 'telemetry/event').length, 0, 'no telemetry events');
      } finally {
        assert.equal(await session.stop(), 0);
      }
    });
  });
});

/** Node's ways to create, change or delete files, called directly or as bundled `(0, fs.name)(` (the LSP's own `rename` request is not one). */
const FILE_WRITES = /\b(?:writeFileSync|writeFile|appendFileSync|appendFile|writeSync|copyFileSync|copyFile|cpSync|createWriteStream|mkdirSync|mkdir|mkdtempSync|rmSync|rmdirSync|rmdir|unlinkSync|unlink|renameSync|symlinkSync|truncateSync|ftruncateSync|chmodSync|chownSync)\)?\(/g;

describe('the language server writes no files', () => {
  it('its bundle holds no API that creates, changes or deletes a file: edits reach a draft only as edits the writer accepts', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'dist/server.js'), 'utf8');
    const found = [...text.matchAll(FILE_WRITES)].map((match) => `${match[0]} in ${moduleAt(text, match.index ?? 0)}`);
    assert.deepEqual(found, []);
    assert.ok(/\breadFileSync\)?\(/.test(text), 'the scan sees the file APIs the server does use (called as fs.x( or, bundled, (0, fs.x)()');
  });
});
