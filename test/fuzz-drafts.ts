import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Words that reach the built-in pack's concepts, negation and subject rules, so fuzzed drafts exercise the rules and not only the parser. */
const WORDS = [
  'he', 'she', 'they', 'his', 'her', 'Mr', 'Ms', 'Hale', 'Smith', 'I', 'victim', 'partner', 'mother', 'children', 'child', 'son',
  'drinks', 'drank', 'alcohol', 'beer', 'cannabis', 'cocaine', 'drugs', 'not', 'no', 'never', 'denies', "doesn't", 'nil', 'none',
  'said', 'reports', 'told', 'CPS', 'police', 'PNC', 'GP', 'records', 'witness', 'statement', 'CCTV', 'summary', 'confirmed',
  'risk', 'harm', 'serious', 'medium', 'high', 'low', 'public', 'known', 'adult', 'staff', 'offence', 'assault', 'theft',
  'previous', 'convictions', 'mental', 'health', 'depression', 'anxiety', 'lives', 'alone', 'flat', 'rented', 'hostel', 'homeless',
  'out', 'of', 'character', 'provoked', 'remorse', 'and', 'but', 'the', 'a', 'with', 'to', 'in', 'on', 'at', 'is', 'was', 'has',
  'N/A', 'None', 'identified', 'TBC', 'safeguarding', 'domestic', 'abuse', 'accommodation', 'employment', 'sources',
];

/** Characters that trouble text handling: astral and combining characters, joiners, bidi controls, lone surrogates, odd breaks, NUL, Markdown syntax. */
const ODD = [
  '😀', '👩‍👩‍👧', 'é', 'e\u0301', '\u0301', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00a0', '\t', '\ud800', '\udc00', '\udbff\udfff',
  '\u2028', '\u2029', '\u0085', '\r', '\v', '\f', '\u0000', '\\', '`', '*', '_', '#', '|', '<!--', '-->', '[', ']', '(', ')', '"', "'", '’', '“', '”',
  '…', '—', '–', '&amp;', '<br>', '~~~', '```', '---', '***', '> ', '- ', '1. ', '    ', 'ß', 'İ', 'ﬁ', 'Ⅻ', '١٢', 'שלום', '中文', 'ǅ',
];

const RULE_IDS = ['alcohol', 'drugs', 'children', 'child-safeguarding', 'sole-account', 'uncritical-language', 'no-such-rule', ''];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) });
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));
const sentence = fc.tuple(words(14), fc.constantFrom('.', '!', '?', ':', ';', '', '...', '."', ' —')).map(([text, end]) => text + end);
const sentences = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((list) => list.join(' '));
const reason = fc.oneof(fc.constant(''), fc.constant(' -- checked with the GP'), words(4).map((text) => ` -- ${text}`));
const ruleList = fc.array(fc.constantFrom(...RULE_IDS), { maxLength: 3 }).map((ids) => ids.join(', '));
const verb = fc.constantFrom('disable', 'enable', 'disable-next-line');

/** One Markdown (or plain-text) block: headings, paragraphs, lists, tables, fences, comments, suppressions, front matter, labels and raw Unicode. */
const block: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), words(6)).map(([depth, title]) => `${'#'.repeat(depth)} ${title}`),
  fc.tuple(words(5), fc.constantFrom('===', '---')).map(([title, rule]) => `${title}\n${rule}`),
  fc.tuple(fc.constantFrom('**', '__', ''), words(4)).map(([mark, title]) => `${mark}${title}${mark}`),
  sentences,
  fc.tuple(fc.integer({ min: 1, max: 2 }), sentences).map(([number, text]) => `${number}.${number} ${text}`),
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '  - ', '    * ', '- [ ] '), sentences), { minLength: 1, maxLength: 4 }).map((items) => items.map(([bullet, text]) => bullet + text).join('\n')),
  fc.array(fc.array(words(3), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n')),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), words(3), fc.boolean()).map(([fence, body, closed]) => `${fence}\n${body}${closed ? `\n${fence}` : ''}`),
  fc.tuple(words(4), fc.boolean()).map(([body, closed]) => `<!-- ${body}${closed ? ' -->' : ''}`),
  fc.tuple(verb, ruleList, reason).map(([kind, ids, why]) => `<!-- assessment-lint-${kind} ${ids}${why} -->`),
  fc.tuple(verb, ruleList, reason).map(([kind, ids, why]) => `[assessment-lint-${kind} ${ids}${why}]`),
  words(4).map((body) => `---\ntitle: ${body}\n---`),
  fc.tuple(fc.constantFrom('Risk', 'Sources', 'Nature of risk', 'Offence', 'Accommodation', '**Sources:**'), fc.constantFrom(': ', ' – ', ' - ', ':'), fc.oneof(fc.constantFrom('N/A', 'None', ''), sentences)).map(([label, mark, answer]) => `${label}${mark}${answer}`),
  sentences.map((text) => `> ${text}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n\n\n', ' ', '\n  \n', '\u2028');

/** A fuzzed draft: a sequence of blocks joined by a mix of line endings. */
export const fuzzDraft: fc.Arbitrary<string> = fc
  .array(fc.tuple(block, separator), { maxLength: 14 })
  .map((parts) => parts.map(([text, end]) => text + end).join(''));

/** Short text to insert in an edit: a few characters, words, a line break or a whole block. */
export const fuzzInsertion: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...ODD),
  word,
  fc.tuple(word, separator).map(([text, end]) => text + end),
  block,
);

/** Turns fuzzed offsets into LSP changes against the text each change sees (changes in one notification apply in order). */
export function toChanges(text: string, changes: Array<[number, number, string]>): TextDocumentContentChangeEvent[] {
  let document = TextDocument.create('fuzz:', 'markdown', 0, text);
  const events: TextDocumentContentChangeEvent[] = [];
  for (const [at, length, insert] of changes) {
    const current = document.getText();
    const start = at % (current.length + 1);
    const end = Math.min(current.length, start + length);
    const event = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
    events.push(event);
    document = TextDocument.update(document, [event], document.version + 1);
  }
  return events;
}

