import path from 'node:path';
import type { Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import type { VFile } from 'vfile';
import type { LintMessage, SeveritySetting } from '../rules/core/contracts.js';
import type { DocumentFormat } from '../rules/core/chunks.js';
import type { LineIndex } from '../rules/core/line-index.js';
import { Linter } from '../rules/linter.js';
import { ConfigurationError } from '../rules/packs/problems.js';

/** Options of the unified plugin; without any, it uses the configuration and packs `check` would use for each file. */
export interface AssessmentLintOptions {
  /** A configuration file to use for every file instead of the nearest `.assessment-lint.yaml`. */
  config?: string;
  /** Packs used after the configuration's own (files, folders or npm package names), as `check --pack`. */
  packs?: string[];
  /** Severity by rule id, applied after the configuration, as the editor's `assessmentLint.rules` setting. */
  rules?: Record<string, SeveritySetting>;
}

/** The source every message carries, as remark-lint's messages carry `remark-lint`. */
export const MESSAGE_SOURCE = 'assessment-lint';

type Tree = MdastRoot | NlcstRoot;

/**
 * A unified plugin that lints each file with Assessment Lint and reports every
 * finding as a vfile message. Used with remark (mdast) the file is read as
 * Markdown, with retext (nlcst) as plain text. The file's text is parsed once,
 * by the engine's own text model, so findings are those of `check`.
 */
export default function assessmentLint(options: AssessmentLintOptions = {}) {
  const linter = new Linter({ configFile: options.config, extraPacks: options.packs, severities: options.rules });
  return (tree: Tree, file: VFile): void => {
    const filePath = file.path ? path.resolve(file.cwd, file.path) : undefined;
    let linted;
    try {
      linted = linter.lintText(String(file.value ?? ''), formatOf(tree), filePath);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      const message = file.message(`Assessment Lint could not load its configuration: ${error.message}`, { ruleId: 'configuration', source: MESSAGE_SOURCE });
      message.fatal = true;
      return;
    }
    for (const finding of linted.result.messages) report(file, finding, linted.document.lines, linted.document.text);
  };
}

/** mdast trees come from Markdown; nlcst trees (retext) from plain text. */
function formatOf(tree: Tree): DocumentFormat {
  return tree.type === 'root' ? 'markdown' : 'plaintext';
}

/** One finding as a vfile message: rule id, source, exact place, docs link, and for a replacement what was found and what is expected. */
function report(file: VFile, finding: LintMessage, lines: LineIndex, text: string): void {
  const message = file.message(finding.message, {
    place: { start: pointAt(lines, finding.start), end: pointAt(lines, finding.end) },
    ruleId: finding.ruleId,
    source: MESSAGE_SOURCE,
  });
  // As in remark-lint: errors are fatal, warnings are not, and information and hints are neither.
  message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
  if (finding.docsUrl) message.url = finding.docsUrl;
  if (finding.fix?.type === 'replace') {
    message.actual = text.slice(finding.fix.span.start, finding.fix.span.end);
    message.expected = finding.fix.replacements;
  }
}

/** A one-based unist point (columns in UTF-16 code units, as unist counts them) for an offset. */
function pointAt(lines: LineIndex, offset: number): { line: number; column: number; offset: number } {
  const position = lines.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1, offset };
}
