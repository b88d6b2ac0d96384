import type { TSchema, Static } from '@sinclair/typebox';
import type { AssessmentDocument } from './document.js';
import type { Span } from './line-index.js';
import type { Matcher } from './matcher.js';

/** How serious a message is, in LSP's four levels. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity as a pack or configuration may set it: one of the four, or `off`. */
export type SeveritySetting = Severity | 'off';

/** Every severity setting, most serious first. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** A fix carried as data on a message: the editor turns it into a code action. */
export type Fix =
  /** Replace the message's span with one of the alternatives. */
  | { type: 'replace'; span: Span; replacements: string[] }
  /** Insert a skeleton paragraph at an offset (for a missing topic). */
  | { type: 'insert'; offset: number; text: string; sectionTitle?: string };

/** A secondary place a message points to, such as the sentence that triggered it. */
export interface RelatedPlace {
  span: Span;
  message: string;
}

/** What a rule kind reports: where, and optionally a more specific text, related places and a fix. */
export interface Finding {
  span: Span;
  message?: string;
  related?: RelatedPlace[];
  fix?: Fix;
  /** The line (zero-based) a suppression comment for this message is inserted before so that it works; absent for messages that cannot be suppressed. */
  suppressAt?: number;
}

/** Whether a coverage rule's topic is present in a draft. */
export type CoverageStatus = 'addressed' | 'missing' | 'not-applicable';

/** Every coverage state. */
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['addressed', 'missing', 'not-applicable'];

/** What a mention asserts about its concept: done or so, said not to be so, only what the person said, only planned, asked for, and so on. */
export type MentionStatus = 'affirmed' | 'negated' | 'reported' | 'hypothetical' | 'requested' | 'refused' | 'not-done' | 'unavailable' | 'placeholder';

/** Every mention status, in the order docs and listings give them. */
export const MENTION_STATUSES: readonly MentionStatus[] = ['affirmed', 'negated', 'reported', 'hypothetical', 'requested', 'refused', 'not-done', 'unavailable', 'placeholder'];

/** The part a mention's words play: the topic itself, an object of the offence (goods stolen or supplied), a place, or another sense of the word. */
export type MentionRole = 'topic' | 'object' | 'place' | 'other-sense';

/** Every mention role. */
export const MENTION_ROLES: readonly MentionRole[] = ['topic', 'object', 'place', 'other-sense'];

/** Why a rule did not count a mention of its concept. */
export type SetAsideReason =
  /** It is about somebody other than the person. */
  | { why: 'owner' }
  /** Its status is not one the rule counts ("CPS papers not yet received": unavailable). */
  | { why: 'status'; status: MentionStatus }
  /** Its words play a part the rule does not count ("stole a crate of lager": object). */
  | { why: 'role'; role: MentionRole }
  /** It stands outside the sections the rule reads. */
  | { why: 'section'; section: string }
  /** It is a field label whose field is blank, a placeholder or "N/A". */
  | { why: 'empty-field' }
  /** It stands under a field label the rule leaves out. */
  | { why: 'under-label' }
  /** Its sentence also holds a concept the rule leaves out (what the person said). */
  | { why: 'sentence-with'; concept: string };

/** A mention of a rule's concept that the rule did not count, and why. */
export interface SetAsideMention {
  start: number;
  end: number;
  concept: string;
  reason: SetAsideReason;
  /** The words that decided the reason ("not yet received"), when a cue did. */
  cue?: Span;
}

/** A coverage rule's verdict on a draft, with the evidence for it. */
export interface Coverage {
  status: CoverageStatus;
  /** The mention that made the rule pass. */
  evidence?: Span;
  /** The mentions the rule saw but did not count, in document order (at most a few dozen). */
  setAside?: SetAsideMention[];
}

/** The result of running one rule on one draft. */
export interface RuleOutcome {
  findings: Finding[];
  /** Set by coverage kinds (require-topic, require-if, corroborate, require-section). */
  coverage?: Coverage;
}

/** What a rule kind receives: the draft, its validated options and the pack's compiled concepts. */
export interface RuleContext<Options> {
  document: AssessmentDocument;
  options: Options;
  matcher: Matcher;
}

/** Names a set of options refers to, checked when the pack loads. */
export interface OptionReferences {
  concepts: string[];
  sections: string[];
}

/** A rule kind: a pure function from a draft and validated options to findings. */
export interface RuleKind<Schema extends TSchema = TSchema> {
  name: string;
  /** One sentence for `rules` listings and the pack docs. */
  description: string;
  /** The options every rule of this kind must have, as a schema (also used for the pack JSON Schema). */
  options: Schema;
  /** The concept and section names the options use, so the loader can check they exist. */
  references(options: Static<Schema>): OptionReferences;
  check(context: RuleContext<Static<Schema>>): RuleOutcome;
}

/** A message as the engine hands it on: the finding stamped with the rule's id, severity, pack and docs. */
export interface LintMessage {
  ruleId: string;
  kind: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  pack: string;
  docsUrl?: string;
  related?: RelatedPlace[];
  fix?: Fix;
  /** The line (zero-based) a suppression comment for this message is inserted before so that it works; absent for messages that cannot be suppressed. */
  suppressAt?: number;
}
