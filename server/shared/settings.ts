/**
 * The editor settings under `assessmentLint`, shared by the client (which
 * contributes them) and the server (which reads them per document). Only types
 * and constants live here, so the client bundles nothing of the server.
 */

/** The settings section every Assessment Lint setting lives under. */
export const SETTINGS_SECTION = 'assessmentLint';

/** A rule severity as settings may set it. */
export type RuleSeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** Every severity a setting may give, most serious first. */
export const RULE_SEVERITY_SETTINGS: readonly RuleSeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** When drafts are linted: as the writer types, or when the file is saved. */
export type RunSetting = 'onType' | 'onSave';

/** The `assessmentLint` settings for one document, as the server uses them. */
export interface AssessmentLintSettings {
  /** Whether drafts are linted at all. */
  enable: boolean;
  /** Pack files or folders used after the configuration file's own (paths relative to the workspace folder). */
  packs: string[];
  /** Severity overrides by rule id, applied after the configuration file. */
  rules: Record<string, RuleSeveritySetting>;
  run: RunSetting;
  /** Milliseconds to wait after a keystroke before linting. */
  debounceMs: number;
  files: {
    /** Globs of further files to lint (and of the files "Lint workspace" collects). */
    include: string[];
    /** Globs of files never linted. */
    exclude: string[];
  };
  trace: { server: 'off' | 'messages' | 'verbose' };
}

/** The settings a document has when the editor sends none. */
export const DEFAULT_SETTINGS: AssessmentLintSettings = {
  enable: true,
  packs: [],
  rules: {},
  run: 'onType',
  debounceMs: 200,
  files: {
    include: ['**/*.md', '**/*.markdown', '**/*.txt'],
    exclude: ['**/node_modules/**', '**/.git/**'],
  },
  trace: { server: 'off' },
};

/** Names of the workspace configuration file the client watches. */
export const CONFIG_FILE_GLOB = '**/.assessment-lint.{yaml,yml,json}';

/** Globs of files that may be rule packs, watched so that editing a pack re-lints open drafts. */
export const PACK_FILE_GLOBS = ['**/*.{yaml,yml}', '**/pack.json'];
