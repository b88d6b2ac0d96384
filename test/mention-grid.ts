import assert from 'node:assert/strict';
import { AssessmentDocument, type Mention } from '../rules/core/document.js';
import type { DocumentFormat } from '../rules/core/chunks.js';
import { corePack, firedRules, lintSnippet } from './helpers.js';

/** The mentions of one concept the built-in pack finds in a text. */
export function mentionsIn(text: string, concept: string, format: DocumentFormat = 'plaintext'): Mention[] {
  const pack = corePack();
  const document = new AssessmentDocument(text, format, { lexicon: pack.lexicon, classifier: pack.classifier });
  return document.mentionsOf(pack.matcher, [concept]);
}

/** Runs every row × column of a grid; `wrong` describes what went wrong with one case, or gives undefined. Reports every case that went wrong, not only the first. */
export function grid<Row, Column>(rows: readonly Row[], columns: readonly Column[], wrong: (row: Row, column: Column) => string | undefined): void {
  const failures: string[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const failure = wrong(row, column);
      if (failure !== undefined) failures.push(failure);
    }
  }
  const total = rows.length * columns.length;
  assert.ok(total > 0);
  assert.deepEqual(failures, [], `${failures.length} of ${total} cases went wrong`);
}

/** Whether a rule of the built-in pack warns on a draft (Markdown unless said). */
export function fires(text: string, rule: string, format: DocumentFormat = 'markdown'): boolean {
  return firedRules(lintSnippet(text, corePack(), format).result).includes(rule);
}

/** A sentence and what each of its mentions was found to be, for a failure message. */
export function described(sentence: string, found: Mention[], field: 'role' | 'about' | 'status'): string {
  return `${sentence} -> ${found.map((mention) => `${mention.text}:${mention[field]}`).join(', ') || '(no mention)'}`;
}
