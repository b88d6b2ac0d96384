import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDraft } from './generate-draft.js';

/** Runs the built CLI over `count` generated drafts of `words` words and returns reports per second (wall clock). */
export function measureCliThroughput(cli: string, count: number, words: number): { perSecond: number; seconds: number } {
  const folder = mkdtempSync(path.join(tmpdir(), 'assessment-lint-bench-'));
  try {
    for (let index = 0; index < count; index++) writeFileSync(path.join(folder, `draft-${index}.md`), generateDraft(words, 1000 + index));
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, 'check', folder, '--format', 'json', '--output', path.join(folder, 'report.json')], { encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed: ${result.stderr}`);
    return { perSecond: count / seconds, seconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
