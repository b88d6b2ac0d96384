import type { CompiledPack } from './compile.js';
import { MENTION_ROLES, MENTION_STATUSES } from '../core/contracts.js';
import { countedStatuses, DEFAULT_ROLES, type MentionFilter } from '../kinds/mention-filter.js';

/** The statuses a source counts in when a corroborate rule does not say. */
const SOURCE_STATUSES = ['affirmed'];

/** The markers around the generated part of docs/packs.md. */
export const VOCABULARY_DOCS_MARK = /<!-- vocabulary-tables -->[\s\S]*?<!-- \/vocabulary-tables -->/;

/**
 * The built-in concepts (with the file and rules of each) and the heading
 * wordings of each section kind, as docs/packs.md shows them; written by
 * scripts/write-schemas.ts after each build, and checked by a test.
 */
export function vocabularyDocs(pack: CompiledPack): string {
  const readers = new Map<string, string[]>();
  for (const rule of pack.rules) {
    for (const concept of rule.kind.references(rule.options as never).concepts) {
      const list = readers.get(concept) ?? [];
      if (!list.includes(rule.id)) list.push(rule.id);
      readers.set(concept, list);
    }
  }
  const concepts = [...pack.conceptSources.values()].map((source) => {
    const file = source.match[0]?.origin.layer.part ?? '';
    const rules = (readers.get(source.name) ?? []).map((id) => `\`${id}\``).join(', ');
    return `| \`${source.name}\` | \`${file}\` | ${source.match.length} | ${source.exclude.length} | ${rules} |`;
  });
  const lists = [...pack.vocabulary.entries()].map(([name, entries]) => {
    const file = entries[0]?.at.layer.part ?? '';
    return `\`${name}\` (${entries.length}, \`${file}\`)`;
  });
  const sections = Object.entries(pack.sections).map(([kind, wordings]) => `| \`${kind}\` | ${wordings.join('; ')} |`);
  return [
    '<!-- vocabulary-tables -->',
    '<!-- Generated from rules/packs/core/ by `npm run build`; do not edit by hand. -->',
    '',
    '**Built-in concepts** (terms, exclusions, and the rules that read each):',
    '',
    '| concept | file | terms | exclusions | read by |',
    '| --- | --- | --- | --- | --- |',
    ...concepts,
    '',
    `**Built-in word lists** (entries, file): ${lists.join(', ')}.`,
    '',
    '**Section kinds and their heading wordings:**',
    '',
    '| kind | wordings |',
    '| --- | --- |',
    ...sections,
    '<!-- /vocabulary-tables -->',
  ].join('\n');
}

/** The markers around the README's generated table of built-in rules. */
export const RULE_TABLE_MARK = /<!-- rule-table -->[\s\S]*?<!-- \/rule-table -->/;

/** The README's table of built-in rules, from each rule's `page.summary` (written by the build, checked by a test). */
export function ruleTable(pack: CompiledPack): string {
  const rows = pack.rules.map((rule) => {
    const note = rule.severity === 'info' ? ' (information)' : '';
    return `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.page.summary ?? rule.message}${note} |`;
  });
  return ['<!-- rule-table -->', '| rule | warns when |', '|---|---|', ...rows, '<!-- /rule-table -->'].join('\n');
}

/** The markers around a rule docs page's generated examples. */
export const EXAMPLES_MARK = /<!-- examples -->[\s\S]*?<!-- \/examples -->/;

/** Where a built-in rule's docs page holds what its file says of it: what it checks, why it matters, what counts. */
export const PAGE_MARK = /<!-- page -->[\s\S]*?<!-- \/page -->/;

/** The top of a rule's docs page from its file's `page`: what it checks, why it matters and what counts as addressed (written by the build, checked by a test). */
export function pageDocs(rule: CompiledPack['rules'][number]): string {
  const points = (items: string[] | undefined) => (items ?? []).map((item) => `- ${item}`).join('\n');
  return [
    '<!-- page -->',
    `<!-- From the page fields of rules/packs/core/${rule.id}.yaml; written by \`npm run build\`. -->`,
    rule.page.title ?? '',
    '',
    '## Why it matters',
    '',
    points(rule.page.why),
    '',
    '## What counts as addressed',
    '',
    points(rule.page.counts),
    ...mentionDocs(rule),
    '<!-- /page -->',
  ].join('\n');
}

const list = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');
const names = (ref: string | string[]) => list(typeof ref === 'string' ? [ref] : ref);

/** Which owners, statuses and roles of a filter's mentions count, and which are set aside, in words. */
function filterPoint(part: string, filter: MentionFilter): string {
  const statuses = countedStatuses(filter);
  const roles = filter.roles ?? DEFAULT_ROLES;
  const owner = filter.about === 'person' ? "the person's own" : filter.about === 'other' ? "somebody else's" : 'anyone\'s';
  const aside = [...MENTION_STATUSES.filter((status) => !statuses.has(status)), ...MENTION_ROLES.filter((role) => !roles.includes(role))];
  return `- ${part} (${names(filter.concept)}): mentions that are ${owner}, with status ${list([...statuses])} and role ${list(roles)}. Set aside: ${aside.length > 0 ? list(aside) : 'nothing'}${filter.about === 'person' ? ", and anyone else's" : ''}.`;
}

/** The generated "Which mentions count" part of a rule page: what the mention model lets count, from the rule's options. */
function mentionDocs(rule: CompiledPack['rules'][number]): string[] {
  const options = rule.options as Record<string, unknown>;
  const points: string[] = [];
  if (rule.kind.name === 'require-topic') points.push(filterPoint('The topic', options.topic as MentionFilter));
  if (rule.kind.name === 'require-if') {
    points.push(filterPoint('What makes the rule apply', options.if as MentionFilter));
    points.push(filterPoint('What answers it', options.then as MentionFilter));
  }
  if (rule.kind.name === 'corroborate') {
    const statuses = (options.sourceStatuses as string[] | undefined) ?? SOURCE_STATUSES;
    points.push(`- A source (${names(options.sources as string | string[])}) counts with status ${list(statuses)} only: a source not received, only requested, only planned, known only from what the person said, or left as a placeholder is no source. Other senses of its words are set aside.`);
  }
  if (points.length === 0) return [];
  return [
    '',
    '## Which mentions count',
    '',
    "Each mention has an owner, a status and a role, read from the pack's cues (see [the mention model](../architecture.md#the-mention-model)); `assessment-lint explain` shows, for a draft, the mention that counted and why each other one was set aside.",
    '',
    ...points,
  ];
}

/** A rule docs page's examples: the rule's own `examples`, which `pack test` and the test suite run (written by the build, checked by a test). */
export function examplesDocs(rule: CompiledPack['rules'][number]): string {
  const fence = (snippet: string) => ['```markdown', snippet, '```'].join('\n');
  const part = (title: string, snippets: string[]) => (snippets.length === 0 ? [] : [`## ${title}`, '', snippets.map(fence).join('\n\n'), '']);
  return [
    '<!-- examples -->',
    `<!-- The rule's examples in rules/packs/core/${rule.id}.yaml, each checked by \`pack test core\`; written by \`npm run build\`. -->`,
    ...part(rule.examples.warn.length > 1 ? 'Examples that warn' : 'Example that warns', rule.examples.warn),
    ...part(rule.examples.pass.length > 1 ? 'Examples that pass' : 'Example that passes', rule.examples.pass),
    '<!-- /examples -->',
  ].join('\n');
}
