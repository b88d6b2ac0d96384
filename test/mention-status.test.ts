import assert from 'node:assert/strict';
import type { MentionRole, MentionStatus } from '../rules/core/contracts.js';
import { AssessmentDocument, type Mention } from '../rules/core/document.js';
import { CORE_PACK, loadPackFile, parsePack } from '../rules/packs/load-pack.js';
import { compilePacks, type CompiledPack } from '../rules/packs/compile.js';
import { corePack, firedRules, lintSnippet } from './helpers.js';

/** Sentences that make "he" the person the draft is about. */
const ABOUT_HIM = 'Mr Doyle is 34. He lives alone and he works as a driver. He was interviewed twice.\n\n';

function mentionsOf(text: string, concept: string, pack: CompiledPack = corePack(), format: 'markdown' | 'plaintext' = 'plaintext'): Mention[] {
  const document = new AssessmentDocument(text, format, { lexicon: pack.lexicon, classifier: pack.classifier });
  return document.mentionsOf(pack.matcher, [concept]);
}

/** Fails with every case of a grid that went wrong, not only the first. */
function assertGrid(failures: string[], total: number): void {
  assert.ok(total > 0);
  assert.deepEqual(failures, [], `${failures.length} of ${total} cases went wrong`);
}

describe('mention model: status, role and owner of every mention', () => {
  describe('a source that was not there to read is no source (sources × ways of saying so)', () => {
    const sources = [
      'the CPS papers', 'the CPS case summary', 'the MG5', 'the prosecution papers', 'the case papers', 'the witness statements', 'the MG11',
      'the victim statement', 'the CCTV footage', 'the body-worn footage', 'the police summary', 'the court papers',
      'the case summary', 'the sentencing remarks', 'the previous pre-sentence report', 'the agreed facts',
    ];
    const after: Array<[string, MentionStatus[]]> = [
      ['{S} have not yet been received.', ['unavailable', 'requested']],
      ['{S} had not been received by the time of writing.', ['unavailable']],
      ['{S} were requested but have not been served.', ['requested']],
      ['{S}: not yet received.', ['unavailable', 'requested']],
      ['{S} – awaited.', ['requested']],
      ['{S} remain outstanding.', ['requested']],
      ['{S} are with the court.', ['unavailable']],
      ['{S}: [to add]', ['placeholder']],
      ['{S}: TBC', ['placeholder']],
      ['| {S} | Not available |', ['unavailable']],
      ['{S} were not available at the time of writing.', ['unavailable']],
      ['{S} - requested 12/11, chased 18/11.', ['requested']],
      ['{S}?', ['placeholder']],
      ['{S} to follow.', ['requested']],
      ['{S} will be requested.', ['hypothetical']],
    ];
    const before: Array<[string, MentionStatus[]]> = [
      ['I have not seen {s}.', ['unavailable']],
      ['I have not had sight of {s}.', ['unavailable']],
      ['I am still awaiting {s}.', ['requested']],
      ['I have requested {s}.', ['requested']],
      ['I was unable to obtain {s}.', ['unavailable', 'not-done']],
      ['I will request {s} before the hearing.', ['hypothetical']],
      ['Without {s}, this account rests on what he told me.', ['unavailable', 'negated']],
      ['[insert {s}]', ['placeholder']],
    ];
    const cases = [...after, ...before];

    it('gives each mention of the source a status that is not "affirmed"', () => {
      const failures: string[] = [];
      let total = 0;
      for (const source of sources) {
        for (const [pattern, expected] of cases) {
          const sentence = pattern.replace('{S}', source.charAt(0).toUpperCase() + source.slice(1)).replace('{s}', source);
          const found = mentionsOf(ABOUT_HIM + sentence, 'independent-source').filter((mention) => mention.start >= ABOUT_HIM.length);
          total++;
          if (found.length === 0) failures.push(`no source found in: ${sentence}`);
          for (const mention of found) if (!expected.includes(mention.status)) failures.push(`${sentence} -> '${mention.text}' is ${mention.status}`);
        }
      }
      assertGrid(failures, total);
    });

    it('leaves sources that were read affirmed', () => {
      const failures: string[] = [];
      for (const source of sources) {
        for (const pattern of ['{S} describe him punching the man twice.', 'According to {s}, he punched the man twice.', 'I have read {s}.', '{S}: received and read.']) {
          const sentence = pattern.replace('{S}', source.charAt(0).toUpperCase() + source.slice(1)).replace('{s}', source);
          const found = mentionsOf(ABOUT_HIM + sentence, 'independent-source').filter((mention) => mention.start >= ABOUT_HIM.length);
          if (!found.some((mention) => mention.status === 'affirmed')) failures.push(`${sentence} -> ${found.map((m) => `${m.text}:${m.status}`).join(', ') || 'nothing'}`);
        }
      }
      assertGrid(failures, sources.length * 4);
    });

    it('a source in its own clause after what the person said is read, not reported (said-forms × joiners × sources)', () => {
      const said = ['He told me he has stopped drinking', 'She says she was not there', 'He maintains he acted in self-defence', 'By his own account he pushed the man once'];
      const joiners = [', and {s} confirm this.', ', but {s} describe three punches.', '; however, {s} record a sustained attack.', ', and the court has {s}.'];
      const failures: string[] = [];
      for (const claim of said) {
        for (const joiner of joiners) {
          for (const source of sources) {
            const sentence = claim + joiner.replace('{s}', source);
            const found = mentionsOf(ABOUT_HIM + sentence, 'independent-source').filter((mention) => mention.start >= ABOUT_HIM.length);
            if (!found.some((mention) => mention.status === 'affirmed')) failures.push(`${sentence} -> ${found.map((m) => `${m.text}:${m.status}`).join(', ') || 'nothing'}`);
          }
        }
      }
      assertGrid(failures, said.length * joiners.length * sources.length);
    });

    it('warns sole-account when the only sources named were not available', () => {
      for (const sentence of ['CPS papers not yet received.', 'Case summary requested, not served.', 'I have not seen the prosecution papers.', 'The papers are with the court.']) {
        const draft = `## Offence analysis\n\nHe told me he pushed the man once.\n\n## Sources of information\n\n- Interview\n- ${sentence}\n`;
        assert.ok(firedRules(lintSnippet(draft, corePack()).result).includes('sole-account'), sentence);
      }
      const read = '## Offence analysis\n\nHe told me he pushed the man once.\n\n## Sources of information\n\n- Interview\n- CPS case summary (read)\n';
      assert.ok(!firedRules(lintSnippet(read, corePack()).result).includes('sole-account'));
    });
  });

  describe("someone else's drinking, drugs or health is not the person's (other people × every topic)", () => {
    const others = [
      'His cousin', 'His brother', 'His sister', 'His mother', 'His father', 'His partner', 'His girlfriend', 'His wife', 'His ex-partner',
      'His uncle', 'His nephew', 'His niece', 'His stepfather', 'His grandmother', 'His friend', 'His co-defendant', 'The victim',
      'The complainant', 'The witness', 'The shop assistant', 'The security guard', 'His neighbour', 'His landlord', 'His flatmate',
      'The injured party', 'His son', 'His daughter', 'The bouncer', 'His mother-in-law', 'The passenger',
    ];
    const topics: Array<[string, string]> = [
      ['alcohol', 'drinks heavily most nights'],
      ['drugs', 'smokes cannabis daily'],
      ['mental-health', 'has been treated for depression'],
    ];
    for (const [concept, predicate] of topics) {
      it(`${concept}: "X ${predicate}" and "X, who ${predicate}, …" are about someone else`, () => {
        const failures: string[] = [];
        for (const other of others) {
          for (const sentence of [`${other} ${predicate}.`, `${other}, who ${predicate}, was at the house.`]) {
            const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
            if (found.length === 0) failures.push(`no ${concept} in: ${sentence}`);
            for (const mention of found) if (mention.about !== 'other') failures.push(`${sentence} -> about ${mention.about}`);
          }
        }
        assertGrid(failures, others.length * 2);
      });
    }

    it('possessives: "his partner\'s depression" is the partner\'s', () => {
      const failures: string[] = [];
      for (const other of ['partner', 'mother', 'brother', 'cousin', 'girlfriend', 'friend', 'neighbour', 'nephew']) {
        for (const [concept, phrase] of [['mental-health', 'depression'], ['alcohol', 'drinking'], ['drugs', 'cannabis use']]) {
          const sentence = `He worries about his ${other}'s ${phrase}.`;
          const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
          if (found.length === 0 || found.some((mention) => mention.about !== 'other')) failures.push(sentence);
        }
      }
      assertGrid(failures, 24);
    });

    it('the person\'s own use stays his, even beside someone else\'s', () => {
      for (const sentence of ['He drinks heavily most nights.', 'He told me he smokes cannabis daily, as his cousin does.', 'He has been treated for depression.']) {
        const concept = sentence.includes('drink') ? 'alcohol' : sentence.includes('cannabis') ? 'drugs' : 'mental-health';
        const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
        assert.ok(found.some((mention) => mention.about === 'person'), sentence);
      }
    });
  });

  describe('goods stolen, supplied or found are not what the person uses (verbs × substances)', () => {
    const verbs = [
      'He stole {x}', 'He was caught stealing {x}', 'She shoplifted {x}', 'The theft of {x}', 'He was supplying {x}',
      'He admits selling {x}', 'He pleaded guilty to possession with intent to supply {x}', 'She was concerned in the supply of {x}',
      'He was dealing {x}', 'He was found in possession of {x}', 'A search found {x}', 'Police seized {x}', 'He was importing {x}',
      'He was couriering {x}', 'He sold {x}',
    ];
    const goods: Array<[string, string]> = [
      ['alcohol', 'a crate of lager'], ['alcohol', 'six bottles of vodka'], ['alcohol', 'two cases of wine'], ['alcohol', 'spirits'],
      ['drugs', 'cannabis'], ['drugs', 'crack cocaine'], ['drugs', 'heroin'], ['drugs', 'Class A drugs (cocaine)'], ['drugs', 'ketamine'],
    ];
    it('gives the substance the role "object"', () => {
      const failures: string[] = [];
      for (const verb of verbs) {
        for (const [concept, thing] of goods) {
          const sentence = verb.replace('{x}', thing) + '.';
          const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
          // The concept may leave the phrase out altogether ("supplying cannabis"): either way it is not a topic.
          for (const mention of found) if (mention.role === 'topic') failures.push(`${sentence} -> '${mention.text}' is ${mention.role}`);
        }
      }
      assertGrid(failures, verbs.length * goods.length);
    });

    it('keeps the person\'s own use a topic, even in the same sentence as the offence', () => {
      const expectations: Array<[string, string, MentionRole]> = [
        ['He drinks six cans of lager a day.', 'alcohol', 'topic'],
        ['He stole money to buy cannabis, which he smokes daily.', 'drugs', 'topic'],
        ['He was drunk when he stole the bike.', 'alcohol', 'topic'],
        ['He supplies cannabis, but his own use of cocaine has stopped.', 'drugs', 'topic'],
      ];
      for (const [sentence, concept, role] of expectations) {
        const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
        assert.ok(found.some((mention) => mention.role === role), `${sentence}: ${found.map((m) => `${m.text}:${m.role}`).join(', ')}`);
      }
    });
  });

  describe('goods counted in containers or listed after a quantity are objects, with no verb beside them (containers × substances)', () => {
    const counted = [
      'The MG5 records 42 cases of {x} in the storeroom.', 'Officers found three crates of {x} in the van.', 'Evidence: 6 x bottles {x}.',
      'CCTV shows him carrying two boxes of {x} to the car.', 'A pallet of {x} was recovered.', 'Items: 4 x packs {x}, 2 x bags {x}.',
      'The haul of {x} was worth £2,000.', 'Police recovered a stash of {x}.',
    ];
    const substances: Array<[string, string]> = [
      ['alcohol', 'vodka'], ['alcohol', 'lager'], ['alcohol', 'spirits'], ['alcohol', 'wine'], ['alcohol', 'Smirnoff vodka'],
      ['drugs', 'cannabis'], ['drugs', 'cocaine'], ['drugs', 'heroin'], ['drugs', 'ketamine'],
    ];
    it('gives the substance the role "object"', () => {
      const failures: string[] = [];
      for (const frame of counted) {
        for (const [concept, thing] of substances) {
          const sentence = frame.replaceAll('{x}', thing);
          for (const mention of mentionsOf(ABOUT_HIM + sentence, concept).filter((m) => m.start >= ABOUT_HIM.length)) {
            if (mention.role === 'topic') failures.push(`${sentence} -> '${mention.text}' is a topic`);
          }
        }
      }
      assertGrid(failures, counted.length * substances.length);
    });

    it('a second item listed after a quantity or an aside shares the first one\'s role (verbs × pairs × fillers)', () => {
      const failures: string[] = [];
      const verbs = ['He stole', 'He shoplifted', 'He was caught stealing', 'She admits the theft of'];
      const goods = ['vodka', 'lager', 'whisky', 'cider', 'wine'];
      const fillers = ['(two litres) and some', 'and a', '(x2) and 3', ', a', '(£40) and an'];
      let total = 0;
      for (const verb of verbs) {
        for (const first of goods) {
          for (const second of goods.filter((drink) => drink !== first)) {
            for (const filler of fillers) {
              const sentence = `${verb} ${first} ${filler} ${second} from the Co-op.`.replace(' ,', ',');
              total++;
              const found = mentionsOf(ABOUT_HIM + sentence, 'alcohol').filter((m) => m.start >= ABOUT_HIM.length);
              for (const mention of found) if (mention.role === 'topic') failures.push(`${sentence} -> '${mention.text}' is a topic`);
            }
          }
        }
      }
      assertGrid(failures, total);
    });

    it('leaves how much the person drinks or uses a topic', () => {
      for (const sentence of ['He drinks four cans of lager a day.', 'She drinks a bottle of wine most evenings.', 'He smokes cannabis and a little cocaine at weekends.', 'He told me he drinks 6 pints of lager on a Friday.']) {
        const concept = /cannabis/.test(sentence) ? 'drugs' : 'alcohol';
        const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
        assert.ok(found.length > 0 && found.every((mention) => mention.role === 'topic'), `${sentence}: ${found.map((m) => `${m.text}:${m.role}`).join(', ')}`);
      }
    });
  });

  describe('a source or check still awaited is not available (ways of waiting × sources and checks)', () => {
    const waits = ['to run OGRS once {s} in', 'I will update the court once {s} is received', 'no view on the pattern until {s} comes back', 'further comment to follow once {s} back'];
    const checks: Array<[string, string]> = [
      ['previous-convictions', 'PNC'], ['previous-convictions', 'the PNC'], ['independent-source', 'CPS papers'], ['independent-source', 'the case summary'],
      ['da-enquiry', 'the police DA check'], ['children-services-enquiry', 'the MASH check'],
    ];
    it('gives the source the status "unavailable"', () => {
      const failures: string[] = [];
      for (const wait of waits) {
        for (const [concept, check] of checks) {
          const sentence = `${wait.replace('{s}', check)}.`;
          const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
          if (found.length === 0) failures.push(`${sentence} -> no ${concept} mention`);
          for (const mention of found) if (mention.status !== 'unavailable') failures.push(`${sentence} -> '${mention.text}' is ${mention.status}`);
        }
      }
      assertGrid(failures, waits.length * checks.length);
    });

    it('leaves the person\'s own history as it was: "once he stopped drinking" is alcohol, affirmed', () => {
      for (const [sentence, concept] of [['Once he stopped drinking he found work.', 'alcohol'], ['He used heroin until 2019.', 'drugs'], ['He was well until his mother died, when his depression began.', 'mental-health']]) {
        const found = mentionsOf(ABOUT_HIM + sentence, concept).filter((mention) => mention.start >= ABOUT_HIM.length);
        assert.ok(found.length > 0 && found.some((mention) => mention.status === 'affirmed'), `${sentence}: ${found.map((m) => `${m.text}:${m.status}`).join(', ')}`);
      }
    });
  });

  describe('placeholders and notes to self, in prose, fields, tables and lists', () => {
    const forms: Array<[string, string]> = [
      ['MH: TBC', 'mental-health'],
      ['Alcohol: [insert]', 'alcohol'],
      ['- Drugs: to be confirmed', 'drugs'],
      ['| Mental health | TBC |', 'mental-health'],
      ['Cocaine? Ask at next appointment.', 'drugs'],
      ['Drugs: see offence.', 'drugs'],
      ['Mental health - ask manager.', 'mental-health'],
    ];
    it('marks each as a placeholder, so the topic is not addressed', () => {
      const failures: string[] = [];
      for (const [line, concept] of forms) {
        for (const format of ['plaintext', 'markdown'] as const) {
          const found = mentionsOf(ABOUT_HIM + line, concept, corePack(), format).filter((mention) => mention.start >= ABOUT_HIM.length);
          if (found.length === 0) failures.push(`no ${concept} in: ${line}`);
          for (const mention of found) if (mention.status !== 'placeholder' && !mention.inLabel) failures.push(`${format} ${line} -> '${mention.text}' is ${mention.status}`);
        }
        const draft = `# Assessment\n\n${ABOUT_HIM}${line}\n`;
        if (firedRules(lintSnippet(draft, corePack()).result).indexOf(concept) < 0) failures.push(`${concept} does not warn on: ${line}`);
      }
      assertGrid(failures, forms.length);
    });

    it('a question answered in the next sentence is an answer, not a placeholder', () => {
      const found = mentionsOf(ABOUT_HIM + 'Any alcohol issues? None reported by him or his GP.', 'alcohol').filter((mention) => mention.start >= ABOUT_HIM.length);
      assert.equal(found[0]?.status, 'affirmed');
    });
  });

  describe('a team\'s own terms get the same status handling as core\'s', () => {
    it('the team pack\'s terms are its own, not core\'s', () => {
      const sources = team.conceptSources.get('da-enquiry')!.match.filter((term) => term.written === 'athena');
      assert.equal(sources.length, 1);
      assert.equal(sources[0].origin.layer.file, 'team.yaml');
    });
    const team = compilePacks([
      loadPackFile(CORE_PACK),
      parsePack(
        'team.yaml',
        // Core knows these names already; the team pack takes them out and adds them back as its own terms.
        [
          'name: team',
          'version: 1.0.0',
          'vocabulary:',
          '  local-front-doors: { remove: [integrated front door, ifd] }',
          'terms:',
          '  children-services-enquiry:',
          '    add: [integrated front door, ifd]',
          '  da-enquiry:',
          "    remove: ['niche|storm|athena|pnd']",
          "    add: ['niche|storm|pnd', athena]",
          '',
        ].join('\n'),
        undefined,
      ),
    ]);
    const withChildren = 'He lives with his partner and their son, aged 4.\n\n';
    const forms: Array<[string, boolean]> = [
      ['An Integrated Front Door check was completed on 3 May: no concerns. Athena checks were completed on 3 May: two call-outs.', true],
      ['IFD check requested 3/5, awaited. Athena check requested 3/5, response awaited.', true],
      ['The Integrated Front Door declined to share information. Athena: declined by the force.', true],
      ['IFD enquiry: not requested. Athena enquiry: not requested.', false],
      ['Integrated Front Door | N/A |\n\nAthena | N/A |', false],
      ['No IFD checks have been made. No Athena checks have been made.', false],
      ['IFD check - not done. Athena check not done yet.', false],
      ['IFD? Athena?', false],
    ];
    for (const [sentence, counts] of forms) {
      it(`${counts ? 'counts' : 'does not count'}: ${sentence.replace(/\n/g, ' ')}`, () => {
        const fired = firedRules(lintSnippet(ABOUT_HIM + withChildren + sentence + '\n', team, 'plaintext').result);
        assert.equal(fired.includes('safeguarding-enquiry'), !counts, `safeguarding-enquiry on: ${sentence}`);
        assert.equal(fired.includes('domestic-abuse-enquiry'), !counts, `domestic-abuse-enquiry on: ${sentence}`);
      });
    }
  });

  describe('other senses of a word', () => {
    const cases: Array<[string, string]> = [
      ['He stressed that he had not meant to hurt anyone.', 'mental-health'],
      ['Mr Doyle has been convicted of theft from a shop.', 'previous-convictions'],
      ['He gave his account in an interview under caution.', 'previous-convictions'],
    ];
    for (const [sentence, concept] of cases) {
      it(sentence, () => {
        for (const mention of mentionsOf(ABOUT_HIM + sentence, concept).filter((m) => m.start >= ABOUT_HIM.length)) assert.notEqual(mention.role, 'topic', mention.text);
      });
    }
    it('keeps a record of convictions a topic', () => {
      const found = mentionsOf(ABOUT_HIM + 'He has been convicted of 12 offences since 2015.', 'previous-convictions').filter((m) => m.start >= ABOUT_HIM.length);
      assert.ok(found.some((mention) => mention.role === 'topic'));
    });
  });
});
