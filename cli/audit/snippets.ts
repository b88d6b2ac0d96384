import { loadDraft } from '../../rules/io/load-draft.js';
import type { FileReport } from '../report.js';
import type { AuditReport } from './audit-report.js';
import type { Snippet } from './summarise.js';

/** Snippets are cut to this many characters: enough to find the place, too little to quote a case. */
export const SNIPPET_LENGTH = 60;

/** Runs of whitespace, folded to one space in a snippet. */
const WHITESPACE_RUN = /\s+/g;

/** A finding's text, whitespace folded and cut to SNIPPET_LENGTH characters. */
export function shortSnippet(text: string): string {
  const folded = text.replace(WHITESPACE_RUN, ' ').trim();
  return folded.length > SNIPPET_LENGTH ? `${folded.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…` : folded;
}

/** Adds a short snippet of each finding's text to the audit's documents and their findings (read again from disk; only with --snippets). */
export async function addSnippets(summary: AuditReport, reports: FileReport[]): Promise<void> {
  for (const [index, report] of reports.entries()) {
    if (report.skipped || report.messages.length === 0) continue;
    const draft = await loadDraft(report.file);
    if (!draft.ok) continue;
    const snippets: Snippet[] = [];
    const details = summary.documents[index].details;
    for (const [at, message] of report.messages.entries()) {
      const text = shortSnippet(draft.text.slice(message.start, message.end));
      if (!text) continue;
      snippets.push({ ruleId: message.ruleId, line: message.line, text });
      if (details[at]) details[at].quote = text;
    }
    summary.documents[index].snippets = snippets;
  }
}
