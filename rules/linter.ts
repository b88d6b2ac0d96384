import path from 'node:path';
import type { DocumentFormat } from './core/chunks.js';
import { ChunkCache } from './core/chunk-cache.js';
import { AssessmentDocument, planChunks } from './core/document.js';
import { lint, lintSteps, runToEnd, type LintResult, type LintSettings } from './core/engine.js';
import type { Span } from './core/line-index.js';
import { DRAFT_BUDGET_MS, failedResult, failureReason, stoppedResult } from './core/unchecked-draft.js';
import type { SeveritySetting } from './core/contracts.js';
import { configStamp, findConfigFile, reasonPolicyOf, resolveConfig, severitiesFor, type ResolvedConfig } from './config/workspace-config.js';

/** How a Linter finds its configuration. */
export interface LinterOptions {
  /** A configuration file to use for every draft instead of looking for one. */
  configFile?: string;
  /** Packs added after the configuration's own (command line or editor settings). */
  extraPacks?: string[];
  /** Severity overrides applied last (editor settings). */
  severities?: Record<string, SeveritySetting>;
  /** The day staged rules are judged by. */
  today?: Date;
  /** How long (ms of its own work) the linter may spend preparing one draft before it reports the part read (default DRAFT_BUDGET_MS). */
  budgetMs?: number;
}

/** One draft linted: its model and what the rules found. */
export interface LintedDraft {
  document: AssessmentDocument;
  result: LintResult;
  config: ResolvedConfig;
  /** Set when the check stopped early: the offset where the unchecked part of the draft begins. */
  stoppedAt?: number;
  /** Set when the linter failed on the draft: why, in words for the writer (the result then holds one warning saying so). */
  failure?: string;
}

/**
 * Lints drafts with the configuration that applies to each (found by walking
 * up from the draft), caching compiled packs and parsed chunks between calls.
 * The CLI and the language server both lint through this class.
 */
export class Linter {
  private readonly configs = new Map<string, { stamp: string; resolved: ResolvedConfig }>();
  private readonly cache = new ChunkCache();

  constructor(private readonly options: LinterOptions = {}) {}

  /** The configuration for a draft path (or for the working folder when the draft has none); throws ConfigurationError. */
  configFor(filePath: string | undefined): ResolvedConfig {
    const folder = filePath ? path.dirname(path.resolve(filePath)) : process.cwd();
    const file = this.options.configFile ? path.resolve(this.options.configFile) : findConfigFile(folder);
    const key = file ?? `<none>:${folder}`;
    const cached = this.configs.get(key);
    if (cached && configStamp(cached.resolved) === cached.stamp) return cached.resolved;
    const resolved = resolveConfig(file, file ? path.dirname(file) : folder, this.options.extraPacks);
    this.configs.set(key, { stamp: configStamp(resolved), resolved });
    return resolved;
  }

  /**
   * Lints one draft's text; the path picks the configuration and per-file
   * overrides. Given the draft's model from its previous lint (`previous`),
   * only the part around the change is split and parsed again.
   */
  lintText(text: string, format: DocumentFormat, filePath?: string, previous?: AssessmentDocument): LintedDraft {
    return this.lintWith(this.configFor(filePath), text, format, filePath, previous);
  }

  /** Lints one draft's text with a configuration already resolved (the editor keeps the last good one while a pack is broken). */
  lintWith(config: ResolvedConfig, text: string, format: DocumentFormat, filePath?: string, previous?: AssessmentDocument): LintedDraft {
    return runToEnd(this.lintSteps(config, text, format, filePath, previous));
  }

  /**
   * The same lint as `lintWith`, in small steps for a caller that must stay
   * responsive: the chunks to parse are parsed and matched one by one, then
   * the rules run one by one. Each step yields how far into the text the draft
   * is prepared, so a caller can pause, give up, or lint the prepared start alone.
   */
  *lintSteps(config: ResolvedConfig, text: string, format: DocumentFormat, filePath?: string, previous?: AssessmentDocument): Generator<number, LintedDraft> {
    const budget = this.options.budgetMs ?? DRAFT_BUDGET_MS;
    let busy = 0;
    let resumed = performance.now();
    try {
      const plan = planChunks(text, format, previous, config.pack.lexicon);
      this.cache.fit(plan.fresh.length);
      for (let index = 0; index < plan.fresh.length; index++) {
        const span = plan.fresh[index];
        this.cache.prepare(text.slice(span.start, span.end), format, config.pack.matcher, config.pack.lexicon);
        busy += performance.now() - resumed;
        // A draft built afresh that has used up its time is checked as far as it was read (an edit re-reads only a few chunks).
        if (!plan.edit && busy >= budget && index + 1 < plan.fresh.length) return this.stopped(config, text, format, filePath, plan.fresh.slice(0, index + 1), plan.fresh[index + 1].start, busy);
        yield span.end;
        resumed = performance.now();
      }
      const document = new AssessmentDocument(text, format, { cache: this.cache, lexicon: config.pack.lexicon, classifier: config.pack.classifier, plan });
      const steps = lintSteps(document, config.pack, this.settingsFor(config, filePath));
      let step = steps.next();
      while (!step.done) {
        yield text.length;
        step = steps.next();
      }
      return { document, result: step.value, config };
    } catch (error) {
      // Never silent: the draft gets one warning saying it was not checked, and callers can list it as skipped.
      const failure = failureReason(error);
      const document = new AssessmentDocument(text, format, { cache: this.cache, lexicon: config.pack.lexicon, classifier: config.pack.classifier, plan: { fresh: [], partial: true } });
      return { document, result: failedResult(document, failure), config, failure };
    }
  }

  /** The lint of a draft whose time ran out: the chunks read so far, with a note where the rest begins. */
  private stopped(config: ResolvedConfig, text: string, format: DocumentFormat, filePath: string | undefined, read: Span[], stoppedAt: number, busyMs: number): LintedDraft {
    const document = new AssessmentDocument(text, format, { cache: this.cache, lexicon: config.pack.lexicon, classifier: config.pack.classifier, plan: { fresh: read, partial: true } });
    const partial = lint(document, config.pack, this.settingsFor(config, filePath));
    return { document, result: stoppedResult(document, partial, stoppedAt, Math.round(busyMs / 1000)), config, stoppedAt };
  }

  private settingsFor(config: ResolvedConfig, filePath: string | undefined): LintSettings {
    return {
      severities: { ...severitiesFor(config, filePath), ...(this.options.severities ?? {}) },
      today: this.options.today,
      suppressions: reasonPolicyOf(config),
    };
  }
}
