import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ChunkCache } from '../rules/core/chunk-cache.js';
import { COVERAGE_STATUSES, MENTION_ROLES, MENTION_STATUSES } from '../rules/core/contracts.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { compilePacks } from '../rules/packs/compile.js';
import { CORE_FILES } from '../rules/packs/core/index.js';
import { CORE_PACK, loadPackFile, parsePack } from '../rules/packs/load-pack.js';
import { EXAMPLES_MARK, examplesDocs, PAGE_MARK, pageDocs, RULE_TABLE_MARK, ruleTable, VOCABULARY_DOCS_MARK, vocabularyDocs } from '../rules/packs/vocabulary-docs.js';
import { MEASURED_RULES } from './eval/measure.js';
import { assertProblemAt, configurationProblems, corePack, firedRules, lintSnippet, REPO_ROOT, runCli, TempFolder } from './helpers.js';

/** A team pack that names the person as its reports do and adds its local children's services front door. */
const TEAM_PACK = `name: north-pdu
version: 1.0.0
extends: core
vocabulary:
  person-nouns:
    add: [service user]
terms:
  children-services-enquiry:
    add:
      - the Northfield Family Gateway
`;

function withTeam(text: string, file = '/packs/team.yaml') {
  return compilePacks([loadPackFile(CORE_PACK), parsePack(file, text, undefined)]);
}

describe('vocabulary: named word lists', () => {
  const team = withTeam(TEAM_PACK);

  it('reads "service user" as the person once a team pack adds it to person-nouns', () => {
    const draft = '## Offender assessment\n\nHis mother says the service user drinks eight cans a day.';
    assert.ok(firedRules(lintSnippet(draft, corePack()).result).includes('alcohol'), 'without the team pack the drinking is the mother’s');
    assert.ok(!firedRules(lintSnippet(draft, team).result).includes('alcohol'), 'with it, the drinking is the person’s');
  });

  it('counts a referral to "the Northfield Family Gateway" as a children’s services enquiry once a team pack adds it', () => {
    const draft = 'He lives with his partner and her two children aged 3 and 6. A referral to the Northfield Family Gateway was sent on 4 March.';
    assert.ok(firedRules(lintSnippet(draft, corePack()).result).includes('safeguarding-enquiry'));
    assert.ok(!firedRules(lintSnippet(draft, team).result).includes('safeguarding-enquiry'));
  });

  it('shows both additions with the pack they came from (rules --terms, rules --vocabulary)', async () => {
    const folder = new TempFolder({ 'team.yaml': TEAM_PACK, '.assessment-lint.yaml': 'packs: [./team.yaml]\n' });
    try {
      const terms = await runCli(['rules', '--terms', 'children-services-enquiry'], folder.root);
      assert.equal(terms.code, 0, terms.stderr);
      assert.match(terms.stdout, /the Northfield Family Gateway {4}← north-pdu \(team\.yaml:10\)/);
      assert.match(terms.stdout, /^ {2}mash {4}← core \(core\/safeguarding-enquiry\.yaml:\d+\)$/m);
      const list = await runCli(['rules', '--vocabulary', 'person-nouns'], folder.root);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /service user {4}← north-pdu \(team\.yaml:6\)/);
      assert.match(list.stdout, /^ {2}mr {4}← core \(core\/lexicon\.yaml:\d+\) via @titles → @he-titles$/m);
      const unknown = await runCli(['rules', '--terms', 'childrens-services'], folder.root);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /not a concept of the active packs/);
    } finally {
      folder.remove();
    }
  });

  it('reaches every term built from a list with one addition to it (kin → young-relative)', () => {
    const pack = withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  kin:\n    add: [godson, goddaughter]\n`);
    const draft = '## Offender assessment\n\nHe sees his godson, aged 6, at weekends.';
    assert.ok(firedRules(lintSnippet(draft, corePack()).result).includes('child-safeguarding'));
    assert.ok(!firedRules(lintSnippet(draft, pack).result).includes('child-safeguarding'));
    const grown = pack.concepts.get('young-relative')!.match.filter((term) => term.includes('godson'));
    assert.equal(grown.length, 5, 'the five young-relative terms written with @kin');
  });

  it('expands @name inside a term, and a term that is only @name into one term per entry', () => {
    const pack = withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  pets: [dog, cat]\n  pet-phrases: [guinea pig, "@pets"]\nterms:\n  pet-care:\n    - feeds|walks @pets\n    - "@pet-phrases"\n`);
    assert.deepEqual(pack.concepts.get('pet-care')?.match, ['feeds|walks dog|cat', 'guinea pig', 'dog', 'cat']);
    const problems = configurationProblems(() => withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  pets: [guinea pig]\nterms:\n  pet-care:\n    - feeds @pets\n    - "@no-such-list"\n`));
    assertProblemAt(problems, { file: '/packs/team.yaml', line: 8, column: 7, pattern: /holds the phrase 'guinea pig'.*write '@pets' as a term of its own/ });
    assertProblemAt(problems, { file: '/packs/team.yaml', line: 9, column: 7, pattern: /'@no-such-list' refers to no word list/ });
  });

  it('changes an inherited list with add and remove, and a removal reaches the lists built from it', () => {
    const pack = withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  placeholder-answers:\n    remove: [tbc]\n`);
    const draft = 'Accommodation: TBC\n';
    assert.equal(lintSnippet(draft, corePack(), 'plaintext').document.units[0].unit.labelAnswered, false);
    assert.equal(lintSnippet(draft, pack, 'plaintext').document.units[0].unit.labelAnswered, true);
    assert.ok(!pack.vocabulary.get('empty-answers')?.some((entry) => entry.value === 'tbc'));
    const problems = configurationProblems(() => withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  placeholder-answers:\n    remove: [to be decided]\n  pets:\n    add: [dog]\n`));
    assertProblemAt(problems, { line: 6, column: 14, pattern: /'to be decided' is not in word list 'placeholder-answers'/ });
    assertProblemAt(problems, { line: 8, column: 5, pattern: /word list 'pets' is not defined by any pack this one extends/ });
  });

  it('keeps drafts read with different packs’ word lists apart in one chunk cache, without re-reading either', () => {
    const pack = withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  placeholder-answers:\n    remove: [tbc]\n`);
    const cache = new ChunkCache();
    const read = (with_: typeof pack) => new AssessmentDocument('Accommodation: TBC\n', 'plaintext', { cache, lexicon: with_.lexicon, classifier: with_.classifier }).units[0].unit;
    const first = read(corePack());
    assert.equal(read(pack).labelAnswered, true);
    assert.equal(read(corePack()), first, 'the chunk read with the built-in lists is still cached');
    assert.equal(first.labelAnswered, false);
  });

  it('adds to and removes from an inherited concept’s exclusions', () => {
    const pack = withTeam(`name: t\nversion: 1.0.0\nextends: core\nterms:\n  children:\n    exclude:\n      add: [children's centre]\n      remove: [an only child]\n`);
    const core = corePack().concepts.get('children')!;
    const changed = pack.concepts.get('children')!;
    assert.deepEqual(changed.match, core.match);
    assert.deepEqual(changed.exclude, [...core.exclude!.filter((term) => term !== 'an only child'), "children's centre"]);
    const problems = configurationProblems(() => withTeam(`name: t\nversion: 1.0.0\nextends: core\nterms:\n  children:\n    exclude:\n      remove: [as an infant]\n`));
    assertProblemAt(problems, { line: 7, column: 16, pattern: /'as an infant' is not among the exclusions of concept 'children'/ });
  });
});

