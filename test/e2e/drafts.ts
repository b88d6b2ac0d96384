import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeOnExit } from './processes.js';
import { CLI } from './paths.js';

/** A Markdown draft with two findings: alcohol not assessed (a warning at the assessment heading) and uncritical wording on line 5 (info). */
export const DRAFT_MD = `# Pre-sentence report

## Offence analysis

The CPS case summary describes the assault outside a pub. Mr Smith says the offence was out of character. The PNC shows two previous convictions for criminal damage.

## Offender assessment

He lives alone in a rented flat. He has no children. He reports no mental health difficulties and none are recorded by his GP. He denies any illicit drug use.

## Sources of information

- Interview with Mr Smith
- CPS case summary
- PNC record
`;

/** A 1-based line and column inside the uncritical wording of DRAFT_MD ("out of character"). */
export const UNCRITICAL_AT = { line: 5, column: 95 };

/** The 1-based line of DRAFT_MD's assessment heading, where the alcohol gap is reported. */
export const ALCOHOL_AT = { line: 7, column: 1 };

/** A Markdown draft that leaves three topics unassessed: alcohol, drugs and mental health. */
export const GAPS_MD = `# Pre-sentence report

## Offence analysis

The CPS case summary and the victim's statement describe the assault outside a pub. The PNC shows two previous convictions for criminal damage.

## Offender assessment

He lives with his brother in a rented flat. He has no children.

## Sources of information

- Interview with Mr Smith
- CPS case summary
- PNC record
`;

/** The checklist rows GAPS_MD should show as missing. */
export const GAPS_MISSING = ['Alcohol', 'Drugs', 'Mental health'];

/** A plain-text draft with the same two findings as DRAFT_MD (capitalised headings, as plain-text reports are written). */
export const DRAFT_TXT = `PRE-SENTENCE REPORT

OFFENCE ANALYSIS
The CPS case summary describes the assault outside a pub. Mr Smith says the offence was out of character. The PNC shows two previous convictions for criminal damage.

ASSESSMENT
He lives alone in a rented flat. He has no children. He reports no mental health difficulties and none are recorded by his GP. He denies any illicit drug use.

SOURCES OF INFORMATION
Interview with Mr Smith; CPS case summary; PNC record.
`;

/** A sentence that assesses alcohol use, added by the tests to clear the alcohol warning. */
export const ALCOHOL_SENTENCE = 'He drinks about four pints on a Friday; he says drink played no part in the offence (interview).';

/** A finding as the command line reports it. */
export interface CliFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
}

/** What the command line finds in a draft (the editors must agree with it). */
export function cliFindings(file: string): CliFinding[] {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8', cwd: path.dirname(file) });
  if (result.status !== 0 && result.status !== 1) throw new Error(`assessment-lint check ${file} exited with ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as Array<{ messages: CliFinding[] }>;
  return report.flatMap((entry) => entry.messages.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column })));
}

/** Creates a temporary folder holding `files` (relative path → text) and returns its path; it is removed when the run exits, if not before. */
export function tempWorkspace(prefix: string, files: Record<string, string>): string {
  const root = removeOnExit(mkdtempSync(path.join(tmpdir(), `assessment-lint-e2e-${prefix}-`)));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return root;
}
