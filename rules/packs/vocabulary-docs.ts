import type { CompiledPack } from './compile.js';

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
    '<!-- /page -->',
  ].join('\n');
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
