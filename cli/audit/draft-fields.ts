import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { HeaderField } from '../../rules/core/header-fields.js';
import type { FileReport } from '../report.js';
import { data as fieldsData } from './draft-fields.yaml';

/** The facts the audit reads from a draft's header: who wrote it, their team and the kind of report. */
export const DRAFT_FACTS = ['author', 'team', 'type'] as const;
/** One of the facts read from a draft's header. */
export type DraftFact = (typeof DRAFT_FACTS)[number];

const FactWordingSchema = Type.Object({ labels: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }), cutAt: Type.Array(Type.String({ minLength: 1, maxLength: 1 })) }, { additionalProperties: false });
const WordingsSchema = Type.Object({ author: FactWordingSchema, team: FactWordingSchema, type: FactWordingSchema }, { additionalProperties: false });
/** The label wordings of each fact and where its answer ends, as draft-fields.yaml gives them. */
export type FieldWordings = Static<typeof WordingsSchema>;

/** What the audit knows about a draft beyond its findings: header facts (when stated) and its folder. */
export interface DraftFacts {
  author?: string;
  team?: string;
  type?: string;
  /** The draft's folder relative to the working folder (`.` for the working folder itself). */
  folder: string;
}

const LABEL_NOISE = /[\s*_:|]+/g;
const WHITESPACE_RUN = /\s+/g;

/** A label as compared: lower case, with spaces, bold marks and colons taken out ("Report  Author:" is "reportauthor"). */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(LABEL_NOISE, '');
}

/** Checks the field wordings (the shape of draft-fields.yaml, each label listed once); throws naming the entry at fault. */
export function parseFieldWordings(data: unknown): FieldWordings {
  if (!Value.Check(WordingsSchema, data)) {
    const first = Value.Errors(WordingsSchema, data).First();
    throw new Error(`cli/audit/draft-fields.yaml: ${first?.path ?? ''} ${first?.message ?? 'invalid'}`);
  }
  const seen = new Map<string, string>();
  for (const fact of DRAFT_FACTS) {
    for (const label of data[fact].labels) {
      const key = labelKey(label);
      const earlier = seen.get(key);
      if (earlier) throw new Error(`cli/audit/draft-fields.yaml: the label '${label}' of ${fact} is listed already (under ${earlier}); list each label once`);
      seen.set(key, fact);
    }
  }
  return data;
}

let wordings: Map<string, DraftFact> | undefined;
let cuts: FieldWordings | undefined;

/** Which fact each known label states, keyed by labelKey. */
function labelFacts(): Map<string, DraftFact> {
  if (!wordings) {
    cuts = parseFieldWordings(fieldsData);
    wordings = new Map(DRAFT_FACTS.flatMap((fact) => cuts![fact].labels.map((label): [string, DraftFact] => [labelKey(label), fact])));
  }
  return wordings;
}

/** A fact's answer as grouped: cut at the first stop character, whitespace folded; undefined when blank, a placeholder or 'not known' (as the linter read it). */
function answer(fact: DraftFact, field: HeaderField): string | undefined {
  if (field.empty) return undefined;
  const value = field.value;
  let text = value;
  for (const stop of cuts![fact].cutAt) {
    const at = text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  text = text.replace(WHITESPACE_RUN, ' ').trim();
  return text || undefined;
}

/** The facts a draft's header fields state: for each, the first field with one of its labels (front matter first). */
export function factsFromFields(fields: readonly HeaderField[]): Partial<Record<DraftFact, string>> {
  const known = labelFacts();
  const facts: Partial<Record<DraftFact, string>> = {};
  const ordered = [...fields.filter((field) => field.from === 'front-matter'), ...fields.filter((field) => field.from !== 'front-matter')];
  for (const field of ordered) {
    const fact = known.get(labelKey(field.label));
    if (!fact || facts[fact] !== undefined) continue;
    const value = answer(fact, field);
    if (value !== undefined) facts[fact] = value;
  }
  return facts;
}

/** The folder part of a report path (`caseload/north` for `caseload/north/a.md`; `.` for a file in the working folder). */
export function folderOf(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? '.' : relative.slice(0, slash);
}

/** What the audit knows about one linted or skipped file: its header facts and its folder. */
export function draftFacts(report: FileReport): DraftFacts {
  return { ...factsFromFields(report.header ?? []), folder: folderOf(report.relative) };
}
