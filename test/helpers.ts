import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentFormat } from '../rules/core/chunks.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { lint, type LintResult, type LintSettings } from '../rules/core/engine.js';
import { compilePacks, type CompiledPack } from '../rules/packs/compile.js';
import { CORE_PACK, loadPackFile, parsePack } from '../rules/packs/load-pack.js';
import { ConfigurationError, type Problem } from '../rules/packs/problems.js';

/** The repository root, found from the bundled test file in dist/test. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The built command line, as `npm test` leaves it after the build step. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Compiles a pack written inline as YAML (no extends), the way a team would write it. */
export function compileYaml(yaml: string, file = 'inline-pack.yaml'): CompiledPack {
  return compilePacks([parsePack(file, yaml, undefined)]);
}

let core: CompiledPack | undefined;

/** The built-in pack, compiled once for the whole test run. */
export function corePack(): CompiledPack {
  core ??= compilePacks([loadPackFile(CORE_PACK)]);
  return core;
}

/** A draft linted with a pack: its text model and the lint result. */
export interface Linted {
  document: AssessmentDocument;
  result: LintResult;
}

/** Lints a snippet with a compiled pack (Markdown unless told otherwise). */
export function lintSnippet(text: string, pack: CompiledPack, format: DocumentFormat = 'markdown', settings: LintSettings = {}): Linted {
  const document = new AssessmentDocument(text, format, { lexicon: pack.lexicon, classifier: pack.classifier });
  return { document, result: lint(document, pack, settings) };
}

/** The rule ids that produced messages, sorted and without repeats. */
export function firedRules(result: LintResult): string[] {
  return [...new Set(result.messages.map((message) => message.ruleId))].sort();
}

/** The problems a function's ConfigurationError carries; fails when it throws nothing or something else. */
export function configurationProblems(action: () => unknown): Problem[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  assert.fail('expected a ConfigurationError, but nothing was thrown');
}

/** Asserts that one of the problems sits at the given place and says something matching `pattern`. */
export function assertProblemAt(problems: Problem[], expected: { file?: string; line: number; column: number; pattern: RegExp; ruleId?: string }): Problem {
  const found = problems.find(
    (problem) =>
      problem.line === expected.line &&
      problem.column === expected.column &&
      expected.pattern.test(problem.message) &&
      (expected.file === undefined || problem.file === expected.file) &&
      (expected.ruleId === undefined || problem.ruleId === expected.ruleId),
  );
  assert.ok(found, `no problem at ${expected.line}:${expected.column} matching ${expected.pattern}; got:\n${problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.ruleId ?? ''}]`).join('\n')}`);
  return found;
}

/** The text of a span of a document. */
export function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** A temporary folder with files written from a map of relative paths to contents; `remove()` deletes it. */
export class TempFolder {
  readonly root: string;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    this.root = mkdtempSync(path.join(tmpdir(), 'assessment-lint-test-'));
    this.write(files);
  }

  /** Writes (or overwrites) files under the folder. */
  write(files: Record<string, string | Uint8Array>): void {
    for (const [relative, content] of Object.entries(files)) {
      const full = this.path(relative);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }

  /** The absolute path of a file in the folder. */
  path(relative: string): string {
    return path.join(this.root, relative);
  }

  /** Deletes the folder and everything in it. */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** What a finished command-line run printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a folder and resolves when the process closes. */
export function runCli(args: string[], cwd: string): Promise<CliRun> {
  return runNode([CLI, ...args], cwd);
}

/** Runs a Node.js script (with its arguments) in a folder, with no standard input, and resolves when the process closes. */
export function runNode(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
