import path from 'node:path';
import type { DocumentFormat } from '../rules/core/chunks.js';
import type { AssessmentDocument } from '../rules/core/document.js';
import { Linter, type LintedDraft } from '../rules/linter.js';
import { extraPackReference, findConfigFile, resolveConfig, type ResolvedConfig } from '../rules/config/workspace-config.js';
import { CORE_PACK } from '../rules/packs/load-pack.js';
import { ConfigurationError } from '../rules/packs/problems.js';
import type { ConfigProblems } from './config-problems.js';
import type { AssessmentLintSettings } from './shared/settings.js';

/** Where a draft stands: its path (if on disk) and its workspace folder. */
export interface DraftPlace {
  filePath?: string;
  folder?: string;
}

/** The configuration a draft is linted with, and the key its problems and last good configuration are kept under. */
export interface ConfigChoice {
  linter: Linter;
  config: ResolvedConfig;
  /** The path the configuration was looked up for (a stand-in inside the folder for untitled drafts). */
  lookupPath?: string;
  /** The workspace folder and the configuration file that applies there (whatever the settings). */
  key: string;
}

/**
 * One `Linter` per workspace folder and settings combination (each caches its
 * compiled configurations and parsed chunks), plus the last configuration that
 * loaded in each workspace folder (per configuration file in it), used while a
 * pack or configuration file is broken. The settings' severities apply on top
 * of it, since the linter chosen for the current settings lints with it.
 */
export class LinterPool {
  private linters = new Map<string, Linter>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  /** The built-in pack alone, for drafts with neither a path nor a workspace folder (virtual workspaces). */
  private builtIn: ResolvedConfig | undefined;

  constructor(private readonly problems: ConfigProblems) {}

  /** Chooses the linter and configuration for a draft; never throws for configuration problems. */
  choose(place: DraftPlace, settings: AssessmentLintSettings): ConfigChoice {
    const packs = settings.packs.map((pack) => (place.folder ? extraPackReference(pack, place.folder) : pack));
    const linterKey = JSON.stringify([place.folder ?? '', packs, settings.rules]);
    let linter = this.linters.get(linterKey);
    if (!linter) {
      linter = new Linter({ extraPacks: packs, severities: settings.rules });
      this.linters.set(linterKey, linter);
    }
    const lookupPath = place.filePath ?? (place.folder ? path.join(place.folder, 'untitled.md') : undefined);
    if (!lookupPath) {
      this.builtIn ??= resolveConfig(undefined, process.cwd(), []);
      return { linter, config: this.builtIn, key: '' };
    }
    const key = JSON.stringify([place.folder ?? path.dirname(lookupPath), findConfigFile(path.dirname(lookupPath)) ?? '']);
    try {
      const config = linter.configFor(lookupPath);
      this.lastGood.set(key, config);
      this.problems.clear(key);
      this.problems.warn(config.warnings);
      return { linter, config, lookupPath, key };
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      this.problems.report(key, error);
      const config = this.lastGood.get(key) ?? resolveConfig(undefined, path.dirname(lookupPath), []);
      return { linter, config, lookupPath, key };
    }
  }

  /**
   * The configuration chosen for a draft, and its lint as steps to run a slice
   * at a time (see `Linter.lintSteps`); `previous` is the draft's model from
   * its last lint, so that only the changed part is parsed again.
   */
  lintSteps(
    text: string,
    format: DocumentFormat,
    place: DraftPlace,
    settings: AssessmentLintSettings,
    previous?: AssessmentDocument,
  ): { choice: ConfigChoice; steps: Generator<number, LintedDraft> } {
    const choice = this.choose(place, settings);
    return { choice, steps: choice.linter.lintSteps(choice.config, text, format, choice.lookupPath, previous) };
  }

  /** Forgets compiled configurations (a configuration or pack file changed); the last good ones are kept. */
  reset(): void {
    this.linters = new Map();
  }

  /** The configuration and pack files in use, to tell which watched-file events matter. */
  filesInUse(): Set<string> {
    const files = new Set<string>();
    for (const config of this.lastGood.values()) {
      if (config.file) files.add(config.file);
      for (const layer of config.layers) if (layer.file !== CORE_PACK) files.add(layer.file);
    }
    return files;
  }
}
