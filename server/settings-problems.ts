import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { globProblem, shortGlob } from '../rules/config/glob.js';
import { DEFAULT_SETTINGS, RULE_SEVERITY_SETTINGS, SETTINGS_SECTION } from './shared/settings.js';

/** The longest debounce honoured, so a typo cannot stop linting altogether. */
export const MAX_DEBOUNCE_MS = 10_000;

const KNOWN_SETTINGS = new Set(Object.keys(DEFAULT_SETTINGS));
const RUN_VALUES = ['onType', 'onSave'];
const TRACE_VALUES = ['off', 'messages', 'verbose'];

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

/**
 * Describes each `assessmentLint` setting the editor sent that the server
 * cannot use as given (a wrong type, a value out of range, an unknown name),
 * and what is used instead; empty when every setting is usable.
 */
export function settingsProblems(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const name = (key: string) => `${SETTINGS_SECTION}.${key}`;
  if (!isRecord(raw)) return [`The ${SETTINGS_SECTION} settings must be an object, not ${shown(raw)}; the defaults are used.`];
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_SETTINGS.has(key)) problems.push(`${name(key)} is not an Assessment Lint setting; it is ignored.`);
  const { enable, packs, rules, run, debounceMs, files, trace } = raw;
  if (enable !== undefined && typeof enable !== 'boolean') problems.push(`${name('enable')} must be true or false, not ${shown(enable)}; ${DEFAULT_SETTINGS.enable} is used.`);
  if (packs !== undefined && !isStringList(packs)) problems.push(`${name('packs')} must be a list of pack paths or package names, not ${shown(packs)}; only text entries of a list are used.`);
  if (rules !== undefined) {
    if (!isRecord(rules)) problems.push(`${name('rules')} must map rule ids to severities, not ${shown(rules)}; it is ignored.`);
    else for (const [id, severity] of Object.entries(rules)) {
      if (!RULE_SEVERITY_SETTINGS.includes(severity as never)) problems.push(`${name(`rules.${id}`)} is ${shown(severity)}; use ${RULE_SEVERITY_SETTINGS.join(', ')}. The rule keeps the severity its pack and configuration give.`);
    }
  }
  if (run !== undefined && !RUN_VALUES.includes(run as string)) problems.push(`${name('run')} is ${shown(run)}; use ${RUN_VALUES.join(' or ')}. ${DEFAULT_SETTINGS.run} is used.`);
  if (debounceMs !== undefined && (typeof debounceMs !== 'number' || !Number.isFinite(debounceMs) || debounceMs < 0 || debounceMs > MAX_DEBOUNCE_MS)) {
    const fallback = typeof debounceMs === 'number' && debounceMs > MAX_DEBOUNCE_MS ? MAX_DEBOUNCE_MS : DEFAULT_SETTINGS.debounceMs;
    problems.push(`${name('debounceMs')} must be a number of milliseconds from 0 to ${MAX_DEBOUNCE_MS}, not ${shown(debounceMs)}; ${fallback} is used.`);
  }
  if (files !== undefined) {
    if (!isRecord(files)) problems.push(`${name('files')} must be an object with include and exclude, not ${shown(files)}; the default globs are used.`);
    else for (const key of ['include', 'exclude'] as const) {
      if (files[key] !== undefined && !isStringList(files[key])) problems.push(`${name(`files.${key}`)} must be a list of globs, not ${shown(files[key])}; entries that are not globs are ignored.`);
      for (const glob of Array.isArray(files[key]) ? (files[key] as unknown[]) : []) {
        const reason = typeof glob === 'string' ? globProblem(glob) : undefined;
        if (reason) problems.push(`${name(`files.${key}`)}: '${shortGlob(glob as string)}' ${reason}; it is ignored.`);
      }
    }
  }
  if (trace !== undefined) {
    const server = isRecord(trace) ? trace.server : trace;
    if (!TRACE_VALUES.includes(server as string)) problems.push(`${name('trace.server')} is ${shown(server)}; use ${TRACE_VALUES.join(', ')}. off is used.`);
  }
  return problems;
}

/**
 * Tells the writer about settings that cannot be used: each problem is shown
 * once (a warning naming the setting, the bad value and what is used instead)
 * until the settings change, and logged to the server's output.
 */
export class SettingsNotices {
  private readonly announced = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Announces the problems not announced yet. */
  report(problems: string[]): void {
    const fresh = problems.filter((problem) => !this.announced.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.announced.add(problem);
      this.connection.console.warn(problem);
    }
    this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Assessment Lint: ${fresh.length === 1 ? 'a setting has a value' : 'some settings have values'} it cannot use, so ${fresh.length === 1 ? 'its default applies' : 'their defaults apply'}. ${fresh.join(' ')}`,
    });
  }

  /** Forgets what was announced (the settings changed), so problems still there are shown again. */
  reset(): void {
    this.announced.clear();
  }
}
