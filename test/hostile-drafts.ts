import { generateDraft } from '../bench/generate-draft.js';
import type { DocumentFormat } from '../rules/core/chunks.js';

/** A draft built to make a Markdown parser recurse deeply or work faster than linearly, with the file name it is saved under. */
export interface HostileDraft {
  /** A short name for reports and test titles. */
  name: string;
  /** The file name the draft is saved under (its extension picks the format). */
  file: string;
  format: DocumentFormat;
  text: string;
}

/** About `length` characters of realistic report prose on one line: generated drafts with their line breaks and markup taken out. */
function proseLine(length: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let seed = 0; total < length; seed++) {
    const part = generateDraft(20_000, 7_000 + seed).replace(/[#*_|>`-]/g, ' ').replace(/\s+/g, ' ');
    parts.push(part);
    total += part.length;
  }
  return parts.join(' ').slice(0, length);
}

/** A list nested over many lines (each line one level deeper, back to the top every 400 levels), about `length` characters with no blank line. */
function nestedListLines(length: number): string {
  const lines: string[] = [];
  let total = 0;
  for (let index = 0; total < length; index++) {
    const line = `${'  '.repeat(index % 400)}- item ${index}: he says he drinks ${index % 9} pints with his partner`;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** Backtick runs of every length from 1 up, none closed: each opening run makes the parser look ahead to the end. */
function backtickRuns(length: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let run = 1; total < length; run++) {
    const part = '`'.repeat(run) + ' a ';
    parts.push(part);
    total += part.length;
  }
  return parts.join('') + '\n';
}

/**
 * Every hostile case, generated (never committed): deep nesting that overflowed
 * the parser's tree walk, and inputs whose parse grew faster than linearly.
 */
export function hostileDrafts(): HostileDraft[] {
  return [
    { name: '2,000 nested list markers', file: 'nested-markers.md', format: 'markdown', text: '- '.repeat(2_000) + 'a\n' },
    { name: '1,000 quoted list markers', file: 'quoted-markers.md', format: 'markdown', text: '> - '.repeat(1_000) + 'a\n' },
    { name: '10,000 quote markers', file: 'deep-quotes.md', format: 'markdown', text: '>'.repeat(10_000) + ' a\n' },
    { name: 'a_ repeated 2,000 times', file: 'underscores.md', format: 'markdown', text: 'a_'.repeat(2_000) + '\n' },
    { name: '16 KB of asterisks around a letter', file: 'asterisks-16k.md', format: 'markdown', text: '*'.repeat(8_000) + 'a' + '*'.repeat(8_000) + '\n' },
    { name: '32 KB of asterisks around a letter', file: 'asterisks-32k.md', format: 'markdown', text: '*'.repeat(16_000) + 'a' + '*'.repeat(16_000) + '\n' },
    { name: '100 KB of unclosed backtick runs', file: 'backticks.md', format: 'markdown', text: backtickRuns(100_000) },
    { name: '200 KB of unclosed links', file: 'link-openers.md', format: 'markdown', text: '[a]('.repeat(50_000) + '\n' },
    { name: '1 MB nested list', file: 'nested-list.md', format: 'markdown', text: nestedListLines(1024 * 1024) },
    { name: '1.5 MB line with no break (Markdown)', file: 'long-line.md', format: 'markdown', text: proseLine(1.5 * 1024 * 1024) },
    { name: '1.5 MB line with no break (plain text)', file: 'long-line.txt', format: 'plaintext', text: proseLine(1.5 * 1024 * 1024) },
  ];
}
