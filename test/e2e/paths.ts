import path from 'node:path';

/** The repository root, found from the bundled suite in dist/e2e. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The built language server. */
export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/** The built command line. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Screenshots and logs of the editor tests (ignored by git). */
export const OUTPUT = path.join(REPO_ROOT, 'test', 'output', 'e2e');
