import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Linter } from '../rules/linter.js';
import type { SeveritySetting } from '../rules/core/contracts.js';
import { toDiagnostic } from '../server/diagnostics.js';
import { fiftyThousandWordDraft } from './bad-drafts.js';
import { fuzzDraft, fuzzInsertion, toChanges } from './fuzz-drafts.js';
import { FUZZ_SEED, fuzzParameters, fuzzRuns, fuzzTimeout } from './fuzz-support.js';
import { TempFolder } from './helpers.js';
import { fileUri, LspSession } from './lsp-session.js';

/** Bursts per mode in the normal run (FUZZ_RUNS raises it, e.g. under `npm run test:fuzz`). */
const RUNS = 60;

const CONFIG = '.assessment-lint.yaml';
const PACK = 'team/pack.yaml';

/** Valid workspace configurations the burst switches between. */
const CONFIGS = [
  'packs: [core, ./team]\n',
  'packs: [core, ./team]\nrules:\n  uncritical-language: off\n',
  'packs: [core]\nrules:\n  sources-section: error\n',
  'packs: [core, ./team]\noverrides:\n  - files: "*.txt"\n    rules:\n      alcohol: off\n',
];

/** Valid team packs the burst switches between (the rule id stays, its phrases change). */
const PACKS = ['service user|users', 'offender|offenders', 'client'].map(
  (phrase) => `name: team\nversion: 1.0.0\nterms:\n  team-phrase:\n    - ${phrase}\nrules:\n  person-first:\n    kind: flag-phrase\n    message: Write "person on probation".\n    options:\n      phrases: team-phrase\n`,
);

/** Editor severity settings the burst switches between. */
const RULE_SETTINGS: Array<Record<string, SeveritySetting>> = [{}, { 'uncritical-language': 'off' }, { alcohol: 'off', 'person-first': 'error' }, { 'sources-section': 'hint' }];

/** The drafts a burst works on: Markdown and plain text. */
const DRAFTS = [
  { name: 'first.md', languageId: 'markdown' },
  { name: 'second.txt', languageId: 'plaintext' },
] as const;

let large: string | undefined;

/** A 50,000-word draft with uncritical wording and the team's phrases here and there (made once). */
function largeDraft(): string {
  large ??= fiftyThousandWordDraft()
    .split('\n\n')
    .map((paragraph, index) => (index % 5 === 1 ? `${paragraph} This offence was out of character. The service user agrees.` : paragraph))
    .join('\r\n\r\n');
  return large;
}

const initialText = fc.oneof({ weight: 9, arbitrary: fuzzDraft }, { weight: 1, arbitrary: fc.constant('<large>') });

/** One step of a burst: nothing waits between steps. */
const action = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('edit' as const), draft: fc.nat({ max: DRAFTS.length - 1 }), changes: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fuzzInsertion), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('settings' as const), rules: fc.nat({ max: RULE_SETTINGS.length - 1 }), debounceMs: fc.constantFrom(0, 5, 30) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('config' as const), variant: fc.nat({ max: CONFIGS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('pack' as const), variant: fc.nat({ max: PACKS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reopen' as const), draft: fc.nat({ max: DRAFTS.length - 1 }), text: initialText }) },
);

/** A file-changed event as an editor's watcher sends it. */
const CHANGED = 2;

for (const mode of ['push', 'pull'] as const) {
  describe(`fuzzing (${mode} mode): edits, settings, configuration and pack changes, closes and reopens`, function () {
    this.timeout(fuzzTimeout(RUNS, 8_000, 60_000));
    let folder: TempFolder;
    let session: LspSession;
    let settings: { rules: Record<string, SeveritySetting>; debounceMs: number };

    before(async () => {
      folder = new TempFolder({ [CONFIG]: CONFIGS[0], [PACK]: PACKS[0] });
      settings = { rules: {}, debounceMs: 5 };
      session = await LspSession.start({ root: folder.root, pull: mode === 'pull', settings });
    });

    after(async () => {
      await session.stop();
      folder.remove();
    });

    async function writeFile(relative: string, text: string): Promise<void> {
      folder.write({ [relative]: text });
      await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(folder.path(relative)), type: CHANGED }] });
    }

    async function open(index: number, text: string): Promise<void> {
      const draft = DRAFTS[index];
      await session.open(fileUri(folder.path(draft.name)), text === '<large>' ? largeDraft() : text, draft.languageId, false);
    }

    /**
     * What the editor shows for a draft once the burst has settled: the last
     * pushed diagnostics, or a pull's answer. A pull answered with the part of a
     * long draft read so far (under load the lint is sliced) is followed, as an
     * editor does, by pulling again once the server asks for a refresh.
     */
    async function shown(uri: string): Promise<unknown> {
      if (mode === 'pull') {
        let previousResultId: string | undefined;
        for (;;) {
          const mark = session.mark();
          const report = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
          assert.equal(report.kind, 'full', 'a pull after a partial answer gets the full one');
          if (report.kind !== 'full') return undefined;
          if (!report.resultId?.endsWith('.partial')) return report.items;
          previousResultId = report.resultId;
          await session.waitFor('workspace/diagnostic/refresh', () => true, mark);
        }
      }
      // A request waits for the draft's current lint, whose diagnostics are published before the answer.
      await session.request('textDocument/documentSymbol', { textDocument: { uri } });
      const published = session.since(0, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === uri);
      const last = published[published.length - 1];
      assert.equal(last?.version, session.version(uri), 'the last diagnostics published are for the draft’s current version');
      return last.diagnostics;
    }

    it(`after every burst, each open draft shows exactly a fresh lint of its final text under the final configuration (seed ${FUZZ_SEED}, ${fuzzRuns(RUNS)} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.tuple(initialText, initialText), fc.array(action, { minLength: 1, maxLength: 12 }), async (initial, burst) => {
          for (const [index, text] of initial.entries()) await open(index, text);
          for (const step of burst) {
            if (step.type === 'edit') {
              const uri = fileUri(folder.path(DRAFTS[step.draft].name));
              await session.change(uri, toChanges(session.text(uri), step.changes));
            } else if (step.type === 'settings') {
              settings = { rules: RULE_SETTINGS[step.rules], debounceMs: step.debounceMs };
              await session.changeSettings(settings);
            } else if (step.type === 'config') {
              await writeFile(CONFIG, CONFIGS[step.variant]);
            } else if (step.type === 'pack') {
              await writeFile(PACK, PACKS[step.variant]);
            } else {
              await session.notify('textDocument/didClose', { textDocument: { uri: fileUri(folder.path(DRAFTS[step.draft].name)) } });
              await open(step.draft, step.text);
            }
          }
          const linter = new Linter({ severities: settings.rules });
          for (const draft of DRAFTS) {
            const file = folder.path(draft.name);
            const uri = fileUri(file);
            const text = session.text(uri);
            const format = draft.languageId;
            const fresh = linter.lintText(text, format, file);
            const expected = fresh.result.messages.map((message) => toDiagnostic(message, { uri, version: session.version(uri), format, document: fresh.document }));
            assert.deepEqual(await shown(uri), JSON.parse(JSON.stringify(expected)), `${draft.name} shows a fresh lint of its final text under the final configuration`);
          }
          for (const draft of DRAFTS) await session.notify('textDocument/didClose', { textDocument: { uri: fileUri(folder.path(draft.name)) } });
        }),
        fuzzParameters(RUNS),
      );
    });
  });
}