describe('vocabulary: the duplicate check', () => {
  it('fails on an entry written twice in a list, naming both lines', () => {
    const problems = configurationProblems(() => withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  pets:\n    - dog\n    - cat\n    - Dog\n`));
    assertProblemAt(problems, { file: '/packs/team.yaml', line: 8, column: 7, pattern: /'Dog' is in word list 'pets' twice: here and at \/packs\/team\.yaml:6:7/ });
  });

  it('fails on an entry a team adds that the list already has, naming the built-in line', () => {
    const problems = configurationProblems(() => withTeam(`name: t\nversion: 1.0.0\nextends: core\nvocabulary:\n  titles:\n    add: [dr]\n`));
    assertProblemAt(problems, { line: 6, column: 11, pattern: /'dr' is in word list 'titles' twice: here and at core\/lexicon\.yaml:\d+:\d+/ });
  });

  it('fails on a term two concepts of one rule both hold, naming both places', () => {
    const text = `name: t\nversion: 1.0.0\nterms:\n  drink:\n    - lager\n    - pints\n  source:\n    - breathalyser\n    - pints\nrules:\n  drink-source:\n    kind: require-if\n    message: M.\n    options: { if: { concept: drink }, then: { concept: source } }\n`;
    const problems = configurationProblems(() => compilePacks([parsePack('/packs/dup.yaml', text, undefined)]));
    assertProblemAt(problems, { file: '/packs/dup.yaml', line: 9, column: 7, ruleId: 'drink-source', pattern: /'pints' is a term of both 'drink' \(at \/packs\/dup\.yaml:6:7\) and 'source'/ });
  });

  it('fails on a term written twice in a concept, and a word allowed twice in one place of a term', () => {
    const text = `name: t\nversion: 1.0.0\nvocabulary:\n  drinks: [lager, cider]\nterms:\n  drink:\n    - pints of @drinks\n    - pints of lager|cider\n    - cans of lager|@drinks\n`;
    const problems = configurationProblems(() => compilePacks([parsePack('/packs/dup.yaml', text, undefined)]));
    assertProblemAt(problems, { line: 8, column: 7, pattern: /'pints of lager\|cider' is among the terms of concept 'drink' twice: here and at \/packs\/dup\.yaml:7:7/ });
    assertProblemAt(problems, { line: 9, column: 7, pattern: /allows 'lager' twice in one place/ });
  });

  it('passes on the built-in pack, which `pack validate core` checks too', async () => {
    assert.ok(corePack().rules.length > 10);
    const run = await runCli(['pack', 'validate', 'core'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
  });
});

describe('vocabulary: the built-in pack’s files', () => {
  const folder = path.join(REPO_ROOT, 'rules', 'packs', 'core');

  it('reads every file of rules/packs/core, and each rule from a file named after it that holds that rule alone', () => {
    const onDisk = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort();
    assert.deepEqual([...CORE_FILES.map((file) => file.name)].sort(), onDisk);
    for (const rule of corePack().rules) {
      const data = parseYaml(readFileSync(path.join(folder, `${rule.id}.yaml`), 'utf8')) as { rules: Record<string, unknown> };
      assert.deepEqual(Object.keys(data.rules), [rule.id]);
    }
  });

  it('defines each concept and each word list in one file only, and uses each list it defines', () => {
    const concepts = new Map<string, string>();
    const lists = new Map<string, string>();
    const texts = CORE_FILES.map((file) => file.text).join('\n');
    for (const file of CORE_FILES) {
      const data = file.data as { terms?: Record<string, unknown>; vocabulary?: Record<string, unknown> };
      for (const name of Object.keys(data.terms ?? {})) {
        assert.ok(!concepts.has(name), `concept ${name} in ${file.name} and ${concepts.get(name)}`);
        concepts.set(name, file.name);
      }
      for (const name of Object.keys(data.vocabulary ?? {})) {
        assert.ok(!lists.has(name), `list ${name} in ${file.name} and ${lists.get(name)}`);
        lists.set(name, file.name);
        if (file.name !== 'lexicon.yaml') assert.ok(texts.includes(`@${name}`), `list ${name} (${file.name}) is used by no term`);
      }
    }
  });

  it('matches the tables of concepts, word lists and headings in docs/packs.md (npm run build rewrites them)', () => {
    const docs = readFileSync(path.join(REPO_ROOT, 'docs', 'packs.md'), 'utf8');
    assert.equal(VOCABULARY_DOCS_MARK.exec(docs)?.[0], vocabularyDocs(corePack()));
    assert.match(vocabularyDocs(corePack()), /\| `young-relative` \| `shared-terms\.yaml` \| \d+ \| \d+ \| `child-safeguarding`, `safeguarding-enquiry` \|/);
  });

  it('matches the README’s rule table, one row per built-in rule with its docs page', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.equal(RULE_TABLE_MARK.exec(readme)?.[0], ruleTable(corePack()));
    for (const rule of corePack().rules) assert.ok(readme.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.page.summary}`), rule.id);
  });

  it('shows on each rule’s docs page exactly the examples the tests run', () => {
    for (const rule of corePack().rules) {
      const page = readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.equal(EXAMPLES_MARK.exec(page)?.[0], examplesDocs(rule), rule.id);
      for (const snippet of [...rule.examples.warn, ...rule.examples.pass]) assert.ok(page.includes(snippet), `${rule.id}: ${snippet}`);
    }
  });

  it('shows at the top of each rule’s docs page what its file says it checks, why it matters and what counts', () => {
    for (const rule of corePack().rules) {
      const page = readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.ok(rule.page.title && (rule.page.why ?? []).length > 0 && (rule.page.counts ?? []).length > 0, `${rule.id} says what it checks, why and what counts`);
      assert.equal(PAGE_MARK.exec(page)?.[0], pageDocs(rule), rule.id);
      assert.ok(page.startsWith(`# ${rule.id}\n\n<!-- page -->`), `${rule.id}: the page opens with its rule's words`);
    }
  });

  it('measures in the eval exactly the rules whose file says so, each with a floor', () => {
    const measured = corePack().rules.filter((rule) => rule.page.floor !== undefined);
    assert.deepEqual([...MEASURED_RULES], measured.map((rule) => rule.id));
    for (const rule of measured) assert.ok(rule.page.floor! > 0.5 && rule.page.floor! <= 1, `${rule.id} has a real floor`);
    assert.ok(MEASURED_RULES.length >= 12, 'the corpus measures the built-in coverage, enquiry, risk and wording rules');
  });

  it('has no term line longer than the 100 characters a list entry keeps it to', () => {
    for (const file of CORE_FILES) {
      const data = file.data as { terms?: Record<string, string[] | { match?: string[]; exclude?: string[] }> };
      for (const [name, concept] of Object.entries(data.terms ?? {})) {
        const terms = Array.isArray(concept) ? concept : [...(concept.match ?? []), ...(concept.exclude ?? [])];
        for (const term of terms) assert.ok(term.length <= 100, `${file.name} ${name}: ${term}`);
      }
    }
  });
});

