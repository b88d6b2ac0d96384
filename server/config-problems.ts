import path from 'node:path';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { formatProblem, problemsByFile, type ConfigurationError, type Problem } from '../rules/packs/problems.js';
import { readTextFile } from '../rules/io/read-regular-file.js';
import { DIAGNOSTIC_SOURCE } from './shared/protocol.js';
import { uriOfPath } from './workspace-folders.js';

/** The code of diagnostics placed on a broken pack or configuration file. */
export const CONFIG_PROBLEM_CODE = 'configuration';

function problemDiagnostic(problem: Problem, lines: string[] | undefined): Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = Math.max(0, problem.column - 1);
  const text = lines?.[line] ?? '';
  const end = Math.max(character + 1, text.trimEnd().length);
  return {
    range: { start: { line, character }, end: { line, character: end } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_PROBLEM_CODE,
    message: problem.ruleId ? `${problem.message} [${problem.ruleId}]` : problem.message,
  };
}

const ANY_LINE_BREAK = /\r\n|\r|\n/;

function readLines(file: string): string[] | undefined {
  try {
    // Only a regular file is read: the problem may be that the file is a pipe or a device.
    return readTextFile(file, 8 * 1024 * 1024, 'file').split(ANY_LINE_BREAK);
  } catch {
    return undefined;
  }
}

/**
 * Broken packs and configurations in force. Each distinct error is announced
 * once with a notification, and every problem is shown as a diagnostic on its
 * file at its line until the error is gone.
 */
export class ConfigProblems {
  private readonly active = new Map<string, ConfigurationError>();
  private readonly announced = new Set<string>();
  private published = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Records that the configuration behind a key is broken. */
  report(key: string, error: ConfigurationError): void {
    const before = this.active.get(key)?.message;
    this.active.set(key, error);
    if (!this.announced.has(error.message)) {
      this.announced.add(error.message);
      const first = error.problems[0];
      const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more problem${error.problems.length > 2 ? 's' : ''})` : '';
      const message = `Assessment Lint: a pack or configuration has a problem, so drafts are checked with the last good configuration. ${first ? formatProblem(first) : error.message}${more}`;
      this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
    }
    if (before !== error.message) this.publish();
  }

  /** Announces, once each, warnings about a configuration that loads (a pack that no longer matches the lock). */
  warn(warnings: ReadonlyArray<{ message: string }>): void {
    for (const warning of warnings) {
      const message = `Assessment Lint: ${warning.message}`;
      if (this.announced.has(message)) continue;
      this.announced.add(message);
      this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }

  /** Records that the configuration behind a key loads again. */
  clear(key: string): void {
    if (!this.active.delete(key)) return;
    const live = new Set([...this.active.values()].map((error) => error.message));
    for (const message of [...this.announced]) if (!live.has(message)) this.announced.delete(message);
    this.publish();
  }

  /** True while any configuration is broken. */
  get any(): boolean {
    return this.active.size > 0;
  }

  /** The problems in force for one key, formatted. */
  problemsFor(key: string): string[] {
    const error = this.active.get(key);
    return error ? [...problemsByFile(error.problems).values()].flat().map(formatProblem) : [];
  }

  /** The files that currently have problems. */
  files(): string[] {
    return [...new Set([...this.active.values()].flatMap((error) => error.problems.map((problem) => problem.file)))];
  }

  /** Shows every file's problems (repeats left out, at most MAX_PROBLEMS_PER_FILE each) as diagnostics on it, and clears files that have none left. */
  private publish(): void {
    const onDisk = [...this.active.values()].flatMap((error) => error.problems.filter((problem) => path.isAbsolute(problem.file)));
    const byFile = problemsByFile(onDisk);
    const now = new Set<string>();
    for (const [file, problems] of byFile) {
      const uri = uriOfPath(file);
      now.add(uri);
      const lines = readLines(file);
      this.connection.sendDiagnostics({ uri, diagnostics: problems.map((problem) => problemDiagnostic(problem, lines)) });
    }
    for (const uri of this.published) if (!now.has(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }
}
