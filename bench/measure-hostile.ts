import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { draftOfSize } from '../test/bad-drafts.js';
import { hostileDrafts, type HostileDraft } from '../test/hostile-drafts.js';
import { generateDraft } from './generate-draft.js';
import { ServerSession } from './measure-lsp.js';

/** One hostile case measured: the CLI's wall time on it and the longest wait of a request on another draft while the server checks it. */
export interface HostileRow {
  name: string;
  bytes: number;
  cliMs: number;
  cliToNormal: number;
  waitMs: number;
  waitToNormal: number;
  /** For the large cases: the same two ratios against a normal draft of the same size, which shows what is left is the draft's size. */
  sameSize?: { cliMs: number; waitMs: number; cliRatio: number; waitRatio: number };
}

/** What `measureHostile` reports: the normal draft's figures (the baseline) and each hostile case. */
export interface HostileResults {
  normal: { cliMs: number; waitMs: number };
  cases: HostileRow[];
}

/** Cases at least this long are also measured against a normal draft of their size. */
const SAME_SIZE_FROM = 256 * 1024;

/** Wall time of the built CLI checking one draft file, in ms (start-up included). */
function cliTime(cli: string, folder: string, file: string, text: string): number {
  const target = path.join(folder, file);
  writeFileSync(target, text);
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, 'check', target, '--format', 'json', '--output', path.join(folder, 'report.json')], { encoding: 'utf8' });
  const elapsed = performance.now() - start;
  rmSync(target);
  if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed on ${file}: ${result.stderr}`);
  return elapsed;
}

/**
 * Opens a draft in the server and, until its full diagnostics arrive, asks
 * for the outline of another open draft again and again: the longest time
 * one of those requests took, in ms.
 */
async function otherDraftWait(session: ServerSession, uri: string, draft: Pick<HostileDraft, 'text' | 'format'>, other: string): Promise<number> {
  let published = 0;
  let slow = false;
  session.connection.onNotification('window/showMessage', (params: { message: string }) => {
    if (params.message.includes(path.posix.basename(uri))) slow = true;
  });
  let done = false;
  const finished = (async () => {
    // A slow draft shows the part read first, then the full result: wait for both.
    while (published < (slow ? 2 : 1)) {
      await session.diagnosticsFor(uri, 1);
      published++;
    }
    done = true;
  })();
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: draft.format, version: 1, text: draft.text } });
  let longest = 0;
  while (!done) {
    const start = performance.now();
    await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } });
    longest = Math.max(longest, performance.now() - start);
  }
  await finished;
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return longest;
}

/**
 * Every hostile draft (test/hostile-drafts.ts) through the CLI and the
 * language server, each as a ratio to a normal 2,000-word draft measured the
 * same way in the same run.
 */
export async function measureHostile(cli: string, server: string): Promise<HostileResults> {
  const folder = mkdtempSync(path.join(tmpdir(), 'assessment-lint-hostile-'));
  const normalDraft = { text: generateDraft(2_000, 2_000), format: 'markdown' as const };
  const session = new ServerSession(server);
  try {
    await session.initialize('file:///bench');
    const other = 'file:///bench/other.md';
    await session.open(other, generateDraft(2_000, 4_000));
    cliTime(cli, folder, 'warm-up.md', normalDraft.text);
    const normal = { cliMs: cliTime(cli, folder, 'normal.md', normalDraft.text), waitMs: await otherDraftWait(session, 'file:///bench/normal.md', normalDraft, other) };
    const cases: HostileRow[] = [];
    for (const [index, draft] of hostileDrafts().entries()) {
      const cliMs = cliTime(cli, folder, draft.file, draft.text);
      const waitMs = await otherDraftWait(session, `file:///bench/${index}-${draft.file}`, draft, other);
      const row: HostileRow = { name: draft.name, bytes: draft.text.length, cliMs, cliToNormal: cliMs / normal.cliMs, waitMs, waitToNormal: waitMs / normal.waitMs };
      if (draft.text.length >= SAME_SIZE_FROM) {
        const same = { text: draftOfSize(draft.text.length, 300 + index), format: 'markdown' as const };
        const sameCli = cliTime(cli, folder, `same-size-${index}.md`, same.text);
        const sameWait = await otherDraftWait(session, `file:///bench/same-size-${index}.md`, same, other);
        row.sameSize = { cliMs: sameCli, waitMs: sameWait, cliRatio: cliMs / sameCli, waitRatio: waitMs / sameWait };
      }
      cases.push(row);
      console.error(`measured ${draft.name}`);
    }
    return { normal, cases };
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