/**
 * Words the text model and the kinds may still spell in code: names of
 * pronoun families and of the subject a mention has (type tags, not words
 * looked up), the section kind for a heading that names none, and the two
 * irregular contractions the tokenizer folds (can't, won't) before any
 * list is known; and syntax: the dash of a list or a suppression's reason,
 * and the `children` field of a Markdown syntax tree; and the verb agreement
 * of the engine's own messages ("1 rule id is", "2 are").
 */
const ALLOWED_LITERALS = new Set(['he', 'she', 'they', 'none', 'unknown', "can't", "won't", 'can', 'will', '-', '--', 'children', 'is', 'are']);

/**
 * Names the engine's types give their values: a mention's status and role, a
 * coverage state. They are identifiers shared with packs (`statuses:`,
 * `roles:`), not English for the matcher, even where a word list holds the
 * same word ("requested").
 */
const IDENTIFIERS = new Set<string>([...MENTION_STATUSES, ...MENTION_ROLES, ...COVERAGE_STATUSES]);

describe('vocabulary: wording of secondary places comes from the rule', () => {
  it('uses the rule’s related wording with the words found, and the words alone without one', () => {
    const draft = '## Offence analysis\n\nHe told me he was provoked. He states he pushed the man once.';
    const core = lintSnippet(draft, corePack()).result.messages.find((message) => message.ruleId === 'sole-account');
    assert.deepEqual(core?.related?.map((place) => place.message), ["Also rests on the person's account: 'told me'.", "Also rests on the person's account: 'He states'."]);
    const team = withTeam(`name: t\nversion: 1.0.0\nextends: core\nrules:\n  own-account:\n    kind: corroborate\n    message: M.\n    options: { claims: self-report, sources: independent-source, sections: [offence-analysis] }\n`);
    const plain = lintSnippet(draft, team).result.messages.find((message) => message.ruleId === 'own-account');
    assert.deepEqual(plain?.related?.map((place) => place.message), ["'told me'", "'He states'"]);
  });
});

