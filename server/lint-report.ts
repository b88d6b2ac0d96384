import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentFormat } from '../rules/core/chunks.js';
import type { LintedDraft } from '../rules/linter.js';
import type { LintKey } from './lint-key.js';

/** One lint of one version of a draft, kept for hover, code actions, symbols, coverage and pull requests. */
export interface LintReport {
  uri: string;
  /** The draft, version and configuration it was linted for (see `LintKeys.isCurrent`). */
  key: LintKey;
  /** True for the findings in the part of a slow draft read so far (shown until the whole draft is checked). */
  partial: boolean;
  /** False when the draft is not linted (disabled or excluded by settings). */
  enabled: boolean;
  format: DocumentFormat;
  linted?: LintedDraft;
  diagnostics: Diagnostic[];
}
