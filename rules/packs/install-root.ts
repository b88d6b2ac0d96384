import { existsSync } from 'node:fs';
import path from 'node:path';

let cached: string | null | undefined;

/** The folder Assessment Lint is installed in (the one holding `docs/rules`), found by walking up from the running bundle. */
export function installRoot(): string | undefined {
  if (cached === undefined) {
    cached = null;
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'docs', 'rules'))) {
        cached = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return cached ?? undefined;
}
