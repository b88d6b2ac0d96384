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

/** Sentences that make "he" the person the draft is about, to put before a sentence under test. */
export const ABOUT_HIM = 'Mr Doyle is 34. He lives alone and he works as a driver. He was interviewed twice. He says he is well.\n\n';

/** What a mention was read as, for grids and their failure messages. */
export interface MentionReading {
  text: string;
  about: string;
  status: string;
  role: string;
}

/** Each mention of a concept in a text put after ABOUT_HIM (plain text), in a draft about him. */
export function mentionsAfterHim(text: string, concept: string): MentionReading[] {
  return mentionsIn(ABOUT_HIM + text, concept)
    .filter((mention) => mention.start >= ABOUT_HIM.length)
    .map((mention) => ({ text: mention.text, about: mention.about, status: mention.status, role: mention.role }));
}

/** "words:about/status/role" for each mention, for a failure message. */
export function shownReadings(found: readonly MentionReading[]): string {
  return found.map((mention) => `${mention.text}:${mention.about}/${mention.status}/${mention.role}`).join(', ') || '(no mention)';
}

/** A short Markdown report with a source for the offence, and some text under a needs heading. */
export function shortReport(text: string): string {
  return `# Pre-sentence report\n\n## Offence analysis\n\nThe CPS summary and the victim statement were used.\n\n## Circumstances\n\n${text}\n`;
}

/** What is wrong with a draft whose text puts children in the picture: they should count as considered, and need a children's services check. */
export function childrenToCheck(text: string): string[] {
  const wrong: string[] = [];
  if (fires(text, 'child-safeguarding')) wrong.push('child-safeguarding warned');
  if (!fires(text, 'safeguarding-enquiry')) wrong.push('no enquiry asked for');
  return wrong;
}
