import accommodationText, { data as accommodationData } from './accommodation.yaml';
import alcoholText, { data as alcoholData } from './alcohol.yaml';
import cuesText, { data as cuesData } from './cues.yaml';
import childSafeguardingText, { data as childSafeguardingData } from './child-safeguarding.yaml';
import domesticAbuseEnquiryText, { data as domesticAbuseEnquiryData } from './domestic-abuse-enquiry.yaml';
import drugsText, { data as drugsData } from './drugs.yaml';
import lexiconText, { data as lexiconData } from './lexicon.yaml';
import mentalHealthText, { data as mentalHealthData } from './mental-health.yaml';
import packText, { data as packData } from './pack.yaml';
import previousConvictionsText, { data as previousConvictionsData } from './previous-convictions.yaml';
import riskReasoningText, { data as riskReasoningData } from './risk-reasoning.yaml';
import safeguardingEnquiryText, { data as safeguardingEnquiryData } from './safeguarding-enquiry.yaml';
import sectionsText, { data as sectionsData } from './sections.yaml';
import sharedTermsText, { data as sharedTermsData } from './shared-terms.yaml';
import soleAccountText, { data as soleAccountData } from './sole-account.yaml';
import sourcesSectionText, { data as sourcesSectionData } from './sources-section.yaml';
import uncriticalLanguageText, { data as uncriticalLanguageData } from './uncritical-language.yaml';
import whoIsAtRiskText, { data as whoIsAtRiskData } from './who-is-at-risk.yaml';
import wordsText, { data as wordsData } from './words.yaml';

/** One file of the built-in pack, bundled as its text and its parsed data. */
export interface CoreFile {
  /** The file name in rules/packs/core/. */
  name: string;
  text: string;
  data: unknown;
  /** Part of every pack's vocabulary, whether or not the pack extends core (the text model's word lists and headings). */
  base?: true;
}

/**
 * The files of the built-in pack in the order they are read: the pack's
 * header, the text model's vocabulary and headings, the shared word lists and
 * concepts, then one file per rule (in the order rules are listed).
 */
export const CORE_FILES: readonly CoreFile[] = [
  { name: 'pack.yaml', text: packText, data: packData },
  { name: 'lexicon.yaml', text: lexiconText, data: lexiconData, base: true },
  { name: 'sections.yaml', text: sectionsText, data: sectionsData, base: true },
  { name: 'cues.yaml', text: cuesText, data: cuesData, base: true },
  { name: 'words.yaml', text: wordsText, data: wordsData },
  { name: 'shared-terms.yaml', text: sharedTermsText, data: sharedTermsData },
  { name: 'sole-account.yaml', text: soleAccountText, data: soleAccountData },
  { name: 'previous-convictions.yaml', text: previousConvictionsText, data: previousConvictionsData },
  { name: 'mental-health.yaml', text: mentalHealthText, data: mentalHealthData },
  { name: 'alcohol.yaml', text: alcoholText, data: alcoholData },
  { name: 'drugs.yaml', text: drugsText, data: drugsData },
  { name: 'child-safeguarding.yaml', text: childSafeguardingText, data: childSafeguardingData },
  { name: 'safeguarding-enquiry.yaml', text: safeguardingEnquiryText, data: safeguardingEnquiryData },
  { name: 'domestic-abuse-enquiry.yaml', text: domesticAbuseEnquiryText, data: domesticAbuseEnquiryData },
  { name: 'accommodation.yaml', text: accommodationText, data: accommodationData },
  { name: 'who-is-at-risk.yaml', text: whoIsAtRiskText, data: whoIsAtRiskData },
  { name: 'risk-reasoning.yaml', text: riskReasoningText, data: riskReasoningData },
  { name: 'uncritical-language.yaml', text: uncriticalLanguageText, data: uncriticalLanguageData },
  { name: 'sources-section.yaml', text: sourcesSectionText, data: sourcesSectionData },
];
