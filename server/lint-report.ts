import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentFormat } from '../rules/core/chunks.js';
import type { LintedDraft } from '../rules/linter.js';

/** One lint of one version of a draft, kept for hover, code actions, symbols, coverage and pull requests. */
export interface LintReport {
  uri: string;
  version: number;
  /** The configuration generation it was linted under (bumped when settings or packs change). */
  generation: number;
  /** Unique per report, for pull diagnostics' `resultId`. */
  resultId: string;
  /** False when the draft is not linted (disabled or excluded by settings). */
  enabled: boolean;
  format: DocumentFormat;
  linted?: LintedDraft;
  diagnostics: Diagnostic[];
}
