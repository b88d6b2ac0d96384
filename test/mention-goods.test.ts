import { described, fires, grid, mentionsIn, shortReport } from './mention-grid.js';

const DRINKS = ['vodka', 'Smirnoff vodka', 'whisky', 'lager', 'cider', 'wine', 'gin', 'spirits'];
const TAKING = ['took', 'had taken', 'grabbed', 'removed', 'pocketed', 'picked up'];
const CONTAINERS = ['six bottles of', 'a bottle of', 'two cans of', 'a case of', 'four packs of', 'a box of'];

describe('alcohol as goods taken: counted in containers, or taken from where it was kept', () => {
  it('"took six bottles of vodka" is goods, not his drinking (taking verbs × containers × drinks)', () => {
    const frames = TAKING.flatMap((verb) => CONTAINERS.map((container) => `He ${verb} ${container} {d} and left the store.`));
    grid(frames, DRINKS, (frame, drink) => {
      const sentence = frame.replace('{d}', drink);
      const found = mentionsIn(sentence, 'alcohol');
      return found.length > 0 && found.every((mention) => mention.role === 'object') ? undefined : described(sentence, found, 'role');
    });
  });

  it('"two bottles of whisky from the kitchen worktop" is goods even far from the verb (places × drinks)', () => {
    const places = ['the kitchen worktop', 'a display near the door', 'the shelf', 'the stockroom', 'a chiller cabinet', 'the top shelf'];
    grid(places, DRINKS, (place, drink) => {
      const sentence = `He says he took a laptop, a handbag from a chair and two bottles of ${drink} from ${place}.`;
      const found = mentionsIn(sentence, 'alcohol');
      return found.length > 0 && found.every((mention) => mention.role === 'object') ? undefined : described(sentence, found, 'role');
    });
  });

  it('goods meant for trade are objects: "the whisky was to swap for drugs" (forms × drinks)', () => {
    const frames = ['He says the {d} was to swap for drugs.', 'The {d} was for selling on.', 'He said the {d} were to sell at the car boot.'];
    grid(frames, DRINKS, (frame, drink) => {
      const sentence = frame.replace('{d}', drink);
      const found = mentionsIn(sentence, 'alcohol');
      return found.length > 0 && found.every((mention) => mention.role === 'object') ? undefined : described(sentence, found, 'role');
    });
  });

  it('what he drinks, and "took" without a count of containers, stay his (forms × drinks)', () => {
    const frames = ['He drinks two bottles of {d} a night.', 'He took a drink of {d} before the interview.', 'He says he has {d} most evenings.', 'He buys four cans of {d} from the shop each day.'];
    grid(frames, DRINKS, (frame, drink) => {
      const sentence = frame.replace('{d}', drink);
      const found = mentionsIn(sentence, 'alcohol');
      return found.length > 0 && found.some((mention) => mention.role === 'topic' && mention.about === 'person') ? undefined : described(sentence, found, 'role');
    });
  });

  it('a draft whose only alcohol is the goods taken still asks about his drinking (containers × drinks)', () => {
    grid(CONTAINERS, DRINKS, (container, drink) => {
      const text = shortReport(`He took ${container} ${drink} from the display and walked out without paying.`);
      return fires(text, 'alcohol') ? undefined : `${container} ${drink}: counted as his drinking`;
    });
  });
});

describe('housing as a job, not a home', () => {
  it('a housing officer, manager or adviser by job is no accommodation (jobs × frames)', () => {
    const jobs = ['a senior housing officer', 'a housing manager', 'a housing adviser', 'an assistant housing officer'];
    const frames = ['At the time of the offence she was {j} in east Leeds.', 'She worked as {j} for nine years.', 'He has been employed as {j} since 2019.'];
    grid(frames, jobs, (frame, job) => {
      const text = shortReport(frame.replace('{j}', job));
      return fires(text, 'accommodation') ? undefined : `${frame.replace('{j}', job)}: counted as where she lives`;
    });
  });

  it('housing money, and other people as tenants, are no home of hers (forms)', () => {
    const notHers = ['She redirected 14 tenancy deposit refunds into her own account.', 'The refunds were due to tenants who had died.', 'It was a housing grant fraud.', 'He took rent deposit scheme funds.'];
    grid(notHers, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? undefined : `${sentence}: counted as where she lives`));
    grid(['She is a council tenant.', 'He is the tenant of a one-bedroom flat.', 'She is in rent arrears on her tenancy.'], ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? `${sentence}: not counted` : undefined));
  });

  it('where the person lives still counts next to a housing job (forms)', () => {
    const homes = ['She was a housing officer and lives alone in a rented flat.', 'He rents a room from a housing association.', 'She has a council tenancy in Hunslet.'];
    grid(homes, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? `${sentence}: not counted` : undefined));
  });
});

describe('who is at risk: police and staff who act, and victims in general', () => {
  /** A short report whose risk section gives a level and one more sentence. */
  const risk = (line: string) => `# PSR\n\n## Offence analysis\n\nThe CPS summary describes the offence.\n\n## Risk of serious harm\n\nHe poses a medium risk of serious harm to the public. ${line}\n`;

  it('police or staff who made, reported or knew of something are not named as at risk (groups × verbs)', () => {
    const verbs = ['made a referral in 2024', 'reported him to the manager', 'said he was calm', 'confirmed the account'];
    grid(['The police', 'Staff', 'Officers', 'Security'], verbs, (group, verb) => (fires(risk(`${group} ${verb}.`), 'who-is-at-risk') ? undefined : `${group} ${verb}: named as at risk`));
    grid(['He is known to police for violence.', 'He is known to staff at the hostel.'], ['who-is-at-risk'], (line, rule) => (fires(risk(line), rule) ? undefined : `${line}: named as at risk`));
  });

  it('victims in general name nobody; victims named, or staff at risk, do (forms)', () => {
    const general = ['Victims of such offences suffer lasting harm.', 'Victims also suffer significant psychological harm.', 'Potential victims are anyone he comes into conflict with.', 'Victims of this kind can feel unsafe at home.'];
    grid(general, ['who-is-at-risk'], (line, rule) => (fires(risk(line), rule) ? undefined : `${line}: named as at risk`));
    const named = ['The risk is greatest to the victim, Ms Hart.', 'Staff at the Co-op on Mill Lane are at risk.', 'Police officers who arrest him are at risk of assault.'];
    grid(named, ['who-is-at-risk'], (line, rule) => (fires(risk(line), rule) ? `${line}: not counted` : undefined));
  });
});
