import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitChunks } from '../rules/core/chunks.js';
import { ChunkCache } from '../rules/core/chunk-cache.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { readHeadingLine } from '../rules/core/heading-lines.js';
import { parsedMarkdownUnits, parseUnits, type Unit } from '../rules/core/units.js';
import { defaultTextVocabulary } from '../rules/core/default-vocabulary.js';
import { compileYaml } from './helpers.js';

type Format = 'markdown' | 'plaintext';

/** Sections as `kind "title"` lines, for compact expectations. */
function sectionsOf(text: string, format: Format): string[] {
  return new AssessmentDocument(text, format).sections.map((section) => `${section.kind} "${section.title}"`);
}

/** Every word of a document as its exact source text, in order. */
function wordsOf(document: AssessmentDocument): string[] {
  return document.units.flatMap((placed) => placed.unit.sentences.flatMap((sentence) => sentence.words.map((word) => document.text.slice(placed.offset + word.start, placed.offset + word.end))));
}

/** What the rules read of a chunk's units: kinds, titles, labels and each word as it stands in the source (unit spans may differ by surrounding spaces). */
function unitShapes(chunk: string, units: Unit[]) {
  return units.map((unit) => ({
    kind: unit.kind,
    depth: unit.depth,
    title: unit.title,
    label: unit.label,
    labelEnd: unit.labelEnd,
    labelAnswered: unit.labelAnswered,
    sentences: unit.sentences.map((sentence) => sentence.words.map((word) => `${chunk.slice(word.start, word.end)}@${word.start}:${word.breakBefore}`)),
  }));
}