describe('vocabulary: no English word list in code', () => {
  it('leaves no word of the text model’s lists, and no list of words, as a string literal in rules/core or rules/kinds', () => {
    const core = corePack();
    const words = new Set([...core.vocabulary.values()].flatMap((entries) => entries.map((entry) => entry.value.toLowerCase())));
    const offenders: string[] = [];
    for (const dir of ['rules/core', 'rules/kinds']) {
      for (const name of readdirSync(path.join(REPO_ROOT, dir)).filter((file) => file.endsWith('.ts'))) {
        const text = readFileSync(path.join(REPO_ROOT, dir, name), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '')
          // The names of types that typeof gives are syntax, not English.
          .replace(/typeof [\w.]+ [!=]==? '\w+'/g, '')
          // So are the kinds a fix's `type` names.
          .replace(/\btype: '[\w-]+'/g, '');
        for (const match of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
          const literal = (match[1] ?? match[2]).replace(/\\'/g, "'");
          if (words.has(literal.toLowerCase()) && !ALLOWED_LITERALS.has(literal.toLowerCase()) && !IDENTIFIERS.has(literal)) offenders.push(`${dir}/${name}: '${literal}'`);
        }
        // A list of quoted words, two or more of them in the lists, is a word list.
        for (const match of text.matchAll(/\[\s*(?:'[^'\n]*'\s*,\s*)+'[^'\n]*'/g)) {
          const listed = [...match[0].matchAll(/'([^'\n]*)'/g)].filter((item) => words.has(item[1].toLowerCase()) && !ALLOWED_LITERALS.has(item[1].toLowerCase()) && !IDENTIFIERS.has(item[1]));
          if (listed.length >= 2) offenders.push(`${dir}/${name}: ${match[0].slice(0, 60)}…`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
