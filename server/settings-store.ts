import type { Connection } from 'vscode-languageserver';
import { MAX_DEBOUNCE_MS, settingsProblems } from './settings-problems.js';
import { DEFAULT_SETTINGS, RULE_SEVERITY_SETTINGS, SETTINGS_SECTION, type AssessmentLintSettings, type RuleSeveritySetting } from './shared/settings.js';

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : fallback;
}

function severities(value: unknown): Record<string, RuleSeveritySetting> {
  const result: Record<string, RuleSeveritySetting> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [id, severity] of Object.entries(value)) {
      if (RULE_SEVERITY_SETTINGS.includes(severity as RuleSeveritySetting)) result[id] = severity as RuleSeveritySetting;
    }
  }
  return result;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads whatever the editor sent into complete settings, falling back to the default for each missing or malformed value. */
export function normaliseSettings(raw: unknown): AssessmentLintSettings {
  const value = record(raw);
  const files = record(value.files);
  const debounce = typeof value.debounceMs === 'number' ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;
  const trace = record(value.trace).server;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    packs: strings(value.packs, DEFAULT_SETTINGS.packs),
    rules: severities(value.rules),
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, MAX_DEBOUNCE_MS) : DEFAULT_SETTINGS.debounceMs,
    files: { include: strings(files.include, DEFAULT_SETTINGS.files.include), exclude: strings(files.exclude, DEFAULT_SETTINGS.files.exclude) },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

/**
 * The `assessmentLint` settings per document: asked of the editor with
 * `workspace/configuration` (scoped to the document, so multi-root folders may
 * differ) and cached until the settings change.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<AssessmentLintSettings>>();
  private readonly resolved = new Map<string, AssessmentLintSettings>();
  private global: AssessmentLintSettings = DEFAULT_SETTINGS;
  /** Set from the client's capabilities: whether it answers `workspace/configuration`. */
  pullConfiguration = false;

  constructor(
    private readonly connection: Connection,
    /** Told about settings that cannot be used as given (see `settingsProblems`). */
    private readonly onProblems: (problems: string[]) => void = () => {},
  ) {}

  private normalise(raw: unknown): AssessmentLintSettings {
    this.onProblems(settingsProblems(raw));
    return normaliseSettings(raw);
  }

  /** The settings for a document URI. */
  get(uri: string): Promise<AssessmentLintSettings> {
    if (!this.pullConfiguration) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((raw) => this.normalise(raw), () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
      const asked = settings;
      void asked.then((value) => {
        if (this.cache.get(uri) === asked) this.resolved.set(uri, value);
      });
    }
    return settings;
  }

  /** The settings for a document if already known, without asking the editor. */
  known(uri: string): AssessmentLintSettings | undefined {
    return this.pullConfiguration ? this.resolved.get(uri) : this.global;
  }

  /** Forgets cached settings after `workspace/didChangeConfiguration` (taking pushed settings when the client cannot be asked). */
  changed(pushed: unknown): void {
    this.cache.clear();
    this.resolved.clear();
    if (!this.pullConfiguration) this.global = this.normalise((pushed as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
  }

  /** Drops one document's cached settings (on close). */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }
}
