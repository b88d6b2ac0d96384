import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keepOutermostBySorting, keepOutermostOfFew, Matcher, type ConceptDefinition } from '../rules/core/matcher.js';
import { parseSentences, type Word } from '../rules/core/sentences.js';
import { MAX_EXPANSIONS, MAX_GAP, parseTerm, TermSyntaxError } from '../rules/core/terms.js';
import { tokenize } from '../rules/core/tokens.js';
import { fuzzParameters } from './fuzz-support.js';

function wordsOf(sentence: string): Word[] {
  const sentences = parseSentences(sentence, (offset) => offset);
  assert.equal(sentences.length, 1, `expected one sentence in: ${sentence}`);
  return sentences[0].words;
}

/** The matched text of each match of a one-concept matcher in a sentence. */
function matches(terms: string[], sentence: string, exclude?: string[]): string[] {
  const matcher = new Matcher([{ name: 'topic', match: terms, exclude }]);
  const words = wordsOf(sentence);
  return matcher.matchSentence(words).map((match) => sentence.slice(words[match.first].start, words[match.end - 1].end));
}

describe('term matching', () => {
  describe('stems and inflections', () => {
    const table: Array<[string, string, string[]]> = [
      ['state', 'He states that he was at home.', ['states']],
      ['state', 'He stated that he was at home.', ['stated']],
      ['state', 'Stating that he was at home, he left.', ['Stating']],
      ['stated', 'He states he was at home.', ['states']],
      ['drink', 'He was drinking; he drinks daily.', ['drinking', 'drinks']],
      ['child', 'His children live with him.', []],
      ['children', 'He has three children.', ['children']],
      ['told me', 'He TOLD ME that he was sorry.', ['TOLD ME']],
      ['victim', "The victim's statement was read.", ["victim's"]],
      ['victim', 'The victim’s statement was read.', ['victim’s']],
      ['offence', 'He committed offences.', ['offences']],
    ];
    for (const [term, sentence, expected] of table) {
      it(`'${term}' in "${sentence}" → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(matches([term], sentence), expected);
      });
    }
  });

  describe('term syntax', () => {
    const table: Array<[string, string, string[]]> = [
      ['"stated"', 'He stated it and he states it.', ['stated']],
      ['=stated', 'He stated it and he states it.', ['stated']],
      ['drink*', 'He is a drinker who drinks and drank.', ['drinker', 'drinks']],
      ['self-report*', 'His self-reported use is low.', ['self-reported']],
      ['cannabis|cocaine', 'He uses cannabis and cocaine but not heroin.', ['cannabis', 'cocaine']],
      ['police|cps records|summary', 'Police records and the CPS summary agree.', ['Police records', 'CPS summary']],
      ['told {0,3} me', 'He told me.', ['told me']],
      ['told {0,3} me', 'He told the writer and me.', ['told the writer and me']],
      ['told {0,3} me', 'He told his friend, his mother and me.', []],
      ['told {1,2} me', 'He told me.', []],
      ['told {1,2} me', 'He told both of us, me included.', []],
      ['told {1,2} me', 'He told writer me.', ['told writer me']],
      ['in|during interview', 'During interview he was calm.', ['During interview']],
    ];
    for (const [term, sentence, expected] of table) {
      it(`'${term}' in "${sentence}" → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(matches([term], sentence), expected);
      });
    }

    it('expands alternatives into word sequences', () => {
      assert.deepEqual(parseTerm('told|informed me'), [
        [
          { type: 'stem', value: tokenize('told').stem },
          { type: 'stem', value: tokenize('me').stem },
        ],
        [
          { type: 'stem', value: tokenize('informed').stem },
          { type: 'stem', value: tokenize('me').stem },
        ],
      ]);
      assert.deepEqual(parseTerm('told {2} me')[0][1], { type: 'gap', min: 2, max: 2 });
    });

    const errors: Array<[string, RegExp]> = [
      ['', /empty/],
      ['   ', /empty/],
      ['{0,3} me', /between two words/],
      ['told {0,3}', /between two words/],
      [`told {0,${MAX_GAP + 1}} me`, /min ≤ max/],
      ['told {3,1} me', /min ≤ max/],
      ['dr*nk', /not a word/],
      ['told {x} me', /not a word/],
      ['|', /no word/],
      [Array.from({ length: 11 }, () => 'a|b').join(' '), new RegExp(`more than ${MAX_EXPANSIONS}`)],
    ];
    for (const [term, message] of errors) {
      it(`rejects ${JSON.stringify(term.length > 40 ? term.slice(0, 40) + '…' : term)} with a reason`, () => {
        assert.throws(() => parseTerm(term), (error: unknown) => error instanceof TermSyntaxError && message.test(error.message));
        assert.throws(() => new Matcher([{ name: 'broken', match: [term] }]), TermSyntaxError);
      });
    }
  });

  describe('which matches are kept', () => {
    it('keeps the longest match at a start and drops matches inside it', () => {
      assert.deepEqual(matches(['previous', 'previous convictions', 'convictions'], 'He has previous convictions.'), ['previous convictions']);
    });

    it('keeps overlapping matches of different concepts', () => {
      const matcher = new Matcher([
        { name: 'drink', match: ['drink'] },
        { name: 'drink-driving', match: ['drink driving'] },
      ]);
      const found = matcher.matchSentence(wordsOf('He admits drink driving.')).map((match) => `${match.concept}:${match.first}-${match.end}`);
      assert.deepEqual(found.sort(), ['drink-driving:2-4', 'drink:2-3']);
    });

    it('lets an exclusion veto overlapping matches of its own concept only', () => {
      assert.deepEqual(matches(['child', 'children'], 'As a child he lived in care.', ['as a child']), []);
      assert.deepEqual(matches(['child', 'children'], 'As a child he lived in care; he has two children now.', ['as a child']), ['children']);
      const matcher = new Matcher([
        { name: 'children', match: ['child'], exclude: ['as a child'] },
        { name: 'childhood', match: ['as a child'] },
      ]);
      assert.deepEqual(
        matcher.matchSentence(wordsOf('As a child he lived in care.')).map((match) => match.concept),
        ['childhood'],
      );
    });

    it('never matches across a sentence end', () => {
      const matcher = new Matcher([{ name: 'told-me', match: ['told {0,3} me'] }]);
      const sentences = parseSentences('He told. Me too.', (offset) => offset);
      assert.equal(sentences.length, 2);
      for (const sentence of sentences) assert.deepEqual(matcher.matchSentence(sentence.words), []);
    });

    it('reports the concepts it knows', () => {
      const matcher = new Matcher([
        { name: 'a', match: ['x'] },
        { name: 'b', match: ['y'] },
      ]);
      assert.deepEqual([...matcher.concepts].sort(), ['a', 'b']);
    });
  });

  describe('cost', () => {
    /** Words that count how often the matcher reads their folded forms. */
    function countingWords(sentence: string): { words: Word[]; reads: () => number } {
      let count = 0;
      const words = wordsOf(sentence).map((word) => {
        const { norm, stem } = word;
        const counted = { ...word };
        Object.defineProperty(counted, 'norm', { get: () => (count++, norm), enumerable: true });
        Object.defineProperty(counted, 'stem', { get: () => (count++, stem), enumerable: true });
        return counted as Word;
      });
      return { words, reads: () => count };
    }

    const base: ConceptDefinition[] = [
      { name: 'alcohol', match: ['drink', 'alcohol*', 'binge|heavy drinking', '"pints"'] },
      { name: 'self-report', match: ['he {0,2} told|said|state', 'told {0,3} me'] },
    ];

    /** The same shapes of term (stems, exact words, prefixes, alternatives, gaps), many more of them, none in the text. */
    function withUnusedTerms(count: number): ConceptDefinition[] {
      const extra: ConceptDefinition[] = [];
      for (let index = 0; index < count; index++) {
        const word = `zq${index.toString(36)}`;
        extra.push({ name: `unused-${index}`, match: [word, `"${word}x"`, `${word.slice(0, 5)}*`, `${word} {0,3} ${word}y|${word}z`] });
      }
      return [...base, ...extra];
    }

    const sentence = 'He told me he drinks about ten pints of lager and binge drinks alcohol with his friends at weekends.';

    it('finds the same matches whatever other terms the pack has', () => {
      const small = new Matcher(base).matchSentence(wordsOf(sentence));
      const large = new Matcher(withUnusedTerms(5000)).matchSentence(wordsOf(sentence));
      assert.ok(small.length >= 5, `expected several matches, got ${small.length}`);
      assert.deepEqual(large, small);
    });

    it('does the same work per word with 20,000 more terms as with a handful', () => {
      const small = countingWords(sentence);
      new Matcher(base).matchSentence(small.words);
      const large = countingWords(sentence);
      new Matcher(withUnusedTerms(5000)).matchSentence(large.words);
      assert.ok(small.reads() > 0);
      assert.equal(large.reads(), small.reads(), 'the number of reads of the words must not grow with the number of terms');
    });

    it('does work linear in the length of the text', () => {
      const matcher = new Matcher(withUnusedTerms(500));
      const once = countingWords(sentence);
      matcher.matchSentence(once.words);
      const repeated = countingWords(Array.from({ length: 8 }, () => sentence.replace(/\.$/, ',')).join(' ') + ' end.');
      matcher.matchSentence(repeated.words);
      assert.ok(repeated.reads() <= 8 * once.reads() + 50, `8 times the text cost ${repeated.reads()} reads against ${once.reads()} for one`);
    });

    it('keeps gapped terms cheap: each trie node is visited at most once per word position', () => {
      const words = countingWords(Array.from({ length: 40 }, () => 'a').join(' ') + '.');
      const matcher = new Matcher([{ name: 'gappy', match: ['a {0,6} a {0,6} a {0,6} a {0,6} b'] }]);
      assert.deepEqual(matcher.matchSentence(words.words), []);
      assert.ok(words.reads() < 40 * 40 * 4, `gap combinations were explored one by one: ${words.reads()} reads`);
    });
  });

  describe('dropping contained and vetoed matches', () => {
    const match = fc.record({ concept: fc.constantFrom('a', 'b', 'c'), first: fc.nat(6), length: fc.integer({ min: 1, max: 4 }), exclude: fc.boolean() }).map(({ concept, first, length, exclude }) => ({ concept, first, end: first + length, exclude }));

    it('gives the same matches pair by pair as by grouping and sorting, for any few matches', () => {
      fc.assert(
        fc.property(fc.array(match, { minLength: 2, maxLength: 16 }), (found) => {
          assert.deepEqual(keepOutermostOfFew(found.map((item) => ({ ...item }))), keepOutermostBySorting(found.map((item) => ({ ...item }))));
        }),
        fuzzParameters(2_000),
      );
    });
  });
});