describe('text model', () => {
  describe('sections from Markdown headings', () => {
    it('opens a section at each heading, with kind, title, depth and heading span, covering the draft without gaps', () => {
      const text = '# Pre-sentence report\n\n## Offence analysis\n\nHe hit him.\n\n## Offender assessment\n\n### Notes\n\nHe drinks.\n\n## Risk analysis\n\nLow.\n';
      const document = new AssessmentDocument(text, 'markdown');
      assert.deepEqual(
        document.sections.map((section) => [section.kind, section.title, section.depth]),
        [
          ['unknown', 'Pre-sentence report', 1],
          ['offence-analysis', 'Offence analysis', 2],
          ['assessment', 'Offender assessment', 2],
          ['assessment', 'Notes', 3],
          ['risk', 'Risk analysis', 2],
        ],
      );
      const offence = document.sections[1];
      assert.ok(offence.heading);
      assert.equal(text.slice(offence.heading.start, offence.heading.end), '## Offence analysis');
      assert.equal(text.slice(offence.start, offence.end), '## Offence analysis\n\nHe hit him.\n\n');
      for (let index = 1; index < document.sections.length; index++) assert.equal(document.sections[index].start, document.sections[index - 1].end);
      assert.equal(document.sections[document.sections.length - 1].end, text.length);
      assert.equal(document.hasHeadings, true);
    });

    it('places each unit in the section it stands under', () => {
      const document = new AssessmentDocument('## Offence analysis\n\nHe hit him.\n\n## Proposal\n\nA community order.', 'markdown');
      assert.deepEqual(
        document.units.map((placed) => [placed.unit.kind, placed.section.kind]),
        [
          ['heading', 'offence-analysis'],
          ['paragraph', 'offence-analysis'],
          ['heading', 'proposal'],
          ['paragraph', 'proposal'],
        ],
      );
    });

    it('takes a lone first heading over an outline as the title, not as a section kind', () => {
      assert.deepEqual(sectionsOf('# OASys: RoSH summary\n\nx\n\n## Offence analysis\n\ny\n\n## Notes\n\nz', 'markdown'), [
        'unknown "OASys: RoSH summary"',
        'offence-analysis "Offence analysis"',
        'unknown "Notes"',
      ]);
      assert.deepEqual(sectionsOf('# Report\n\n## Offence analysis\n\ny', 'markdown'), ['unknown "Report"', 'offence-analysis "Offence analysis"']);
    });

    it('keeps a first heading that names a kind as a section when only one heading or bold subheadings follow', () => {
      assert.deepEqual(sectionsOf('## Offence analysis\n\nHe hit him.\n\n**Victim impact**\n\nx\n\n**Previous convictions**\n\nNone.', 'markdown'), [
        'offence-analysis "Offence analysis"',
        'offence-analysis "Victim impact"',
        'history "Previous convictions"',
      ]);
      assert.deepEqual(sectionsOf('# Offence analysis\n\nHe hit him.\n\n## Victim impact\n\nNone.', 'markdown'), ['offence-analysis "Offence analysis"', 'offence-analysis "Victim impact"']);
      assert.deepEqual(sectionsOf('OFFENCE ANALYSIS\nHe hit him.\n\nPrevious convictions:\nNone.', 'plaintext'), ['offence-analysis "OFFENCE ANALYSIS"', 'history "Previous convictions"']);
    });

    it('reads a paragraph of bold text only as a pseudo-heading', () => {
      assert.deepEqual(sectionsOf('**Analysis of offence**\n\nHe hit him.\n\n__Previous convictions:__\n\nNone recorded.', 'markdown'), [
        'offence-analysis "Analysis of offence"',
        'history "Previous convictions"',
      ]);
    });

    it('does not read a bold sentence as a heading', () => {
      const document = new AssessmentDocument('## Offence analysis\n\n**He was drunk at the time of the offence.**\n\nHe hit him.', 'markdown');
      assert.deepEqual(
        document.sections.map((section) => section.kind),
        ['offence-analysis'],
      );
      assert.equal(document.units[1].unit.kind, 'paragraph');
    });

    it('does not read bold words inside a sentence as a heading', () => {
      assert.deepEqual(sectionsOf('He drinks **every day** at home.', 'markdown'), ['unknown ""']);
    });
  });

  describe('sections in plain text', () => {
    it('reads short capitals lines, short lines ending with a colon and numbered titles as headings', () => {
      const text = [
        'OFFENCE ANALYSIS',
        'He hit him.',
        '',
        'Previous convictions:',
        'None recorded.',
        '',
        '3. Defendant behaviour and lifestyle assessment',
        'He drinks.',
        '',
        '4.1 Risk of serious harm',
        'Low.',
      ].join('\n');
      assert.deepEqual(sectionsOf(text, 'plaintext'), [
        'offence-analysis "OFFENCE ANALYSIS"',
        'history "Previous convictions"',
        'assessment "Defendant behaviour and lifestyle assessment"',
        'risk "Risk of serious harm"',
      ]);
    });

    it('reads each field line of pasted case-management text as its own unit, but not wrapped prose', () => {
      const fields = 'RISK ASSESSMENT\r\nLikelihood of reoffending: OGRS 42% (medium)\r\nRoSH level: Medium\r\nNature of risk: N/A\r\n';
      const document = new AssessmentDocument(fields, 'plaintext');
      assert.deepEqual(document.units.map((placed) => [placed.unit.label ?? placed.unit.title, placed.unit.labelAnswered]), [
        ['RISK ASSESSMENT', undefined],
        ['Likelihood of reoffending', true],
        ['RoSH level', true],
        ['Nature of risk', false],
      ]);
      const prose = 'He has worked for the same firm for six years and describes the job as the one\nthing that kept him going: he was promoted last spring and his manager wrote a\nreference for the court.\n';
      assert.equal(new AssessmentDocument(prose, 'plaintext').units.length, 1);
    });

    it('reads a lone line that names a section as a heading, and header fields as no section', () => {
      const text = 'PRE-SENTENCE REPORT\n\nName: Adrian Sowerby\nSentence date: 26 November 2025\n\nSources of information\n\nCPS case summary\n\nOffence\n\nHe was arrested.\n\nWorks for his uncle\n\nHe is a scaffolder.\n';
      for (const format of ['plaintext', 'markdown'] as const) {
        const document = new AssessmentDocument(text, format);
        assert.deepEqual(
          document.sections.filter((section) => section.heading).map((section) => [section.kind, section.title]),
          [
            ['unknown', 'PRE-SENTENCE REPORT'],
            ['sources', 'Sources of information'],
            ['offence-analysis', 'Offence'],
          ],
          format,
        );
      }
    });

    it('keeps numbered paragraphs as paragraphs', () => {
      const text = '2. Offence analysis\n2.1 The offence took place on 3 May when Mr Jones hit a man outside a pub.\n2.2 He says he had been drinking since noon.';
      const document = new AssessmentDocument(text, 'plaintext');
      assert.deepEqual(document.sections.map((section) => section.title), ['Offence analysis']);
      assert.deepEqual(
        document.units.map((placed) => placed.unit.kind),
        ['heading', 'paragraph', 'paragraph'],
      );
      assert.match(text.slice(document.units[1].start, document.units[1].end), /^2\.1 The offence took place/);
    });

    const headingLines: Array<[string, string | undefined, number?]> = [
      ['OFFENCE ANALYSIS', 'OFFENCE ANALYSIS', 1],
      ['RISK OF SERIOUS HARM:', 'RISK OF SERIOUS HARM', 1],
      ['Sources of information:', 'Sources of information', 2],
      ['2. Offence analysis', 'Offence analysis', 1],
      ['2.1 Risk', 'Risk', 2],
      ['## Proposal', 'Proposal', 2],
      ['1.1 The offence took place on 3 May at about 11pm.', undefined],
      ['1. he pleaded guilty', undefined],
      ['He pleaded guilty.', undefined],
      ['PNC.', undefined],
      ['He said: "I was drunk."', undefined],
      ['A line that ends with a colon but has far too many words in it to be a heading:', undefined],
      ['', undefined],
    ];
    for (const [line, title, depth] of headingLines) {
      it(`heading line ${JSON.stringify(line)} → ${title === undefined ? 'not a heading' : `"${title}" at depth ${depth}`}`, () => {
        const read = readHeadingLine(line);
        if (title === undefined) assert.equal(read, undefined);
        else assert.deepEqual(read, { title, depth });
      });
    }
  });

  describe('heading synonyms map to canonical kinds', () => {
    const table: Array<[string, string]> = [
      // Current MoJ headings.
      ['Offender details', 'details'],
      ['Court details', 'details'],
      ['Defendant details', 'details'],
      ['Offence details', 'offence-analysis'],
      ['Offence analysis', 'offence-analysis'],
      ['Offences under consideration', 'offence-analysis'],
      ['Pattern of offending and response to supervision', 'history'],
      ['Offender assessment', 'assessment'],
      ['Defendant behaviour and lifestyle assessment', 'assessment'],
      ['Risk assessment', 'risk'],
      ['Risk analysis', 'risk'],
      ['Risk of serious harm', 'risk'],
      ['Likelihood of further offending', 'risk'],
      ['Sentencing proposal', 'proposal'],
      ['Proposal', 'proposal'],
      ['Sources of information', 'sources'],
      // Older and traditional headings.
      ['Analysis of offence', 'offence-analysis'],
      ['Analysis of the offence', 'offence-analysis'],
      ['Previous convictions', 'history'],
      ['Information sources', 'sources'],
      ['Introduction and sources', 'sources'],
      ['Assessment of risk of harm', 'risk'],
      ['Assessment of risk (reoffending and harm)', 'risk'],
      ['Likelihood of reconviction and RoSH', 'risk'],
      ['Conclusion', 'proposal'],
      ['Conclusion and proposal', 'proposal'],
      ['Proposals', 'proposal'],
      // Case and word endings fold; numbering is ignored.
      ['OFFENCE ANALYSIS', 'offence-analysis'],
      ['3. Risk Analysis', 'risk'],
      // Headings that name no kind.
      ['Favourite colours', 'unknown'],
      ['Sign report', 'unknown'],
    ];
    for (const [title, kind] of table) {
      it(`"${title}" → ${kind}`, () => {
        assert.equal(defaultTextVocabulary().classifier.classify(title), kind);
      });
    }

    it('uses heading wordings a pack adds under sections:', () => {
      const pack = compileYaml('name: extra-headings\nversion: 1.0.0\nsections:\n  risk: [danger appraisal]\n');
      const document = new AssessmentDocument('## Danger appraisal\n\nLow.', 'markdown', { classifier: pack.classifier });
      assert.equal(document.sections[0].kind, 'risk');
      assert.equal(new AssessmentDocument('## Danger appraisal\n\nLow.', 'markdown').sections[0].kind, 'unknown');
    });
  });

  describe('drafts without headings', () => {
    for (const format of ['markdown', 'plaintext'] as const) {
      it(`a ${format} draft without headings is one unknown section over the whole text`, () => {
        const text = 'Mr Smith is 24 and lives with his mother. He drinks daily.\n\nHe has two previous convictions.\n';
        const document = new AssessmentDocument(text, format);
        assert.equal(document.sections.length, 1);
        assert.deepEqual({ ...document.sections[0] }, { kind: 'unknown', title: '', depth: 0, start: 0, end: text.length });
        assert.equal(document.hasHeadings, false);
        assert.equal(document.units.length, 2);
      });
    }
  });

  describe('what contributes text', () => {
    it('takes the text of list items and table cells', () => {
      const text = '## Sources of information\n\n- Interview on 3 May\n- CPS case summary\n\n| Area | Notes |\n|---|---|\n| Alcohol | Drinks daily |\n';
      const document = new AssessmentDocument(text, 'markdown');
      const kinds = document.units.map((placed) => placed.unit.kind);
      assert.deepEqual(kinds, ['heading', 'list-item', 'list-item', 'table-row', 'table-row']);
      assert.deepEqual(wordsOf(document), ['Sources', 'of', 'information', 'Interview', 'on', '3', 'May', 'CPS', 'case', 'summary', 'Area', 'Notes', 'Alcohol', 'Drinks', 'daily']);
      const row = document.units[4];
      assert.ok(row.unit.labelEnd !== undefined, "a table row's first cell is its label");
    });

    it('ignores front matter, fenced and inline code, HTML and suppression comments', () => {
      const text = [
        '---',
        'title: Alcohol report',
        'author: drinks team',
        '---',
        '',
        '## Offender assessment',
        '',
        '```',
        'alcohol drinks',
        '```',
        '',
        'He works `alcohol` full time.',
        '',
        '<div>alcohol</div>',
        '',
        '<!-- assessment-lint-disable-next-line alcohol -- reason given -->',
        'He lives alone.',
      ].join('\n');
      const document = new AssessmentDocument(text, 'markdown');
      assert.deepEqual(wordsOf(document), ['Offender', 'assessment', 'He', 'works', 'full', 'time', 'He', 'lives', 'alone']);
      const pack = compileYaml('name: t\nversion: 1.0.0\nterms:\n  alcohol: [alcohol, drink]\n');
      assert.deepEqual(document.mentions(pack.matcher), []);
    });

    it('parses a paragraph into sentences whose words never cross a sentence end', () => {
      const document = new AssessmentDocument('He drinks. She works at the hospital. They live together.', 'plaintext');
      assert.deepEqual(
        document.units[0].unit.sentences.map((sentence) => sentence.words.length),
        [2, 5, 3],
      );
    });

    it('reads a leading field label and opens a section when it names a section kind', () => {
      const text = 'He is 30.\n\nSources: interview, CPS papers, PNC.\n\nNature of risk: N/A\n';
      const document = new AssessmentDocument(text, 'plaintext');
      assert.deepEqual(document.sections.map((section) => [section.kind, section.title]), [
        ['unknown', ''],
        ['sources', 'Sources'],
        ['risk', 'Nature of risk'],
      ]);
      const risk = document.units[2];
      assert.equal(risk.unit.labelAnswered, false, 'a label answered N/A is left empty');
      assert.equal(document.units[1].unit.labelAnswered, true);
    });

    it('reads an empty answer with a gloss as empty, but not an answer that only starts like one', () => {
      const answered = (value: string) => new AssessmentDocument(`Accommodation: ${value}\n`, 'plaintext').units[0].unit.labelAnswered;
      assert.equal(answered('TBC - to be confirmed at next appointment.'), false);
      assert.equal(answered('N/A (not in work)'), false);
      assert.equal(answered('None identified; to be reviewed'), false);
      assert.equal(answered('None of the family will have him back, so he is at a hostel.'), true);
      assert.equal(answered('Unknown to the council, he rents privately.'), true, 'only an empty answer before the dash, comma or bracket makes a gloss');
    });
  });

  describe('offsets', () => {
    it('are exact with CRLF line endings, emoji, accented names and curly quotes', () => {
      const text = '## Offender assessment\r\n\r\nMr O’Neill 🙂 says “fine”.\r\nZoë and Siobhán visit him 👍 weekly.\r\n\r\n- Éamonn’s son 👶 is 3\r\n';
      const document = new AssessmentDocument(text, 'markdown');
      assert.deepEqual(wordsOf(document), ['Offender', 'assessment', 'Mr', 'O’Neill', 'says', 'fine', 'Zoë', 'and', 'Siobhán', 'visit', 'him', 'weekly', 'Éamonn’s', 'son', 'is', '3']);
      const visit = text.indexOf('weekly');
      assert.deepEqual(document.lines.positionAt(visit), { line: 3, character: 29 });
    });

    it('are exact in plain text with CRLF line endings', () => {
      const text = 'ASSESSMENT\r\nMr Nowak 🙂 drinks.\r\n\r\nRISK\r\nLow risk to Zoë.\r\n';
      const document = new AssessmentDocument(text, 'plaintext');
      assert.deepEqual(wordsOf(document), ['ASSESSMENT', 'Mr', 'Nowak', 'drinks', 'RISK', 'Low', 'risk', 'to', 'Zoë']);
      assert.deepEqual(document.sections.map((section) => text.slice(section.start, section.end)), ['ASSESSMENT\r\nMr Nowak 🙂 drinks.\r\n\r\n', 'RISK\r\nLow risk to Zoë.\r\n']);
    });

    it('leave Markdown emphasis, links and inline HTML outside the words they surround', () => {
      const text = 'He drinks **heavily**, says _Zoë_, see [the CPS summary](https://example.org/cps) and <b>PNC</b>.';
      assert.deepEqual(wordsOf(new AssessmentDocument(text, 'markdown')), ['He', 'drinks', 'heavily', 'says', 'Zoë', 'see', 'the', 'CPS', 'summary', 'and', 'PNC']);
    });

    it('stay exact on indented and space-ended lines the parser folds into one text', () => {
      const text = '- He **drinks** daily and   \r\n    uses cocaine \r\n  at weekends.\r\n\r\nHe *says*\n      he has stopped.';
      assert.deepEqual(wordsOf(new AssessmentDocument(text, 'markdown')), ['He', 'drinks', 'daily', 'and', 'uses', 'cocaine', 'at', 'weekends', 'He', 'says', 'he', 'has', 'stopped']);
    });

    it('leave table pipes and padding outside cell words', () => {
      const text = '| Area | Notes |\n|---|---|\n| Drink | *daily* use |\n';
      assert.deepEqual(wordsOf(new AssessmentDocument(text, 'markdown')), ['Area', 'Notes', 'Drink', 'daily', 'use']);
    });
  });

  describe('chunks, parsed once and reused', () => {
    it('splits Markdown at blank lines, but not inside fenced code or comments, and leaves out front matter', () => {
      const text = '---\ntitle: x\n---\n\n# A\n\nOne.\n\n```\ncode\n\nmore code\n```\n\n<!--\n\ncomment\n-->\n\n- item\n\n  continued item\n';
      const chunks = splitChunks(text, 'markdown').map((span) => text.slice(span.start, span.end));
      assert.deepEqual(chunks, ['# A', 'One.', '```\ncode\n\nmore code\n```', '<!--\n\ncomment\n-->', '- item\n\n  continued item']);
    });

    it('splits plain text at blank lines and where a line ends a sentence', () => {
      const text = 'RISK\nLow risk.\nHe is\nwell.\n\nEnd';
      const chunks = splitChunks(text, 'plaintext').map((span) => text.slice(span.start, span.end));
      assert.deepEqual(chunks, ['RISK\nLow risk.', 'He is\nwell.', 'End']);
    });

    it('reuses the parsed units of unchanged paragraphs after an edit', () => {
      const cache = new ChunkCache();
      const before = '## Offence analysis\n\nHe hit him.\n\n## Proposal\n\nA community order.';
      const after = '## Offence analysis\n\nHe hit him twice.\n\n## Proposal\n\nA community order.';
      const first = new AssessmentDocument(before, 'markdown', { cache });
      const second = new AssessmentDocument(after, 'markdown', { cache });
      assert.equal(second.units[0].unit, first.units[0].unit, 'the unchanged heading is reused');
      assert.notEqual(second.units[1].unit, first.units[1].unit, 'the edited paragraph is parsed again');
      assert.equal(second.units[3].unit, first.units[3].unit, 'the unchanged paragraph after the edit is reused');
      assert.equal(second.units[3].start, first.units[3].start + ' twice'.length, 'and placed at its new offset');
    });

    it('reads plain prose and plain headings without the parser exactly as the parser would', () => {
      const chunks = [
        'He was calm and open at interview.',
        '  Indented once, then a second line\nthat continues the paragraph.  ',
        '# Pre-sentence report: Mr Hartley',
        '## 2. Offence analysis',
        '###   Risk  of serious harm   ',
        '#\tTabbed heading',
        '###### Deepest heading with caf\u00e9 and \u201ccurly\u201d quotes \ud83d\ude00',
        '## Heading with trailing hashes ##',
        '####### Seven hashes is a paragraph',
        '#No space is a paragraph',
        '## Heading **with** emphasis',
      ];
      for (const chunk of chunks) assert.deepEqual(unitShapes(chunk, parseUnits(chunk, 'markdown')), unitShapes(chunk, parsedMarkdownUnits(chunk)), JSON.stringify(chunk));
      const piece = fc.constantFrom('#', '##', '###', ' ', '  ', '\t', 'Risk', 'offence', '2.', 'caf\u00e9', '\u2014', ':', '\u00a0', '\n');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
          const chunk = pieces.join('');
          fc.pre(chunk.trim() !== '');
          assert.deepEqual(unitShapes(chunk, parseUnits(chunk, 'markdown')), unitShapes(chunk, parsedMarkdownUnits(chunk)), JSON.stringify(chunk));
        }),
        { numRuns: 2000, seed: 7 },
      );
    });

    it('keeps Markdown and plain-text parses of the same text apart', () => {
      const cache = new ChunkCache();
      const text = 'RISK\nLow.';
      const markdown = new AssessmentDocument(text, 'markdown', { cache });
      const plain = new AssessmentDocument(text, 'plaintext', { cache });
      assert.equal(markdown.hasHeadings, false);
      assert.equal(plain.hasHeadings, true);
    });
  });
});
