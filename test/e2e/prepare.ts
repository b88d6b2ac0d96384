import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';
import { run } from './processes.js';

/** The code-server release that bundles VS Code 1.100.3 and still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Debian packages the editor tests need: the browser, the second editor, code-server's search tool and Kerberos headers for its native module. */
export const DEBIAN_PACKAGES = ['chromium', 'neovim', 'ripgrep', 'libkrb5-dev'];

/** Where code-server is installed, outside the project's own dependencies (`.cache/` is ignored by git). */
export const CODE_SERVER_HOME = path.join(REPO_ROOT, '.cache', 'code-server', CODE_SERVER_VERSION);

/** code-server's command line entry point, run with Node. */
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** A configuration file holding `auth: none`, so code-server never writes one under the home folder. */
export const CODE_SERVER_CONFIG = path.join(CODE_SERVER_HOME, 'config.yaml');

/** Longest time the one-time install may take (a cold npm cache and compiling native modules). */
export const PREPARE_TIMEOUT_MS = 15 * 60_000;

const MARKER = path.join(CODE_SERVER_HOME, '.prepared');
const NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'];
const PROJECT_NPM_VARIABLE = /^npm_(package_|lifecycle_|command$|config_local_prefix$|config_call$)/;
const NPM_INSTALL_FLAGS = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];

/**
 * The environment for npm in the install: without the variables `npm run` sets for this project (its
 * prefix would send the install here), with local Node headers for node-gyp (no download), and with npx
 * allowed to fetch node-gyp from the registry for node-pty's post-install step.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!PROJECT_NPM_VARIABLE.test(name)) env[name] = value;
  return { ...env, npm_config_nodedir: '/usr', npm_config_yes: 'true', npm_config_update_notifier: 'false' };
}

/** The environment of code-server: its data, configuration and cache folders (heartbeat, logs) inside the test profile, not the home folder. */
export function codeServerEnvironment(profile: string): NodeJS.ProcessEnv {
  const xdg = path.join(profile, 'xdg');
  return { ...process.env, XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_CACHE_HOME: path.join(xdg, 'cache') };
}

async function step(title: string, action: () => Promise<unknown> | unknown): Promise<void> {
  const started = Date.now();
  process.stdout.write(`      [prepare] ${title}… `);
  await action();
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function npm(cwd: string, args: string[]): Promise<string> {
  return run('npm', args, { cwd, env: npmEnvironment(), timeoutMs: PREPARE_TIMEOUT_MS });
}

function debianPackageInstalled(name: string): boolean {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing (as root; a no-op when all are there), and fails naming any still missing. */
export async function ensureDebianPackages(): Promise<void> {
  if (DEBIAN_PACKAGES.every(debianPackageInstalled)) return;
  await step(`Debian packages ${DEBIAN_PACKAGES.join(' ')}`, () =>
    run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'ensure-debian-packages.mjs'), ...DEBIAN_PACKAGES], { timeoutMs: PREPARE_TIMEOUT_MS }),
  );
  const missing = DEBIAN_PACKAGES.filter((name) => !debianPackageInstalled(name));
  if (missing.length > 0) throw new Error(`The editor tests need these Debian packages: apt-get install -y ${missing.join(' ')}`);
}

/**
 * Installs code-server once into `.cache/code-server/<version>/`: its own
 * install script cannot run here (it wants to download ripgrep), so the
 * packages are installed without scripts and the native modules rebuilt
 * against the local Node headers. A marker file records a finished install.
 */
export async function prepareCodeServer(): Promise<void> {
  if (existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY)) return;
  const started = Date.now();
  rmSync(CODE_SERVER_HOME, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_HOME, { recursive: true });
  writeFileSync(path.join(CODE_SERVER_HOME, 'package.json'), JSON.stringify({ name: 'code-server-for-tests', private: true }) + '\n');
  writeFileSync(CODE_SERVER_CONFIG, 'auth: none\n');
  const codeServer = path.join(CODE_SERVER_HOME, 'node_modules', 'code-server');
  const vscode = path.join(codeServer, 'lib', 'vscode');
  await step(`npm install code-server@${CODE_SERVER_VERSION}`, () => npm(CODE_SERVER_HOME, ['install', ...NPM_INSTALL_FLAGS, `code-server@${CODE_SERVER_VERSION}`]));
  await step('install VS Code dependencies', () => npm(vscode, ['install', '--omit=dev', ...NPM_INSTALL_FLAGS]));
  await step('rebuild native modules', () => npm(vscode, ['rebuild', ...NATIVE_MODULES]));
  await step('link ripgrep and node_modules.asar', () => {
    const ripgrep = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(ripgrep, { recursive: true });
    copyFileSync('/usr/bin/rg', path.join(ripgrep, 'rg'));
    rmSync(path.join(vscode, 'node_modules.asar'), { force: true });
    symlinkSync('node_modules', path.join(vscode, 'node_modules.asar'));
  });
  await step('install built-in extensions dependencies', () => npm(path.join(vscode, 'extensions'), ['install', '--omit=dev', ...NPM_INSTALL_FLAGS]));
  await step('rebuild argon2', () => npm(CODE_SERVER_HOME, ['rebuild', 'argon2']));
  const version = await run(process.execPath, [CODE_SERVER_ENTRY, '--config', CODE_SERVER_CONFIG, '--version'], { env: codeServerEnvironment(CODE_SERVER_HOME) });
  if (!version.includes(`${CODE_SERVER_VERSION} `)) throw new Error(`code-server reports an unexpected version: ${version}`);
  writeFileSync(MARKER, `${version.trim()}\nprepared in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
