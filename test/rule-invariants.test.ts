import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintMessage } from '../rules/core/contracts.js';
import { ENGINE_RULE_IDS } from '../rules/core/engine-rules.js';
import { readDraft } from '../rules/io/read-draft.js';
import { corePack, lintSnippet, REPO_ROOT } from './helpers.js';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function draftsUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...draftsUnder(full));
    else if (/\.(md|txt)$/.test(entry.name)) found.push(full);
  }
  return found.sort();
}

function assertInside(text: string, message: LintMessage, where: string): void {
  const inside = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  assert.ok(inside(message.start, message.end), `${where}: ${message.ruleId} range ${message.start}-${message.end} is outside 0-${text.length}`);
  for (const place of message.related ?? []) assert.ok(inside(place.span.start, place.span.end), `${where}: ${message.ruleId} related place outside the draft`);
  if (message.fix?.type === 'replace') assert.ok(inside(message.fix.span.start, message.fix.span.end), `${where}: ${message.ruleId} fix span outside the draft`);
  if (message.fix?.type === 'insert') assert.ok(inside(message.fix.offset, message.fix.offset), `${where}: ${message.ruleId} insert offset outside the draft`);
  const isSurrogateSplit = (offset: number) => offset > 0 && offset < text.length && /[\uDC00-\uDFFF]/.test(text[offset]) && /[\uD800-\uDBFF]/.test(text[offset - 1]);
  assert.ok(!isSurrogateSplit(message.start) && !isSurrogateSplit(message.end), `${where}: ${message.ruleId} range splits a character`);
}

describe('rule invariants', () => {
  const pack = corePack();

  it('every rule id is unique, kebab-case and distinct from the engine’s own rules', () => {
    const ids = pack.rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, RULE_ID);
    for (const id of ENGINE_RULE_IDS) assert.ok(!ids.includes(id));
    assert.deepEqual(pack.engineRules.map((rule) => rule.id), [...ENGINE_RULE_IDS]);
  });

  it('every rule, and each engine rule, has a docs page docs/rules/<id>.md that starts with a heading', () => {
    for (const id of [...pack.rules.map((rule) => rule.id), ...ENGINE_RULE_IDS]) {
      const page = path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), `docs/rules/${id}.md is missing`);
      assert.match(readFileSync(page, 'utf8'), /^# /, `docs/rules/${id}.md does not start with a heading`);
    }
  });

  it('every rule links to its own docs page', () => {
    for (const rule of [...pack.rules, ...pack.engineRules]) {
      assert.ok(rule.docsUrl, `${rule.id} has no docs URL`);
      assert.equal(path.relative(REPO_ROOT, fileURLToPath(rule.docsUrl)), path.join('docs', 'rules', `${rule.id}.md`));
    }
  });

  it('every rule has a one-sentence message and an explanation', () => {
    for (const rule of pack.rules) {
      assert.ok(rule.message.trim().length > 20, `${rule.id}: message too short`);
      assert.match(rule.message, /[.!?]$/, `${rule.id}: the message should end as a sentence`);
      assert.ok(rule.explanation && rule.explanation.trim().length > 0, `${rule.id}: no explanation`);
    }
  });

  describe('every message range lies inside the document, for every corpus draft', () => {
    const drafts = draftsUnder(path.join(REPO_ROOT, 'test', 'corpus'));

    it('finds the corpus', () => {
      assert.ok(drafts.length >= 30, `only ${drafts.length} corpus drafts found`);
    });

    for (const file of drafts) {
      const name = path.relative(path.join(REPO_ROOT, 'test', 'corpus'), file);
      it(name, () => {
        const draft = readDraft(file);
        assert.ok(draft.ok);
        const variants = [draft.text, draft.text.replace(/\r?\n/g, '\r\n')];
        for (const text of variants) {
          const { result } = lintSnippet(text, pack, draft.format);
          for (const message of result.messages) assertInside(text, message, name);
          for (const entry of result.suppressed) assertInside(text, entry.message, name);
          for (const entry of result.coverage) if (entry.evidence) assert.ok(entry.evidence.start >= 0 && entry.evidence.end <= text.length, `${name}: ${entry.ruleId} evidence outside the draft`);
        }
      });
    }
  });

  describe('fix round-trip: inserting a rule’s skeleton into its section satisfies that rule', () => {
    const drafts = draftsUnder(path.join(REPO_ROOT, 'test', 'corpus'));
    for (const file of drafts) {
      const name = path.relative(path.join(REPO_ROOT, 'test', 'corpus'), file);
      const read = readDraft(file);
      if (!read.ok) continue;
      const draft: { text: string; format: 'markdown' | 'plaintext' } = read;
      const fixable = lintSnippet(draft.text, pack, draft.format).result.messages.filter((message) => message.fix?.type === 'insert' && message.fix.sectionTitle !== undefined);
      if (fixable.length === 0) continue;
      it(name, () => {
        for (const message of fixable) {
          if (message.fix?.type !== 'insert') continue;
          const { offset, text } = message.fix;
          const fixed: string = `${draft.text.slice(0, offset)}\n\n${text}\n\n${draft.text.slice(offset)}`;
          const again: LintMessage[] = lintSnippet(fixed, pack, draft.format).result.messages.filter((other) => other.ruleId === message.ruleId);
          assert.deepEqual(
            again.map((other) => other.message),
            [],
            `${message.ruleId} still fires after its skeleton was inserted`,
          );
        }
      });
    }
  });
});
