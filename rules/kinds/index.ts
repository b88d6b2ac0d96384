import type { RuleKind } from '../core/contracts.js';
import { corroborate } from './corroborate.js';
import { flagPhrase } from './flag-phrase.js';
import { forbidInSection } from './forbid-in-section.js';
import { maxLength } from './max-length.js';
import { requireIf } from './require-if.js';
import { requireSection } from './require-section.js';
import { requireTopic } from './require-topic.js';

/** The registry of rule kinds a pack may use: the small, closed set of things a rule can ask for. */
export const RULE_KINDS: Readonly<Record<string, RuleKind>> = Object.fromEntries(
  [requireTopic, requireIf, corroborate, flagPhrase, requireSection, maxLength, forbidInSection].map((kind) => [kind.name, kind as unknown as RuleKind]),
);
